"""Generated headlines: ≤ 30 characters of the lead's own clauses, no dateline, no final 。."""

from __future__ import annotations

import re

import pytest

import zixun
from zixun.stages.title import MAX_GENERATED, generate_title
from zixun.text.t2s import to_simplified


def _from_lead(title: str, lead: str) -> bool:
    flat = iter(re.sub(r"[\W_]+", "", lead))
    return all(ch in flat for ch in re.sub(r"[\W_]+", "", title))


@pytest.mark.parametrize(
    ("lead", "starts"),
    [
        ("11月3日，青禾市首条跨江隧道正式通车，从江北到江南的车程由40分钟缩短至8分钟。", "青禾市首条跨江隧道正式通车"),
        ("新华社海川3月5日电 海川港今年一季度集装箱吞吐量同比增长12%，创历史同期新高。", "海川港今年一季度集装箱吞吐量"),
        ("据青禾日报报道，青禾市明年起将在全市中小学推行课后延时服务，家长可自愿选择。", "青禾市明年起将在全市中小学推行"),
        ("滨湖公园音乐喷泉本周六恢复夜间表演。", "滨湖公园音乐喷泉本周六恢复夜间表演"),
        # a connective, then the source, then the news: the headline starts with the news
        ("此外，记者从市交通局获悉，江城地铁12号线将于年底前开通试运营，全线设车站37座。", "江城地铁12号线将于年底前开通"),
        ("当天，青溪古镇第十届梅花节开幕，吸引了大批游客前来赏梅。", "青溪古镇第十届梅花节开幕"),
    ],
)
def test_generated_from_the_lead(lead: str, starts: str) -> None:
    title = generate_title(lead)
    assert 0 < len(title) <= MAX_GENERATED
    assert title.startswith(starts)
    assert not title.endswith(("。", "，", "！"))
    assert _from_lead(title, lead)


def test_long_lead_is_cut_at_a_clause() -> None:
    lead = ("今年前三季度，全省规模以上工业企业实现营业收入同比增长百分之八点五，其中高技术制造业增长最快，"
            "对全省工业增长的贡献率超过三成。")
    title = generate_title(lead)
    assert 0 < len(title) <= MAX_GENERATED
    assert _from_lead(title, lead)


def test_english_mixed() -> None:
    title = generate_title("Apple周二在加州发布iPhone 16系列，起售价799美元，搭载A18芯片。")
    assert title.startswith("Apple周二在加州发布iPhone 16系列")
    assert len(title) <= MAX_GENERATED


def test_traditional_script() -> None:
    lead = "10月8日，港灣市政府宣布全市公共圖書館下月起延長開放時間，以回應市民的閱讀需求。"
    title = generate_title(lead)
    assert title.startswith("港灣市政府宣布")
    assert len(title) <= MAX_GENERATED


def test_traditional_lead_gets_the_headline_of_its_simplified_twin() -> None:
    """A Taiwan-style lead (據瞭解, 宣佈) is headlined as its simplified twin is, in its own script."""
    simp = "据了解，今年以来全市新增城市公园20个，新增绿地面积120公顷。市园林局表示，明年还将继续推进口袋公园建设。"
    trad = "據瞭解，今年以來全市新增城市公園20個，新增綠地面積120公頃。市園林局表示，明年還將繼續推進口袋公園建設。"
    title = generate_title(trad)
    assert title.startswith("今年以來全市新增城市公園")
    assert to_simplified(title) == generate_title(simp)


def test_nothing_to_say() -> None:
    assert generate_title("") == ""
    assert generate_title("。。。") == ""


def test_pipeline_marks_generated_title() -> None:
    text = ("\n\n11月3日，青禾市首条跨江隧道正式通车，从江北到江南的车程由40分钟缩短至8分钟。\n\n"
            "隧道全长4.6公里，采用双向六车道设计，总投资约58亿元。\n")
    art = zixun.extract(text.encode("utf-8"))
    if not art.title_generated:
        pytest.skip(f"the text reader took a title line: {art.title!r}")
    assert 0 < len(art.title) <= MAX_GENERATED


def test_generated_headline_keeps_the_words_that_say_when_and_drops_the_connective() -> None:
    """年底前开通 must not become 开通 (it has not opened yet); 而且 does not start a headline."""
    title = generate_title("而且江城地铁12号线今天全线贯通，年底前开通试运营，全长59.9公里，共设车站37座。")
    assert "年底前开通" in title and not title.startswith("而且")
