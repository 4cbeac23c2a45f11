"""Runners: the Dask runner (a real LocalCluster with worker processes) gives the local runner's results."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ARTICLE_PARAS, make_html
from zixun import api
from zixun.errors import ConfigError
from zixun.runner import get_runner
from zixun.store import open_store

pytest.importorskip("dask.distributed", reason="dask[distributed] is not installed (pip install 'zixun[dask]')")


def test_dask_runner_matches_local(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(6):
        paras = list(ARTICLE_PARAS)
        paras[2] = f"第{n}站：" + paras[2]
        (pages / f"{n}.html").write_text(make_html(title=f"江城地铁第{n}站封顶 施工进入新阶段", paras=paras),
                                         encoding="utf-8")
    (pages / "bad.html").write_bytes(b"")
    local_db, dask_db = f"sqlite:///{tmp_path / 'l.db'}", f"sqlite:///{tmp_path / 'd.db'}"
    local = api.ingest([str(pages)], db=local_db, runner="local")
    remote = api.ingest([str(pages)], db=dask_db, runner="dask")
    assert (remote.stored, len(remote.failed)) == (local.stored, len(local.failed)) == (6, 1)
    with open_store(local_db) as a, open_store(dask_db) as b:
        assert [x.to_dict() for _, x in a.list(limit=10)] == [x.to_dict() for _, x in b.list(limit=10)]


def test_unknown_runner_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="local"):
        get_runner("spark")
