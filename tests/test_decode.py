"""Bytes → text for pages whose declared charset is wrong or missing (zixun.read.decode)."""

from __future__ import annotations

import pytest

from zixun.errors import BinaryInput, EmptyInput
from zixun.read.decode import common_ratio, declared_charset, decode

TEXT = "国务院新闻办公室今天举行发布会，介绍今年上半年经济运行情况。有关负责人表示，主要指标保持稳定。"
TRAD = "行政院今天舉行記者會，說明明年度的經濟發展計畫。發言人表示，政府將持續推動產業升級與人才培育。"


def html(body: str, charset: str | None) -> str:
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">' if charset else ""
    return f"<html><head>{meta}<title>news</title></head><body><p>{body}</p></body></html>"


def test_utf8_plain() -> None:
    text, enc = decode(html(TEXT, "utf-8").encode("utf-8"))
    assert TEXT in text and enc == "utf-8"


def test_gbk_declared_gb2312_with_gbk_only_characters() -> None:
    body = TEXT + "镕基、喆、昇"  # characters outside GB2312 that GBK pages use anyway
    text, enc = decode(html(body, "gb2312").encode("gbk"))
    assert body in text and enc == "gb18030"


def test_gbk_without_declaration() -> None:
    text, _enc = decode(html(TEXT, None).encode("gbk"))
    assert TEXT in text


def test_utf8_declared_gb2312() -> None:
    text, enc = decode(html(TEXT, "gb2312").encode("utf-8"))
    assert TEXT in text and enc == "utf-8"


def test_big5_declared_and_undeclared() -> None:
    for charset in ("big5", None):
        text, _enc = decode(html(TRAD, charset).encode("big5"))
        assert TRAD in text


def test_utf8_with_a_few_broken_bytes_stays_utf8() -> None:
    data = html(TEXT * 5, None).encode("utf-8")
    broken = data[:200] + b"\xff" + data[200:]
    text, enc = decode(broken)
    assert enc == "utf-8" and TEXT in text


def test_truncated_utf8_at_the_end() -> None:
    data = html(TEXT, None).encode("utf-8") + "新".encode()[:2]
    text, enc = decode(data)
    assert enc == "utf-8" and TEXT in text


def test_bom() -> None:
    text, enc = decode(b"\xef\xbb\xbf" + TEXT.encode())
    assert text.startswith(TEXT) and enc == "utf-8-sig"


def test_binary_and_empty_inputs_raise_typed_errors() -> None:
    with pytest.raises(BinaryInput, match="PNG"):
        decode(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, source="x.png")
    with pytest.raises(EmptyInput):
        decode(b"   \n")


def test_helpers() -> None:
    assert declared_charset(b'<meta charset="GBK">') == "gbk"
    assert declared_charset(b"<?xml version='1.0' encoding='gb2312'?>") == "gb2312"
    assert common_ratio(TEXT) > 0.6
    assert common_ratio("") == 0.0


def test_random_or_compressed_bytes_are_not_read_as_chinese() -> None:
    """Random bytes decode as GB18030 into a screen of rare characters; their control bytes give
    them away. GBK, Big5 and UTF-8 text with tabs and page breaks is still text."""
    import random
    import zlib

    noise = random.Random(7).randbytes(5000)
    with pytest.raises(BinaryInput):
        decode(noise, source="noise.html")
    with pytest.raises(BinaryInput):
        decode(zlib.compress("江城地铁新线开通".encode() * 400), source="page.html.z")
    simplified = "江城地铁12号线今天开通。\t市民排队试乘。\f第二页：沿线共设车站37座。\r\n"
    traditional = "江城捷運12號線今天開通。\t市民排隊試乘。\f第二頁：沿線共設車站37座。\r\n"
    for text, enc in ((simplified, "gbk"), (traditional, "big5"), (simplified, "utf-8")):
        assert decode(text.encode(enc), source="p.txt")[0] == text
