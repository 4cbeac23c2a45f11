"""The ``zixun`` command: each command parses its options, calls one ``zixun.api`` function
and renders the result. ``ZixunError`` is caught once, in ``main``."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from zixun import api
from zixun.errors import ZixunError
from zixun.render import render_text

DB_HELP = "Store URL (default: $ZIXUN_DB, else sqlite:///zixun.db)."


def _db(db: str | None) -> str:
    return db or os.environ.get("ZIXUN_DB") or "sqlite:///zixun.db"


def _echo_json(obj: Any) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, indent=2))


@click.group()
@click.version_option(package_name="zixun")
def cli() -> None:
    """zixun (资讯): turn raw Chinese news pages into finished article pages and serve the archive."""


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--url", default=None, help="The page's URL (helps dates and identity).")
@click.option("--base-time", default=None, help="When the page was crawled, ISO 8601 (resolves 昨天, 11月6日 …).")
@click.option("--json", "as_json", is_flag=True, help="Print the Article as JSON.")
def extract(file: Path, url: str | None, base_time: str | None, as_json: bool) -> None:
    """Extract one page (no storage) and print it as a reader sees it."""
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise click.ClickException(f"{file}: cannot be read ({exc.strerror}); check the path") from exc
    article = api.extract(data, url=url, base_time=base_time, source=str(file))
    if as_json:
        _echo_json(article.to_dict())
    else:
        click.echo(render_text(article))
    for w in article.warnings:
        click.echo(f"warning: {w}", err=True)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default=None, help=DB_HELP)
@click.option("--runner", default="local", show_default=True, help="local, or dask[:scheduler-address].")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def ingest(paths: tuple[str, ...], db: str | None, runner: str, as_json: bool) -> None:
    """Ingest files, directories (recursive), .gz and JSONL feeds into the store."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), transient=True,
        disable=as_json or not sys.stderr.isatty(), console=None,
    ) as bar:
        task = bar.add_task("pages", total=None)
        report = api.ingest(paths, db=_db(db), runner=runner, progress=lambda _r: bar.advance(task))
    if as_json:
        _echo_json({"stored": report.stored, "updated": report.updated, "unchanged": report.unchanged,
                    "failed": [{"source": s, "reason": r, "message": m} for s, r, m in report.failed]})
    else:
        click.echo(f"stored {report.stored}, updated {report.updated}, unchanged {report.unchanged}, "
                   f"failed {len(report.failed)}")
        for _source, reason, message in report.failed:
            click.echo(f"  failed [{reason}] {message}", err=True)
    sys.exit(0 if report.ok else 1)


@cli.command()
@click.argument("article_id")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--json", "as_json", is_flag=True)
def show(article_id: str, db: str | None, as_json: bool) -> None:
    """Show one stored article by id or URL."""
    with api.open_db(_db(db)) as store:
        article_num = api.resolve_id(article_id, store=store)
        article = api.get(article_num, store=store)
        related = api.related(article_num, store=store)
    if as_json:
        d = article.to_dict()
        d["id"] = article_num
        d["related"] = [r.to_dict() for r in related]
        _echo_json(d)
    else:
        click.echo(render_text(article, [(r.title, r.tags) for r in related] or None))


@cli.command("list")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--limit", default=20, show_default=True)
@click.option("--offset", default=0)
@click.option("--tag", default=None)
@click.option("--outlet", default=None)
@click.option("--category", default=None)
@click.option("--json", "as_json", is_flag=True)
def list_cmd(db: str | None, limit: int, offset: int, tag: str | None, outlet: str | None,
             category: str | None, as_json: bool) -> None:
    """List stored articles, newest first."""
    with api.open_db(_db(db)) as store:
        rows = api.list_articles(store=store, limit=limit, offset=offset, tag=tag, outlet=outlet, category=category)
    if as_json:
        _echo_json([{"id": i, "title": a.title, "published": a.published.at, "url": a.url, "tags": a.tags}
                    for i, a in rows])
        return
    for i, a in rows:
        click.echo(f"{i:>6}  {(a.published.at or '')[:10]:<10}  {a.title}")


@cli.command()
@click.argument("query")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--limit", default=10, show_default=True)
@click.option("--json", "as_json", is_flag=True)
def search(query: str, db: str | None, limit: int, as_json: bool) -> None:
    """Full-text search (Chinese words, two-character words included)."""
    from zixun.store.query import MARK_CLOSE, MARK_OPEN

    with api.open_db(_db(db)) as store:
        hits = api.search(query, store=store, limit=limit)
    if as_json:
        _echo_json([{"id": h.id, "title": h.article.title, "score": h.score,
                     "snippet": h.snippet.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")} for h in hits])
        return
    for h in hits:
        click.echo(f"{h.id:>6}  {h.article.title}")
        click.echo("        " + h.snippet.replace(MARK_OPEN, "[").replace(MARK_CLOSE, "]"))


@cli.command()
@click.argument("article_id")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--k", default=10, show_default=True)
@click.option("--json", "as_json", is_flag=True)
def related(article_id: str, db: str | None, k: int, as_json: bool) -> None:
    """大家还在看: other articles for this one (related, co-read, trending, fresh)."""
    with api.open_db(_db(db)) as store:
        items = api.related(api.resolve_id(article_id, store=store), store=store, k=k)
    if as_json:
        _echo_json([r.to_dict() for r in items])
        return
    for r in items:
        click.echo(f"{r.id:>6}  [{r.reason}] {r.title}  {'，'.join(r.tags)}")


@cli.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True)
def serve(db: str | None, host: str, port: int) -> None:
    """Serve the site and the JSON API."""
    from zixun.web.app import serve as run_server

    click.echo(f"zixun: serving {_db(db)} at http://{host}:{port}/")
    run_server(_db(db), host=host, port=port)


@cli.command()
@click.option("--db", default="sqlite:///zixun-demo.db", show_default=True, help=DB_HELP)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True)
@click.option("--no-serve", is_flag=True, help="Only ingest the sample pages, then exit.")
def demo(db: str, host: str, port: int, no_serve: bool) -> None:
    """Ingest the bundled sample pages into a local SQLite file and serve the site."""
    report = api.ingest([str(api.sample_pages_dir())], db=db)
    click.echo(f"zixun demo: {report.stored} stored, {report.updated} updated, {report.unchanged} unchanged, "
               f"{len(report.failed)} failed, in {db}")
    if no_serve:
        return
    from zixun.web.app import serve as run_server

    click.echo(f"zixun demo: open http://{host}:{port}/  (Ctrl+C to stop)")
    run_server(db, host=host, port=port)


@cli.command()
def settings() -> None:
    """List every setting with its default (env ZIXUN_<NAME> > zixun.toml > default)."""
    from zixun.settings import SETTINGS

    for s in SETTINGS:
        click.echo(f"{s.name:<26} {s.default!r:<24} {s.help}")


@cli.command("train-category")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Model path (default: $ZIXUN_CATEGORY_MODEL, else ~/.local/share/zixun/category.json).")
@click.option("--holdout", default=0.1, show_default=True, help="Fraction held out to report accuracy.")
def train_category(files: tuple[Path, ...], out: Path | None, holdout: float) -> None:
    """Train the channel classifier on labelled headlines (TNEWS JSON, title<TAB>label, title_!_label)."""
    from zixun.nlp.classify import train_files

    report = train_files(list(files), out=out, holdout=holdout)
    acc = "n/a" if report.accuracy is None else f"{report.accuracy:.4f}"
    click.echo(f"wrote {report.path}: {len(report.classes)} channels ({', '.join(report.classes)}), "
               f"{report.n_train} train, {report.n_test} held out, accuracy {acc}")


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except ZixunError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
