"""Runners: where extraction happens. Only the driver (``api.ingest``) writes to the store."""

from __future__ import annotations

from zixun.errors import ConfigError
from zixun.runner.base import Executor


def get_runner(name: str) -> Executor:
    if name == "local":
        from zixun.runner.local import LocalExecutor

        return LocalExecutor()
    if name.startswith("dask"):
        from zixun.runner.dask import DaskExecutor

        address = name.partition(":")[2] or None
        return DaskExecutor(address)
    raise ConfigError(f"unknown runner {name!r}: use 'local' or 'dask[:scheduler-address]'")


__all__ = ["Executor", "get_runner"]
