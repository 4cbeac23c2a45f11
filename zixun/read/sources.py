"""Inputs for a batch: files, directories (recursive), ``.gz`` files and JSON-lines feeds.

Each input becomes an :class:`InputItem`; an input that cannot even be opened becomes a
failure triple ``(source, reason, message)`` so the batch records it and goes on.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Failure = tuple[str, str, str]


@dataclass(slots=True)
class InputItem:
    source: str
    data: bytes | str
    url: str | None = None
    base_time: str | None = None
    hints: dict[str, Any] = field(default_factory=dict)


def _read_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix == ".gz":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise OSError(f"is not a readable gzip file ({exc})") from exc
    return data


def _jsonl_items(source: str, data: bytes) -> Iterator[InputItem | Failure]:
    for n, raw in enumerate(data.splitlines(), 1):
        if not raw.strip():
            continue
        where = f"{source}:{n}"
        try:
            rec = json.loads(raw)
        except ValueError as exc:
            yield (where, "bad-json", f"{where}: line is not JSON ({exc.args[0]}); fix or remove the line")
            continue
        if not isinstance(rec, dict):
            yield (where, "bad-json", f"{where}: expected an object with html or text; got {type(rec).__name__}")
            continue
        body = rec.get("html") or rec.get("text") or rec.get("content")
        if not isinstance(body, str) or not body.strip():
            yield (where, "empty", f"{where}: record has no 'html' or 'text' field: skipped")
            continue
        hints: dict[str, Any] = {}
        if rec.get("title"):
            hints["title"] = str(rec["title"])
        published = rec.get("published") or rec.get("date") or rec.get("published_at")
        if published:
            hints["given_published"] = str(published)
        if rec.get("source") or rec.get("outlet"):
            hints["meta_source"] = str(rec.get("source") or rec.get("outlet"))
        if rec.get("html") is None and "\n" not in body and "paragraphs" in rec:
            body = "\n".join(rec["paragraphs"])
        yield InputItem(source=where, data=body, url=rec.get("url"), base_time=rec.get("base_time"), hints=hints)


def _walk(path: Path) -> Iterator[Path]:
    if path.is_dir():
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith("."):
                    yield Path(root) / name
    else:
        yield path


def iter_inputs(paths: Iterable[str | os.PathLike[str]]) -> Iterator[InputItem | Failure]:
    """Yield one item per page found under ``paths`` (or a failure for what can't be read)."""
    from zixun.settings import get as setting

    limit = int(setting("max_page_bytes"))
    for p in paths:
        root = Path(p)
        if not root.exists():
            yield (str(root), "unreadable", f"{root}: no such file or directory; check the path")
            continue
        for path in _walk(root):
            source = str(path)
            try:
                size = path.stat().st_size
                if size > limit:
                    yield (source, "too-large", f"{source}: {size} bytes is over max_page_bytes={limit}: skipped; "
                           "raise ZIXUN_MAX_PAGE_BYTES if the page is genuine")
                    continue
                data = _read_bytes(path)
            except OSError as exc:
                reason = exc.strerror or str(exc)
                yield (source, "unreadable", f"{source}: cannot be read ({reason}); check permissions and the file")
                continue
            name = path.name[:-3] if path.name.endswith(".gz") else path.name
            if name.endswith((".jsonl", ".ndjson")):
                yield from _jsonl_items(source, data)
            else:
                yield InputItem(source=source, data=data)
