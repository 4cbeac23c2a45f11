"""PostgreSQL store (production): the same contract as SQLite, JSONB rows, a GIN full-text index.

The full-text column holds the same folded, segmented words as SQLite's FTS table
(``zixun.store.query.index_fields``), indexed with the ``simple`` configuration (no
stemming, no stop words: Chinese words are already cut), and a ``folded`` text column
serves the literal-substring tier, so both backends find the same articles for a query.
Near-duplicate groups are filed at ingest as SQLite files them (MinHash band keys in
``dup_bands``, the group in ``article_groups``, ``recommend.neardup.choose_group``).
"""

from __future__ import annotations

import builtins
import json
from datetime import UTC, datetime, timedelta
from typing import Any

from zixun.errors import NotFound, StoreError
from zixun.model import Article
from zixun.recommend.index import IndexRow
from zixun.recommend.neardup import MAX_CANDIDATES, choose_group, dup_keys
from zixun.store.base import COREAD_READERS, SearchHit, Store, article_key
from zixun.store.migrations import MIGRATIONS
from zixun.store.query import fold, index_fields, literal_parts, make_snippet, query_tokens


def _search_text(article: Article) -> tuple[str, str, str]:
    """The words of the full-text column (title ×3, tags ×2), of the headline column, and the
    folded text the substring tier scans."""
    title_words, body_words, tag_words, _grams = index_fields(article)
    fts = " ".join([title_words] * 3 + [body_words] + [tag_words] * 2)
    folded = fold(" ".join([article.title, article.summary, " ".join(article.tags), article.text]))
    return fts, title_words + " " + tag_words, folded


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _utc(at: datetime) -> str:
    """The ISO text of ``at`` in UTC (naive times are taken as UTC), as views are stored."""
    return (at.astimezone(UTC) if at.tzinfo else at.replace(tzinfo=UTC)).isoformat()


class PostgresStore(Store):
    def __init__(self, url: str) -> None:
        try:
            import psycopg
            from psycopg.rows import dict_row
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise StoreError("PostgreSQL needs psycopg: pip install 'zixun[postgres]'") from exc
        self.url = url
        try:
            self.db = psycopg.connect(url, autocommit=True, row_factory=dict_row)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to {url!r} ({exc}); is the server running and the URL right?") from exc
        self.migrate()

    def migrate(self) -> builtins.list[str]:
        applied: list[str] = []
        with self.db.transaction():
            self.db.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
            self.db.execute("SELECT pg_advisory_xact_lock(727274)")
            done = {r["name"] for r in self.db.execute("SELECT name FROM migrations").fetchall()}
            for name, _sqlite, sql in MIGRATIONS:
                if name in done or not sql.strip():
                    continue
                for stmt in sql.split(";"):
                    if stmt.strip():
                        self.db.execute(stmt)
                self.db.execute("INSERT INTO migrations VALUES (%s, %s)", (name, _now()))
                applied.append(name)
            if "0006_headline_search" in applied or "0008_refold_traditional" in applied:
                self._reindex_search()
            if "0007_group_members" in applied:
                for r in self.db.execute("SELECT id, data FROM articles ORDER BY id").fetchall():
                    self._group(int(r["id"]), Article.from_dict(r["data"]))
        return applied

    def _group(self, article_id: int, article: Article) -> None:
        """MinHash band keys and the near-duplicate group, as SQLite files them (inside the
        caller's transaction; ``recommend.neardup.choose_group`` decides)."""
        self.db.execute("DELETE FROM dup_bands WHERE article_id = %s", (article_id,))
        keys = dup_keys(article)
        group = article_id
        if keys:
            cands = self.db.execute(
                "SELECT b.article_id, COALESCE(g.group_id, b.article_id) AS grp, COUNT(*) AS n FROM dup_bands b"
                " LEFT JOIN article_groups g ON g.article_id = b.article_id WHERE b.band = ANY(%s)"
                " AND b.article_id <> %s GROUP BY b.article_id, g.group_id ORDER BY n DESC, b.article_id LIMIT %s",
                (keys, article_id, MAX_CANDIDATES),
            ).fetchall()
            group = choose_group(article, article_id, [(int(c["article_id"]), int(c["grp"])) for c in cands], self.get)
            with self.db.cursor() as cur:
                cur.executemany("INSERT INTO dup_bands VALUES (%s, %s) ON CONFLICT DO NOTHING",
                                [(k, article_id) for k in keys])
        self.db.execute("INSERT INTO article_groups VALUES (%s, %s) ON CONFLICT (article_id) DO UPDATE"
                        " SET group_id = EXCLUDED.group_id", (article_id, group))

    def _reindex_search(self) -> None:
        """Search columns of the articles stored before migration 0006 (the headline words) or
        0008 (the larger traditional-script fold), as ``upsert`` writes them (inside the
        migration's transaction)."""
        for r in self.db.execute("SELECT id, data FROM articles").fetchall():
            fts, heads, folded = _search_text(Article.from_dict(r["data"]))
            self.db.execute("UPDATE articles SET fts = to_tsvector('simple', %s), heads = to_tsvector('simple', %s),"
                            " folded = %s WHERE id = %s", (fts, heads, folded, r["id"]))

    def upsert(self, article: Article) -> tuple[str, int]:
        key = article_key(article)
        data = article.to_dict()
        fts, heads, folded = _search_text(article)
        cols = (article.url, article.content_hash, article.title, article.published.at, article.category,
                article.byline.outlet, json.dumps(data, ensure_ascii=False))
        now = _now()
        with self.db.transaction():
            row = self.db.execute("SELECT id, data FROM articles WHERE key = %s FOR UPDATE", (key,)).fetchone()
            if row is not None and row["data"] == json.loads(cols[-1]):
                return "unchanged", int(row["id"])
            if row is None:
                got = self.db.execute(
                    "INSERT INTO articles (key, url, content_hash, title, published_at, category, outlet, data,"
                    " created_at, updated_at, fts, folded, heads) VALUES (%s,%s,%s,%s,%s,%s,%s,%s::jsonb,%s,%s,"
                    " to_tsvector('simple', %s), %s, to_tsvector('simple', %s)) RETURNING id",
                    (key, *cols, now, now, fts, folded, heads),
                ).fetchone()
                assert got is not None
                article_id, outcome = int(got["id"]), "stored"
            else:
                article_id, outcome = int(row["id"]), "updated"
                self.db.execute(
                    "UPDATE articles SET url=%s, content_hash=%s, title=%s, published_at=%s, category=%s, outlet=%s,"
                    " data=%s::jsonb, updated_at=%s, fts=to_tsvector('simple', %s), folded=%s,"
                    " heads=to_tsvector('simple', %s) WHERE id=%s",
                    (*cols, now, fts, folded, heads, article_id),
                )
                self.db.execute("DELETE FROM article_tags WHERE article_id=%s", (article_id,))
            for t in dict.fromkeys(article.tags):
                self.db.execute("INSERT INTO article_tags VALUES (%s, %s) ON CONFLICT DO NOTHING", (article_id, t))
            self._group(article_id, article)
        return outcome, article_id

    def record_view(self, article_id: int, reader: str, at: datetime) -> None:
        """Stored in UTC (as SQLite does) so that time windows compare the text column exactly."""
        self.db.execute("INSERT INTO views VALUES (%s,%s,%s)", (article_id, reader, _utc(at)))

    def get(self, article_id: int) -> Article:
        row = self.db.execute("SELECT data FROM articles WHERE id = %s", (article_id,)).fetchone()
        if row is None:
            raise NotFound(f"no article with id {article_id}: run `zixun list` to see the ids")
        return Article.from_dict(row["data"])

    def find_id(self, url_or_key: str) -> int | None:
        row = self.db.execute("SELECT id FROM articles WHERE key = %s OR url = %s LIMIT 1",
                              (url_or_key, url_or_key)).fetchone()
        return int(row["id"]) if row else None

    @staticmethod
    def _filters(filters: dict[str, Any]) -> tuple[str, list[Any]]:
        where: list[str] = []
        args: list[Any] = []
        if filters.get("tag"):
            where.append("a.id IN (SELECT article_id FROM article_tags WHERE tag = %s)")
            args.append(filters["tag"])
        for col in ("outlet", "category"):
            if filters.get(col):
                where.append(f"a.{col} = %s")
                args.append(filters[col])
        if filters.get("since"):
            where.append("a.published_at >= %s")
            args.append(str(filters["since"]))
        if filters.get("until"):
            where.append("a.published_at <= %s")
            args.append(str(filters["until"]))
        return " AND ".join(where), args

    def list(self, *, limit: int = 20, offset: int = 0, tag: str | None = None, outlet: str | None = None,
             category: str | None = None) -> builtins.list[tuple[int, Article]]:
        where, args = self._filters({"tag": tag, "outlet": outlet, "category": category})
        sql = "SELECT a.id, a.data FROM articles a" + (" WHERE " + where if where else "")
        sql += " ORDER BY a.published_at DESC NULLS LAST, a.id DESC LIMIT %s OFFSET %s"
        rows = self.db.execute(sql, (*args, limit, offset)).fetchall()
        return [(int(r["id"]), Article.from_dict(r["data"])) for r in rows]

    def count(self) -> int:
        row = self.db.execute("SELECT COUNT(*) AS n FROM articles").fetchone()
        return int(row["n"]) if row else 0

    def search(self, query: str, *, limit: int = 10, offset: int = 0, **filters: Any) -> builtins.list[SearchHit]:
        """Tiers like SQLite's, as one rank: the query's parts as literal substrings of the folded
        text (what ``LIKE '%q%'`` finds) +4, all its words in the headline or tags +2, then
        ``ts_rank`` of its words anywhere (normalised into [0, 1), so tiers never mix)."""
        parts = literal_parts(query)
        toks = query_tokens(query)
        if not parts and not toks:
            return []
        where, args = self._filters(filters)
        extra = (" AND " + where) if where else ""
        like = " AND ".join(["a.folded LIKE %s"] * len(parts)) or "FALSE"
        like_args = ["%" + p.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%" for p in parts]
        sql = (
            "SELECT a.id, a.data, (CASE WHEN " + like + " THEN 4.0 ELSE 0.0 END)"
            " + (CASE WHEN a.heads @@ plainto_tsquery('simple', %s) THEN 2.0 ELSE 0.0 END)"
            " + ts_rank(a.fts, plainto_tsquery('simple', %s), 32) AS rank FROM articles a"
            " WHERE ((" + like + ") OR a.fts @@ plainto_tsquery('simple', %s))" + extra +
            " ORDER BY rank DESC, a.published_at DESC NULLS LAST, a.id DESC LIMIT %s OFFSET %s"
        )
        q = " ".join(toks)
        rows = self.db.execute(sql, (*like_args, q, q, *like_args, q, *args, limit, offset)).fetchall()
        hits = []
        for r in rows:
            art = Article.from_dict(r["data"])
            hits.append(SearchHit(int(r["id"]), art, float(r["rank"]), make_snippet(art, query)))
        return hits

    def views(self, since: datetime | None = None) -> builtins.list[tuple[int, str, datetime]]:
        if since:
            rows = self.db.execute("SELECT article_id, reader, at FROM views WHERE at >= %s",
                                   (_utc(since),)).fetchall()
        else:
            rows = self.db.execute("SELECT article_id, reader, at FROM views").fetchall()
        return [(int(r["article_id"]), str(r["reader"]), datetime.fromisoformat(r["at"])) for r in rows]

    def index_rows(self, since: str = "") -> builtins.list[IndexRow]:
        """Articles changed at or after ``since`` (``updated_at`` text), oldest first, so a site's
        related index catches up with what other processes ingest, each with its near-duplicate group."""
        rows = self.db.execute(
            "SELECT a.id, a.title, a.category, a.updated_at, COALESCE(g.group_id, a.id) AS grp,"
            " (SELECT string_agg(tag, chr(31) ORDER BY tag) FROM article_tags t WHERE t.article_id = a.id) AS tags"
            " FROM articles a LEFT JOIN article_groups g ON g.article_id = a.id"
            " WHERE a.updated_at >= %s ORDER BY a.updated_at, a.id",
            (since,),
        ).fetchall()
        return [
            IndexRow(int(r["id"]), str(r["title"]), str(r["tags"]).split("\x1f") if r["tags"] else [],
                     r["category"], int(r["grp"]), str(r["updated_at"]))
            for r in rows
        ]

    def viewed_by(self, reader: str) -> set[int]:
        rows = self.db.execute("SELECT DISTINCT article_id FROM views WHERE reader = %s", (reader,)).fetchall()
        return {int(r["article_id"]) for r in rows}

    def coviews(self, article_id: int, *, since: datetime | None = None, limit: int = 50) -> builtins.list[tuple[int, int]]:
        """As SQLite: distinct readers shared with ``article_id`` over its ``COREAD_READERS`` most
        recent readers, in one query instead of reading every view into Python."""
        cut = _utc(since) if since else ""
        rows = self.db.execute(
            "WITH r AS (SELECT reader FROM views WHERE article_id = %s AND at >= %s"
            " GROUP BY reader ORDER BY MAX(at) DESC LIMIT %s),"
            " p AS (SELECT DISTINCT v.reader, v.article_id FROM r JOIN views v ON v.reader = r.reader AND v.at >= %s"
            " WHERE v.article_id <> %s)"
            " SELECT article_id, COUNT(*) AS n FROM p GROUP BY article_id ORDER BY n DESC, article_id LIMIT %s",
            (article_id, cut, COREAD_READERS, cut, article_id, limit),
        ).fetchall()
        return [(int(r["article_id"]), int(r["n"])) for r in rows]

    def trending_scores(self, half_life_hours: float, now: datetime, *, horizon: timedelta) -> dict[int, float]:
        """The decayed view counts summed by the server: a view ``h`` hours old adds
        ``0.5 ** (h / half_life)``; views older than ``horizon`` are not read."""
        now = now if now.tzinfo else now.replace(tzinfo=UTC)
        rows = self.db.execute(
            "SELECT article_id, SUM(POWER(0.5, GREATEST(0.0, EXTRACT(EPOCH FROM (%s::timestamptz - at::timestamptz))"
            " / 3600.0) / %s)) AS s FROM views WHERE at >= %s GROUP BY article_id",
            (now.isoformat(), half_life_hours, _utc(now - horizon)),
        ).fetchall()
        return {int(r["article_id"]): float(r["s"]) for r in rows}

    def tag_counts(self, limit: int = 100) -> builtins.list[tuple[str, int]]:
        rows = self.db.execute("SELECT tag, COUNT(*) AS n FROM article_tags GROUP BY tag ORDER BY n DESC, tag"
                               " LIMIT %s", (limit,)).fetchall()
        return [(str(r["tag"]), int(r["n"])) for r in rows]

    def close(self) -> None:
        self.db.close()
