"""The reference runner: extract in this process, one item after another, in order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from zixun.read.sources import Failure, InputItem
from zixun.runner.base import Result, extract_one


class LocalExecutor:
    def map(self, items: Iterable[InputItem | Failure], *, progress: Any = None) -> Iterator[Result]:
        for item in items:
            result = extract_one(item)
            if progress is not None:
                progress(result)
            yield result
