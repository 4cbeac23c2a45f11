"""Plain-text input: the first line as the headline, labels and repeats kept out of 核心提示."""

from __future__ import annotations

import zixun
from zixun.stages.clean import clean_paragraphs
from zixun.stages.summary import summarize

BODY = ("导语：秋天是品尝新米的季节，可很多人不知道怎么挑。记者走访了江城几家粮油店，"
        "店主们都说，看颜色、闻香气、摸颗粒是最简单的三个办法。\n"
        "粮油店老板陈立说，新米颜色透亮，闻起来有淡淡的清香，陈米则颜色发暗。"
        "他建议消费者少量多次购买，放在阴凉干燥处保存。")


def test_a_question_headline_is_the_title_of_a_plain_text() -> None:
    art = zixun.extract(("怎样挑到好吃的新米？\n" + BODY).encode("utf-8"))
    assert art.title == "怎样挑到好吃的新米？" and not art.title_generated
    assert not art.summary.startswith("导语") and "新米" in art.summary
    short = zixun.extract("你知道吗？\n是的。".encode())  # no body to head: not a headline
    assert short.title != "你知道吗？"


def test_a_sentence_repeating_the_headline_is_no_summary() -> None:
    title = "江城新米上市 市民争相品尝"
    text = "江城新米上市，市民争相品尝！\n" + BODY
    assert not summarize(text, title=title).startswith("江城新米上市")


def test_headline_glued_to_the_first_paragraph_is_cut() -> None:
    title = "江城新米上市 市民争相品尝"
    paras = [title + "记者走访了江城几家粮油店，新米销量比上周明显增加。", "店主们说，今年新米品质好。"]
    assert clean_paragraphs(paras, title=title)[0] == "记者走访了江城几家粮油店，新米销量比上周明显增加。"
    assert clean_paragraphs(["江城新米上市", "正文第一段讲述了新米上市的情况。"], title="江城新米上市 市民争相品尝")[0] == "江城新米上市"


def test_a_credit_left_at_a_sentence_start_is_no_part_of_the_summary() -> None:
    text = ("导语：秋季时装周落幕，各大品牌的新系列各有看点。（编辑：林默）在最后一天的秀场上，设计师把江南园林搬上了T台，"
            "模特身着水墨印花长裙缓缓走过石桥。")
    out = summarize(text, title="秋季时装周落幕 江南园林走上T台")
    assert "编辑" not in out and "林默" not in out and out, out


def test_a_surname_cut_off_by_the_segmenter_stays_with_the_name() -> None:
    from zixun.stages.tags import tag

    text = ("旅行平台董事局主席梁建章表示，今年国庆假期出境游订单同比增长三成。梁建章认为，签证便利化是主要原因。"
            "梁建章还透露，平台将在东南亚新开两个服务中心。")
    tags = tag(text, title="旅行平台国庆出境游订单增长三成", k=8)
    assert "梁建章" in tags and "建章" not in tags, tags


def test_the_wire_dateline_dates_a_plain_text_against_its_base_time() -> None:
    text = ("林默将执导城市更新新片\n新华社北京10月30日电 导演林默将执导一部关于城市更新的新片，预计明年春天开机。\n"
            "片方表示，影片将在江城取景三个月。")
    dated = zixun.extract(text.encode(), base_time="2018-11-02T10:00:00+08:00")
    assert (dated.published.at, dated.published.precision, dated.published.source) == (
        "2018-10-30T00:00:00+08:00", "day", "byline")
    assert dated.byline.outlet == "新华社" and dated.paragraphs[0].startswith("导演林默")
    assert zixun.extract(text.encode()).published.at is None  # no base time: no year is invented
    by_url = zixun.extract(text.encode(), url="https://news.example.cn/2018-10/31/c_1.htm",
                           base_time="2018-11-02T10:00:00+08:00")
    assert by_url.published.at == "2018-10-31T00:00:00+08:00" and by_url.published.source == "url"


def test_headings_and_list_items_are_no_summary_sentences() -> None:
    text = ("在上周的社区活动上，王女士一家报名了两个亲子阅读项目。\n她说，孩子最喜欢绘本剧场，每次都要排队。\n"
            "二是阅读空间的品质\n图书馆今年新增了三百平方米的阅读空间，座位增加到两百个。\n亲子阅读节后天开幕")
    out = summarize(text, title="市图书馆亲子阅读节后天开幕 阅读空间扩大")
    assert "二是阅读空间的品质" not in out and "后天开幕" not in out, out
    assert out.startswith("在上周的社区活动上")


def test_script_and_photo_credits_inside_flattened_text_are_dropped() -> None:
    """A crawl's text field keeps an ad loader's script and the captions of pictures it lost;
    neither is the story, in the body, the 提示 or the tags."""
    text = ("江城一货车侧翻 交警连夜疏导交通\n"
            "3月18日晚，江城绕城高速一辆满载钢材的货车侧翻，交警连夜疏导交通。 货车侧翻后的现场 读者供图 "
            "事故没有造成人员伤亡。 (function(){ var adLoader = document.createElement('script'); "
            "adLoader.src = '//ads.example.cn/a.js'; document.body.appendChild(adLoader); })(); "
            "交警提醒，货车司机要按规定装载货物，他向记者提供图片说明了当晚的路况。")
    art = zixun.extract(text.encode("utf-8"))
    body = "\n".join(art.paragraphs)
    assert "function" not in body and "adLoader" not in body and "读者供图" not in body
    assert "货车侧翻后的现场" not in body
    assert "事故没有造成人员伤亡。" in body and "提供图片说明了当晚的路况" in body
    assert not any("读者供图" in t or "adLoader" in t for t in art.tags)


def test_a_related_link_or_source_line_that_swallowed_the_story_keeps_it() -> None:
    """Flattened text runs "相关新闻：<a link>" or "来源：…" into the story; the story must not be
    dropped with them (it was: the page failed as empty)."""
    linked = zixun.extract(("江城地铁今早故障 运营方：已恢复\n相关新闻：江城地铁疑似停运 多位网友反馈进不了站"
                            "新浪科技讯 11月9日上午消息，据多位网友反映，江城地铁2号线早高峰停运，部分车站暂停进站。").encode())
    assert linked.byline.outlet == "新浪科技"
    assert linked.paragraphs == ["据多位网友反映，江城地铁2号线早高峰停运，部分车站暂停进站。"]
    sourced = zixun.extract(("江城研究：邻里关系越紧密 越早听从撤离警告\n来源：江城晚报江城大学最近开展了一项研究，"
                             "以确定台风期间社交媒体在疏散受影响地区群众上所发挥的作用。结果显示，邻里关系紧密的人更早撤离。").encode())
    assert "撤离" in sourced.summary


def test_labels_that_swallowed_a_short_story_do_not_lose_it() -> None:
    """A statement label before a portal dateline, an original headline in brackets and credits
    run on after the last sentence are not the story, but the story around them is kept."""
    stated = zixun.extract(("林晓舟工作室发声明：与事实不符\n声明@林晓舟工作室: 声明 晨光娱乐讯 10月31日，林晓舟工作室针对"
                            "网传消息发布声明，称林晓舟从未作出过相关回应。声明称，当年的片场风波早已和解。").encode())
    assert "发布声明" in " ".join(stated.paragraphs)
    noted = zixun.extract(("林晓舟：别给教育戴上分数的帽子\n（原标题 林晓舟教授：别给教育戴上分数的“帽子”）教师在学生面前呈现的"
                           "是其全部的人格，而不只是专业。长久以来，人们不把教师看作创造者。").encode())
    assert noted.paragraphs[0].startswith("教师在学生面前")
    credited = zixun.extract(("双语词汇：五个英语表达说害怕\n在英国，人们在万圣节会举办各种派对，参加派对的人常装扮成鬼怪。"
                              "遇到吓人的鬼怪，怎样说“害怕”？文章来源：江城晚报责任编辑：周明").encode())
    assert credited.paragraphs == ["在英国，人们在万圣节会举办各种派对，参加派对的人常装扮成鬼怪。遇到吓人的鬼怪，怎样说“害怕”？"]


def test_a_letter_to_the_editor_and_a_source_account_keep_their_story() -> None:
    letter = ("家长来信：孩子的作业太多了\n编辑老师：我是一名初一学生的家长，孩子一个月前进入了一所著名的公办初中。"
              "开学以来，孩子每天要写作业到深夜，周末还要参加各种补习，我们全家都很焦虑。孩子说，班上很多同学也是这样。"
              "我想问问，学校布置作业有没有统一的标准？家长又该怎样帮孩子减轻负担？")
    assert "初一学生的家长" in " ".join(zixun.extract(letter.encode()).paragraphs)
    account = ("江城影视股权质押已至顶\n来源微信公众号：江城投资报（记者 王宏）江城影视的创始人通过股权质押套现资金，"
               "大量投入非影视产业，但以品牌放大杠杆博取高收益的策略并未成功，股价大挫，甚至危及公司的控制权。")
    assert "股权质押" in " ".join(zixun.extract(account.encode()).paragraphs)
    notice = ("免责声明：本网站转载的文章仅代表作者本人观点，与本网站立场无关。本网站不对文章内容的真实性负责，"
              "读者请自行核实。如有侵权，请联系本网站删除。本网站保留对本声明的最终解释权，任何转载须注明出处。")
    from zixun.stages.boilerplate import is_boilerplate_line

    assert is_boilerplate_line(notice)  # the site's own long text is still no story
