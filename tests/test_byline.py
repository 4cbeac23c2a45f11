"""Byline lines split into outlet / reporters / editor / city (zixun.stages.byline)."""

from __future__ import annotations

import pytest

import zixun
from zixun.model import Article, Byline
from zixun.read.page import Page
from zixun.stages import byline
from zixun.stages.byline_names import is_cjk_name, join_spaced


def parse(*lines: str, position: str = "head") -> Byline:
    b = Byline()
    for line in lines:
        byline.parse_line(line, b, position=position)
    return b


@pytest.mark.parametrize(
    ("line", "outlet", "reporters", "editor", "city"),
    [
        ("新华社北京5月3日电（记者 张晓明 李红）", "新华社", ["张晓明", "李红"], None, "北京"),
        ("据新华社拉萨电（记者 格桑边觉）", "新华社", ["格桑边觉"], None, "拉萨"),
        ("本报讯（记者 王立新）", None, ["王立新"], None, None),
        ("21世纪经济报道记者倪雨晴 深圳报道", "21世纪经济报道", ["倪雨晴"], None, "深圳"),
        ("新京报记者 彭晓冲 山东冠县报道", "新京报", ["彭晓冲"], None, "山东冠县"),
        ("記者林志豪／台北報導", None, ["林志豪"], None, "台北"),
        ("来源：华夏日报 作者：张三丰 责任编辑：王五", "华夏日报", ["张三丰"], "王五", None),
        ("（责任编辑：魏明）", None, [], "魏明", None),
        ("本报记者 谭晓燕 通讯员 李春生", None, ["谭晓燕"], None, None),
        ("本报实习生 刘国栋 周炜", None, ["刘国栋", "周炜"], None, None),
        ("执笔人：闵乐夫 赵兰波 刘韬", None, ["闵乐夫", "赵兰波", "刘韬"], None, None),
        ("作者: 赵 培：北京物资学院", None, ["赵培"], None, None),
        ("作者:zboygirl 阅读(1660) 评论(5) 发表于:2005-07-31 12:30", None, ["zboygirl"], None, None),
        ("由海姑娘张贴 @ 2005-06-14 03:25:55 (370)", None, ["海姑娘"], None, None),
        ("ggjjzhzz 发表于 2005-9-15 11:46:00", None, ["ggjjzhzz"], None, None),
        ("〓 网易娱乐 发布时间 2005/03/15 22:36:13 by duscha 〓", None, ["duscha"], None, None),
        ("[ 黄宇 ] 来源：[ 国际金融报 ]", "国际金融报", ["黄宇"], None, None),
        ("顶端新闻·河南商报记者马俊峰/文", "顶端新闻·河南商报", ["马俊峰"], None, None),
        ("央视网消息（新闻联播）：", "央视网", [], None, None),
        ("中新网杭州11月6日消息（记者 张晓明）", "中新网", ["张晓明"], None, "杭州"),
        ("(Reporting by Will Dunham; Editing by Tom Brown)", None, ["Will Dunham"], "Tom Brown", None),
        ("By Ann Lee, Bo Chen and Carl Diaz", None, ["Ann Lee", "Bo Chen", "Carl Diaz"], None, None),
        ("By Mia HartleyBusiness Columnist", None, ["Mia Hartley"], None, None),
        ("By Conor O'Brien and Ryan McDonald", None, ["Conor O'Brien", "Ryan McDonald"], None, None),
    ],
)
def test_byline_roles(line: str, outlet: str | None, reporters: list[str], editor: str | None, city: str | None) -> None:
    b = parse(line)
    assert (b.outlet, b.reporters, b.editor, b.city) == (outlet, reporters, editor, city)


@pytest.mark.parametrize(
    "line",
    [
        "1. 任何言论纯属作者个人观点，与本站无关；",
        "——作者手记",
        "【作者单位：某某大学社会学系】",
        "记者调查发现，这一现象并不少见。",
        "一、理解文革的一个重要内容",
        "Powered by BlogSys 2.0",
        "作者： size=\"20\" 来源： size=\"20\"",
        "好消息：青溪镇图书馆从本月起试行夜间开放",
        "Prisons plagued by understaffing",
        "By Monday, the city had reopened its schools",
    ],
)
def test_not_bylines(line: str) -> None:
    b = parse(line, position="body")
    assert b.reporters == [] and b.outlet is None and b.editor is None


def test_closing_credit_and_name_lines() -> None:
    assert parse("……推动工业高质量发展。（记者 胡晓蓉）", position="body").reporters == ["胡晓蓉"]
    assert parse("……欢度新春佳节。（常书香 马丹阳）", position="body").reporters == ["常书香", "马丹阳"]
    b = parse("……这样的说法没有道理。（姚峰 上海报道）", position="body")
    assert (b.reporters, b.city) == (["姚峰"], "上海")
    assert parse("……全文完。（完）", position="body").reporters == []
    assert parse("赵延东、风笑天").reporters == ["赵延东", "风笑天"]
    assert parse("国内").reporters == []


def test_stage_removes_byline_paragraphs_and_credits() -> None:
    art = Article(paragraphs=[
        "江南产经报记者刘䶮 宁波报道",
        "新华社杭州5月3日电 在宁波慈溪的一家五金配件厂里，一台检测设备正在逐一拍照。",
        "有关部门表示，将降低中小企业使用人工智能的门槛。（记者 刘䶮）",
        "（编辑：许文静）",
    ])
    page = Page(source="t", kind="text", text="", hints={"date_lines": ["江南产经 发布时间：2024-01-18 09:45"]})
    byline.run(art, page)
    b = art.byline
    assert (b.outlet, b.reporters, b.editor, b.city) == ("江南产经报", ["刘䶮"], "许文静", "宁波")
    assert art.paragraphs == [
        "在宁波慈溪的一家五金配件厂里，一台检测设备正在逐一拍照。",
        "有关部门表示，将降低中小企业使用人工智能的门槛。",
    ]


def test_account_name_and_site_name_fill_the_outlet() -> None:
    art = Article(paragraphs=["本报记者 曾凡 通讯员 刘小平", "金秋时节，县里十万亩晚稻陆续开镰收割，收割机来回穿梭。"])
    page = Page(source="t", kind="text", text="", hints={"date_lines": ["赣鄱农业报 发布时间：2019-10-25 16:45"]})
    byline.run(art, page)
    assert (art.byline.outlet, art.byline.reporters) == ("赣鄱农业报", ["曾凡"])
    art = Article(paragraphs=["记者吴宜蓁／台东报导", "在台东山区的一所国小，英语课不再只是每周两节的单一科目。"])
    byline.run(art, Page(source="t", kind="text", text="", hints={"site_name": "教育前線月刊"}))
    assert art.byline.outlet == "教育前線月刊"


def test_name_helpers() -> None:
    assert join_spaced(["赵", "培", "北京"]) == ["赵培", "北京"]
    assert is_cjk_name("欧阳修", strict=True)
    assert not is_cjk_name("发展", strict=True)
    assert not is_cjk_name("新闻", strict=False)


def test_portal_dateline_gives_the_outlet_and_leaves_the_paragraph() -> None:
    """新浪/腾讯-style leads, "<频道>讯 北京时间10月30日消息，": the outlet is the part before 讯,
    and the dateline is no part of the story's first sentence."""
    art = Article(paragraphs=[
        "晨光娱乐讯 北京时间10月30日消息，导演林默将执导一部关于城市更新的新片，预计明年春天开机。",
        "片方表示，影片将在江城取景三个月。",
    ])
    byline.run(art, Page(source="t", kind="text", text=""))
    assert art.byline.outlet == "晨光娱乐"
    assert art.paragraphs[0] == "导演林默将执导一部关于城市更新的新片，预计明年春天开机。"
    assert parse("腾讯科技讯 11月1日上午消息，某公司发布新款手机。").outlet == "腾讯科技"
    flash = parse("华夏晚报快讯（记者 林晓舟）江城地铁12号线今天全线贯通。")  # 快讯: a newsflash dateline
    assert (flash.outlet, flash.reporters) == ("华夏晚报", ["林晓舟"])
    for line in ("通讯员李明介绍，活动将持续一周。", "资讯显示，10月30日消息面平静。", "视频通讯技术大会今天开幕。"):
        assert parse(line, position="body").outlet is None, line


def test_cms_credits_generic_sources_and_heading_words_are_no_byline() -> None:
    art = Article(paragraphs=["头发爱出油的人，饮食上要少吃油腻和辛辣的食物，多吃新鲜蔬菜。"])
    page = Page(source="t", kind="html", text="", hints={
        "meta_author": "Discuz! Team and Comsenz UI Team",
        "byline_lines": ["发布: 2021-1-29 13:18 | 点击: 313 | 来自: 互联网"],
        "site_name": "-健康生活网-",
    })
    byline.run(art, page)
    assert art.byline.reporters == [] and art.byline.outlet == "健康生活网"
    assert parse("来源：转载文章").outlet in (None, "转载文章")  # the line is read; the stage drops it
    art2 = Article(paragraphs=["第四届年会将于12月在北京举行，会期两天。"])
    byline.run(art2, Page(source="t", kind="html", text="", hints={"head_lines": ["会议议程"]}))
    assert art2.byline.reporters == []
    art3 = Article(paragraphs=["导演新作以一个家庭三代人的故事，讲述城市四十年的变化。"])
    byline.run(art3, Page(source="t", kind="html", text="", hints={"head_lines": ["眉间尺"]}))
    assert art3.byline.reporters == ["眉间尺"]


def test_a_bare_name_the_headline_is_about_is_a_caption_not_the_byline() -> None:
    art = Article(title="12分16板！林晓舟全面压制对手", paragraphs=[
        "林晓舟",
        "北京时间11月4日，江城队客场挑战湖畔队，林晓舟全场得到12分16个篮板。",
        "赛后林晓舟表示，球队的防守做得很好。",
    ])
    byline.run(art, Page(source="t", kind="text", text=""))
    assert art.byline.reporters == []
    signed = Article(title="江城队客场力克湖畔队", paragraphs=["周明", "北京时间11月4日，江城队客场挑战湖畔队并取胜。"])
    byline.run(signed, Page(source="t", kind="text", text=""))
    assert signed.byline.reporters == ["周明"]  # a name the headline does not mention still signs the story


def test_wire_outlet_is_not_cut_into_a_city_and_station_datelines_leave_the_story() -> None:
    tv = parse("华夏网络电视台消息（新闻联播）：江城地铁12号线今天全线贯通。")
    assert (tv.outlet, tv.city) == ("华夏网络电视台", None)  # not 华夏网 in a city called 络电视台
    assert (parse("新华社北京3月18日电（记者 林晓舟）江城地铁贯通。").city) == "北京"
    art = Article(paragraphs=["本台消息，明天出版的华夏日报将刊发评论员文章。", "文章指出，要把工作做细做实。"])
    byline.run(art, Page(source="t", kind="text", text=""))
    assert art.paragraphs[0] == "明天出版的华夏日报将刊发评论员文章。"


def test_a_portal_dateline_without_a_date_and_its_link_labels() -> None:
    """新浪娱乐讯 近日，… names the outlet with no date; "[微博]" after a name is a link label."""
    art = zixun.extract(("林晓舟公布瘦身方法\n新浪娱乐讯 近日，林晓舟[微博]参加一档美容综艺节目，和大家谈到自己的瘦身秘籍，"
                         "她说坚持每天泡脚和散步，一个月瘦了八斤。").encode())
    assert art.byline.outlet == "新浪娱乐"
    assert art.paragraphs[0].startswith("近日，林晓舟参加") and "[微博]" not in art.summary
    assert parse("资讯 内容如下", position="body").outlet is None  # no portal, no dateline


@pytest.mark.parametrize("lead, outlet, reporter, city", [
    ("（東岸通訊社記者簡怡君台中6日電）", "東岸通訊社", "簡怡君", "台中"),
    ("（记者 邵雨桐／杭州报道）", None, "邵雨桐", "杭州"),
])
def test_a_bracketed_dateline_and_a_credit_with_a_story_code_leave_the_story(
        lead: str, outlet: str | None, reporter: str, city: str) -> None:
    """Taiwan and Hong Kong wires open the lead with the dateline in brackets and close with the
    editor and a story code ("（編輯：…）1121106"): both are byline, not story text."""
    art = Article(paragraphs=[
        lead + "市議會今天審議捷運延伸線預算，多名議員要求交通局說明工期延宕的原因。",
        "交通局長表示，延伸線已完成七成，預計後年通車。（編輯：侯家珍）1121106",
    ])
    byline.run(art, Page(source="t", kind="text", text="", hints={}))
    b = art.byline
    assert (b.outlet, b.reporters, b.city, b.editor) == (outlet, [reporter], city, "侯家珍")
    assert art.paragraphs == ["市議會今天審議捷運延伸線預算，多名議員要求交通局說明工期延宕的原因。",
                              "交通局長表示，延伸線已完成七成，預計後年通車。"]


def test_a_bracketed_aside_at_the_start_of_a_paragraph_stays() -> None:
    """Brackets that open a paragraph without naming a reporter or outlet are the story's own."""
    art = Article(paragraphs=["（本次调查共回收问卷1200份，有效率约为九成，详见附表电）受访者中六成表示愿意尝试。",
                              "（图为新建成的跨江大桥）大桥全长3.2公里，双向六车道。"])
    byline.run(art, Page(source="t", kind="text", text="", hints={}))
    assert art.paragraphs[1].startswith("（图为新建成的跨江大桥）")


def test_a_hong_kong_paper_tag_before_the_lead_names_the_outlet_and_leaves() -> None:
    art = Article(paragraphs=["【南方晨報專訊】港鐵新綫工程昨日舉行動工儀式，新站預計2029年落成。", "記者 何嘉欣"])
    byline.run(art, Page(source="t", kind="text", text="", hints={}))
    assert (art.byline.outlet, art.byline.reporters) == ("南方晨報", ["何嘉欣"])
    assert art.paragraphs == ["港鐵新綫工程昨日舉行動工儀式，新站預計2029年落成。"]


def test_a_credit_glued_to_the_lead_is_cut_off_it() -> None:
    """Flattened pages lose the break after the credit: "作者：符晓岚青禾港…", "文/Lanfield9月3日…".
    The name is a reporter and the lead starts where the name ends; a Latin pen name after 文/
    on a line of its own is one too."""
    art = Article(paragraphs=["作者：符晓岚青禾港当地时间周四公布三季度吞吐量，集装箱量同比增长一成，创历史同期新高。",
                              "港口方面表示，四季度将新开两条航线。"])
    byline.run(art, Page(source="t", kind="text", text="", hints={}))
    assert art.byline.reporters == ["符晓岚"]
    assert art.paragraphs[0].startswith("青禾港当地时间周四公布")
    art = Article(paragraphs=["文/Lanfield9月3日，一篇关于家电行业赌约的文章发表后，引来不少读者讨论。", "第二段。"])
    byline.run(art, Page(source="t", kind="text", text="", hints={}))
    assert art.byline.reporters == ["Lanfield"] and art.paragraphs[0].startswith("9月3日，")
    art = Article(paragraphs=["文/Lanfield", "9月3日，一篇关于家电行业赌约的文章发表后，引来不少读者讨论。"])
    byline.run(art, Page(source="t", kind="text", text="", hints={}))
    assert art.byline.reporters == ["Lanfield"] and art.paragraphs[0].startswith("9月3日，")


def test_a_lead_that_starts_with_a_label_word_keeps_its_words() -> None:
    art = Article(paragraphs=["文化馆今天公布周末活动安排，三场非遗展演将在城东剧场举行。", "第二段。"])
    byline.run(art, Page(source="t", kind="text", text="", hints={}))
    assert art.byline.reporters == [] and art.paragraphs[0].startswith("文化馆今天公布")


def test_a_commentator_credit_names_the_writers() -> None:
    """"（评论员 罗博 萧海川）" closing a commentary credits its writers and leaves the text;
    "评论员文章" (a commentary) names nobody."""
    art = Article(paragraphs=["越是困难的时候，越需要汇聚信心与力量。", "正是有了英勇的你们，才有这座英雄的城！（评论员 罗博 萧海川）"])
    byline.run(art, Page(source="t", kind="text", text="", hints={}))
    assert art.byline.reporters == ["罗博", "萧海川"]
    assert art.paragraphs[-1] == "正是有了英勇的你们，才有这座英雄的城！"
    b = Byline()
    byline.parse_line("人民日报发表评论员文章", b, position="body")
    assert b.reporters == []
