"""One table of settings: environment ``ZIXUN_*`` > ``zixun.toml`` in the working directory > default.

The table feeds ``zixun settings`` (CLI help) and a test that checks every setting is
documented in the README, so the docs cannot drift from the code.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "sqlite:///zixun.db", "Store URL: sqlite:///path.db (default) or postgresql://user@host/db."),
    Setting("summary_chars", 120, "Budget of the 核心提示 summary in characters, punctuation not counted (whole sentences; whole clauses under 60; mostly-Latin text gets 2.5× as many letters)."),
    Setting("tags_k", 8, "How many keyword tags to keep per article."),
    Setting("timezone", "+08:00", "UTC offset assumed when a page states none."),
    Setting("related_k", 10, "How many items the 大家还在看 block shows."),
    Setting("trending_half_life_hours", 24.0, "Half-life of a page view in the trending score."),
    Setting("max_page_bytes", 10_000_000, "Pages larger than this are rejected (API ingest and CLI)."),
    Setting("data_dir", "", "Where learned resources live (default $XDG_DATA_HOME/zixun or ~/.local/share/zixun)."),
    Setting("category_model", "", "Channel classifier built by `zixun train-category` (default <data_dir>/category.json)."),
    Setting("tag_lexicon", "", "Tag lexicon built by `python -m zixun.nlp.build lexicon` (default <data_dir>/lexicon.json)."),
    Setting("tag_model", "", "Headline tag model built by `python -m zixun.nlp.build tags-model` (default <data_dir>/tag_model.json; without the file the built-in model; `none`: the rules alone)."),
    Setting("site_rules", {}, "Per-site extraction overrides: {host: {title: XPath, body: XPath}} (zixun.toml only)."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def _coerce(value: str, default: Any) -> Any:
    if isinstance(default, bool):
        return value.lower() in ("1", "true", "yes", "on")
    if isinstance(default, int):
        return int(value)
    if isinstance(default, float):
        return float(value)
    return value


def _toml(path: Path = Path("zixun.toml")) -> dict[str, Any]:
    if not path.is_file():
        return {}
    with path.open("rb") as f:
        return tomllib.load(f)


def get(name: str) -> Any:
    """Value of one setting, resolved env > zixun.toml > default."""
    setting = _BY_NAME[name]
    env = os.environ.get("ZIXUN_" + name.upper())
    if env is not None and not isinstance(setting.default, dict):
        return _coerce(env, setting.default)
    conf = _toml()
    if name in conf:
        return conf[name]
    return setting.default
