"""SQLite store (the embedded default): WAL, one transaction per write, FTS5 on segmented text."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from typing import Any

from zixun.errors import NotFound, StoreError
from zixun.model import Article
from zixun.store.base import SearchHit, Store, article_key, index_text
from zixun.store.migrations import MIGRATIONS
from zixun.store.query import fts_query, make_snippet


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
        try:
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA busy_timeout=5000")
            self.migrate()
        except sqlite3.DatabaseError as exc:
            self.db.close()
            raise StoreError(f"{path!r} is not a zixun SQLite database ({exc}); choose another --db file") from exc

    # -- schema ---------------------------------------------------------------------------
    def migrate(self) -> list[str]:
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
        return applied

    # -- writes ---------------------------------------------------------------------------
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
        self.db.execute("BEGIN IMMEDIATE")
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
                    self.db.execute("COMMIT")
                    return "unchanged", article_id
                self.db.execute(
                    "UPDATE articles SET url=?, content_hash=?, title=?, published_at=?, category=?, outlet=?, data=?,"
                    " updated_at=? WHERE id=?",
                    (*cols, now, article_id),
                )
                self.db.execute("DELETE FROM article_tags WHERE article_id=?", (article_id,))
                self.db.execute("DELETE FROM articles_fts WHERE rowid=?", (article_id,))
                outcome = "updated"
            self.db.executemany(
                "INSERT OR IGNORE INTO article_tags VALUES (?, ?)", [(article_id, t) for t in article.tags]
            )
            self.db.execute(
                "INSERT INTO articles_fts (rowid, title, body, tags) VALUES (?,?,?,?)",
                (
                    article_id,
                    index_text(article.title),
                    index_text(article.summary + "\n" + article.text),
                    " ".join(index_text(t) for t in article.tags),
                ),
            )
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return outcome, article_id

    def record_view(self, article_id: int, reader: str, at: datetime) -> None:
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
    ) -> list[tuple[int, Article]]:
        where, args = self._filters(tag, outlet, category)
        sql = "SELECT a.id, a.data FROM articles a"
        if where:
            sql += " WHERE " + where
        sql += " ORDER BY COALESCE(a.published_at, '') DESC, a.id DESC LIMIT ? OFFSET ?"
        rows = self.db.execute(sql, (*args, limit, offset)).fetchall()
        return [(int(r["id"]), self._article(r)) for r in rows]

    def count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def search(self, query: str, *, limit: int = 10, offset: int = 0, **filters: Any) -> list[SearchHit]:
        match = fts_query(query)
        if not match:
            return []
        where, args = self._filters(filters.get("tag"), filters.get("outlet"), filters.get("category"), **filters)
        sql = (
            "SELECT a.id, a.data, bm25(articles_fts, 5.0, 1.0, 3.0) AS rank FROM articles_fts f"
            " JOIN articles a ON a.id = f.rowid WHERE articles_fts MATCH ?"
        )
        if where:
            sql += " AND " + where
        sql += " ORDER BY rank LIMIT ? OFFSET ?"
        rows = self.db.execute(sql, (match, *args, limit, offset)).fetchall()
        hits = []
        for r in rows:
            art = self._article(r)
            hits.append(SearchHit(int(r["id"]), art, -float(r["rank"]), make_snippet(art, query)))
        return hits

    def views(self, since: datetime | None = None) -> list[tuple[int, str, datetime]]:
        sql = "SELECT article_id, reader, at FROM views"
        rows = self.db.execute(sql + " WHERE at >= ?", (since.isoformat(),)) if since else self.db.execute(sql)
        return [(int(a), str(r), datetime.fromisoformat(t)) for a, r, t in rows]

    def tag_counts(self, limit: int = 100) -> list[tuple[str, int]]:
        rows = self.db.execute(
            "SELECT tag, COUNT(*) AS n FROM article_tags GROUP BY tag ORDER BY n DESC, tag LIMIT ?", (limit,)
        )
        return [(str(t), int(n)) for t, n in rows]

    def close(self) -> None:
        self.db.close()
