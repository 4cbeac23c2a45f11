"""Reading order of dumps: clear news cues restore the lead; ordered text is left alone."""

from __future__ import annotations

from pathlib import Path

from zixun.stages.order import restore_order

ORDERED = [
    "5月12日，滨海市首座海上风电场并网发电，年发电量预计可达12亿千瓦时。",
    "当天，风电场运营方滨海能源集团在并网仪式上表示，项目共安装50台风电机组，总投资约70亿元。",
    "此外，滨海能源集团透露，二期项目已完成海域勘测，计划明年开工建设风电机组。",
    "接下来，滨海市将继续推进海上风电与海洋牧场融合发展，打造沿海清洁能源基地。",
]


def test_shuffled_dump_gets_its_lead_back() -> None:
    shuffled = [ORDERED[2], ORDERED[3], ORDERED[1], ORDERED[0]]
    out = restore_order(shuffled)
    assert out[0] == ORDERED[0]
    assert out[1] == ORDERED[1]
    assert sorted(out) == sorted(ORDERED)


def test_ordered_text_is_kept() -> None:
    assert restore_order(ORDERED) == ORDERED
    assert restore_order(ORDERED[:2]) == ORDERED[:2]


def test_lead_weights_are_what_the_documented_command_builds(tmp_path: Path) -> None:
    """``LEAD_WEIGHTS`` are ``order-weights xwlb-2012-2019.jsonl.gz --part even``: rebuild and compare."""
    import json

    from tests.conftest import shared_path
    from zixun.nlp import build
    from zixun.stages import order

    corpus = shared_path("data", "corpora", "xwlb-2012-2019.jsonl.gz")
    out = tmp_path / "w.json"
    assert build.main(["order-weights", str(corpus), "--part", "even", "--out", str(out)]) == 0
    fitted = json.loads(out.read_text(encoding="utf-8"))["weights"]
    assert set(fitted) == set(order.LEAD_FEATURES)
    for name in order.LEAD_FEATURES:
        assert abs(fitted[name] - order.LEAD_WEIGHTS[name]) <= 0.006, name


def test_the_learned_lead_outranks_a_background_paragraph() -> None:
    """A dated lead with 今天 beats a long background paragraph and a quote for first place."""
    from zixun.stages.order import lead_logit

    paras = ["“这条线路开通后，我上班能节省半个小时。”家住城东的市民王先生说。",
             "近年来，江城轨道交通建设持续提速，已开通运营线路总里程超过三百公里，覆盖主城区大部分客流走廊，"
             "日均客运量屡创新高，轨道交通在公共交通中的分担率逐年提高。",
             "11月6日，江城地铁12号线今天正式开通试运营，全线设车站37座。"]
    scores = [lead_logit(p, paras) for p in paras]
    assert max(range(3), key=scores.__getitem__) == 2
