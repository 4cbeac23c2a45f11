"""A hand-written canonical-entity table: short or informal names → canonical full names,
and places → the city/province a reader would also file the story under.

Why by hand: news headlines say 哈登, 俄, 浦东; a reader browsing tags wants 詹姆斯·哈登,
俄罗斯, and 上海市 beside 浦东. Written by the zixun authors (not learned from any data set);
extend freely. ``ALIASES`` replaces the surface word; ``PARENTS`` adds a tag beside it.
"""

from __future__ import annotations

import re

# Surface form → canonical name (replaces the surface form as a tag).
ALIASES: dict[str, str] = {
    # countries and blocs, as headlines abbreviate them
    "俄": "俄罗斯", "美": "美国", "日": "日本", "韩": "韩国", "朝": "朝鲜", "英": "英国", "法": "法国",
    "德": "德国", "印": "印度", "澳": "澳大利亚", "以": "以色列", "叙": "叙利亚", "伊": "伊朗", "土": "土耳其",
    "巴": "巴基斯坦", "越": "越南", "菲": "菲律宾", "泰": "泰国", "沙特阿拉伯": "沙特", "欧盟委员会": "欧盟",
    "俄国": "俄罗斯", "美利坚": "美国", "中共中央": "中共中央", "川普": "特朗普",
    # people: short name → full canonical name
    "哈登": "詹姆斯·哈登", "库里": "斯蒂芬·库里", "杜兰特": "凯文·杜兰特", "科比": "科比·布莱恩特",
    "勒布朗": "勒布朗·詹姆斯", "乔丹": "迈克尔·乔丹", "梅西": "利昂内尔·梅西", "C罗": "克里斯蒂亚诺·罗纳尔多",
    "内马尔": "内马尔·达席尔瓦", "马斯克": "埃隆·马斯克", "库克": "蒂姆·库克", "乔布斯": "史蒂夫·乔布斯",
    "扎克伯格": "马克·扎克伯格", "比尔盖茨": "比尔·盖茨", "盖茨": "比尔·盖茨", "贝索斯": "杰夫·贝索斯",
    "黄仁勋": "黄仁勋", "普京": "弗拉基米尔·普京", "拜登": "乔·拜登", "奥巴马": "贝拉克·奥巴马",
    # organisations and products
    "阿里": "阿里巴巴", "阿里集团": "阿里巴巴", "鹅厂": "腾讯", "腾讯公司": "腾讯", "华为公司": "华为",
    "小米公司": "小米", "苹果公司": "苹果", "微软公司": "微软", "谷歌公司": "谷歌", "英伟达公司": "英伟达",
    "央行": "中国人民银行", "人行": "中国人民银行", "证监会": "中国证监会", "银保监会": "中国银保监会",
    "发改委": "国家发展改革委", "国家发改委": "国家发展改革委", "工信部": "工业和信息化部", "教育部门": "教育部",
    "农行": "中国农业银行", "工行": "中国工商银行", "建行": "中国建设银行", "中行": "中国银行", "招行": "招商银行",
    "北大": "北京大学", "清华": "清华大学", "复旦": "复旦大学", "浙大": "浙江大学", "上交大": "上海交通大学",
    "国足": "中国国家男子足球队", "女排": "中国女排", "苹果手机": "iPhone", "吃鸡": "绝地求生", "王者": "王者荣耀",
    "LOL": "英雄联盟", "lol": "英雄联盟", "NVIDIA": "英伟达", "Nvidia": "英伟达",
}

# Place → the larger place it belongs to (added beside it, never instead of it).
PARENTS: dict[str, str] = {}
_REGIONS = {
    "上海市": "浦东 浦东新区 黄浦 徐汇 长宁 静安 普陀 虹口 杨浦 闵行 宝山 嘉定 金山 松江 青浦 奉贤 崇明 陆家嘴 张江 临港",
    "北京市": "朝阳区 海淀 海淀区 东城区 西城区 丰台 石景山 通州 顺义 昌平 大兴 怀柔 平谷 密云 延庆 中关村 亦庄",
    "广东省": "广州 深圳 珠海 汕头 佛山 韶关 湛江 肇庆 江门 茂名 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 潮州 揭阳 云浮",
    "深圳市": "南山区 福田 福田区 罗湖 宝安 龙岗 龙华 前海",
    "浙江省": "杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水 义乌",
    "江苏省": "南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁 昆山",
    "四川省": "成都 绵阳 德阳 宜宾 南充 乐山 泸州 汶川 九寨沟",
    "湖北省": "武汉 宜昌 襄阳 荆州 十堰 黄石 孝感",
    "山东省": "济南 青岛 烟台 潍坊 淄博 威海 临沂 济宁",
    "河北省": "石家庄 唐山 保定 邯郸 邢台 秦皇岛 张家口 承德 廊坊 沧州 衡水 雄安",
    "福建省": "福州 厦门 泉州 漳州 莆田 宁德",
    "陕西省": "西安 宝鸡 咸阳 延安 汉中 榆林",
}
for _parent, _places in _REGIONS.items():
    for _place in _places.split():
        PARENTS[_place] = _parent
PARENTS.update({"福田": "深圳市", "南山区": "深圳市", "前海": "深圳市", "罗湖": "深圳市", "宝安": "深圳市"})
PARENTS.update({"深圳": "广东省", "广州": "广东省"})


# Aliases that are also ordinary words or other names: 库里 is a village in 库里渔场, 阿里 a
# region of Tibet, 吃鸡 a meal. They are replaced only when the text has a cue of their world.
AMBIGUOUS: dict[str, re.Pattern[str]] = {
    word: re.compile(cue)
    for word, cue in {
        "库里": r"篮球|NBA|勇士|投篮|三分|球队|球员|湾区", "乔丹": r"篮球|NBA|公牛|球鞋|球队|球员|飞人",
        "库克": r"苹果|Apple|iPhone|CEO|首席执行官", "盖茨": r"微软|基金会|比尔|Windows",
        "阿里": r"阿里巴巴|淘宝|天猫|电商|马云|阿里云|集团|股价", "王者": r"荣耀|游戏|手游|英雄|战队|玩家",
        "吃鸡": r"游戏|绝地|手游|玩家|电竞|战队", "以": r"以色列|加沙|巴以|以军|内塔尼亚胡",
    }.items()
}


def canonical(word: str, context: str | None = None, local: dict[str, str] | None = None) -> str:
    """The canonical name of ``word``: the story's own full name for it (``local``, from
    ``doc_aliases``) first, else the table's (itself when the table has none, or when ``word``
    is ambiguous and ``context`` holds no cue of the entity's world)."""
    if local and word in local:
        return ALIASES.get(local[word], local[word])  # 苹果公司 of the story is the table's 苹果
    name = ALIASES.get(word)
    if name is None:
        return word
    cue = AMBIGUOUS.get(word)
    if cue is not None and context is not None and not cue.search(context):
        return word
    return name


def parent(word: str) -> str | None:
    """The larger place ``word`` belongs to, if the table knows it."""
    return PARENTS.get(word)


# A full name written with a middle dot: 勒布朗·詹姆斯, 特雷莎•梅, 迈克尔·杰弗里·乔丹 (or a hyphen for
# the dot, 梅西-阿诺德: the segmenter decides whether the pieces are names)
_DOTTED = re.compile(r"[\u4e00-\u9fff]{1,12}(?:[·•・\-－‐][\u4e00-\u9fff]{1,12}){1,3}")
# A short name the story defines: 中国人民银行（以下简称“央行”）, …有限公司(简称摩尔线程)
_DEFINED = re.compile(
    r"[（(](?:以下|下文|下同)?[，,]?(?:简称|簡稱|下称|下稱|以下称)[为為:：]?\s*[“\"「『《]?"
    r"([^”\"」』》）)，,。\s]{1,12})[”\"」』》]?[）)]"
)
# Words that may end a defined full name when read backwards from its bracket (names, nouns,
# places, the bracketed city in 摩尔线程智能科技（北京）有限责任公司); a verb or 从 ends it.
_NAME_POS = ("n", "j", "eng", "x", "l", "b")
_LEGAL_NAME = re.compile(r"[（(]|有限(?:责任)?公司$|股份公司$")


def _abbreviated(name: str, short: str) -> str:
    """The part of ``name`` that ``short`` abbreviates: its characters in order (音著协 of
    中国音乐著作权协会); a descriptor of three or more characters before them falls away
    (母婴用品零售商乐友孕婴童 → 乐友孕婴童), a country or city of two stays (中国, 美国);
    "" when ``short`` is no abbreviation of ``name`` (a definition read from a cut
    sentence, 工信部 of 信息化部)."""
    def holds(i: int) -> bool:
        at = i
        for c in short:
            at = name.find(c, at)
            if at < 0:
                return False
            at += 1
        return True

    starts = [i for i, c in enumerate(name) if c == short[0] and holds(i)]
    if not starts or (short.isascii() and not name.startswith(short)):  # IDG资本, not MDC of 网站MODELS.COM
        return ""
    return name if starts[0] <= 2 else name[starts[0] :]


def doc_aliases(text: str) -> dict[str, str]:
    """The story's own canonical names: short form → the full name the story writes once.

    Why by hand: the table cannot know every person and company, but a news story usually
    names them in full once (勒布朗·詹姆斯, 中国人民银行（以下简称“央行”）) and then by the
    short form; tags should carry the full name, as a reader files the story under it.
    A short form two different full names share (库里 of 斯蒂芬·库里 and 塞斯·库里) is left alone.
    """
    from zixun.text.segment import join_split_names, pos_tag  # the segmenter: imported on use

    found: dict[str, set[str]] = {}
    for m in _DOTTED.finditer(text):  # the run around the dot, cut into words: 勇士队|斯蒂芬·库里|得到
        for w, _p in join_split_names(pos_tag(m.group(0))):
            if not re.search(r"[·•・\-－‐]", w):
                continue
            full = re.sub(r"[•・]", "·", w)
            parts = re.split(r"[·\-－‐]", full)
            for part in (parts[0], parts[-1]):
                if len(part) >= 2:
                    found.setdefault(part, set()).add(full)
    for m in _DEFINED.finditer(text):
        short = m.group(1)
        words = pos_tag(re.split(r"[，。；：！？、\n“”\"]", text[max(0, m.start() - 40) : m.start()])[-1])
        name = ""
        for w, p in reversed(words):
            if not (p.startswith(_NAME_POS) or w in "（）()") or len(name) + len(w) > 30:
                break
            name = w + name
        name = name.lstrip("（）()")
        if _LEGAL_NAME.search(name) or len(name) > 12 or "》" in name:
            # a document's title (…实施方案》（以下简称《方案》）) is no entity to file a story under
            # and 摩尔线程智能科技（北京）有限责任公司: the short name is the one readers file it under
            continue
        name = _abbreviated(name, short)
        if name and len(name) > len(short) >= 2:
            found.setdefault(short, set()).add(name)
    return {short: next(iter(full)) for short, full in found.items() if len(full) == 1}
