"""Item fragments written in Python: crawled names are escaped, tag and outlet links are quoted."""

from __future__ import annotations

from zixun.model import Article, Byline, Published
from zixun.web.fragments import channel_options, chips_html, meta_html, nav_html


def test_chips_escape_names_and_quote_links() -> None:
    html = chips_html(['<script>alert(1)</script>', 'A&B "报道"', "沪/深 #1?"], 5)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "A&amp;B &#34;报道&#34;" in html
    assert 'href="/tags/%E6%B2%AA%2F%E6%B7%B1%20%231%3F"' in html
    assert chips_html([], 5) == "" and chips_html(["一", "二", "三"], 2).count("<li>") == 2


def test_meta_line_honours_precision_and_escapes_the_outlet() -> None:
    a = Article(title="t", byline=Byline(outlet='<b onmouseover="x">晚报</b>'), category="社会",
                published=Published(at="2023-11-06T00:00:00+08:00", precision="day"))
    html = meta_html(a)
    assert "<b " not in html and "&lt;b onmouseover=&#34;x&#34;&gt;晚报&lt;/b&gt;" in html
    assert ">2023年11月6日</time>" in html and 'datetime="2023-11-06T00:00:00+08:00"' in html
    assert 'href="/channels/%E7%A4%BE%E4%BC%9A"' in html
    assert meta_html(Article(title="t")) == '<p class="meta">\n</p>'


def test_channel_bar_and_options_mark_the_current_one() -> None:
    bar = nav_html(["财经", "<体育>"], "财经")
    assert '<a href="/channels/%E8%B4%A2%E7%BB%8F" aria-current="page">财经</a>' in bar
    assert "&lt;体育&gt;" in bar and bar.count("aria-current") == 1
    assert nav_html(["财经"], "home").count('aria-current="page">首页') == 1
    opts = channel_options(["财经", "体育"], "体育")
    assert opts == "<option>财经</option><option selected>体育</option>"
