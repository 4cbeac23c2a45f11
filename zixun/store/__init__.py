"""Storage: one interface (``base.Store``), SQLite by default, PostgreSQL for production."""

from __future__ import annotations

from zixun.errors import ConfigError
from zixun.store.base import Store


def open_store(url: str) -> Store:
    """Open a store from a URL: ``sqlite:///path.db``, ``sqlite://:memory:``, ``postgresql://…``."""
    if url.startswith("sqlite://"):
        from zixun.store.sqlite import SQLiteStore

        path = url[len("sqlite://") :]
        if path.startswith("/") and not path.startswith("//"):
            path = path[1:] or ":memory:"
        elif path.startswith("//"):
            path = path[1:]
        return SQLiteStore(path or ":memory:")
    if url.startswith(("postgresql://", "postgres://")):
        from zixun.store.postgres import PostgresStore

        return PostgresStore(url)
    raise ConfigError(
        f"unsupported database URL {url!r}: use sqlite:///zixun.db (relative), sqlite:////abs/path.db "
        "or postgresql://user@host/dbname"
    )


__all__ = ["Store", "open_store"]
