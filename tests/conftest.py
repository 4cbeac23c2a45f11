"""Shared fixtures: paths to ../shared (skipped when absent) and small pages written for zixun."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_2989f4a969bb4332.txt"
DATA = SHARED / "data"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason when it is absent."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} is absent (../shared is not beside the checkout); this test needs it")
    return p


@pytest.fixture()
def seed_text() -> str:
    return shared_path("seed", "000_2989f4a969bb4332.txt").read_text(encoding="utf-8")


ARTICLE_TITLE = "江城地铁12号线全线贯通 年底前开通试运营"
ARTICLE_PARAS = [
    "华夏日报记者林晓舟 武汉报道",
    "3月18日上午，江城地铁12号线最后一段盾构隧道在汉江南岸顺利贯通，标志着这条环线全线贯通。",
    "据建设单位介绍，12号线全长59.9公里，共设车站37座，是目前国内一次性建成里程最长的地铁环线之一。",
    "施工方负责人表示，隧道穿越汉江段地质条件复杂，项目团队采用了新型泥水平衡盾构机，掘进期间未发生安全事故。",
    "按照计划，12号线将于今年年底前开通试运营，届时江城地铁运营里程将突破500公里。",
]


def make_html(title: str = ARTICLE_TITLE, paras: list[str] | None = None, *, charset: str | None = "utf-8",
              date_line: str = "2024-03-18 10:24　来源：华夏日报", extra_body: str = "",
              traditional: bool = False) -> str:
    """A small modern-style news page around the given text, with typical boilerplate."""
    paras = ARTICLE_PARAS if paras is None else paras
    if traditional:
        return _make_html_trad(title, paras, charset)
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "\n".join(f"<p>{p}</p>" for p in paras)
    return f"""<!DOCTYPE html><html><head>{meta}<title>{title}_城市频道_华夏网</title></head>
<body><div class="nav"><a href="/">首页</a> <a href="/city">城市</a> <a href="/tech">科技</a> <a href="/sports">体育</a></div>
<h1>{title}</h1><div class="info">{date_line}</div>
<div class="article-body">{body}{extra_body}</div>
<p>责任编辑：周明</p>
<div class="share">分享到：微信 微博 QQ空间</div>
<div class="related"><h3>相关阅读</h3><ul><li><a href="/a1">江城公交线路调整方案公布</a></li><li><a href="/a2">长江大桥夜景灯光秀今晚上演</a></li><li><a href="/a3">汉口老街改造完成</a></li></ul></div>
<div class="footer">版权所有 2024 华夏网 京ICP证000000号</div></body></html>"""


def _make_html_trad(title: str, paras: list[str], charset: str | None) -> str:
    """The same page in traditional script (Big5-encodable boilerplate)."""
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "\n".join(f"<p>{p}</p>" for p in paras)
    return f"""<!DOCTYPE html><html><head>{meta}<title>{title}_城市_華夏網</title></head>
<body><div class="nav"><a href="/">首頁</a> <a href="/city">城市</a> <a href="/tech">科技</a></div>
<h1>{title}</h1><div class="info">2024年3月18日 上午10:24　來源：華夏日報</div>
<div class="article-body">{body}</div>
<p>責任編輯：周明</p>
<div class="related"><h3>延伸閱讀</h3><ul><li><a href="/a1">江城公車路線調整方案公布</a></li><li><a href="/a2">長江大橋夜景燈光秀今晚上演</a></li></ul></div>
<div class="footer">版權所有 2024 華夏網</div></body></html>"""
