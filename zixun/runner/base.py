"""The runner interface: map extraction over inputs, yielding Articles or failure triples."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Protocol

from zixun.errors import ZixunError
from zixun.model import Article
from zixun.read.sources import Failure, InputItem

Result = Article | Failure


def extract_one(item: InputItem | Failure) -> Result:
    """Extract one item; any ZixunError becomes a failure triple (the batch goes on)."""
    if isinstance(item, tuple):
        return item
    from zixun.api import extract_item

    try:
        return extract_item(item)
    except ZixunError as exc:
        return (item.source, getattr(exc, "reason", "error"), str(exc))
    except RecursionError:
        return (item.source, "too-deep", f"{item.source}: HTML nested too deeply to extract: skipped")


class Executor(Protocol):
    def map(self, items: Iterable[InputItem | Failure], *, progress: Any = None) -> Iterator[Result]:
        """Yield one result per item, in input order."""
        ...
