"""Reading raw input: encodings (declared, wrong, missing), binary/empty input, input kinds."""

from __future__ import annotations

import pytest

import zixun
from tests.conftest import ARTICLE_PARAS, ARTICLE_TITLE, make_html
from zixun.errors import BinaryInput, EmptyInput
from zixun.read.decode import decode
from zixun.read.page import load_page

KEY = ARTICLE_PARAS[1]


@pytest.mark.parametrize(
    ("encoding", "declared"),
    [
        ("utf-8", "utf-8"),
        ("gbk", "gb2312"),
        ("gb18030", "gb18030"),
        ("big5", "big5"),
        ("gbk", None),  # no declaration at all
        ("gbk", "utf-8"),  # declared wrong: bytes are GBK
        ("utf-8", "gb2312"),  # declared wrong: bytes are UTF-8
        ("big5", None),
        ("big5", "gb2312"),
    ],
)
def test_encodings_decode_to_the_same_article(encoding: str, declared: str | None) -> None:
    title, paras = ARTICLE_TITLE, list(ARTICLE_PARAS)
    if encoding == "big5":
        # Big5 has no simplified forms: write the traditional version of the same story.
        title = "江城地鐵12號線全線貫通 年底前開通試運營"
        paras = [
            "華夏日報記者林曉舟 武漢報道",
            "3月18日上午，江城地鐵12號線最後一段盾構隧道在漢江南岸順利貫通，標誌著這條環線全線貫通。",
            "據建設單位介紹，12號線全長59.9公里，共設車站37座，是目前國內一次性建成里程最長的地鐵環線之一。",
            "施工方負責人表示，隧道穿越漢江段地質條件複雜，項目團隊採用了新型泥水平衡盾構機。",
        ]
    page = make_html(title, paras, charset=declared, traditional=encoding == "big5").encode(encoding)
    art = zixun.extract(page)
    assert art.title == title
    assert paras[1] in art.paragraphs


def test_gb18030_characters_outside_gbk() -> None:
    paras = list(ARTICLE_PARAS)
    paras[2] = "据介绍，首位乘客名叫刘䶮，她说𠮷野家的早餐店也开在了新车站旁。"
    art = zixun.extract(make_html(paras=paras, charset="gb2312").encode("gb18030"))
    assert paras[2] in art.paragraphs


def test_binary_and_empty_input_errors_name_the_input() -> None:
    with pytest.raises(BinaryInput, match="x.png.*PNG"):
        decode(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, source="x.png")
    with pytest.raises(EmptyInput, match="empty.html.*empty"):
        decode(b"  \n", source="empty.html")


def test_truncated_html_still_extracts() -> None:
    page = make_html().encode("utf-8")
    cut = page[: page.index(KEY.encode("utf-8")) + len(KEY.encode("utf-8")) + 20]
    art = zixun.extract(cut)
    assert KEY in art.paragraphs


def test_input_kinds() -> None:
    assert load_page(make_html()).kind == "html"
    assert load_page("1核心提示\n2发布时间\n3资讯详情\n正文。\n4大家还在看:\n- a,b\n").kind == "dump"
    plain = ARTICLE_TITLE + "\n" + "\n".join(ARTICLE_PARAS[1:])
    page = load_page(plain)
    assert page.kind == "text"
    art = zixun.extract(plain)
    assert art.title == ARTICLE_TITLE and not art.title_generated
    assert art.paragraphs[0] == ARTICLE_PARAS[1]


def test_plain_text_without_title_gets_generated_title() -> None:
    art = zixun.extract("\n".join(ARTICLE_PARAS[1:]))
    assert art.title_generated
    assert 0 < len(art.title) <= 30
    assert "12号线" in art.title


@pytest.mark.parametrize(("html_title", "expected"), [
    ("江城地铁12号线全线贯通_城市频道_华夏网", "江城地铁12号线全线贯通"),
    ("江城论坛 :: null", "江城论坛"),  # a template's empty value is no headline
    ("huaxia.com.cn- 江城地铁12号线全线贯通", "江城地铁12号线全线贯通"),  # nor is the site's domain
    ("中超-江城队2:1胜海港队", "中超-江城队2:1胜海港队"),  # a hyphen inside a headline stays
])
def test_html_title_loses_site_parts_and_template_artefacts(html_title: str, expected: str) -> None:
    html = make_html().replace("<title>江城地铁12号线全线贯通 年底前开通试运营_城市频道_华夏网</title>",
                               f"<title>{html_title}</title>").replace(f"<h1>{ARTICLE_TITLE}</h1>", "")
    assert zixun.extract(html.encode("utf-8"), url="https://news.example.cn/a/1.html").title == expected


@pytest.mark.parametrize("page_title", ["显示", "1", "blog.huaxia.com.cn", "无标题"])
def test_a_page_label_is_no_headline_and_one_is_generated(page_title: str) -> None:
    """A forum's page label, a number or a bare domain in <title> names no story: the headline
    is generated from the lead (and marked so)."""
    html = make_html().replace("<title>江城地铁12号线全线贯通 年底前开通试运营_城市频道_华夏网</title>",
                               f"<title>{page_title}</title>").replace(f"<h1>{ARTICLE_TITLE}</h1>", "")
    art = zixun.extract(html.encode("utf-8"), url="https://news.example.cn/a/1.html")
    assert art.title_generated and art.title != page_title and "江城地铁" in art.title
