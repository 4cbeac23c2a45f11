"""Plain-text page dumps: sections, body, and the mixed 大家还在看 list."""

from __future__ import annotations

from zixun.read.dump import looks_like_dump, parse_dump, split_related_items

DUMP = """1核心提示
2发布时间
3资讯详情
滨海日报记者周一帆 青岛报道
4月2日，青岛港前湾码头新开通一条直达东南亚的集装箱航线，首班船舶当天满载出港。
此外，港口方面表示，今年计划再新增五条国际航线。
2021年6月，青岛港曾完成智能化码头二期改造。
4大家还在看:
- 港口,集装箱,青岛港新航线首航,东南亚
- 球迷:这场比赛太精彩了,篮球,季后赛,主场
- 房价,二手房,成交量,青岛楼市三月回暖
"""


def test_dump_detected_and_sections_split() -> None:
    assert looks_like_dump(DUMP)
    d = parse_dump(DUMP)
    assert d.title is None and d.summary == "" and d.published_text == ""
    assert len(d.paragraphs) == 4
    assert not any(h in p for p in d.paragraphs for h in ("核心提示", "发布时间", "资讯详情", "大家还在看"))
    assert not any("集装箱," in p for p in d.paragraphs)
    assert len(d.related) == 3


def test_related_items_headline_anywhere() -> None:
    items = split_related_items(["港口,集装箱,青岛港新航线首航,东南亚", "球迷:这场比赛太精彩了,篮球,季后赛,主场"])
    assert items[0].title == "青岛港新航线首航"
    assert items[0].tags == ["港口", "集装箱", "东南亚"]
    assert items[1].title == "球迷:这场比赛太精彩了"
    assert "季后赛" in items[1].tags


def test_tag_repeated_across_items_is_not_a_headline() -> None:
    items = split_related_items(["奥运会,游泳名将宣布退役,体育", "奥运会,田径,短跑新星破纪录"])
    assert items[0].title == "游泳名将宣布退役"
    assert "奥运会" in items[1].tags and items[1].title == "短跑新星破纪录"


def test_plain_text_is_not_a_dump() -> None:
    assert not looks_like_dump("一篇普通文章\n核心提示这个词出现在句子中间。\n第二段。")


def test_a_traditional_script_dump_is_a_dump() -> None:
    """Headings written in traditional script (2發佈時間, 3資訊詳情, 4大家還在看) split the same sections."""
    import opencc

    trad = opencc.OpenCC("s2t").convert(DUMP)
    assert "資訊詳情" in trad and looks_like_dump(trad)
    d = parse_dump(trad)
    assert len(d.paragraphs) == 4 and len(d.related) == 3
    assert not any(h in p for p in d.paragraphs for h in ("核心提示", "發佈時間", "資訊詳情", "大家還在看"))
