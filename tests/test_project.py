"""Project-level promises: exact public API, documented settings, README commands run by CI."""

from __future__ import annotations

import re

import zixun
from tests.conftest import ROOT
from zixun.settings import SETTINGS


def test_public_api_is_exact() -> None:
    assert sorted(zixun.__all__) == sorted(
        ["Article", "Byline", "Published", "RelatedItem", "ZixunError", "classify", "extract", "summarize", "tag"]
    )
    for name in zixun.__all__:
        assert hasattr(zixun, name)


def test_every_setting_is_documented_in_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for s in SETTINGS:
        assert f"`{s.name}`" in readme, f"setting {s.name} is not documented in README.md"
        assert f"ZIXUN_{s.name.upper()}" in readme or s.name == "site_rules"


def test_readme_first_screen_has_the_two_commands_and_ci_runs_the_test_one() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_screen = readme.split("\n## ")[0]
    assert len(first_screen.splitlines()) <= 25, "keep the two commands on the first screen"
    commands = re.findall(r"```(?:bash|sh)\n(.+?)\n```", first_screen, re.S)
    assert len(commands) == 2, "the first screen must hold exactly two commands"
    assert "zixun demo" in commands[0]
    assert "pytest" in commands[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1].strip() in ci


def test_architecture_lists_every_module() -> None:
    arch = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    for path in sorted((ROOT / "zixun").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if path.name == "__init__.py" or "samples" in rel:
            continue
        assert rel in arch, f"{rel} is missing from ARCHITECTURE.md"
