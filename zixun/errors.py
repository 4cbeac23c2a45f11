"""Every error zixun raises on purpose; each message names the input and the next step.

::

    ZixunError
    ├── InputError            a page or path we cannot read (the batch records it and goes on)
    │   ├── UnreadableInput   missing path, permission, I/O error
    │   ├── BinaryInput       not HTML or text (an image, an archive we don't open…)
    │   └── EmptyInput        nothing to extract (empty file, no text after cleaning)
    ├── DropPage              a stage dropped the page on purpose (e.g. near-duplicate)
    ├── StoreError            the store cannot be opened or used
    │   ├── MigrationNeeded   the database schema is older than this zixun
    │   └── NotFound          no article with that id / url
    └── ConfigError           a bad setting or database URL

The CLI catches ``ZixunError`` once and prints the message; anything else is a bug.
"""

from __future__ import annotations


class ZixunError(Exception):
    """Base class: a problem the user can act on. ``str(e)`` says what to do next."""

    reason = "error"


class InputError(ZixunError):
    reason = "unreadable"

    def __init__(self, source: str, message: str) -> None:
        self.source = source
        super().__init__(f"{source}: {message}")


class UnreadableInput(InputError):
    reason = "unreadable"


class BinaryInput(InputError):
    reason = "binary"


class EmptyInput(InputError):
    reason = "empty"


class DropPage(ZixunError):
    """Raised by a stage that deliberately drops a page (scrapy's DropItem)."""

    def __init__(self, reason: str, message: str) -> None:
        self.reason = reason
        super().__init__(message)


class StoreError(ZixunError):
    reason = "store"


class MigrationNeeded(StoreError):
    pass


class NotFound(StoreError):
    reason = "not-found"


class ConfigError(ZixunError):
    reason = "config"
