"""Read labelled headlines in the common public formats and map their labels to channels.

Formats (detected per line): TNEWS/CLUE JSON lines (``sentence`` + ``label_desc``), the
corpora JSON lines (``title`` + ``category``), ``title<TAB>label`` with a ``class.txt``
beside the file naming label indexes (THUCNews), and ``title_!_label`` with Toutiao label
indexes. A label that is already a channel name (财经) is kept.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from zixun.errors import ConfigError

CHANNEL_OF = {
    "news_story": "社会", "news_culture": "文化", "news_entertainment": "娱乐", "news_sports": "体育",
    "news_finance": "财经", "news_house": "房产", "news_car": "汽车", "news_edu": "教育", "news_tech": "科技",
    "news_military": "军事", "news_travel": "旅游", "news_world": "国际", "news_stock": "股票",
    "news_agriculture": "农业", "news_game": "游戏",
    "finance": "财经", "realty": "房产", "stocks": "股票", "education": "教育", "science": "科技",
    "society": "社会", "politics": "时政", "sports": "体育", "game": "游戏", "entertainment": "娱乐",
    "tech": "科技", "technology": "科技", "military": "军事", "world": "国际", "car": "汽车", "auto": "汽车",
    "travel": "旅游", "culture": "文化", "agriculture": "农业", "house": "房产", "edu": "教育",
}
# Toutiao label index (``title_!_3``) → its code's name.
TOUTIAO_INDEX = ["news_story", "news_culture", "news_entertainment", "news_sports", "news_finance", "news_house",
                 "news_car", "news_edu", "news_tech", "news_military", "news_travel", "news_world", "news_stock",
                 "news_agriculture", "news_game"]


def channel(label: str) -> str:
    """The channel for a label name (unknown labels are kept as given)."""
    return CHANNEL_OF.get(label.strip().lower(), label.strip())


def read_labelled(path: Path) -> Iterator[tuple[str, str]]:
    """(headline, channel) pairs from ``path``; lines without a label are skipped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read ({exc.strerror}); check the path") from exc
    class_file = path.parent / "class.txt"
    names = class_file.read_text(encoding="utf-8").split() if class_file.is_file() else []
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if line.startswith("{"):
            d = json.loads(line)
            text = str(d.get("sentence") or d.get("title") or "")
            label = str(d.get("label_desc") or d.get("category") or "")
        elif "_!_" in line:
            text, _, label = line.rpartition("_!_")
            label = TOUTIAO_INDEX[int(label)] if label.isdigit() and int(label) < len(TOUTIAO_INDEX) else label
        elif "\t" in line:
            text, _, label = line.rpartition("\t")
            label = names[int(label)] if label.isdigit() and int(label) < len(names) else label
        else:
            continue
        if text and label:
            yield text, channel(label)
