"""The news channel (财经, 科技, 体育 …): the page's own section first, else a classifier.

Order: the page's section/breadcrumb hint, then the URL path (``/sports/``, ``finance.``),
then the trained headline classifier (``zixun train-category FILE`` writes it to the user
data dir, see ``zixun.nlp.classify``), and without one a tiny built-in vote of channel cue
words in the title and lead. The classifier is trained on headlines, so it reads the
title and the first sentence, not the whole body.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

from zixun.model import Article
from zixun.nlp import classify as nb
from zixun.read.page import Page

CHANNELS = ("财经", "科技", "体育", "娱乐", "汽车", "房产", "教育", "军事", "国际", "社会", "文化", "旅游", "农业", "游戏", "股票", "时政")

_URL_MAP = {
    "finance": "财经", "money": "财经", "economy": "财经", "biz": "财经", "tech": "科技", "it": "科技", "science": "科技",
    "sports": "体育", "sport": "体育", "nba": "体育", "ent": "娱乐", "entertainment": "娱乐", "auto": "汽车", "car": "汽车",
    "house": "房产", "estate": "房产", "realty": "房产", "edu": "教育", "education": "教育", "mil": "军事",
    "military": "军事", "world": "国际", "international": "国际", "society": "社会", "culture": "文化",
    "travel": "旅游", "agri": "农业", "game": "游戏", "games": "游戏", "stock": "股票", "politics": "时政",
}
_CUES: dict[str, tuple[str, ...]] = {
    "财经": ("经济", "融资", "银行", "金融", "投资", "营收", "利润", "市场", "企业", "消费", "GDP", "央行", "保险"),
    "科技": ("芯片", "GPU", "人工智能", "AI", "手机", "互联网", "科技", "算力", "软件", "大模型", "半导体", "5G", "研发"),
    "体育": ("比赛", "球队", "篮球", "足球", "冠军", "球员", "NBA", "联赛", "奥运", "赛季", "进球", "教练"),
    "娱乐": ("电影", "明星", "演唱会", "综艺", "导演", "票房", "歌手", "电视剧", "音乐节"),
    "汽车": ("汽车", "新车", "车型", "新能源车", "电动车", "续航", "车企", "上市", "SUV", "充电"),
    "房产": ("房价", "楼市", "二手房", "住宅", "房贷", "开发商", "楼盘", "物业", "商品房"),
    "教育": ("学校", "学生", "高考", "教育", "教师", "大学", "考试", "招生", "课程"),
    "军事": ("军队", "演习", "导弹", "战机", "舰艇", "国防", "部队", "战区"),
    "国际": ("美国", "日本", "俄罗斯", "欧盟", "联合国", "总统", "外交", "首相"),
    "旅游": ("旅游", "游客", "景区", "航班", "航线", "酒店", "出行", "机场"),
    "农业": ("农业", "粮食", "种植", "农民", "小麦", "水稻", "养殖", "农村"),
    "游戏": ("游戏", "玩家", "电竞", "手游", "主机"),
    "文化": ("文化", "博物馆", "文物", "非遗", "展览", "书法", "文学"),
    "社会": ("警方", "事故", "法院", "市民", "社区", "救援", "派出所"),
}


def from_section(section: str | None, url: str | None) -> str | None:
    if section:
        for ch in CHANNELS:
            if ch in section:
                return ch
        mapped = _URL_MAP.get(section.strip().lower())
        if mapped:
            return mapped
    if url:
        parsed = urlparse(url)
        parts = [parsed.netloc.split(".")[0]] + [p for p in parsed.path.lower().split("/") if p]
        for part in parts:
            if part in _URL_MAP:
                return _URL_MAP[part]
    return None


def classify(text: str, *, title: str | None = None, url: str | None = None) -> str | None:
    """Channel of an article, or None when nothing points anywhere."""
    by_url = from_section(None, url)
    if by_url:
        return by_url
    model = nb.load()
    if model is not None:
        lead = re.split(r"(?<=[。！？!?])", text.strip(), maxsplit=1)[0][:120]
        sample = ((title or "") + " " + lead).strip()
        return model.predict(sample)[0] if sample else None
    return cue_vote(text, title=title)


def cue_vote(text: str, *, title: str | None = None) -> str | None:
    """The built-in fallback: count channel cue words (title ×3, first 600 characters)."""
    sample = ((title or "") + " ") * 3 + text[:600]
    votes = {ch: sum(len(re.findall(re.escape(cue), sample)) for cue in cues) for ch, cues in _CUES.items()}
    best = max(votes, key=lambda c: votes[c])
    return best if votes[best] >= 2 else None


def run(article: Article, page: Page) -> None:
    article.category = from_section(page.hints.get("section"), article.url) or classify(
        article.text, title=article.title, url=article.url
    )
