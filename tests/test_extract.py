"""Extraction on realistic pages written for zixun (tests/data/extract/): key sentences in,
boilerplate out, headline without site suffix, byline roles, date hints.

Layouts: a 2004 GBK portal with layout tables and <br> paragraphs, a modern UTF-8 <article>
page with share bar / 相关阅读 / comments, a Big5 Taiwan page, a blog home page with several
posts, a page whose longest text is a copyright notice, a story split by an ad block, an
e-paper page whose date sits above the headline.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from zixun.model import Article
from zixun.pipeline import extract_page
from zixun.read.page import load_page
from zixun.stages import extract

DATA = Path(__file__).parent / "data" / "extract"
BOILERPLATE = ("责任编辑", "相关阅读", "相关新闻", "上一篇", "下一篇", "版权所有", "ICP", "分享到", "关闭窗口", "当前位置")


def run(name: str, **kw: object) -> Article:
    return extract_page((DATA / name).read_bytes(), source=name, **kw)  # type: ignore[arg-type]


def body(art: Article) -> str:
    return "\n".join(art.paragraphs)


def assert_clean(art: Article) -> None:
    text = body(art)
    for junk in BOILERPLATE:
        assert junk not in text, f"boilerplate kept: {junk}"


def test_gbk_portal_layout_tables() -> None:
    art = run("portal_gbk_table.html")
    text = body(art)
    assert art.title == "滨江新区首座污水处理厂投入运行"
    assert "日处理能力达到五万吨" in text
    assert "预计后年建成" in text
    assert art.paragraphs[0].startswith("昨天上午")  # 本报讯 cut from the lead
    assert len(art.paragraphs) == 4  # <br><br> paragraphs kept apart
    assert_clean(art)
    for junk in ("老城区雨污分流改造", "热点排行", "东岸房价", "首页", "打印本文"):
        assert junk not in text
    b = art.byline
    assert b.outlet == "东岸晚报"
    assert b.reporters == ["郑海涛", "许晴"]
    assert b.editor == "孟凡"
    assert art.published.at == "2004-10-21T14:18:00+08:00"


def test_modern_article_share_related_comments() -> None:
    art = run("modern_utf8_article.html")
    text = body(art)
    assert art.title == "西部山区县开通首条城乡公交专线"  # not "…-华风资讯网"
    assert text.startswith("5月3日清晨")  # wire dateline cut
    assert "每天往返六个班次" in text
    assert "村民在高山村站排队上车" in text  # the photo caption belongs to the story
    assert "力争年底实现具备条件的行政村全部通公交" in text
    assert_clean(art)
    for junk in ("终于通车了", "农村客运班线", "山区学校用上直饮水", "微博", "乡村振兴", "互联网新闻信息服务"):
        assert junk not in text
    b = art.byline
    assert b.outlet == "华风日报"
    assert b.reporters == ["王若兰", "陈柏"]
    assert b.city == "成都"
    assert b.editor == "刘静怡"
    assert art.published.at == "2023-05-03T16:20:00+08:00"
    assert art.url == "https://news.huafeng.example.cn/2023/05/03/bus-line.html"


def test_big5_traditional_byline() -> None:
    art = run("big5_news.html")
    text = body(art)
    assert art.title == "港口自動化碼頭啟用 貨櫃裝卸效率提升三成"
    assert "裝卸效率比傳統碼頭提升約三成" in text
    assert "避免基層員工被迫離開" in text
    for junk in ("記者林家豪", "責任編輯", "延伸閱讀", "航運運價回落", "版權所有"):
        assert junk not in text
    b = art.byline
    assert (b.reporters, b.city, b.editor) == (["林家豪"], "高雄", "張淑芬")
    assert b.outlet == "海峽晨報"  # the site name after the headline in <title>
    assert art.published.at is not None and art.published.at.startswith("2022-11-15T09:40")


def test_blog_home_keeps_first_post_only() -> None:
    art = run("blog_posts.html")
    text = body(art)
    assert "今天早上总算放晴" in text
    assert "晚上用蘑菇炖了鸡汤" in text
    assert "修补院墙" not in text and "院子东边塌了一角" not in text
    for junk in ("最新文章", "归档", "Powered by", "评论(3)"):
        assert junk not in text
    assert art.byline.reporters == ["青石"]  # "由青石张贴 @ …"
    assert art.published.at == "2006-10-08T19:42:10+08:00"


def test_copyright_notice_never_wins() -> None:
    art = run("copyright_heavy.html")
    text = body(art)
    assert "南苑小区六栋老旧住宅楼加装电梯" in text
    assert "不用天天求孙子帮忙提东西了" in text
    for junk in ("著作权", "转载", "不代表本网观点", "法律责任", "ICP"):
        assert junk not in text
    assert art.published.at == "2021-09-14T10:05:00+08:00"


def test_neighbouring_blocks_are_merged() -> None:
    art = run("split_blocks.html")
    text = body(art)
    assert "修缮后的茶馆保留了原来的木结构" in text
    assert "恢复老街原来的模样" in text  # the block after the ad is part of the story
    assert "优惠券" not in text and "限时特惠" not in text
    assert art.byline.reporters == ["沈雨桐"] and art.byline.outlet == "溪口日报"
    assert art.published.at is not None and art.published.at.startswith("2019-04-02")


def test_epaper_date_above_headline() -> None:
    art = run("epaper.html")
    assert art.title == "春耕备耕全面展开"  # not <title> "第03版：要闻", not the h3 subtitle
    assert body(art).startswith("连日来")
    assert "往期回顾" not in body(art) and "全市已储备化肥三万吨" not in art.paragraphs[:1]
    assert art.byline.reporters == ["阿依古丽", "周晓峰"]
    assert art.published.at is not None and art.published.at.startswith("2022-03-08")


def test_hints_for_the_published_stage() -> None:
    page = load_page((DATA / "portal_gbk_table.html").read_bytes(), source="p")
    extract.run(Article(), page)
    assert page.hints["date_lines"][0].startswith("2004年10月21日14:18")
    assert all("(2004-10-1" not in line for line in page.hints["date_lines"])  # related-list dates
    assert page.hints["headline"] == "滨江新区首座污水处理厂投入运行"
    page = load_page((DATA / "modern_utf8_article.html").read_bytes(), source="m")
    extract.run(Article(), page)
    assert ("meta", "2023-05-03T16:20:00+08:00") in page.hints["meta_times"]


def test_us_date_lines_are_normalised() -> None:
    html = (
        "<html><body><h1>某地举行植树活动</h1><p>发布日期： 9/17/2004 5:54:13 PM</p>"
        "<p>" + "志愿者们在河堤两侧种下了两千棵柳树，并约定每月回来浇一次水。" * 3 + "</p></body></html>"
    )
    art = extract_page(html.encode("utf-8"))
    assert art.published.at == "2004-09-17T17:54:13+08:00"


@pytest.mark.parametrize(
    "html",
    [
        b"",
        b"<html><body></body></html>",
        b"<div><p>\xe6\x96\xb0\xe9\x97\xbb" + b"<div>" * 3000 + b"unclosed <b><i><font>" * 200,
        b"<html><body><table><tr><td><p>" + "文字内容，测试。".encode() * 50 + b"</td></p></tr></table></td></body>",
        b"<html>\x00\x00<body><p>" + "空字节之后的正文内容，依然可以读取。".encode() * 20 + b"</p>",
        b"<?xml version='1.0' encoding='gbk'?><html><body><p>" + "声明了编码的XML页面。".encode("gbk") * 20,
        b"<html><body><p>" + b"\xff\xfe\xfd" * 100 + b"</p></body></html>",
        b"<html><body><script>var a = '<p>" + "脚本里的文字".encode() * 50 + b"</p>';</script></body></html>",
    ],
)
def test_malformed_html_never_raises(html: bytes) -> None:
    page_ok = True
    try:
        page = load_page(html, source="bad.html")
    except Exception as exc:  # decoding may refuse empty input with a typed error, nothing else
        from zixun.errors import ZixunError

        assert isinstance(exc, ZixunError)
        page_ok = False
    if page_ok:
        art = Article()
        extract.run(art, page)
        assert isinstance(art.paragraphs, list)
        assert all("<p>" not in p and "var a" not in p for p in art.paragraphs)


def test_extraction_error_falls_back_with_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    page = load_page((DATA / "split_blocks.html").read_bytes(), source="s.html")

    def boom(*_a: object, **_k: object) -> None:
        raise ValueError("simulated parser failure")

    monkeypatch.setattr(extract, "extract_html", boom)
    art = Article()
    extract.run(art, page)
    assert any("extraction failed" in w for w in page.warnings)
    assert any("修缮后的茶馆" in p for p in art.paragraphs)


def test_english_page_is_not_broken() -> None:
    para = ("The harbour authority said the new cranes would cut waiting times for ships by a third, "
            "and that night shifts would no longer depend on how many crews could be found. ")
    html = (
        "<html><head><title>Port opens automated terminal | Harbour Times</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
        "<article><h1>Port opens automated terminal</h1>"
        + "".join(f"<p>{para}Paragraph {i}.</p>" for i in range(5))
        + "</article><footer>Copyright 2022 Harbour Times. All rights reserved.</footer></body></html>"
    )
    art = extract_page(html.encode())
    assert art.title == "Port opens automated terminal"
    assert len(art.paragraphs) == 5 and "Paragraph 4." in art.paragraphs[-1]
    assert "Copyright" not in body(art) and "Sport" not in body(art)


def test_english_data_table_and_list_are_kept_captions_dropped() -> None:
    para = ("The league confirmed the final standings on Sunday, after a season that went to the last "
            "lap of the last race, and said the points would stand despite two appeals. ")
    rows = [("1", "Ana Ruiz", "412", "5"), ("2", "Tom Keller", "405", "3"), ("3", "Li Wen", "398", "4"),
            ("4", "Sam Otieno", "377", "1"), ("5", "Maria Costa", "350", "0")]
    html = (
        "<html><head><title>Final standings | Circuit Weekly</title></head><body>"
        "<ul class='menu'><li><a href='/'>Home</a></li><li><a href='/results'>Results</a></li></ul>"
        "<article><h1>Final standings</h1>"
        "<figure><img src='a.jpg'><figcaption class='caption'>Ana Ruiz celebrates after the race. "
        "Photo: Jo Bloggs, Agency</figcaption></figure>"
        f"<p>{para}</p><p>{para}Stewards reviewed the incident twice.</p>"
        "<table><tr><th>Pos.</th><th>Driver</th><th>Points</th><th>Wins</th></tr>"
        + "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td><td>{d}</td></tr>" for a, b, c, d in rows)
        + "</table><p>Next season's calendar:</p><p>Round 1: 9 March – Lakeside<br>Round 2: 6 April – "
        "Hill Park<br>Round 3: 4 May – Old Harbour<br>Round 4: 1 June – North Ring</p>"
        "<div class='newsletter'><h3>Get the race-day newsletter</h3><p>Sign up for results, analysis "
        "and interviews delivered to your inbox every Monday morning, free of charge.</p></div>"
        "</article></body></html>"
    )
    art = extract_page(html.encode())
    text = body(art)
    assert "1 Ana Ruiz 412 5" in art.paragraphs  # a data row is one line, cells in order
    assert "5 Maria Costa 350 0" in art.paragraphs
    assert "Round 4: 1 June – North Ring" in art.paragraphs  # a <br> list after the story
    assert "Stewards reviewed the incident twice." in text
    assert "celebrates" not in text and "Photo:" not in text  # the photo caption is not story text
    assert "newsletter" not in text and "inbox" not in text


def test_chinese_schedule_list_kept_nav_row_not_merged() -> None:
    para = "市体育局昨日公布了今年全民健身系列赛的全部赛程，各项比赛均免费报名，市民可在公众号预约参赛名额，每项限额五百人。"
    html = (
        "<html><head><title>全民健身系列赛赛程公布_江城体育网</title></head><body>"
        "<table><tr><td><a href='/'>首页</a></td><td><a href='/a'>新闻</a></td><td><a href='/b'>体育</a></td>"
        "<td>2024年3月1日</td></tr></table>"
        "<div class='content'><h1>全民健身系列赛赛程公布</h1>"
        f"<p>{para}</p><p>所有赛事均设少年组和成年组，完赛者可获得纪念奖牌，前三名另有奖品，报名截止时间为赛前三天。</p>"
        "<p>具体赛程如下：</p>"
        "<p>3月9日 城市定向赛 滨江公园</p><p>4月6日 半程马拉松 奥体中心</p>"
        "<p>5月4日 青年篮球赛 市体育馆</p><p>6月1日 亲子趣味跑 湿地公园</p>"
        "</div><div class='comment'><p>网友甲：希望多办几场，周末带孩子参加，场地离家也近，非常方便。</p></div>"
        "</body></html>"
    )
    art = extract_page(html.encode())
    text = body(art)
    assert "6月1日 亲子趣味跑 湿地公园" in art.paragraphs  # short schedule lines after the story
    assert "3月9日 城市定向赛 滨江公园" in art.paragraphs
    assert "网友甲" not in text and "首页" not in text


def test_teaser_rails_and_tickers_are_not_the_story() -> None:
    story = ("The council voted on Tuesday to turn the old tram depot into a public library, ending a "
             "decade of arguments over what the listed building should become. ")
    blurb = ("Long before the first snow fell, the volunteers of the valley had already stacked the "
             "firewood, checked the pipes and written the rota for the winter shelter, as they have "
             "done every year since the mill closed and the town learned to look after itself. ")
    ticker = "".join(
        f"<li><a href='/n{i}'>Headline number {i} about the regional budget</a> CITY: The finance "
        f"committee met again on the budget, and members said talks would go on next week.</li>"
        for i in range(4)
    )
    cards = "".join(
        f"<div class='card'><h5 class='card-title'><a href='/s{i}'>Another story {i}</a></h5>"
        f"<div class='card-author'>Staff writer</div><div class='card-date'>Tuesday November 19</div>"
        f"<div class='card-blurb'>{blurb}</div></div>"
        for i in range(4)
    )
    html = (
        "<html><head><title>Tram depot to become library</title></head><body>"
        f"<div class='ticker'><h4>Breaking</h4><ul>{ticker}</ul></div>"
        "<article><h1>Tram depot to become library</h1>"
        + "".join(f"<p>{story}Point {i}.</p>" for i in range(4))
        + f"</article><h5>More from the Gazette</h5><div class='rail'>{cards}</div></body></html>"
    )
    art = extract_page(html.encode())
    text = body(art)
    assert "Point 0." in text and "Point 3." in text
    assert "finance committee" not in text and "Headline number" not in text
    assert "firewood" not in text and "Another story" not in text


def test_inline_related_box_does_not_end_the_story() -> None:
    para = ("Engineers at the reservoir said the new spillway gates had been tested at full flow, and "
            "that the work would let the dam release water earlier in a wet spring. ")
    html = (
        "<html><head><title>Reservoir gates tested</title></head><body><h1>Reservoir gates tested</h1>"
        + "".join(f"<div class='story-text'><p>{para}Part {i}a.</p><p>{para}Part {i}b.</p></div>"
                  "<h3>Related articles</h3><ul><li><a href='/x'>Flood defences upgraded upstream</a></li>"
                  "<li><a href='/y'>Anglers welcome cleaner water</a></li></ul>" for i in range(3))
        + "<h3>Most read</h3><div class='rail'><h4>SHOCK</h4><div>Pop star's dog, 3, 'found safe after "
        "a week on the moors'</div><h4>WINNER</h4><div>Pensioner wins the village show again</div></div>"
        f"<div class='story-text'><p>{para}Part 3a.</p><p>{para}Part 3b.</p></div>"
        "<div class='comments'><p>What a waste of money, they should have built a second dam instead.</p></div>"
        "</body></html>"
    )
    art = extract_page(html.encode())
    text = body(art)
    assert "Part 0a." in text and "Part 3b." in text  # the story goes on after each box
    assert "Flood defences" not in text and "Related articles" not in text
    assert "moors" not in text and "Pensioner" not in text  # a "Most read" rail inside the story
    assert "waste of money" not in text


def test_western_dateline_byline_and_newsletter_pitch_are_not_body() -> None:
    para = ("The ferry operator said the new electric boats would halve the crossing's fuel bill, and "
            "that the first two would enter service before the summer timetable begins. ")
    html = (
        "<html><head><title>Electric ferries ordered</title></head><body><article>"
        "<h1>Electric ferries ordered</h1><div class='key'><p>Key points: two boats, one route, "
        "in service by summer, paid for by the harbour fund.</p></div>"
        "<div>By Jane Doe</div><div>Published 10:02 AM EST Nov 19, 2019 | Updated Nov. 19, 2019 8:21 am ET</div>"
        + "".join(f"<p>{para}Item {i}.</p>" for i in range(4))
        + "<p>By the end of 2021, on March 3, 2021, the operator expects to order two more.</p>"
        "<p>Get the week's harbour news delivered to your inbox every Friday morning.</p>"
        "</article></body></html>"
    )
    art = extract_page(html.encode())
    text = body(art)
    assert "Item 0." in text and "Item 3." in text
    assert "Jane Doe" not in text and "Published 10:02" not in text
    assert "inbox" not in text  # a newsletter pitch, even without a newsletter class
    assert "By the end of 2021, on March 3, 2021, the operator expects to order two more." in art.paragraphs


def test_flattened_story_that_opens_with_a_label_is_kept() -> None:
    """Flattened text whose one paragraph starts with 原标题：… keeps the story; a short 来源 line goes."""
    import zixun

    body = ("原标题：小镇图书馆夜间开放 读者越来越多本报讯 青溪镇图书馆从本月起试行夜间开放，每周二至周五开放到晚上九点。"
            "开放第一周，夜间入馆读者超过六百人次，其中不少是下班后来借书的上班族。图书馆负责人介绍，夜间开放时段安排了"
            "两名馆员值守，自助借还机全天可用，下一步还将在周末增加亲子阅读活动。有读者说，以前下班赶不上闭馆，现在吃完"
            "晚饭散步过来，正好看一会儿书。")
    text = "小镇图书馆夜间开放 读者越来越多\n\n" + body + "\n\n来源：青溪晚报\n"
    art = zixun.extract(text.encode("utf-8"))
    joined = "\n".join(art.paragraphs)
    assert "夜间入馆读者超过六百人次" in joined and "亲子阅读活动" in joined
    assert "来源：青溪晚报" not in joined
    flat = zixun.extract(("文章来源：青溪晚报" + body.split("本报讯", 1)[1]).encode("utf-8"))
    assert "亲子阅读活动" in "\n".join(flat.paragraphs)


def test_a_short_chinese_h1_that_the_title_confirms_is_the_headline() -> None:
    """A three-character <h1> (a person's entry: 林若溪) confirmed by <title> minus the site name is
    the headline, not the heading of a login dialog the page also carries."""
    html = """<html><head><meta charset="utf-8"><title>林若溪_青禾百科</title></head><body>
    <div class="dialog"><h3>绑定青禾钱包</h3><p>请先登录后再绑定。</p></div>
    <div class="nav">""" + "".join(f"<a href='/c{i}'>栏目{i}</a>" for i in range(80)) + """</div>
    <div class="main"><h1>林若溪</h1>
    <p>林若溪，青禾本地的女歌手兼作曲人，出生于青禾市，毕业于青禾音乐学院作曲系。</p>
    <p>2011年发行个人第五张国语专辑，凭借同名主打歌入围多个音乐奖项的年度歌曲。</p>
    <p>2015年起担任多档音乐节目的制作人，参与制作的专辑获得业内好评。</p></div></body></html>"""
    art = extract_page(html.encode("utf-8"), url="https://baike.example.cn/item/linruoxi")
    assert art.title == "林若溪" and not art.title_generated


def test_a_story_nested_deeper_than_256_elements_is_read() -> None:
    """Old portal pages leave <font> and <div> tags open, so the story can sit hundreds of
    elements deep; libxml2 drops what is deeper than 256 unless told otherwise."""
    story = ("<p>江城地铁12号线最后一段盾构隧道今天在汉江南岸贯通，这条环线全长59.9公里，共设车站37座。</p>"
             "<p>市轨道交通集团表示，全线将在年内完成设备安装调试，计划年底前开通试运营。</p>")
    html = ("<html><head><meta charset='utf-8'><title>江城地铁12号线全线贯通</title></head><body>"
            + "<div><font size=2>" * 200 + "<h1>江城地铁12号线全线贯通</h1>" + story + "</body></html>")
    art = extract_page(html.encode("utf-8"), source="deep.html")
    assert "盾构隧道" in art.text and "年底前开通试运营" in art.text
