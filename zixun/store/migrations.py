"""Named, ordered schema migrations. Never edit one after release: add a new one.

Each entry is (name, sqlite_sql, postgres_sql); stores apply the missing ones in order
inside a transaction and record them in the ``migrations`` table.
"""

from __future__ import annotations

MIGRATIONS: tuple[tuple[str, str, str], ...] = (
    (
        "0001_articles",
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            url TEXT,
            content_hash TEXT NOT NULL,
            title TEXT NOT NULL,
            published_at TEXT,
            category TEXT,
            outlet TEXT,
            data TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX articles_published ON articles(published_at);
        CREATE INDEX articles_hash ON articles(content_hash);
        CREATE INDEX articles_outlet ON articles(outlet);
        CREATE INDEX articles_category ON articles(category);
        CREATE TABLE article_tags (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            tag TEXT NOT NULL,
            PRIMARY KEY (article_id, tag)
        );
        CREATE INDEX article_tags_tag ON article_tags(tag);
        CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, tags, tokenize = 'unicode61 remove_diacritics 0');
        CREATE TABLE views (
            article_id INTEGER NOT NULL,
            reader TEXT NOT NULL,
            at TEXT NOT NULL
        );
        CREATE INDEX views_at ON views(at);
        """,
        """
        CREATE TABLE articles (
            id BIGSERIAL PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            url TEXT,
            content_hash TEXT NOT NULL,
            title TEXT NOT NULL,
            published_at TEXT,
            category TEXT,
            outlet TEXT,
            data JSONB NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            fts TSVECTOR
        );
        CREATE INDEX articles_published ON articles(published_at);
        CREATE INDEX articles_hash ON articles(content_hash);
        CREATE INDEX articles_outlet ON articles(outlet);
        CREATE INDEX articles_category ON articles(category);
        CREATE INDEX articles_fts ON articles USING GIN (fts);
        CREATE TABLE article_tags (
            article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            tag TEXT NOT NULL,
            PRIMARY KEY (article_id, tag)
        );
        CREATE INDEX article_tags_tag ON article_tags(tag);
        CREATE TABLE views (
            article_id BIGINT NOT NULL,
            reader TEXT NOT NULL,
            at TEXT NOT NULL
        );
        CREATE INDEX views_at ON views(at);
        """,
    ),
    (
        "0002_search_grams_neardup",
        # SQLite: a new full-text table with a substring (bigram) column replaces articles_fts
        # (FTS5 tables cannot gain columns); the store back-fills it and the near-duplicate
        # groups in Python right after this migration, since segmenting needs Python.
        """
        DROP TABLE IF EXISTS articles_fts;
        CREATE VIRTUAL TABLE search_fts USING fts5(title, body, tags, grams, tokenize = 'unicode61 remove_diacritics 0');
        CREATE TABLE article_groups (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            group_id INTEGER NOT NULL
        );
        CREATE TABLE dup_bands (
            band TEXT NOT NULL,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            PRIMARY KEY (band, article_id)
        ) WITHOUT ROWID;
        CREATE INDEX dup_bands_article ON dup_bands(article_id);
        CREATE INDEX articles_updated ON articles(updated_at);
        CREATE INDEX views_reader ON views(reader, article_id);
        CREATE INDEX views_article ON views(article_id, reader)
        """,
        """
        CREATE TABLE article_groups (
            article_id BIGINT PRIMARY KEY,
            group_id BIGINT NOT NULL
        );
        CREATE TABLE dup_bands (
            band TEXT NOT NULL,
            article_id BIGINT NOT NULL,
            PRIMARY KEY (band, article_id)
        );
        CREATE INDEX dup_bands_article ON dup_bands(article_id);
        CREATE INDEX articles_updated ON articles(updated_at);
        CREATE INDEX views_reader ON views(reader, article_id);
        CREATE INDEX views_article ON views(article_id, reader)
        """,
    ),
    (
        "0003_pg_folded_text",
        # PostgreSQL only: the folded text (NFKC, lower case, simplified script) that the
        # substring tier of search scans, as SQLite's grams column does. SQLite: nothing.
        "",
        """
        ALTER TABLE articles ADD COLUMN folded TEXT NOT NULL DEFAULT ''
        """,
    ),
    (
        "0004_views_reader_time",
        # co-read reads each recent reader's views since a time: (reader, at) answers that from
        # the index alone, where (reader, article_id) needed a table read per view
        "CREATE INDEX IF NOT EXISTS views_reader_at ON views(reader, at, article_id)",
        "CREATE INDEX IF NOT EXISTS views_reader_at ON views(reader, at, article_id)",
    ),
    (
        "0005_newest_first_by_channel_and_outlet",
        # channel and outlet pages (and the nav's one-row probe per channel) list newest first:
        # with (category, published_at) the first page is an index walk, not a sort of every
        # article in the channel with its JSON (0.4 s for the nav on a 100k archive)
        """
        CREATE INDEX IF NOT EXISTS articles_category_published ON articles(category, published_at);
        CREATE INDEX IF NOT EXISTS articles_outlet_published ON articles(outlet, published_at)
        """,
        """
        CREATE INDEX IF NOT EXISTS articles_category_published ON articles(category, published_at DESC NULLS LAST, id DESC);
        CREATE INDEX IF NOT EXISTS articles_outlet_published ON articles(outlet, published_at DESC NULLS LAST, id DESC)
        """,
    ),
    (
        "0006_headline_search",
        # SQLite: the headline-and-tags words in a full-text table of their own. Search tries
        # them first; in search_fts a word's posting list spans every body that has it, so
        # "北京 芯片" merged thousands of rows to find a few dozen headlines (2.8 ms → 0.6 ms
        # at 100k). Filled from search_fts, whose title and tags columns hold the same words.
        # (id, published_at): the recency boost reads each candidate's publish time; from this
        # index it is a read of a small page, from the table one of a row stored with its JSON.
        """
        CREATE VIRTUAL TABLE heads_fts USING fts5(title, tags, tokenize = 'unicode61 remove_diacritics 0');
        INSERT INTO heads_fts (rowid, title, tags) SELECT rowid, title, tags FROM search_fts;
        CREATE INDEX articles_id_published ON articles(id, published_at)
        """,
        # PostgreSQL: the same headline-and-tags words as their own tsvector, so its search ranks
        # headline matches above body-only ones as SQLite's does; the store fills it for rows
        # stored before (segmenting needs Python).
        """
        ALTER TABLE articles ADD COLUMN heads TSVECTOR
        """,
    ),
    (
        "0007_group_members",
        # the members of a near-duplicate group, for both stores. PostgreSQL had the tables of
        # 0002 but did not fill them; the store groups the rows stored before (Python: MinHash).
        "CREATE INDEX IF NOT EXISTS article_groups_group ON article_groups(group_id)",
        "CREATE INDEX IF NOT EXISTS article_groups_group ON article_groups(group_id)",
    ),
    (
        "0008_refold_traditional",
        # the traditional → simplified table grew from 1,300 hand-written characters to OpenCC's
        # ~3,700 (zixun.text.t2s): search text stored before holds 輯 where a query now folds to
        # 辑. Both stores re-index the words of the rows stored before (Python: segmenting).
        "SELECT 1",
        "SELECT 1",
    ),
)
