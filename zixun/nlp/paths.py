"""Where learned resources (category model, tag lexicon, tag model) live: a user data dir, never the package.

Why: models learned from third-party data must not ship in the repository or the wheel, so
they are built by a documented command into the ``data_dir`` setting (``$ZIXUN_DATA_DIR``) (default
``$XDG_DATA_HOME/zixun`` or ``~/.local/share/zixun``) and loaded when present.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from zixun.settings import get as setting


def data_dir() -> Path:
    """The user data directory (not created here)."""
    env = str(setting("data_dir"))
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".local" / "share"
    return base / "zixun"


def category_model_path() -> Path:
    """``$ZIXUN_CATEGORY_MODEL`` or ``<data dir>/category.json``."""
    env = str(setting("category_model"))
    return Path(env).expanduser() if env else data_dir() / "category.json"


def lexicon_path() -> Path:
    """``$ZIXUN_TAG_LEXICON`` or ``<data dir>/lexicon.json``."""
    env = str(setting("tag_lexicon"))
    return Path(env).expanduser() if env else data_dir() / "lexicon.json"


def tag_model_path() -> Path:
    """``$ZIXUN_TAG_MODEL`` or ``<data dir>/tag_model.json``."""
    env = str(setting("tag_model"))
    return Path(env).expanduser() if env else data_dir() / "tag_model.json"


def write_json(data: object, path: Path) -> Path:
    """Write a learned resource as UTF-8 JSON, creating its folder; returns ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path
