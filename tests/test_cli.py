"""The zixun command as a user runs it (a real subprocess, real files, a temp SQLite db)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.conftest import make_html


def run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "zixun", *args], capture_output=True, text=True, cwd=cwd,
                          env=full_env, timeout=120)


def test_extract_prints_four_sections(tmp_path: Path) -> None:
    f = tmp_path / "p.html"
    f.write_bytes(make_html().encode("gbk"))
    out = run("extract", str(f), cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    text = out.stdout
    positions = [text.index(h) for h in ("核心提示", "发布时间", "资讯详情", "大家还在看")]
    assert positions == sorted(positions)
    assert "12号线" in text and "版权所有" not in text


def test_extract_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    out = run("extract", str(tmp_path / "nope.html"), cwd=tmp_path)
    assert out.returncode != 0
    assert "nope.html" in out.stderr


def test_ingest_list_show_search_with_zixun_db_env(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.html").write_text(make_html(), encoding="utf-8")
    (tmp_path / "in" / "bad.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(500))
    env = {"ZIXUN_DB": f"sqlite:///{tmp_path / 'env.db'}"}
    out = run("ingest", str(tmp_path / "in"), cwd=tmp_path, env=env)
    assert out.returncode == 1
    assert "stored 1" in out.stdout and "failed 1" in out.stdout
    assert "bad.html" in out.stderr and "PNG" in out.stderr
    assert (tmp_path / "env.db").exists() and not (tmp_path / "zixun.db").exists()
    listed = json.loads(run("list", "--json", cwd=tmp_path, env=env).stdout)
    assert len(listed) == 1 and "12号线" in listed[0]["title"]
    shown = json.loads(run("show", str(listed[0]["id"]), "--json", cwd=tmp_path, env=env).stdout)
    assert shown["byline"]["editor"] == "周明"
    hits = json.loads(run("search", "地铁", "--json", cwd=tmp_path, env=env).stdout)
    assert hits and hits[0]["id"] == listed[0]["id"]
    missing = run("show", "999", cwd=tmp_path, env=env)
    assert missing.returncode == 2 and "zixun list" in missing.stderr


def test_default_db_is_zixun_db_in_cwd(tmp_path: Path) -> None:
    f = tmp_path / "a.html"
    f.write_text(make_html(), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "ZIXUN_DB"}
    out = subprocess.run([sys.executable, "-m", "zixun", "ingest", str(f)], capture_output=True, text=True,
                         cwd=tmp_path, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "zixun.db").exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_demo_ingests_samples_and_serves(tmp_path: Path) -> None:
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "zixun", "demo", "--port", str(port)], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.time() + 90
        body = ""
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as r:
                    body = r.read().decode("utf-8")
                    break
            except OSError:
                if proc.poll() is not None:
                    break
                time.sleep(0.5)
        assert body, proc.stderr.read() if proc.poll() is not None else "server did not answer"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/articles?limit=1", timeout=5) as r:
            first = json.loads(r.read())["items"][0]["id"]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/articles/{first}", timeout=5) as r:
            page = r.read().decode("utf-8")
        for heading in ("核心提示", "发布时间", "资讯详情", "大家还在看"):
            assert heading in page
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=20)
    assert f"http://127.0.0.1:{port}/" in out
