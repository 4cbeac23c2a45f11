"""Scale-out runner on Dask distributed: workers extract, the driver alone writes to the store.

Items are submitted in bounded windows so a million-page batch never sits in memory at
once, and results come back in input order so a rerun produces the same ids. Without a
scheduler address a LocalCluster (one process per core) is started and closed with the run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from zixun.errors import ConfigError
from zixun.read.sources import Failure, InputItem
from zixun.runner.base import Result, extract_one

WINDOW = 64


class DaskExecutor:
    def __init__(self, address: str | None = None, *, n_workers: int | None = None) -> None:
        self.address = address
        self.n_workers = n_workers

    def _client(self) -> tuple[Any, Any]:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise ConfigError("the dask runner needs dask[distributed]: pip install 'zixun[dask]'") from exc
        if self.address:
            try:
                return Client(self.address, timeout=10), None  # type: ignore[no-untyped-call]
            except OSError as exc:
                raise ConfigError(f"cannot reach the Dask scheduler at {self.address} ({exc}); is it running?") from exc
        cluster = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=self.n_workers, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
        )
        return Client(cluster), cluster  # type: ignore[no-untyped-call]

    def map(self, items: Iterable[InputItem | Failure], *, progress: Any = None) -> Iterator[Result]:
        client, cluster = self._client()
        try:
            it = iter(items)
            while True:
                window = list(islice(it, WINDOW))
                if not window:
                    break
                futures = client.map(extract_one, window, pure=False)
                for fut in futures:
                    result: Result = fut.result()
                    if progress is not None:
                        progress(result)
                    yield result
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
