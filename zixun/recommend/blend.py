"""大家还在看: blend related, co-read, trending and fresh items into one list.

Rules, in the order they are applied:

1. never the article itself, nor anything ``reader`` has already viewed;
2. never two near-duplicates: an item is skipped when its ingest-time near-duplicate
   group is already in the list (or is the article's own), or when its title is a
   near-duplicate (``recommend.neardup``) of a listed title or the article's;
3. each source may fill at most ``slots[source]`` places (so a hot story cannot fill the
   whole block) while the list can still be completed from the others; when it cannot,
   the caps are lifted;
4. diversity across channels by MMR: each pick maximises
   ``weight[source] · score − diversity · share of the list already in its channel``;
5. each item carries the reason it was chosen (related / coread / trending / fresh).

Scores are scaled to [0, 1] within each source before weighting, so the weights mean
the same whatever the corpus size.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from zixun.errors import NotFound
from zixun.model import Article
from zixun.recommend.coread import coread
from zixun.recommend.index import IndexRow, Neighbour, RelatedIndex
from zixun.recommend.neardup import THRESHOLD, jaccard, match_text, shingles, title_key
from zixun.recommend.trending import trending
from zixun.settings import get as setting
from zixun.store.base import Store

SOURCES = ("related", "coread", "trending", "fresh")


@dataclass(slots=True)
class RelatedArticle:
    id: int
    title: str
    url: str | None
    tags: list[str] = field(default_factory=list)
    reason: str = "related"
    score: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class BlendConfig:
    """Weights and slot caps per source; defaults favour "more like this"."""

    weights: dict[str, float] = field(
        default_factory=lambda: {"related": 1.0, "coread": 0.9, "trending": 0.6, "fresh": 0.4}
    )
    slots: dict[str, int] = field(default_factory=lambda: {"related": 6, "coread": 3, "trending": 2, "fresh": 2})
    diversity: float = 0.3
    pool: int = 30
    coread_days: float = 30.0
    half_life_hours: float | None = None


@dataclass(slots=True)
class _Cand:
    row: IndexRow
    source: str
    score: float


def _scaled(items: list[tuple[int, float]]) -> list[tuple[int, float]]:
    top = max((s for _, s in items), default=0.0)
    return [(i, s / top if top > 0 else 0.0) for i, s in items]


TAGS_PROBED = 4  # how many of an article's tags the stand-in below looks up


class StoreRows:
    """The related index's stand-in while a server builds it (its first seconds after a start):
    rows read from the store, and "more like this" from the article's tags (``Store.list(tag=…)``,
    an index walk each), so an article page need not wait for the build. Weaker than the index
    (no headline similarity), so it serves only until the index is ready."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._rows: dict[int, IndexRow | None] = {}

    def _keep(self, article_id: int, art: Article) -> IndexRow:
        row = self._rows[article_id] = IndexRow(article_id, art.title, sorted(art.tags), art.category, article_id)
        return row

    def row(self, article_id: int) -> IndexRow | None:
        if article_id not in self._rows:
            try:
                self._keep(article_id, self.store.get(article_id))
            except NotFound:
                self._rows[article_id] = None
        return self._rows[article_id]

    def neighbours(self, me: IndexRow, k: int, *, exclude: set[int]) -> list[Neighbour]:
        """Articles sharing the most of ``me``'s first tags, newer first among equals."""
        scores: dict[int, float] = {}
        titles: dict[int, str] = {}
        for tag in me.tags[:TAGS_PROBED]:
            for rank, (i, art) in enumerate(self.store.list(limit=k, tag=tag)):
                if i != me.id and i not in exclude:
                    titles[i] = self._keep(i, art).title
                    scores[i] = scores.get(i, 0.0) + 1.0 - rank / (2 * k)
        best = sorted(scores.items(), key=lambda t: (-t[1], -t[0]))[:k]
        return [Neighbour(i, s, titles[i], i) for i, s in best]


def _candidates(
    me: IndexRow, store: Store, cfg: BlendConfig, exclude: set[int], now: datetime,
    index: RelatedIndex | StoreRows,
) -> dict[int, _Cand]:
    half_life = cfg.half_life_hours or float(setting("trending_half_life_hours"))
    per_source: dict[str, list[tuple[int, float]]] = {
        "related": [(n.id, n.score) for n in index.neighbours(me, cfg.pool, exclude=exclude)],
        "coread": coread(store, me.id, window_days=cfg.coread_days, now=now, limit=cfg.pool),
        "trending": trending(store, half_life_hours=half_life, now=now, channel=me.category, limit=cfg.pool // 2,
                             rows=index)
        + trending(store, half_life_hours=half_life, now=now, limit=cfg.pool // 2),
        "fresh": [(i, 1.0 - r / (2 * cfg.pool)) for r, (i, _a) in enumerate(store.list(limit=cfg.pool))],
    }
    cands: dict[int, _Cand] = {}
    for source in SOURCES:
        weight = cfg.weights.get(source, 0.0)
        if weight <= 0 or cfg.slots.get(source, 0) <= 0:
            continue
        for i, s in _scaled(per_source[source]):
            row = index.row(i)
            if row is None or i in exclude:
                continue
            if i not in cands or weight * s > cands[i].score:
                cands[i] = _Cand(row, source, weight * s)
    return cands


def recommend(
    article_id: int,
    *,
    store: Store,
    k: int = 10,
    reader: str | None = None,
    config: BlendConfig | None = None,
    now: datetime | None = None,
    quick: bool = False,
) -> list[RelatedArticle]:
    """The 大家还在看 block for one article, ``k`` items at most, best first. ``quick``: without
    the related index (``StoreRows``), for a server whose index is still being built."""
    cfg = config or BlendConfig()
    now = now or datetime.now(UTC)
    index: RelatedIndex | StoreRows = StoreRows(store) if quick else store.related_index()
    me = index.row(article_id)
    if me is None:
        art = store.get(article_id)  # raises NotFound for a bad id
        me = IndexRow(article_id, art.title, sorted(art.tags), art.category, article_id)
    exclude = {article_id} | (store.viewed_by(reader) if reader else set())
    cands = _candidates(me, store, cfg, exclude, now, index)

    groups = {me.group or me.id}
    keys = [(title_key(me.title), shingles(match_text(me.title)))]
    used = dict.fromkeys(SOURCES, 0)
    channels: dict[str | None, int] = {}
    chosen: list[_Cand] = []
    capped = True
    while len(chosen) < k and cands:
        best, best_val = None, float("-inf")
        for c in cands.values():
            if capped and used[c.source] >= cfg.slots.get(c.source, 0):
                continue
            val = c.score - cfg.diversity * channels.get(c.row.category, 0) / max(1, len(chosen))
            if val > best_val:
                best, best_val = c, val
        if best is None:
            if not capped:
                break
            capped = False
            continue
        del cands[best.row.id]
        grp = best.row.group or best.row.id
        key = (title_key(best.row.title), shingles(match_text(best.row.title)))
        if grp in groups or any((key[0] and key[0] == k0) or jaccard(key[1], s0) >= THRESHOLD for k0, s0 in keys):
            continue
        groups.add(grp)
        keys.append(key)
        used[best.source] += 1
        channels[best.row.category] = channels.get(best.row.category, 0) + 1
        chosen.append(best)
    out = []
    for c in chosen:
        art = store.get(c.row.id)
        out.append(RelatedArticle(c.row.id, art.title, art.url, list(art.tags), c.source, round(c.score, 4)))
    return out
