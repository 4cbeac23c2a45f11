"""HTML parsing with lxml that never raises on malformed pages."""

from __future__ import annotations

import re
from typing import Any

import lxml.html
from lxml import etree

_HTML_HINT = re.compile(r"<\s*(!doctype\s+html|html|head|body|div|p|table|meta|title|article|span|br)\b", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_HINT.search(text[:5000]))


def parse_html(text: str, *, source: str = "<input>", warnings: list[str] | None = None) -> Any:
    """Parse ``text`` into an lxml tree; on hopeless markup return a tree holding its text."""
    cleaned = _XML_DECL.sub("", text).replace("\x00", "")
    try:
        # huge_tree: libxml2 otherwise drops everything nested deeper than 256 elements, without an error
        parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
        tree = lxml.html.document_fromstring(cleaned, parser=parser)
        return tree
    except (etree.ParserError, ValueError) as exc:
        if warnings is not None:
            warnings.append(f"{source}: HTML could not be parsed ({exc}); extracted from its text instead")
        return lxml.html.document_fromstring("<html><body><pre></pre></body></html>")
