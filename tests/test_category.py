"""Channels: the page's section/URL first, then a trained model, else the built-in cue vote.

Training data here is written for the test in the three supported formats; the THUCNews
gate reads ../shared at run time."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import zixun
from tests.conftest import shared_path
from zixun.cli import cli
from zixun.nlp import classify as nb
from zixun.nlp.labels import read_labelled
from zixun.stages.category import from_section

SPORTS = ["主队加时险胜客队 球星砍下四十分", "国家队公布亚洲杯大名单 三名新人入选", "马拉松比赛周日开跑 三万名选手参赛",
          "联赛第十轮 主场球队三比一取胜", "乒乓球公开赛 女单决赛上演内战", "篮球联赛季后赛首轮赛程出炉"]
FINANCE = ["央行下调存款准备金率 释放长期资金", "三季度居民消费价格同比上涨", "多家银行调整存款利率 大额存单收紧",
           "上市公司三季报披露 净利润同比增长", "外汇储备规模连续三个月回升", "保险资金加大长期投资 险企利润回暖"]
TECH = ["国产芯片厂商发布新一代处理器", "手机厂商推出折叠屏新机 售价下探", "大模型开放平台上线 开发者可免费调用",
        "卫星互联网试验星发射成功", "人工智能算力中心在西部投运", "操作系统新版本推送 支持跨设备协同"]


@pytest.fixture(autouse=True)
def _no_user_model(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    monkeypatch.setenv("ZIXUN_CATEGORY_MODEL", str(tmp_path / "absent.json"))
    nb.load.cache_clear()
    yield
    nb.load.cache_clear()


def _write_tnews(path: Path) -> Path:
    rows = [(t, "news_sports") for t in SPORTS] + [(t, "news_finance") for t in FINANCE] + [(t, "news_tech") for t in TECH]
    path.write_text("\n".join(json.dumps({"sentence": t, "label_desc": y}, ensure_ascii=False) for t, y in rows),
                    encoding="utf-8")
    return path


def test_url_and_section_first() -> None:
    assert zixun.classify("央行宣布降准", url="https://news.example.cn/sports/2024/01/a.html") == "体育"
    assert zixun.classify("", url="https://finance.example.cn/a.html") == "财经"
    assert from_section("体育新闻", None) == "体育"


def test_builtin_fallback_without_model() -> None:
    assert zixun.classify("主队在联赛中击败对手，球员表现出色，教练赛后称赞球队。", title="联赛焦点战") == "体育"
    assert zixun.classify("") is None


def test_formats_are_read(tmp_path: Path) -> None:
    thuc = tmp_path / "thuc"
    thuc.mkdir()
    (thuc / "class.txt").write_text("finance\nsports", encoding="utf-8")
    (thuc / "train.txt").write_text("央行下调利率\t0\n球队夺冠\t1\n", encoding="utf-8")
    assert list(read_labelled(thuc / "train.txt")) == [("央行下调利率", "财经"), ("球队夺冠", "体育")]
    tt = tmp_path / "toutiao.txt"
    tt.write_text("新车上市_!_6\n", encoding="utf-8")
    assert list(read_labelled(tt)) == [("新车上市", "汽车")]
    assert list(read_labelled(_write_tnews(tmp_path / "t.json")))[0] == (SPORTS[0], "体育")


def test_train_save_load_and_classify(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "model" / "category.json"
    report = nb.train_files([_write_tnews(tmp_path / "t.json")], out=out)
    assert out.is_file() and set(report.classes) == {"体育", "财经", "科技"}
    model = nb.load(str(out))
    assert model is not None
    assert model.predict("女排联赛决赛 主队三比零夺冠")[0] == "体育"
    assert model.predict("银行下调贷款利率 居民存款增长")[0] == "财经"
    assert model.predict("新一代手机芯片发布 算力提升")[0] == "科技"
    monkeypatch.setenv("ZIXUN_CATEGORY_MODEL", str(out))
    nb.load.cache_clear()
    assert zixun.classify("全场比赛十分激烈。", title="足球联赛 主队绝杀客队") == "体育"


def test_unreadable_model_falls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "category.json"
    bad.write_text('{"kind": "something-else"}', encoding="utf-8")
    monkeypatch.setenv("ZIXUN_CATEGORY_MODEL", str(bad))
    nb.load.cache_clear()
    assert nb.load() is None
    assert zixun.classify("主队在联赛中击败对手，球员表现出色。", title="联赛焦点战") == "体育"


def test_cli_train_category(tmp_path: Path) -> None:
    out = tmp_path / "m.json"
    result = CliRunner().invoke(cli, ["train-category", str(_write_tnews(tmp_path / "t.json")), "--out", str(out),
                                      "--holdout", "0.2"])
    assert result.exit_code == 0, result.output
    assert "3 channels" in result.output and "accuracy" in result.output
    assert out.is_file()


def test_thucnews_gate() -> None:
    """Held-out accuracy on THUCNews headlines (train on dev, score test): floor under today's."""
    base = shared_path("data", "recommend", "thucnews")
    model = nb.NaiveBayes.train(list(read_labelled(base / "dev.txt")))
    test = list(read_labelled(base / "test.txt"))[::4]
    assert nb.accuracy(model, test) >= 0.80


def test_traditional_script_is_folded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert zixun.classify("主隊在聯賽中擊敗對手，球員表現出色，教練賽後稱讚球隊。", title="籃球聯賽焦點戰") == "体育"
    out = tmp_path / "m.json"
    nb.train_files([_write_tnews(tmp_path / "t.json")], out=out)
    model = nb.load(str(out))
    assert model is not None
    assert model.predict("銀行下調貸款利率 居民存款增長")[0] == "财经"


def test_english_mixed_headline(tmp_path: Path) -> None:
    out = tmp_path / "m.json"
    nb.train_files([_write_tnews(tmp_path / "t.json")], out=out)
    model = nb.load(str(out))
    assert model is not None
    assert model.predict("NVIDIA发布新一代GPU芯片 AI算力提升")[0] == "科技"
    assert zixun.classify("NBA季后赛首轮，主队球员表现出色。", title="NBA季后赛焦点战") == "体育"


def test_military_equipment_story_is_not_a_game() -> None:
    """装备 is as much a military word as a game word: the cue vote reads 军委/武器装备 as 军事."""
    from zixun.stages.category import cue_vote

    text = ("中央军委日前印发新修订的武器装备试验管理规定，自下月起施行。规定明确了装备试验的组织实施、"
            "质量监督和保障要求，要求各级部队严格落实装备试验责任。")
    assert cue_vote(text, title="中央军委印发武器装备试验管理规定") == "军事"
    assert cue_vote("新版本上线后，玩家可在副本中获得英雄皮肤。", title="手游新版本上线 玩家热议英雄皮肤") == "游戏"


def test_skin_care_and_war_heroes_are_not_games() -> None:
    """皮肤, 英雄, 主机 count for 游戏 only beside a game's own words: a 护肤 story was filed under 游戏."""
    from zixun.stages.category import cue_vote

    skin = ("入秋后空气干燥，皮肤容易缺水。皮肤科医生建议，洁面后先用保湿精华，再涂面霜锁水；"
            "油性皮肤也需要补水，只是要选清爽的质地。")
    assert cue_vote(skin, title="秋冬皮肤干燥怎么办 医生教你三步保湿") != "游戏"
    hero = "纪念馆今天举办英雄事迹展，展出抗洪英雄的日记和照片，市民排队参观。"
    assert cue_vote(hero, title="抗洪英雄事迹展开幕") != "游戏"
    assert cue_vote("新赛季上线，玩家抢先体验新英雄和新皮肤。", title="新英雄皮肤上线") == "游戏"


def test_world_news_names_more_countries_than_the_great_powers() -> None:
    from zixun.stages.category import cue_vote

    text = "当地时间8日深夜，一座国际机场遭武装人员袭击，造成二十多人死亡。巴基斯坦政府随后加强了全国各机场的安保。"
    assert cue_vote(text, title="巴基斯坦一机场遭武装人员袭击") == "国际"
