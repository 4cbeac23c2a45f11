"""Per-site extraction overrides: ``site_rules`` = {host: {"title": XPath, "body": XPath}}.

Why: no general method is right for every site; a user who runs zixun over one site that it
gets wrong can pin the headline and body with two XPaths in ``zixun.toml``::

    [site_rules."news.example.com"]
    title = "//h1[@class='art-title']"
    body = "//div[@id='artibody']"

A rule for ``example.com`` also applies to its subdomains (``news.example.com``); the most
specific host wins. A rule that does not match the page, or is not valid XPath, is ignored
with a warning and general extraction runs instead (a site redesign must not lose articles).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from lxml import etree


@dataclass(frozen=True, slots=True)
class SiteRule:
    host: str
    title: str | None = None
    body: str | None = None


def load_rules(raw: Any) -> list[SiteRule]:
    """Validate the ``site_rules`` setting; entries that are not {host: {title/body: str}} are skipped."""
    rules: list[SiteRule] = []
    if not isinstance(raw, dict):
        return rules
    for host, spec in raw.items():
        if not isinstance(spec, dict):
            continue
        title = spec.get("title") if isinstance(spec.get("title"), str) else None
        body = spec.get("body") if isinstance(spec.get("body"), str) else None
        if title or body:
            rules.append(SiteRule(str(host).lower().strip("."), title, body))
    return rules


def rule_for(url: str | None, rules: list[SiteRule]) -> SiteRule | None:
    """The most specific rule whose host is the URL's host or a parent domain of it."""
    if not url or not rules:
        return None
    host = (urlsplit(url).hostname or "").lower()
    if not host:
        return None
    best: SiteRule | None = None
    for rule in rules:
        if (host == rule.host or host.endswith("." + rule.host)) and (best is None or len(rule.host) > len(best.host)):
            best = rule
    return best


def select(tree: Any, xpath: str, warnings: list[str], source: str) -> list[Any]:
    """Elements matched by ``xpath`` (strings and attributes are ignored); [] with a warning on bad XPath."""
    try:
        found = tree.xpath(xpath)
    except (etree.XPathError, TypeError, ValueError) as exc:
        warnings.append(f"{source}: site rule XPath {xpath!r} is invalid ({exc}); used general extraction")
        return []
    if not isinstance(found, list):
        return []
    elements = [el for el in found if isinstance(getattr(el, "tag", None), str)]
    if not elements:
        warnings.append(f"{source}: site rule XPath {xpath!r} matched nothing; used general extraction")
    return elements


_CACHE: dict[tuple[str, float], list[SiteRule]] = {}


def current_rules() -> list[SiteRule]:
    """Rules from the settings (zixun.toml in the working directory), re-read when the file changes."""
    from zixun import settings

    path = Path("zixun.toml")
    try:
        key = (str(path.resolve()), path.stat().st_mtime if path.is_file() else 0.0)
    except OSError:
        key = ("", 0.0)
    if key not in _CACHE:
        try:
            _CACHE.clear()
            _CACHE[key] = load_rules(settings.get("site_rules"))
        except (OSError, ValueError):
            _CACHE[key] = []
    return _CACHE[key]
