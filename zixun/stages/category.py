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
from zixun.text.t2s import to_simplified as simplify

CHANNELS = ("财经", "科技", "体育", "娱乐", "汽车", "房产", "教育", "军事", "国际", "社会", "文化", "旅游", "农业", "游戏", "股票", "时政")

_URL_MAP = {
    "finance": "财经", "money": "财经", "economy": "财经", "biz": "财经", "tech": "科技", "it": "科技", "science": "科技",
    "sports": "体育", "sport": "体育", "nba": "体育", "ent": "娱乐", "entertainment": "娱乐", "auto": "汽车", "car": "汽车",
    "house": "房产", "estate": "房产", "realty": "房产", "edu": "教育", "education": "教育", "mil": "军事",
    "military": "军事", "world": "国际", "international": "国际", "society": "社会", "culture": "文化",
    "travel": "旅游", "agri": "农业", "game": "游戏", "games": "游戏", "stock": "股票", "politics": "时政",
}
_CUES: dict[str, tuple[str, ...]] = {
    "财经": ("经济", "融资", "银行", "金融", "投资", "营收", "利润", "市场", "企业", "消费", "GDP", "央行", "保险", "理财",
           "贷款", "利率", "基金", "财报", "上市公司", "民营", "信用卡", "支付", "外贸", "关税", "创业", "比特币", "区块链"),
    "股票": ("股市", "A股", "港股", "美股", "涨停", "跌停", "个股", "沪指", "深成指", "大盘", "板块", "券商", "牛市", "熊市",
           "股价", "创业板", "主力", "龙头股"),
    "科技": ("芯片", "GPU", "人工智能", "AI", "手机", "互联网", "科技", "算力", "软件", "大模型", "半导体", "5G", "研发",
           "苹果", "华为", "小米", "iPhone", "安卓", "机器人", "无人机", "卫星", "电脑", "处理器", "屏幕", "App", "APP"),
    "体育": ("比赛", "球队", "篮球", "足球", "冠军", "球员", "NBA", "联赛", "奥运", "赛季", "进球", "教练", "世界杯",
           "球迷", "中超", "季后赛", "詹姆斯", "梅西", "C罗", "网球", "排球", "乒乓", "马拉松", "夺冠", "主场", "火箭", "湖人"),
    "娱乐": ("电影", "明星", "演唱会", "综艺", "导演", "票房", "歌手", "电视剧", "音乐节", "演员", "粉丝", "主演", "剧组",
           "网红", "偶像", "恋情", "颜值", "节目", "女星", "男星", "角色", "剧中"),
    "汽车": ("汽车", "新车", "车型", "新能源车", "电动车", "续航", "车企", "SUV", "充电", "轿车", "发动机", "变速箱",
           "奔驰", "宝马", "奥迪", "大众", "丰田", "本田", "特斯拉", "驾驶", "车主", "4S店", "油耗", "提车", "落地价"),
    "房产": ("房价", "楼市", "二手房", "住宅", "房贷", "开发商", "楼盘", "物业", "商品房", "买房", "购房", "房子", "限购",
           "首付", "公积金", "学区房", "租房", "房地产", "户型", "售楼"),
    "教育": ("学校", "学生", "高考", "教育", "教师", "大学", "考试", "招生", "课程", "中考", "考研", "老师", "家长", "孩子",
           "小学", "幼儿园", "培训", "留学", "毕业生", "录取", "分数线", "作文"),
    "军事": ("军队", "演习", "导弹", "战机", "舰艇", "国防", "部队", "战区", "航母", "战斗机", "坦克", "军舰", "士兵",
           "解放军", "歼", "核潜艇", "军方", "武器", "空军", "海军", "陆军", "火箭军", "美军", "军委", "武器装备",
           "装备试验", "官兵", "军人", "征兵", "军营"),
    "国际": ("美国", "日本", "俄罗斯", "欧盟", "联合国", "总统", "外交", "首相", "特朗普", "普京", "朝鲜", "韩国", "叙利亚",
           "伊朗", "以色列", "英国", "法国", "德国", "印度", "中东", "总理", "大使", "巴基斯坦", "阿富汗", "伊拉克",
           "土耳其", "埃及", "沙特", "乌克兰", "越南", "菲律宾", "泰国", "印尼", "马来西亚", "白宫", "东盟",
           "默克尔", "马克龙", "安倍", "金正恩", "莫迪", "埃尔多安", "内塔尼亚胡", "外长", "大选", "议会"),
    # (not 巴西, 西班牙, 意大利 …: as often football teams as countries)
    "旅游": ("旅游", "游客", "景区", "航班", "航线", "酒店", "出行", "旅行", "景点", "自驾", "古镇", "门票", "攻略",
           "签证", "度假", "风景", "一日游"),
    "农业": ("农业", "粮食", "种植", "农民", "小麦", "水稻", "养殖", "农村", "农产品", "蔬菜", "果树", "化肥", "猪价",
           "生猪", "玉米", "大豆", "乡村振兴", "合作社", "亩产", "种子"),
    # not 装备: military stories use it as much (武器装备, 装备试验); see also _WEAK_CUES
    "游戏": ("游戏", "玩家", "电竞", "手游", "王者荣耀", "英雄联盟", "绝地求生", "吃鸡", "LOL", "DNF",
           "段位", "网游", "Steam", "任天堂", "PS4", "PS5", "Switch"),
    "文化": ("文化", "博物馆", "文物", "非遗", "展览", "书法", "文学", "历史", "古代", "诗词", "艺术", "作家", "小说",
           "传统", "画家", "故宫", "朝代", "皇帝", "考古"),
    "社会": ("警方", "事故", "法院", "市民", "社区", "救援", "派出所", "民警", "男子", "女子", "老人", "村民", "网友",
           "嫌疑人", "被捕", "火灾", "车祸", "判决", "大爷", "大妈"),
}


# Cues that count only beside one of the channel's own cues: 皮肤 is skin care as often as a
# game skin, 英雄 a war hero, 副本 and 主机 a copy and a computer (a 护肤 story was filed under 游戏).
_WEAK_CUES: dict[str, tuple[str, ...]] = {"游戏": ("英雄", "皮肤", "副本", "主机")}


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
    sample = simplify(((title or "") + " ") * 3 + text[:600])
    votes = {ch: sum(len(re.findall(re.escape(cue), sample)) for cue in cues) for ch, cues in _CUES.items()}
    for ch, weak in _WEAK_CUES.items():
        if votes[ch]:
            votes[ch] += sum(len(re.findall(re.escape(cue), sample)) for cue in weak)
    best = max(votes, key=lambda c: votes[c])
    return best if votes[best] >= 2 else None


def run(article: Article, page: Page) -> None:
    article.category = from_section(page.hints.get("section"), article.url) or classify(
        article.text, title=article.title, url=article.url
    )
