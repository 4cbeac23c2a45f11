"""The bundled sample pages (4+ layouts, UTF-8/GBK/GB18030/Big5, dumps, text, JSONL) against their manifest.

The pages and their expectations were written for zixun (``zixun/samples/build.py``); they
are also the demo corpus.
"""

from __future__ import annotations

import gzip
import json
from typing import Any

import pytest

import zixun
from zixun.api import sample_pages_dir

MANIFEST = json.loads((sample_pages_dir().parent / "manifest.json").read_text(encoding="utf-8"))
PAGES = [m for m in MANIFEST if not m["file"].endswith(".jsonl")]


def _extract(entry: dict[str, Any]) -> zixun.Article:
    data = (sample_pages_dir() / entry["file"]).read_bytes()
    if entry["file"].endswith(".gz"):
        data = gzip.decompress(data)
    return zixun.extract(data, url=entry.get("url"), source=entry["file"])


@pytest.fixture(scope="module")
def extracted() -> dict[str, zixun.Article]:
    return {m["file"]: _extract(m) for m in PAGES}


def test_corpus_shape() -> None:
    layouts = {m["layout"] for m in MANIFEST}
    encodings = {m["encoding"] for m in MANIFEST}
    assert len(PAGES) >= 30
    assert len(layouts - {"dump", "plain", "jsonl"}) >= 4
    assert {"utf-8", "gbk", "gb18030", "big5"} <= encodings


@pytest.mark.parametrize("entry", PAGES, ids=[m["file"] for m in PAGES])
def test_body(entry: dict[str, Any], extracted: dict[str, zixun.Article]) -> None:
    art, exp = extracted[entry["file"]], entry["expect"]
    body = "\n".join(art.paragraphs)
    for fragment in exp["body_contains"]:
        assert fragment in body, f"missing from body: {fragment}"
    for junk in exp["body_excludes"]:
        assert junk not in body, f"boilerplate kept in body: {junk}"


@pytest.mark.parametrize("entry", PAGES, ids=[m["file"] for m in PAGES])
def test_title_and_byline(entry: dict[str, Any], extracted: dict[str, zixun.Article]) -> None:
    art, exp = extracted[entry["file"]], entry["expect"]
    if exp["title"]:
        assert art.title == exp["title"]
        assert not art.title_generated
    else:
        assert art.title_generated and 0 < len(art.title) <= 30
    b = art.byline
    assert b.outlet == exp["outlet"]
    assert b.reporters == exp["reporters"]
    assert b.editor == exp["editor"]
    assert b.city == exp["city"]


@pytest.mark.parametrize("entry", PAGES, ids=[m["file"] for m in PAGES])
def test_published(entry: dict[str, Any], extracted: dict[str, zixun.Article]) -> None:
    art, exp = extracted[entry["file"]], entry["expect"]
    if not exp["published"]:
        return
    assert art.published.at is not None, "no publish time found"
    want = exp["published"]
    assert art.published.at[: len(want)] == want if len(want) == 10 else art.published.at == want
    if exp.get("published_source"):
        # meta/jsonld are one family (the page's metadata), byline/text another (its visible date line).
        family = {"meta": "meta", "jsonld": "meta", "byline": "line", "text": "line"}
        got, wanted = art.published.source or "", exp["published_source"]
        assert family.get(got, got) == family.get(wanted, wanted), f"source {got} != {wanted}"


@pytest.mark.parametrize("entry", [m for m in PAGES if m["expect"].get("related_count")],
                         ids=lambda m: m["file"])
def test_dump_related(entry: dict[str, Any], extracted: dict[str, zixun.Article]) -> None:
    art, exp = extracted[entry["file"]], entry["expect"]
    assert len(art.page_related) == exp["related_count"]
    assert [r.title for r in art.page_related] == exp["related_headlines"]
