"""The one record that travels through every stage, to Dask workers and into both stores.

Everything is a slots dataclass of JSON-able fields so that ``to_dict()``/``from_dict()``
round-trip exactly (the store keeps the JSON; a worker pickles the object).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

PRECISIONS = ("year", "month", "day", "hour", "minute", "second")
TIME_SOURCES = ("meta", "jsonld", "byline", "url", "text", "body-inferred", "given")


@dataclass(slots=True)
class Byline:
    """Who wrote it: outlet (来源), reporters (记者/作者), editor (责任编辑), dateline city."""

    outlet: str | None = None
    reporters: list[str] = field(default_factory=list)
    editor: str | None = None
    city: str | None = None
    raw: str | None = None

    def is_empty(self) -> bool:
        return not (self.outlet or self.reporters or self.editor or self.city)


@dataclass(slots=True)
class Published:
    """The publish time: ISO 8601 with offset, its honest precision and where it came from."""

    at: str | None = None
    precision: str | None = None
    source: str | None = None
    evidence: str | None = None
    confidence: float | None = None


@dataclass(slots=True)
class RelatedItem:
    """One entry of a page's own 大家还在看 block (as printed on the page, not our recommendation)."""

    title: str
    tags: list[str] = field(default_factory=list)
    url: str | None = None


@dataclass(slots=True)
class Article:
    """A finished article page: 核心提示 (summary), 发布时间 (published), 资讯详情, 大家还在看."""

    url: str | None = None
    title: str = ""
    title_generated: bool = False
    byline: Byline = field(default_factory=Byline)
    published: Published = field(default_factory=Published)
    summary: str = ""
    paragraphs: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    category: str | None = None
    page_related: list[RelatedItem] = field(default_factory=list)
    lang: str = "zh"
    content_hash: str = ""
    source_name: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The body as one string, paragraphs joined by newlines."""
        return "\n".join(self.paragraphs)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        d = dict(d)
        byline = Byline(**d.pop("byline", None) or {})
        published = Published(**d.pop("published", None) or {})
        related = [RelatedItem(**r) for r in d.pop("page_related", None) or []]
        known = {f for f in cls.__dataclass_fields__}
        rest = {k: v for k, v in d.items() if k in known}
        return cls(byline=byline, published=published, page_related=related, **rest)
