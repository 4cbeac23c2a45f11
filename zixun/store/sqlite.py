"""SQLite store (the embedded default): WAL, one transaction per write, FTS5 on segmented text.

Ingest-time work happens inside ``upsert``'s transaction: the full-text row (segmented
words + character bigrams, see ``store.query``), the MinHash band keys and the article's
near-duplicate group (``recommend.neardup``); after commit the article goes into the
in-memory related index if this process has one, so it has neighbours at once.
"""

from __future__ import annotations

import builtins
import contextlib
import json
import logging
import re
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from zixun.errors import NotFound, StoreError
from zixun.model import Article
from zixun.recommend.index import IndexRow
from zixun.recommend.neardup import MAX_CANDIDATES, choose_group, dup_keys
from zixun.store.base import COREAD_READERS, SearchHit, Store, article_key
from zixun.store.migrations import MIGRATIONS
from zixun.store.query import (
    fold,
    fts_query,
    index_fields,
    literal_parts,
    make_snippet,
    simple_query,
    strict_query,
    title_query,
    word_query,
)

RECENCY_BOOST = 0.3
RECENCY_DAYS = 30.0
SEARCH_POOL = 200

log = logging.getLogger(__name__)


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text)


def _literal_names(rows: list[sqlite3.Row], parts: list[str], need: int) -> list[sqlite3.Row]:
    """The first ``need`` rows, in rank order, whose title or one tag holds each part literally."""
    out: list[sqlite3.Row] = []
    for r in rows:
        if len(out) >= need:
            break
        if _holds(parts, [r["title"], *(r["tags"] or "").split("\x1f")]):
            out.append(r)
    return out


def _holds(parts: list[str], fields: list[str]) -> bool:
    """Each folded query part appears literally in one of the fields (folded the same way)."""
    folded = [fold(f) for f in fields if f]
    return all(any(p in f for f in folded) for p in parts)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SQLiteStore(Store):
    def __init__(self, path: str) -> None:
        self.path = path
        try:
            self.db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open SQLite database {path!r} ({exc}); check the path and permissions") from exc
        self.db.row_factory = sqlite3.Row
        self._trend: tuple[float, datetime, int, dict[int, float], datetime, timedelta] | None = None
        try:
            self.db.execute("PRAGMA journal_mode=WAL")
            # WAL + NORMAL: no fsync per commit (an ingest of 100k pages is 100k commits);
            # a crash loses at most the last commits, never corrupts the file
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA busy_timeout=5000")
            # reads straight from the OS page cache instead of a read() call per page: a search
            # at 100k spent 0.2 ms of its 1.6 ms of CPU in those calls (address space, not memory)
            self.db.execute("PRAGMA mmap_size=2147483648")
            self.migrate()
        except sqlite3.DatabaseError as exc:
            self.db.close()
            raise StoreError(f"{path!r} is not a zixun SQLite database ({exc}); choose another --db file") from exc

    # -- schema ---------------------------------------------------------------------------
    def migrate(self) -> builtins.list[str]:
        self.db.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        done = {r[0] for r in self.db.execute("SELECT name FROM migrations")}
        applied = []
        for name, sql, _pg in MIGRATIONS:
            if name in done:
                continue
            self.db.execute("BEGIN")
            try:
                for stmt in sql.split(";"):
                    if stmt.strip():
                        self.db.execute(stmt)
                self.db.execute("INSERT INTO migrations VALUES (?, ?)", (name, _now()))
                self.db.execute("COMMIT")
            except sqlite3.Error:
                self.db.execute("ROLLBACK")
                raise
            applied.append(name)
        if "0002_search_grams_neardup" in applied:
            self._backfill()
        elif "0008_refold_traditional" in applied:
            self._refold()
        return applied

    def _backfill(self) -> None:
        """Index articles stored before migration 0002 (full text, bands, groups)."""
        rows = self.db.execute("SELECT id, data FROM articles ORDER BY id").fetchall()
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for r in rows:
                self._index_article(int(r["id"]), self._article(r), new=True)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def _refold(self) -> None:
        """Rewrite the full-text rows of articles stored before migration 0008 (the fold table grew)."""
        rows = self.db.execute("SELECT id, data FROM articles ORDER BY id").fetchall()
        if rows:
            log.info("re-indexing the search text of %d stored articles (once, for the new traditional-script table)",
                     len(rows))
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for r in rows:
                title, body, tags, grams = index_fields(self._article(r))
                self.db.execute("UPDATE search_fts SET title=?, body=?, tags=?, grams=? WHERE rowid=?",
                                (title, body, tags, grams, r["id"]))
                self.db.execute("UPDATE heads_fts SET title=?, tags=? WHERE rowid=?", (title, tags, r["id"]))
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def _index_article(self, article_id: int, article: Article, *, new: bool) -> None:
        """Full-text row, MinHash bands and near-duplicate group (inside the caller's transaction)."""
        if not new:
            self.db.execute("DELETE FROM search_fts WHERE rowid=?", (article_id,))
            self.db.execute("DELETE FROM heads_fts WHERE rowid=?", (article_id,))
            self.db.execute("DELETE FROM dup_bands WHERE article_id=?", (article_id,))
        title, body, tags, grams = index_fields(article)
        self.db.execute(
            "INSERT INTO search_fts (rowid, title, body, tags, grams) VALUES (?,?,?,?,?)",
            (article_id, title, body, tags, grams),
        )
        self.db.execute("INSERT INTO heads_fts (rowid, title, tags) VALUES (?,?,?)", (article_id, title, tags))
        keys = dup_keys(article)
        group = article_id
        if keys:
            marks = ",".join("?" * len(keys))
            cands = self.db.execute(
                f"SELECT b.article_id, COALESCE(g.group_id, b.article_id) AS grp, COUNT(*) AS n FROM dup_bands b"
                f" LEFT JOIN article_groups g ON g.article_id = b.article_id WHERE b.band IN ({marks})"
                " AND b.article_id != ? GROUP BY b.article_id ORDER BY n DESC, b.article_id LIMIT ?",
                (*keys, article_id, MAX_CANDIDATES),
            ).fetchall()
            group = choose_group(article, article_id, [(int(c["article_id"]), int(c["grp"])) for c in cands], self.get)
            self.db.executemany("INSERT OR IGNORE INTO dup_bands VALUES (?, ?)", [(k, article_id) for k in keys])
        self.db.execute("INSERT OR REPLACE INTO article_groups VALUES (?, ?)", (article_id, group))

    # -- writes ---------------------------------------------------------------------------
    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """One transaction around many upserts (bulk loads: one commit instead of thousands).

        Each upsert inside still is all-or-nothing (a savepoint); an exception rolls back
        the whole batch.
        """
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def upsert(self, article: Article) -> tuple[str, int]:
        key = article_key(article)
        data = json.dumps(article.to_dict(), ensure_ascii=False)
        row = self.db.execute("SELECT id, content_hash, data FROM articles WHERE key = ?", (key,)).fetchone()
        now = _now()
        cols = (
            article.url,
            article.content_hash,
            article.title,
            article.published.at,
            article.category,
            article.byline.outlet,
            data,
        )
        nested = self.db.in_transaction  # inside batch(): a savepoint, committed by batch()
        self.db.execute("SAVEPOINT upsert" if nested else "BEGIN IMMEDIATE")
        try:
            if row is None:
                cur = self.db.execute(
                    "INSERT INTO articles (key, url, content_hash, title, published_at, category, outlet, data,"
                    " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (key, *cols, now, now),
                )
                article_id = int(cur.lastrowid or 0)
                outcome = "stored"
            else:
                article_id = int(row["id"])
                if row["data"] == data:
                    self.db.execute("RELEASE upsert" if nested else "COMMIT")
                    return "unchanged", article_id
                self.db.execute(
                    "UPDATE articles SET url=?, content_hash=?, title=?, published_at=?, category=?, outlet=?, data=?,"
                    " updated_at=? WHERE id=?",
                    (*cols, now, article_id),
                )
                self.db.execute("DELETE FROM article_tags WHERE article_id=?", (article_id,))
                outcome = "updated"
            self.db.executemany(
                "INSERT OR IGNORE INTO article_tags VALUES (?, ?)", [(article_id, t) for t in article.tags]
            )
            self._index_article(article_id, article, new=outcome == "stored")
            self.db.execute("RELEASE upsert" if nested else "COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK TO upsert" if nested else "ROLLBACK")
            if nested:
                self.db.execute("RELEASE upsert")
            raise
        if self._related_index is not None:
            for r in self._index_rows("a.id = ?", (article_id,)):
                self._related_index.add(r)
        return outcome, article_id

    def record_view(self, article_id: int, reader: str, at: datetime) -> None:
        """Stored in UTC so that time-window comparisons on the text column are exact."""
        at = at.astimezone(UTC) if at.tzinfo else at.replace(tzinfo=UTC)
        self.db.execute("INSERT INTO views VALUES (?,?,?)", (article_id, reader, at.isoformat()))

    # -- reads ----------------------------------------------------------------------------
    def _article(self, row: sqlite3.Row) -> Article:
        return Article.from_dict(json.loads(row["data"]))

    def get(self, article_id: int) -> Article:
        row = self.db.execute("SELECT data FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise NotFound(f"no article with id {article_id}: run `zixun list` to see the ids")
        return self._article(row)

    def find_id(self, url_or_key: str) -> int | None:
        row = self.db.execute(
            "SELECT id FROM articles WHERE key = ? OR url = ? LIMIT 1", (url_or_key, url_or_key)
        ).fetchone()
        return int(row[0]) if row else None

    def _filters(self, tag: str | None, outlet: str | None, category: str | None, **more: Any) -> tuple[str, list[Any]]:
        where: list[str] = []
        args: list[Any] = []
        if tag:
            where.append("a.id IN (SELECT article_id FROM article_tags WHERE tag = ?)")
            args.append(tag)
        if outlet:
            where.append("a.outlet = ?")
            args.append(outlet)
        if category:
            where.append("a.category = ?")
            args.append(category)
        if more.get("since"):
            where.append("a.published_at >= ?")
            args.append(str(more["since"]))
        if more.get("until"):
            where.append("a.published_at <= ?")
            args.append(str(more["until"]))
        return (" AND ".join(where), args)

    def list(
        self,
        *,
        limit: int = 20,
        offset: int = 0,
        tag: str | None = None,
        outlet: str | None = None,
        category: str | None = None,
    ) -> builtins.list[tuple[int, Article]]:
        where, args = self._filters(tag, outlet, category)
        # ids first, blobs after: a sort that carries every matching article's JSON (a tag on
        # 10k articles) costs half a second; one that carries ids and times does not
        sql = "SELECT a.id FROM articles a"
        if where:
            sql += " WHERE " + where
        sql += " ORDER BY a.published_at DESC, a.id DESC LIMIT ? OFFSET ?"
        ids = [int(r[0]) for r in self.db.execute(sql, (*args, limit, offset))]
        found = self._by_ids(ids)
        return [(i, found[i]) for i in ids]

    def _by_ids(self, ids: builtins.list[int]) -> dict[int, Article]:
        """The articles with these ids, their JSON read in one query (after a sort or rank that
        carried ids only)."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self.db.execute(f"SELECT id, data FROM articles WHERE id IN ({marks})", ids)
        return {int(i): Article.from_dict(json.loads(d)) for i, d in rows}

    def count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def search(self, query: str, *, limit: int = 10, offset: int = 0, **filters: Any) -> builtins.list[SearchHit]:
        """Literal matches first, then headline words, whole words, words or substrings; each tier by BM25 × recency.

        For a query whose every part is one word the literal tier is the substring tier, so
        it goes after the whole-word tiers (see ``zixun.store.query``): same hits, headline
        matches first, and the costly tiers run only when the cheaper ones are too few.
        Otherwise (成都 公积金贷款) the headline tier's rows that hold each part literally come
        first, then literal matches anywhere, then the rest: literal hits are never outranked,
        and a headline that has them spares the costly substring tier.

        BM25 weights: title 5, tags 3, body 1, bigrams 0.5. Recency: a story published
        today gets ×(1 + 0.3), the boost halves at 30 days. Without filters only the best
        ``POOL`` by BM25 are re-ranked by recency (keeps common words fast at 100k+).
        """
        rest = {k: v for k, v in filters.items() if k not in ("tag", "outlet", "category")}
        where, args = self._filters(filters.get("tag"), filters.get("outlet"), filters.get("category"), **rest)
        want = offset + limit
        literal = literal_parts(query)
        punct = literal != [_squash(p) for p in literal]
        loose, strict, heads, words = fts_query(query), strict_query(query), title_query(query), word_query(query)
        tiers: builtins.list[tuple[str, str, str]]  # (MATCH, table, which rows: all / literal / punct-first)
        if simple_query(query):
            tiers = [(heads, "heads_fts", "all"), (words, "search_fts", "all"), (loose, "search_fts", "all"),
                     (strict, "search_fts", "all")]
        else:
            tiers = [(heads, "heads_fts", "literal"), (strict, "search_fts", "all"), (heads, "heads_fts", "all"),
                     (words, "search_fts", "all"), (loose, "search_fts", "all")]
        if punct:  # "CX-4": the index has no punctuation; rows that hold it literally go first
            tiers = [(m, t, "punct" if m is not loose and k == "all" else k) for m, t, k in tiers]
        ids: dict[int, sqlite3.Row] = {}
        fetched: dict[tuple[str, str], builtins.list[sqlite3.Row]] = {}
        for match, table, keep in tiers:
            if not match or len(ids) >= want:
                continue
            rows = fetched.get((match, table))
            if rows is None:
                n = SEARCH_POOL + want if keep != "all" else want + len(ids)
                rows = self._search_tier(match, table, where, args, n, want, names=keep != "all")
                fetched[(match, table)] = rows
            if keep == "literal":
                rows = _literal_names(rows, literal, want - len(ids))
            elif keep == "punct":
                rows = self._literal_first(rows, literal, want - len(ids))
            for r in rows:
                ids.setdefault(int(r["id"]), r)
        page = list(ids.items())[offset:want]
        found = self._by_ids([i for i, _ in page])
        return [SearchHit(i, found[i], -float(r["rank"]), make_snippet(found[i], query)) for i, r in page]

    def _search_tier(self, match: str, table: str, where: str, args: builtins.list[Any], n: int,
                     want: int, *, names: bool) -> builtins.list[sqlite3.Row]:
        """The best ``n`` rows of one tier by BM25 × recency (ids and ranks; with ``names`` also
        the title and the tags joined by U+001F, for the literal checks; never the blob)."""
        inner = "" if where else f" ORDER BY r LIMIT {SEARCH_POOL + want}"
        weights = "5.0, 3.0" if table == "heads_fts" else "5.0, 1.0, 3.0, 0.5"
        ranked = (
            "SELECT a.id, f.r * (1.0 + ? / (1.0 + MAX(0.0, COALESCE(julianday('now')"
            " - julianday(substr(a.published_at, 1, 19)), 1e9)) / ?)) AS rank FROM"
            f" (SELECT rowid, bm25({table}, {weights}) AS r FROM {table}"
            f" WHERE {table} MATCH ?{inner}) f JOIN articles a{'' if where else ' INDEXED BY articles_id_published'}"
            " ON a.id = f.rowid" + (" WHERE " + where if where else "") + " ORDER BY rank LIMIT ?"
        )
        if names:  # title and tags only for the rows kept, after the LIMIT
            sql = ("SELECT h.*, a.title, (SELECT group_concat(tag, char(31)) FROM article_tags t"
                   f" WHERE t.article_id = h.id) AS tags FROM ({ranked}) h JOIN articles a ON a.id = h.id")
        else:
            sql = f"SELECT * FROM ({ranked}) h"
        sql += " ORDER BY h.rank"
        try:
            return self.db.execute(sql, (RECENCY_BOOST, RECENCY_DAYS, match, *args, n)).fetchall()
        except sqlite3.OperationalError as exc:  # pragma: no cover - every token is quoted
            raise StoreError(f"search {match[:60]!r} failed ({exc}); simplify the query") from exc

    def _literal_first(self, rows: builtins.list[sqlite3.Row], literal: builtins.list[str],
                       need: int) -> builtins.list[sqlite3.Row]:
        """Rows whose text holds every literal part first, rank order kept; blobs are read and
        folded only until ``need`` such rows are found (the rest keep their order behind them)."""
        good: builtins.list[sqlite3.Row] = []
        other: builtins.list[sqlite3.Row] = []
        for k, r in enumerate(rows):
            if len(good) >= need:
                return good + other + rows[k:]
            blob = self.db.execute("SELECT data FROM articles WHERE id=?", (r["id"],)).fetchone()
            text = r["title"] + " " + (blob[0] if blob else "")
            (good if _holds(literal, [text]) else other).append(r)
        return good + other

    def _index_rows(self, where: str, args: tuple[Any, ...]) -> builtins.list[IndexRow]:
        rows = self.db.execute(
            "SELECT a.id, a.title, a.category, a.updated_at, COALESCE(g.group_id, a.id) AS grp,"
            " (SELECT group_concat(tag, char(31)) FROM article_tags t WHERE t.article_id = a.id) AS tags"
            " FROM articles a LEFT JOIN article_groups g ON g.article_id = a.id"
            f" WHERE {where} ORDER BY a.updated_at, a.id",
            args,
        ).fetchall()
        return [
            IndexRow(
                int(r["id"]), str(r["title"]), sorted(str(r["tags"]).split("\x1f")) if r["tags"] else [],
                r["category"], int(r["grp"]), str(r["updated_at"]),
            )
            for r in rows
        ]

    def index_rows(self, since: str = "") -> builtins.list[IndexRow]:
        return self._index_rows("a.updated_at >= ?", (since,))

    def trending_scores(self, half_life_hours: float, now: datetime, *, horizon: timedelta) -> dict[int, float]:
        """Incremental decayed view counts: each view adds ``2 ** ((t - ref) / half_life)`` once
        (read by rowid after the last one seen), and the sums are scaled to ``now`` on the way
        out, so a call reads only the views recorded since the previous call. The sums restart
        from the views table when the reference time is a half-life old or the settings change."""
        cache = self._trend
        now = now if now.tzinfo else now.replace(tzinfo=UTC)
        if (cache is None or cache[0] != half_life_hours or cache[5] != horizon or now < cache[4]
                or not timedelta(0) <= now - cache[1] <= timedelta(hours=half_life_hours)):
            ref = now
            last = 0
            sums: dict[int, float] = {}
            since = (now - horizon).astimezone(UTC).isoformat()
            rows = self.db.execute("SELECT rowid, article_id, at FROM views WHERE at >= ?", (since,)).fetchall()
        else:
            _hl, ref, last, sums, _cut, _hz = cache
            rows = self.db.execute("SELECT rowid, article_id, at FROM views WHERE rowid > ?", (last,)).fetchall()
        sums = dict(sums)
        future = False
        for rowid, article_id, at in rows:
            t = datetime.fromisoformat(at)
            t = t if t.tzinfo else t.replace(tzinfo=UTC)
            if t > now:
                future = True  # recorded after ``now``: not counted, and the sums are not kept
                continue
            last = max(last, int(rowid))
            if now - t > horizon:
                continue
            weight = 2.0 ** ((t - ref).total_seconds() / 3600.0 / half_life_hours)
            sums[int(article_id)] = sums.get(int(article_id), 0.0) + weight
        self._trend = None if future else (half_life_hours, ref, last, sums, now, horizon)
        scale = 0.5 ** ((now - ref).total_seconds() / 3600.0 / half_life_hours)
        return {a: v * scale for a, v in sums.items()}

    def viewed_by(self, reader: str) -> set[int]:
        return {int(r[0]) for r in self.db.execute("SELECT DISTINCT article_id FROM views WHERE reader = ?", (reader,))}

    def coviews(self, article_id: int, *, since: datetime | None = None, limit: int = 50) -> builtins.list[tuple[int, int]]:
        """Distinct readers shared with ``article_id``, counted over its ``COREAD_READERS`` most recent
        readers: a reader who opened both pages ten times still counts once, and a popular article
        is answered from a bounded sample instead of a join that grows with readers × views."""
        cut = since.isoformat() if since else ""
        rows = self.db.execute(
            "WITH r AS (SELECT reader FROM views WHERE article_id = ? AND at >= ?"
            " GROUP BY reader ORDER BY MAX(at) DESC LIMIT ?),"
            " p AS (SELECT DISTINCT v.reader, v.article_id FROM r JOIN views v ON v.reader = r.reader AND v.at >= ?"
            " WHERE v.article_id != ?)"
            " SELECT article_id, COUNT(*) AS n FROM p GROUP BY article_id ORDER BY n DESC, article_id LIMIT ?",
            (article_id, cut, COREAD_READERS, cut, article_id, limit),
        )
        return [(int(a), int(n)) for a, n in rows]

    def views(self, since: datetime | None = None) -> builtins.list[tuple[int, str, datetime]]:
        sql = "SELECT article_id, reader, at FROM views"
        rows = self.db.execute(sql + " WHERE at >= ?", (since.isoformat(),)) if since else self.db.execute(sql)
        return [(int(a), str(r), datetime.fromisoformat(t)) for a, r, t in rows]

    def tag_counts(self, limit: int = 100) -> builtins.list[tuple[str, int]]:
        rows = self.db.execute(
            "SELECT tag, COUNT(*) AS n FROM article_tags GROUP BY tag ORDER BY n DESC, tag LIMIT ?", (limit,)
        )
        return [(str(t), int(n)) for t, n in rows]

    def close(self) -> None:
        self.db.close()
