"""Chinese word segmentation, in one place, loaded once per process.

rjieba (jieba's Rust port) cuts ~10× faster than jieba and is used for bulk cutting
(search index, tags, similarity). The same function segments queries, so index and
query always agree. jieba's IDF table (shipped inside the jieba wheel) gives the
document frequencies for TF-IDF keywords without loading jieba's own tokenizer.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

import rjieba

from zixun.text.t2s import to_simplified

_TOKEN_OK = re.compile(r"[\w\u3400-\u9fff]")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")

STOPWORDS = frozenset(
    """的 了 和 是 在 也 就 都 而 及 与 着 或 一个 没有 我们 你们 他们 她们 它们 这个 那个 这些 那些 自己
    不 人 有 这 那 为 对 将 把 被 从 到 向 以 之 其 等 但 并 并且 而且 还 又 很 更 最 已 已经 可以 可能
    表示 认为 进行 目前 今年 去年 明年 记者 报道 本报 日电 电 新华社 编辑 责任编辑 来源 作者 通讯员
    一些 一种 一是 二是 三是 方面 同时 此外 因此 所以 如果 虽然 但是 然而 以及 通过 对于 关于 由于
    当天 当日 今天 昨天 明天 日前 近日 此前 之后 以来 目前 上午 下午 晚上 时间 问题 情况 工作 相关
    这样 那样 怎么 什么 如何 为什么 一直 一下 一起 其中 之一 有关 所有 各种 各个 每个 这是 就是 不是
    中 上 下 内 外 后 前 里 年 月 日 时 分 个 位 名 家 次 项 元 亿元 万元 多 少 大 小 新 好""".split()
)


@functools.lru_cache(maxsize=1)
def _ensure_loaded() -> bool:
    rjieba.cut("预热")
    return True


def cut(text: str) -> list[str]:
    """Segment ``text`` into words (HMM on for names and new words)."""
    _ensure_loaded()
    return [w for w in rjieba.cut(text) if w.strip()]


def cut_for_search(text: str) -> list[str]:
    """Finer segmentation for indexing: long words also emit their sub-words."""
    _ensure_loaded()
    return [w for w in rjieba.cut_for_search(text) if w.strip()]


# A score or an age ends a word: 38分|湖人 (not 分湖), 5岁|会 (not 岁会); 3分钟 and 3分球 stay
_NUMBER_UNIT = re.compile(r"(?<=\d分)(?=[\u4e00-\u9fff])(?![钟之球])|(?<=\d岁)(?=[\u4e00-\u9fff])")


def pos_tag(text: str) -> list[tuple[str, str]]:
    """Words with jieba parts of speech; a number with 分 or 岁 is cut before the next word
    (the dictionary's 分湖 and 岁会 otherwise swallow the start of 湖人 and 会创业)."""
    _ensure_loaded()
    if _NUMBER_UNIT.search(text):
        return [(w, t) for piece in _NUMBER_UNIT.split(text) for w, t in rjieba.tag(piece) if w.strip()]
    return [(w, t) for w, t in rjieba.tag(text) if w.strip()]


def pos_tag_folded(text: str) -> list[tuple[str, str]]:
    """``pos_tag`` of ``text`` cut on its simplified fold, words returned in the original script.

    The dictionary is simplified Chinese: on 閩北竹編 it cuts 閩北竹|編 where it cuts 闽北|竹编
    right. ``to_simplified`` keeps every offset, so the cuts of the folded text apply to the
    original one (whitespace tokens, which ``pos_tag`` drops, are found past, not counted).
    """
    folded = to_simplified(text)
    if folded == text:
        return pos_tag(text)
    out: list[tuple[str, str]] = []
    pos = 0
    for w, p in pos_tag(folded):
        i = folded.find(w, pos)
        if i < 0:  # the tagger changed the text: cut it as it is
            return pos_tag(text)
        out.append((text[i : i + len(w)], p))
        pos = i + len(w)
    return out


def is_content_word(word: str) -> bool:
    """Not a stop-word, not punctuation, not a bare number."""
    if word in STOPWORDS or not _TOKEN_OK.search(word):
        return False
    return not re.fullmatch(r"[\d.,%％万亿千百十]+", word)


@functools.lru_cache(maxsize=1)
def idf_table() -> tuple[dict[str, float], float]:
    """jieba's IDF table and its median (the weight for unknown words)."""
    path = resources.files("jieba.analyse") / "idf.txt"
    table: dict[str, float] = {}
    with path.open("r", encoding="utf-8") as f:
        for line in f:
            word, _, value = line.strip().partition(" ")
            if value:
                table[word] = float(value)
    values = sorted(table.values())
    return table, values[len(values) // 2]


@functools.lru_cache(maxsize=1)
def dictionary() -> dict[str, tuple[int, str]]:
    """jieba's dictionary (shipped in the jieba wheel): word → (frequency, part of speech)."""
    table: dict[str, tuple[int, str]] = {}
    with (resources.files("jieba") / "dict.txt").open("r", encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 3:
                table[parts[0]] = (int(parts[1]), parts[2])
            elif len(parts) == 2:
                table[parts[0]] = (int(parts[1]), "")
    return table


# The common single-character surnames (about nine in ten people in China) and the compound ones.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
    "向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童"
    "凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项"
    "连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲"
    "虞敖巩明佘池查麻苑迟邝"
)
COMPOUND_SURNAMES = frozenset("欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 令狐 夏侯 司徒 长孙 宇文 端木 独孤 南宫 西门".split())


# Characters of transliterated foreign names (特朗普, 贝克汉姆, 默克尔): a dictionary word made of
# nothing else, three characters or more, is a name's shape even without a Chinese surname.
TRANSLIT = frozenset(
    "阿埃艾安奥澳巴拜班邦鲍贝本比彼毕波伯博布查达戴丹道德登迪蒂丁东杜敦多厄恩尔法范菲费芬弗夫福盖冈戈哥格古"
    "哈海汉豪赫亨洪胡华霍基吉加贾杰捷金卡凯坎康考柯科克肯库奎拉莱赖兰朗劳乐勒雷里理丽利莉列林琳隆娄卢鲁"
    "伦罗洛马迈麦曼梅门蒙米密敏莫默姆穆纳奈南内尼妮涅纽努诺欧帕潘佩蓬皮珀普奇齐恰乔切琴琼丘萨塞桑森沙莎"
    "舍什施史斯松苏索塔泰坦汤唐特提图托瓦万旺威韦维温沃乌西希谢辛休雅亚扬耶伊因英尤约泽扎詹兹茨祖佐"
    "瑞滕"
)


def is_person_name(word: str, pos: str) -> bool:
    """Whether a word the tagger marks ``nr``/``nrt`` is likely a person's name.

    Why: jieba's dictionary marks thousands of common words ``nr`` (高峰, 古老, 张贴, 明白,
    阳光, 顾问, 拉开帷幕, 明显增加), and a name is worth three nouns as a tag. A name the
    tagger found outside the dictionary (叶晨, 陈德发, 梅西) is kept; a dictionary word is a
    name only in a name's shape: a surname and two given characters, a compound surname, a
    transliteration (特朗普, 贝克汉姆; ·), or a two-character ``nrt`` (拜登). Other
    two-character dictionary "names" are mostly the mislabelled words, so they count as
    nouns; famous ones come through the entity table.
    """
    if not pos.startswith("nr"):
        return False
    simple = to_simplified(word)
    if "·" in simple or "•" in simple:
        return True
    if simple not in dictionary():
        return 2 <= len(simple) <= 4 or (len(simple) <= 8 and all(c in TRANSLIT for c in simple))
    if simple[:2] in COMPOUND_SURNAMES:
        return 3 <= len(simple) <= 4
    if all(c in TRANSLIT for c in simple) and (len(simple) >= 3 or pos == "nrt"):
        return True
    return len(simple) == 3 and simple[0] in SURNAMES


def join_split_names(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Glue names the tagger cut apart: a surname back onto its given name (梁/nr 建章/n →
    梁建章/nr) and the pieces of a transliterated name (皮/斯托/瑞斯 → 皮斯托瑞斯/nrt,
    特雷莎/·/梅 → 特雷莎·梅).

    Why: jieba often tags a lone surname ``nr`` and the given name as a dictionary noun
    (建章, 啸虎), and cuts a foreign name it does not know into pieces, so the name reached
    the tags as fragments. Only a surname tagged ``nr`` followed by a one- or two-character
    noun is joined (高/a 质量 stays apart); pieces are joined only when each is one to three
    transliteration characters and one of them is tagged a name or a place.
    """
    tokens = _join_transliterations(_join_hyphenated(tokens))
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(tokens):
        if _surname_joins(tokens, i):
            out.append((tokens[i][0] + tokens[i + 1][0], "nr"))
            i += 2
            continue
        out.append(tokens[i])
        i += 1
    return out


def _surname_joins(tokens: list[tuple[str, str]], i: int) -> bool:
    """Whether ``tokens[i]`` is a surname the tagger cut off the given name after it."""
    if i + 1 >= len(tokens):
        return False
    (w, p), (given, gpos) = tokens[i], tokens[i + 1]
    if not (1 <= len(given) <= 2 and _CJK_RUN.fullmatch(given)):
        return False
    simple = to_simplified(w)
    if simple in COMPOUND_SURNAMES:
        return gpos.startswith("nr")  # 欧阳/ns 娜娜/nrt → 欧阳娜娜
    if len(w) != 1 or simple not in SURNAMES:
        return False
    if p == "q":
        # 张 is also a measure word (一张): tagged q, it is a surname only before a given name
        # the tagger itself calls a name (张|常宁/nr) and after no numeral
        return gpos == "nr" and len(given) == 2 and (i == 0 or tokens[i - 1][1] != "m")
    return p == "nr" and (gpos[:1] == "n" or gpos in ("j", "x"))


def _name_piece(word: str, pos: str) -> bool:
    """A name-tagged piece, or a place-tagged one that sounds foreign (玛丽安, not 缅甸)."""
    if not (2 <= len(word) <= 5 and _CJK_RUN.fullmatch(word)):
        return False
    if pos.startswith("nr"):
        return True
    return pos.startswith("ns") and 3 * sum(c in TRANSLIT for c in to_simplified(word)) >= 2 * len(word)


def _join_hyphenated(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """梅西/nr -/x 阿诺德/nr → 梅西-阿诺德/nrt: some outlets write a foreign name's middle dot as a
    hyphen (and tag it so: 杰拉德-格林). Two pieces of Chinese characters tagged as names, or as
    foreign-sounding places, are joined when at least one is a person's name (木姐-缅甸 and
    北京-上海 are routes and stay apart)."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(tokens):
        if (i + 2 < len(tokens) and tokens[i + 1][0] in ("-", "－", "‐") and _name_piece(*tokens[i])
                and _name_piece(*tokens[i + 2]) and "nr" in (tokens[i][1][:2], tokens[i + 2][1][:2])):
            out.append((tokens[i][0] + tokens[i + 1][0] + tokens[i + 2][0], "nrt"))  # the page's own mark
            i += 3
            continue
        out.append(tokens[i])
        i += 1
    return out


def _translit(word: str, pos: str) -> bool:
    """A possible piece of a transliterated name: a short noun-like token of such characters
    (因/p after 瑞斯 is a preposition, not a syllable); up to six when the tagger calls it a
    name (罗夫斯基/nrt of 安东尼·波罗夫斯基)."""
    size = len(word)
    return ((1 <= size <= 3 and pos[:1] in ("n", "j")) or (size <= 6 and pos.startswith("nr"))) and all(
        c in TRANSLIT for c in to_simplified(word))


def _join_transliterations(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and (_translit(*tokens[j]) or (tokens[j][0] in "·•" and j > i)):
            j += 1
        while j > i and tokens[j - 1][0] in "·•":  # a run never ends on the dot
            j -= 1
        run = tokens[i:j]
        if len(run) >= 2 and any(p.startswith(("nr", "ns")) for _w, p in run):
            out.append(("".join(w for w, _p in run), "nrt"))
            i = j
            continue
        out.append(tokens[i])
        i += 1
    return out
