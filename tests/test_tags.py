"""Tags: names with canonical forms, topical nouns, no stop-words/numbers/punctuation; the
optional lexicon; a TNEWS gate (read from ../shared at run time). Texts are our own."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import zixun
from tests.conftest import shared_path
from zixun.nlp import build as nlp_build
from zixun.nlp import entities, lexicon, tagmodel
from zixun.stages.tags import tag
from zixun.text.segment import STOPWORDS, join_split_names, pos_tag

BASKETBALL_TITLE = "哈登砍下41分 火箭加时险胜勇士"
BASKETBALL = (
    "北京时间3月2日，NBA常规赛火箭主场迎战勇士。哈登全场砍下41分8个篮板，带领火箭在加时赛中以121比118险胜。"
    "勇士当家球星库里得到35分，但最后时刻三分不中。赛后哈登表示，球队的防守在加时赛中起到了关键作用。"
    "火箭主教练称赞哈登是联盟最好的得分手之一。这场胜利让火箭在西部排名升至第三，勇士则遭遇两连败。"
)
SHANGHAI = (
    "浦东新区今天启动滨江步道二期工程，建成后浦东滨江贯通岸线将延长至32公里。"
    "浦东新区建设和交通委员会介绍，二期工程将新增观景平台、骑行道和夜景灯光，预计明年国庆前完工。"
    "陆家嘴金融城多家企业表示，滨江步道将成为员工午间休闲的好去处。"
)


@pytest.fixture(autouse=True)
def _no_user_lexicon(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    monkeypatch.setenv("ZIXUN_TAG_LEXICON", str(tmp_path / "absent.json"))
    monkeypatch.setenv("ZIXUN_TAG_MODEL", str(tmp_path / "absent-model.json"))
    lexicon.load.cache_clear()
    yield
    lexicon.load.cache_clear()


def _clean(tags: list[str]) -> None:
    for t in tags:
        assert t not in STOPWORDS, t
        assert not re.fullmatch(r"[\d\W_.%]+", t), t
        assert len(t) >= 2, t


def test_article_gets_5_to_10_tags_with_canonical_names() -> None:
    tags = zixun.tag(BASKETBALL, title=BASKETBALL_TITLE)
    assert 5 <= len(tags) <= 10
    _clean(tags)
    assert "詹姆斯·哈登" in tags and "哈登" not in tags
    assert "火箭" in tags and "勇士" in tags


def test_place_gets_its_city() -> None:
    tags = zixun.tag(SHANGHAI, title="浦东滨江步道二期开工")
    assert "上海市" in tags
    assert any(t.startswith("浦东") for t in tags)
    _clean(tags)


def test_k_is_honoured() -> None:
    assert len(zixun.tag(BASKETBALL, title=BASKETBALL_TITLE, k=3)) == 3
    assert len(zixun.tag(BASKETBALL, title=BASKETBALL_TITLE, k=10)) <= 10


def test_repeated_new_name_is_merged() -> None:
    text = ("星澜智算发布新一代训练芯片。星澜智算表示，新芯片面向大模型训练。"
            "业内人士认为，星澜智算的产品将与国际厂商竞争。星澜智算计划明年量产。")
    tags = zixun.tag(text)
    assert "星澜智算" in tags
    assert "星澜" not in tags


def test_english_mixed() -> None:
    text = ("Apple周二发布iPhone 16，搭载A18芯片，支持Apple Intelligence。分析师认为，"
            "AI功能将带动iPhone换机潮，Apple股价当天上涨2%。The Group said nothing.")
    tags = zixun.tag(text, title="Apple发布iPhone 16")
    assert "Apple" in tags and "iPhone" in tags
    assert "The" not in tags and "said" not in tags
    _clean(tags)


def test_traditional_script() -> None:
    text = ("港灣市政府宣布，全市公共圖書館將於下月起延長開放時間。港灣市政府發言人表示，"
            "圖書館延長開放首階段涵蓋十二間分館，其餘分館明年跟進。圖書館將增設自助借書機。")
    tags = zixun.tag(text, title="港灣市圖書館延長開放時間")
    assert len(tags) >= 3
    assert any("圖書館" in t for t in tags)
    _clean(tags)


def test_empty_and_punctuation_only() -> None:
    assert zixun.tag("") == []
    assert zixun.tag("，。！？……123 456") == []


def test_headline_abbreviation_expands() -> None:
    assert "俄罗斯" in tag("", title="俄战机飞越黑海 美方提出抗议", k=5)


def test_lexicon_build_and_use(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [{"sentence": f"许家印第{i}次视察足球学校", "keywords": "许家印,恒大,足球学校"} for i in range(4)]
    rows += [{"sentence": "足球学校迎来新学员", "keywords": "足球学校"}]
    src = tmp_path / "tagged.json"
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    out = lexicon.save(lexicon.build([src]), tmp_path / "lex.json")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert "足球学校" in data["vocab"]
    assert data["cooc"]["许家印"][0][0] == "恒大"
    monkeypatch.setenv("ZIXUN_TAG_LEXICON", str(out))
    lexicon.load.cache_clear()
    tags = tag("", title="许家印再谈足球学校", k=5)
    assert "恒大" in tags and "足球学校" in tags


def test_broken_lexicon_degrades_gracefully(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "lex.json"
    bad.write_text("{not json", encoding="utf-8")
    monkeypatch.setenv("ZIXUN_TAG_LEXICON", str(bad))
    lexicon.load.cache_clear()
    assert "詹姆斯·哈登" in zixun.tag(BASKETBALL, title=BASKETBALL_TITLE)


# Headlines and tags written for these tests: taggers pick the names and the compound nouns.
_TAGGED = [
    ("星澜智算发布新一代训练芯片", "星澜智算,训练芯片,人工智能"),
    ("星澜智算计划明年量产训练芯片", "星澜智算,训练芯片,量产"),
    ("滨江步道二期开工 浦东新区再添休闲去处", "滨江步道,浦东新区,上海"),
    ("浦东新区发布滨江步道夜景灯光方案", "浦东新区,滨江步道,夜景灯光"),
    ("火箭加时险胜勇士 哈登砍下41分", "哈登,火箭,勇士,NBA"),
    ("勇士主场迎战火箭 库里三分不中", "库里,勇士,火箭,NBA"),
    ("港湾市图书馆延长开放时间", "港湾市,图书馆"),
    ("港湾市公共图书馆增设自助借书机", "港湾市,图书馆,自助借书机"),
    ("《长河》热播 主演谈拍摄趣事", "长河,电视剧"),
    ("《长河》收官 网友直呼不舍", "长河,电视剧"),
]


def _model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    src = tmp_path / "tagged.json"
    rows = [{"sentence": s, "keywords": k} for s, k in _TAGGED * 3]
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    out = tmp_path / "model.json"
    assert nlp_build.main(["tags-model", str(src), "--out", str(out)]) == 0
    monkeypatch.setenv("ZIXUN_TAG_MODEL", str(out))
    return out


def test_tag_model_build_and_headline_picks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = _model(tmp_path, monkeypatch)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["headlines"] == 3 * len(_TAGGED) and len(data["weights"]) == len(tagmodel.FEATURES)
    model = tagmodel.load()
    assert model is not None
    scores = dict(model.scored("星澜智算训练芯片进入量产"))
    assert scores["星澜智算"] > scores.get("进入", 0.0)
    tags = tag("", title="星澜智算训练芯片进入量产", k=5)
    assert tags and tags[0] in ("星澜智算", "训练芯片")
    assert len(tags) <= 5
    _clean(tags)


def test_tag_model_article_fills_from_the_body(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _model(tmp_path, monkeypatch)
    tags = zixun.tag(BASKETBALL, title=BASKETBALL_TITLE)
    assert 5 <= len(tags) <= 8  # the headline's picks, then the body's topics up to tags_k
    assert "火箭" in tags and "勇士" in tags
    assert "詹姆斯·哈登" in tags and "哈登" not in tags  # an article's tags take canonical names
    _clean(tags)
    assert len(zixun.tag(SHANGHAI, title="浦东滨江步道二期开工", k=3)) == 3


def test_tag_model_absent_or_broken_falls_back_to_the_builtin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             caplog: pytest.LogCaptureFixture) -> None:
    """No model file: the built-in weights pick the headline's tags. A broken file is named in
    a warning and changes nothing; ``none`` leaves the headline to the rules."""
    plain = zixun.tag(BASKETBALL, title=BASKETBALL_TITLE)
    assert tagmodel.load() == tagmodel.builtin()
    bad = tmp_path / "model.json"
    bad.write_text('{"features": ["bias"]}', encoding="utf-8")
    monkeypatch.setenv("ZIXUN_TAG_MODEL", str(bad))
    assert tagmodel.load() == tagmodel.builtin()
    assert str(bad) in caplog.text and "tags-model" in caplog.text
    assert zixun.tag(BASKETBALL, title=BASKETBALL_TITLE) == plain
    monkeypatch.setenv("ZIXUN_TAG_MODEL", "none")
    assert tagmodel.load() is None
    headline = "《长河》热播 主演谈拍摄趣事"
    rules = tag("", title=headline, k=5)  # the rules list every candidate up to k
    monkeypatch.setenv("ZIXUN_TAG_MODEL", str(tmp_path / "absent.json"))
    model = tag("", title=headline, k=5)  # the built-in model stops where its confidence does
    assert model[0] == "长河" and len(model) < len(rules)


def test_builtin_tag_weights_are_what_the_documented_command_builds(tmp_path: Path) -> None:
    """``BUILTIN_WEIGHTS`` are ``tags-model dev.json --part even --no-counts``, rounded: rebuild and compare."""
    path = shared_path("data", "nlp", "tnews", "dev.json")
    out = tmp_path / "m.json"
    assert nlp_build.main(["tags-model", str(path), "--part", "even", "--no-counts", "--out", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert not data["seen"] and not data["tags"]  # no string from the data is kept
    fitted = dict(zip(data["features"], data["weights"], strict=True))
    for name in tagmodel.FEATURES:
        assert abs(fitted[name] - tagmodel.BUILTIN_WEIGHTS.get(name, 0.0)) <= 0.006, name
    assert data["mean_gold"] == tagmodel.BUILTIN_MEAN_GOLD


def _tnews(odd_only: bool) -> list[tuple[str, list[str]]]:
    path = shared_path("data", "nlp", "tnews", "dev.json")
    items = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        d = json.loads(line)
        gold = [k for k in d["keywords"].split(",") if k]
        if gold and (i % 2 or not odd_only):
            items.append((d["sentence"], gold))
    return items


def _f1_at_5(items: list[tuple[str, list[str]]]) -> tuple[float, float]:
    """Mean exact F1@5 of ``tag`` on headlines, and headlines per second (the faster of two passes)."""
    tag("", title=items[0][0], k=5)
    best = float("inf")
    for _ in range(2):  # other processes share the machine
        t = time.perf_counter()
        preds = [tag("", title=s, k=5) for s, _ in items]
        best = min(best, time.perf_counter() - t)
    f1 = 0.0
    for pred, (_s, gold) in zip(preds, items, strict=True):
        hits = len(set(pred) & set(gold))
        if hits:
            p, r = hits / len(pred), hits / len(gold)
            f1 += 2 * p * r / (p + r)
    return f1 / len(items), len(items) / best


def test_tnews_default_gate_and_speed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Exact F1@5 on TNEWS headlines with nothing installed. The built-in model, fit on the even
    lines, scored on the odd lines: floor under today's 0.229; the rules alone (``none``) on all
    lines: floor under today's 0.212. Both ≥ 2,000 headlines/s."""
    f1, speed = _f1_at_5(_tnews(odd_only=True))
    assert f1 >= 0.222 and speed >= 2000
    monkeypatch.setenv("ZIXUN_TAG_MODEL", "none")
    f1, speed = _f1_at_5(_tnews(odd_only=False))
    assert f1 >= 0.205 and speed >= 2000


def test_tnews_tag_model_gate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The model built from the even lines, scored on the odd lines (held out): exact F1@5
    floor under today's 0.245 (the rules alone score 0.207 there); ≥ 2,000 headlines/s."""
    path = shared_path("data", "nlp", "tnews", "dev.json")
    out = tagmodel.save(tagmodel.build([path], part="even"), tmp_path / "model.json")
    monkeypatch.setenv("ZIXUN_TAG_MODEL", str(out))
    f1, speed = _f1_at_5(_tnews(odd_only=True))
    assert f1 >= 0.238 and speed >= 2000


def test_credits_and_anonymous_people_are_not_tags() -> None:
    """A photographer or on-scene reporter named in the body, and 王女士-style anonymous people,
    say nothing about the story; the places and things around them do."""
    html = """<html><head><meta charset="utf-8"><title>梅花节开幕 古镇迎来赏花客流</title></head><body>
    <h1>梅花节开幕 古镇迎来赏花客流</h1>
    <div class="article">
    <p>3月2日，第十届青溪古镇梅花节开幕，十里梅林进入盛花期，周边民宿周末房间基本订满。</p>
    <p>3月2日，游客在青溪古镇梅林中拍照。通讯员 柯文澜 摄</p>
    <p>晨报记者邝以宁注意到，不少游客选择清晨入园，避开午间高峰。来自省城的游客王女士说，梅林比往年更大，夜游灯光也很漂亮。</p>
    <p>古镇管委会介绍，梅花节期间将推出夜游梅林、非遗市集和古镇研学等活动，梅林门票实行分时预约。</p>
    <p>据悉，青溪古镇今年新增梅花品种二十余个，梅林面积扩大到一千二百亩，梅花节将持续到3月底。</p>
    </div></body></html>"""
    art = zixun.extract(html.encode("utf-8"), url="https://news.example.cn/travel/2024/03/02/plum.html")
    assert art.tags, art
    for bad in ("柯文澜", "邝以宁", "王女士"):
        assert bad not in art.tags, art.tags
    assert "梅花节" in art.tags or "梅林" in art.tags, art.tags


def test_traditional_text_is_cut_like_its_simplified_twin() -> None:
    """Tags of a traditional-script story are the words of its simplified twin, in its own script."""
    trad = ("閩北山區的竹編藝人陳德發今年七十歲，每週三到鎮上小學教孩子編竹籃。陳德發說，竹編手藝靠的是耐心，"
            "閩北毛竹多，竹編曾經是家家戶戶的副業。學校把竹編課排進了課後服務，報名的學生越來越多。")
    simp = ("闽北山区的竹编艺人陈德发今年七十岁，每周三到镇上小学教孩子编竹篮。陈德发说，竹编手艺靠的是耐心，"
            "闽北毛竹多，竹编曾经是家家户户的副业。学校把竹编课排进了课后服务，报名的学生越来越多。")
    t_tags = zixun.tag(trad, title="閩北竹編藝人進校園")
    s_tags = zixun.tag(simp, title="闽北竹编艺人进校园")
    from zixun.text.t2s import to_simplified

    assert [to_simplified(t) for t in t_tags][:5] == s_tags[:5]
    assert "竹編" in t_tags and "閩北" in t_tags, t_tags


def test_plain_english_words_in_a_chinese_story_are_not_tags() -> None:
    """An English sentence quoted in a Chinese story gives no tags (the, to, good); names do
    (Apple Intelligence, A18)."""
    tags = zixun.tag("学英语也能很轻松。漫画里写道：you need to have a good laugh at the bright side of things。"
                     "苹果发布会上，Apple Intelligence 和 A18 芯片成为焦点。", title="双语漫画走红 苹果发布新芯片", k=10)
    assert not [t for t in tags if t.isascii() and t.islower()], tags
    assert "A18" in tags and "Apple Intelligence" in tags, tags
    assert not any(t in ("sideof", "goodlaugh") for t in tags)


def test_ambiguous_short_names_need_a_cue_and_codes_are_not_tags() -> None:
    """库里 is a village in a land notice and Stephen Curry in a game report; a credit code is no tag."""
    notice = zixun.tag("长山镇库里渔场、库里三村纳入征占地范围，库里渔场将整体搬迁。统一社会信用代码：11220000013544357T",
                       title="嫩江干流补充治理工程征地通告")
    assert "斯蒂芬·库里" not in notice and "11220000013544357T" not in notice, notice
    game = zixun.tag("库里三分球10投8中，勇士主场大胜。库里赛后表示球队状态正在回升。", title="库里三分雨 勇士大胜")
    assert "斯蒂芬·库里" in game, game
    assert "A18" in zixun.tag("苹果发布A18芯片，A18采用新工艺。", title="苹果发布A18芯片")


def test_common_words_the_dictionary_calls_names_are_not_weighted_as_names() -> None:
    """jieba's dictionary marks 高峰, 古老, 张贴, 明显增加 and 拉开帷幕 as person names (nr);
    weighted like names they crowded out the story's topics. Real names still count."""
    from zixun.text.segment import is_person_name

    for word in ("高峰", "古老", "张贴", "明显增加", "拉开帷幕", "满负荷"):
        assert not is_person_name(word, "nr"), word
    for word in ("邓小平", "诸葛亮", "欧阳修", "林晓舟", "陳德發"):
        assert is_person_name(word, "nr"), word
    assert not is_person_name("上海", "ns")
    title = "秋季运动会开幕 市民踊跃参与"
    text = ("市体育中心举行秋季全民运动会，比赛项目明显增加，参赛人数明显增加，开幕式拉开帷幕后迎来入场高峰。"
            "运动会组委会主任林晓舟介绍，今年新设了广场舞、健步走和亲子接力等项目，入场高峰时段体育中心外排起长队。"
            "组委会张贴了分时入场的告示，林晓舟表示，运动会将持续一周，拉开帷幕的这一天参赛市民最多。")
    tags = tag(text, title=title, k=8)
    assert "林晓舟" in tags[:3], tags
    for bad in ("明显增加", "拉开帷幕", "张贴"):
        assert bad not in tags, tags


def test_foreign_names_cut_into_syllables_are_whole_tags() -> None:
    """jieba cuts an unknown transliterated name into pieces (皮|斯托|瑞斯); the tag is the name."""
    text = ("南非短跑名将皮斯托瑞斯当地时间15日在比勒陀利亚出庭。皮斯托瑞斯的律师表示，将在下周提交新的证据。"
            "英国首相特雷莎·梅当天也就此事发表了看法。")
    tags = tag(text, title="皮斯托瑞斯出庭受审", k=8)
    assert "皮斯托瑞斯" in tags and not {"斯托", "瑞斯"} & set(tags), tags
    assert "特雷莎·梅" in tags or "特雷莎" not in tags, tags


def test_long_report_titles_in_book_marks_are_no_tags() -> None:
    text = ("本届新闻奖共评出获奖作品291件，其中《吴菊萍：勇敢的妈妈伟大的母亲》《走基层-塔县皮里村蹲点日记》获一等奖。"
            "评委会表示，获奖作品扎根基层，记录时代。纪录片《江河》同时获奖。")
    tags = tag(text, title="新闻奖评选结果揭晓", k=8)
    assert not any("：" in t or "-" in t for t in tags), tags
    assert "江河" in tags, tags


def test_english_story_tags_are_names_not_filler() -> None:
    title = "Governor Defends New Campaign After Online Ridicule"
    text = ("The governor of South Dakota defended the state's new anti-drug campaign on Monday. "
            "Governor Kristi Noem said the campaign was really working, because people were talking about it. "
            "Critics in South Dakota called the slogan a little strange, but Kristi Noem said something had to change. "
            "The campaign cost the state about $449,000, officials said.")
    tags = tag(text, title=title, k=8)
    assert "South Dakota" in tags and "Kristi Noem" in tags, tags
    for filler in ("really", "little", "something", "Governor Defends New Campaign"):
        assert filler not in tags, tags


def test_headline_model_skips_plain_lowercase_english_in_chinese_headlines() -> None:
    """A template's "null" or a stray "and" in a Chinese headline is no tag; iPhone and GPU are."""
    found = {c.text for c in tagmodel.candidates("江城论坛 :: null iPhone and GPU新品发布", tagmodel.Counts())}
    assert "null" not in found and "and" not in found
    assert "iPhone" in found and "GPU" in found


NBA_STORY = (
    "NBA常规赛今天继续进行，洛杉矶湖人队主场迎战金州勇士队。勒布朗·詹姆斯全场砍下38分，詹姆斯在第四节连得12分。"
    "赛后詹姆斯表示，球队在防守端打出了韧性。勇士队斯蒂芬·库里得到30分，替补登场的塞斯·库里得到8分。"
)
BANK_STORY = (
    "中国人民银行（以下简称“央行”）今天宣布下调金融机构存款准备金率0.5个百分点。央行表示，此次降准将释放长期资金约1万亿元。"
    "记者从星澜智算科技（江城）有限责任公司（以下简称“星澜智算”）获悉，公司将加快训练芯片量产。"
)


def test_the_story_names_its_people_and_bodies_in_full() -> None:
    """A story writes a full name once (勒布朗·詹姆斯, 江城市数据资源管理局（以下简称“市数据局”）)
    and then the short one; the tag is the full name. A short name two people share (库里) stays as is, and
    a company keeps the short name readers use, not its registered one."""
    local = entities.doc_aliases(NBA_STORY + BANK_STORY)
    assert local["詹姆斯"] == "勒布朗·詹姆斯"
    assert "库里" not in local and "星澜智算" not in local
    defined = entities.doc_aliases(
        "江城市数据资源管理局（以下简称“市数据局”）发布《江城市促进训练芯片产业发展的实施方案》（以下简称《方案》）。"
        "会上，江城市发展和改革委员会（以下简称“市发改委”）介绍了项目进展。"
    )
    assert defined == {"市数据局": "江城市数据资源管理局"}  # no document title; no name read from a cut clause
    tags = zixun.tag(NBA_STORY, title="詹姆斯38分 湖人主场胜勇士")
    assert "勒布朗·詹姆斯" in tags and "詹姆斯" not in tags
    assert not any("分湖" in t for t in tags)
    bank = zixun.tag(BANK_STORY, title="央行宣布降准0.5个百分点")
    assert "中国人民银行" in bank and "央行" not in bank
    data = zixun.tag("江城市数据资源管理局（以下简称“市数据局”）今天发布公共数据开放目录。市数据局表示，首批开放数据集"
                     "超过300个，市数据局将按季度更新。", title="市数据局发布公共数据开放目录")
    assert "江城市数据资源管理局" in data and "市数据局" not in data


def test_a_score_or_an_age_ends_a_word() -> None:
    words = [w for w, _p in pos_tag("詹姆斯38分湖人胜勇士 5岁会创业 还剩3分钟")]
    assert "分湖" not in words and "岁会" not in words and "分钟" in words


def test_headline_spans_stop_at_a_space_between_chinese_clauses() -> None:
    found = {c.text for c in tagmodel.candidates("春运首日网络购票遇高峰 铁路部门延长电话订票时间", tagmodel.Counts())}
    assert "铁路部门" in found and not any("高峰铁路" in s for s in found)
    english = {c.text for c in tagmodel.candidates("星澜Pad 2 Pro今日开售", tagmodel.Counts())}
    assert "Pad 2 Pro" in english  # an English name keeps its spaces


def test_unsure_headline_spans_leave_an_article_to_its_body() -> None:
    """When no span of a headline is a likely tag, the body's topics fill the article's tags,
    not runs of headline words (加速完善, 完善超充)."""
    body = ("江城今年新建超充站120座，城市充电网络覆盖全部行政区。超充站单次充电时间缩短到十五分钟，"
            "新能源车主在商圈和小区附近即可找到超充站。供电公司表示，明年还将在高速服务区增建超充站。")
    tags = zixun.tag(body, title="城市充电网络加速完善 超充站单次充电缩短到十五分钟")
    assert "超充站" in tags
    assert not {"加速完善", "完善超充", "网络加速"} & set(tags)


def test_latin_names_inside_chinese_stories_stay_whole() -> None:
    """Kip Thorne and Apple Watch in a Chinese story are one tag each, not Kip and Thorne; one word
    in two letter cases (Heat, HEAT) is one tag."""
    body = ("物理学家Kip Thorne接受了本报采访。Kip Thorne表示，引力波探测器明年将重启，探测距离是过去的两倍。"
            "Kip Thorne认为，重启后能看到更多黑洞与中子星碰撞。英国杂志HEAT和网站Heat都转载了这次采访。")
    tags = zixun.tag(body, title="访Kip Thorne：引力波探测器明年重启")
    assert "Kip Thorne" in tags and "Kip" not in tags and "Thorne" not in tags
    assert len({t.casefold() for t in tags}) == len(tags)


def test_a_surname_read_as_a_measure_word_stays_with_the_name() -> None:
    """张 before a given name the tagger calls a name (张|常宁) is a surname; after a numeral (3张) not."""
    words = [w for w, _p in join_split_names(pos_tag("张常宁龚翔宇合砍49分 桌上有3张常宁的照片"))]
    assert words[0] == "张常宁" and "张" in words[1:]


def test_names_cut_before_a_rare_last_character_and_link_ids() -> None:
    """林钧|甯 written three times is 林钧甯; a short link's id (EwWAcLY) is no tag; a name
    followed by different characters (林晓说, 林晓的) is left as it is."""
    body = ("演员林钧甯昨日现身巴黎时装周。林钧甯身穿白色长裙，在秀场前排与设计师交谈。林钧甯表示，这是她第三次"
            "来到巴黎看秀。活动现场还有粉丝举着写有EwWAcLY的链接牌，EwWAcLY是粉丝站的短链接。")
    tags = zixun.tag(body, title="林钧甯现身巴黎时装周")
    assert "林钧甯" in tags and "林钧" not in tags and "EwWAcLY" not in tags
    from zixun.stages.tags import completions

    assert completions(["林钧", "林晓"], body + "林晓说，林晓的") == {"林钧": "林钧甯"}


def test_a_compound_surname_stays_with_the_given_name() -> None:
    words = [w for w, _p in join_split_names(pos_tag("欧阳娜娜本季入手了粉色外套"))]
    assert words[0] == "欧阳娜娜"


def test_a_quoted_term_replaces_a_headline_pick_inside_it() -> None:
    body = ("以坚持集体所有权、稳定农户承包权、放活经营权为原则的“三权分置”改革，是江城农村改革的又一项制度创新。"
            "“三权分置”让农村流转的土地迸发出新的活力，承包户放心流转，经营者安心投入。")
    tags = zixun.tag(body, title="【“三权分置”制度改革】让江城土地迸发新活力")
    assert "三权分置" in tags and "三权" not in tags


def test_a_name_the_segmenter_guessed_is_grown_to_how_the_story_writes_it() -> None:
    """A word the dictionary lacks, cut from a longer name that the story writes the same way
    each time (a streaming site, a foreign player, a policy term), becomes the whole name; a
    dictionary word (国家队) does not grow, nor across a particle."""
    from zixun.stages.tags import completions

    text = ("影视平台青芒视频起诉点评网站索赔五十万元。青芒视频称，点评网站纵容用户诋毁其自制节目；"
            "青芒视频法务部表示已提交证据。女乒选手吉村真晴与队友出战混双，吉村真晴赛后说状态不错。"
            "国家队集训名单公布，国家队集训将持续两周。科技园区内的众创空间免征增值税，众创空间须按规定备案。")
    grown = completions(["青芒", "村真晴", "众创", "国家队"], text)
    assert grown == {"青芒": "青芒视频", "村真晴": "吉村真晴", "众创": "众创空间"}
    tags = zixun.tag(text, title="青芒视频起诉点评网站 索赔五十万元")
    assert "青芒视频" in tags and "青芒" not in tags, tags


def test_pointing_words_and_script_identifiers_are_not_tags() -> None:
    """这三种 (a demonstrative and a measure word) and adScript (a page script's identifier left in
    the text) name nothing; iPhone and macOS are names."""
    tags = zixun.tag("这三种水果不宜空腹食用。专家提醒，山楂、柿子和香蕉空腹吃容易伤胃。adScript adScript "
                     "iPhone 用户可以在 macOS 上同步饮食记录。", title="这三种水果空腹别吃", k=10)
    assert "这三种" not in tags and "adScript" not in tags, tags
    assert "iPhone" in tags or "macOS" in tags, tags


def test_a_dotted_name_with_a_long_last_part_stays_whole() -> None:
    """安东尼·波罗夫斯基: the tagger cuts 波|罗夫斯基, the tag is the whole name, not 安东尼·波."""
    text = "真人秀的成员安东尼·波罗夫斯基（Antoni Porowski）近日公开新恋情，安东尼在社交网站分享了合影。"
    assert entities.doc_aliases(text)["安东尼"] == "安东尼·波罗夫斯基"
    tags = zixun.tag(text, title="真人秀成员安东尼公开新恋情")
    assert "安东尼·波罗夫斯基" in tags and "安东尼·波" not in tags, tags


def test_a_hyphen_for_the_middle_dot_still_makes_one_name() -> None:
    """梅西-阿诺德 written with a hyphen is one singer (not 利昂内尔·梅西 from the table), spelt as
    the page spells it; two places joined by a hyphen (北京-上海) stay two places."""
    text = ("说唱歌手梅西-阿诺德和流行歌手玛丽安-凯特入围音乐名人堂提名名单。阿诺德表示很荣幸，"
            "凯特则在社交网站上感谢歌迷。颁奖礼后两人将乘北京-上海航班回国演出。")
    tags = zixun.tag(text, title="音乐名人堂提名公布 阿诺德玛丽安-凯特等在列")
    assert "梅西-阿诺德" in tags and "玛丽安-凯特" in tags, tags
    assert "利昂内尔·梅西" not in tags and "阿诺德" not in tags, tags
    assert entities.doc_aliases(text).get("北京") is None
