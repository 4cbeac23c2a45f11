"""Keyword tags: named entities with canonical names and topical keywords, 5–10 per article.

Why by hand: jieba's dictionary lacks most new company and product names ("摩尔线程" is
cut as 摩尔/线程), headlines abbreviate (俄, 美), and human tags are mostly names and
nouns. So: nouns and names by part of speech, weighted TF × IDF with names first;
adjacent pairs that always travel together are merged into one name; the hand-written
entity table (``zixun.nlp.entities``) gives canonical names (哈登 → 詹姆斯·哈登) and
parent places (浦东 → 上海市); and when a learned lexicon is present
(``zixun.nlp.lexicon``) its tag priors, co-occurring tags and tag vocabulary join in.

A headline model (``zixun.nlp.tagmodel``: a model built from the user's tagged headlines,
setting ``tag_model``, else the built-in weights) picks the headline's tags, as few as its
confidence warrants, and the rules fill the rest of an article's ``k`` tags from the body
(setting ``tag_model`` = ``none``, or a learned lexicon with no model file, leaves everything
to the rules); a headline alone keeps only the model's picks, in the
surface form headline taggers use (哈登), while an article's picks take the canonical names
(詹姆斯·哈登) like the rest of its tags.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from zixun.model import Article
from zixun.nlp import entities, tagmodel
from zixun.nlp import lexicon as lexicon_mod
from zixun.read.page import Page
from zixun.settings import get as setting
from zixun.text.segment import (
    SURNAMES,
    dictionary,
    idf_table,
    is_content_word,
    is_person_name,
    join_split_names,
    pos_tag_folded,
)
from zixun.text.t2s import to_simplified

# How often a word of this part of speech is a human tag (nouns are many, names are few).
POS_WEIGHT = {"nr": 3.0, "ns": 2.5, "nt": 2.5, "nz": 2.3, "j": 1.4, "eng": 2.3, "nw": 2.0, "n": 1.0, "x": 1.0,
              "vn": 0.35, "an": 0.2, "l": 0.8}
TITLE_WEIGHT = 2.0
# An article's headline picks stop below this probability and the body's evidence decides the
# rest: a headline whose every span is unsure (城市充电网络加速完善, all under 0.1) otherwise
# filled the tags with spans like 加速完善. CCTV stories, title + body: 0.2203 → 0.2193.
ARTICLE_FLOOR = 0.05
IDF_POWER = 1.0
OOV_ONCE = 0.4  # score factor of a word unknown to the dictionary seen once, in the body only
BOOK_WEIGHT, QUOTE_WEIGHT = 4.0, 1.5  # 《作品》 are tags ~7 times in 10, short “quoted terms” ~3 in 10
_BOOK = re.compile(r"《([^》]{1,15})》")
_QUOTED = re.compile(r"[“\"]([^”\"]{2,8})[”\"]")
_BOOK_NOT_A_TAG = re.compile(r"[：:“”\"‘’，,、\-—!！?？\s]")
# English function words: an English phrase inside a Chinese story ("get", "the") is no topic
_ENGLISH_STOP = frozenset(
    """the and for are but not you all any can had her was one our out has him his how its may new now
    old see two way who did get got let put say she too use from have into just like make more most much
    only over some than that them then they this very what when will with your about after again being
    could every other their there these those through under where which while would should said says
    were been also many such well even back first last year years time told according including still
    since among because during before between both each same good great little really something
    anything everything nothing wrote write written tell tells going went come came made know
    think want look thing things lot week today yesterday tomorrow monday tuesday wednesday thursday
    friday saturday sunday january february march april june july august september october november
    december mr mrs ms dr sure maybe another people percent a an as at be by do he i if in is it me
    my no of on or so to up us we""".split()
)
_BAD = re.compile(r"^[\d\W_]+$|^(?=(?:[^\d]*\d){6})[A-Za-z0-9]{10,}$|^\d+[年月日号%个万亿岁]|^[a-z]$|^第[\d一二三四五六七八九十百]+"
                  # a demonstrative and a measure word points at something, names nothing: 这三类, 本场比赛
                  r"|^[这那此该每各某本][\d一二三四五六七八九十两几]*[个类种位名条项件些款场次届期]", re.I)
_HAN = re.compile(r"[\u4e00-\u9fff]")
_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")
_CAMEL = re.compile(r"^[a-z]{2,}[A-Z][a-z]")
_CAP_WORD = r"(?:(?:[A-Z]\.)+|[A-Z][a-zA-Z’'\-]*[a-z][a-zA-Z’'\-]*)"  # Noem, McDowell, R.R. (no sentence end)
# bounded by Latin letters and digits only: a Chinese character right before or after (访Kip Thorne表示) is an edge
_PROPER_RUN = re.compile(
    rf"(?<![A-Za-z0-9]){_CAP_WORD}(?:\s+(?:of\s+|de\s+|van\s+|von\s+)?{_CAP_WORD}){{1,3}}(?![A-Za-z0-9’'])"
)
_CJK_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
# 王女士, 刘先生: a surname and a courtesy title is how news keeps a person anonymous: no topic
_ANONYMOUS = re.compile(r"^[\u4e00-\u9fff](?:女士|先生|小姐|老师|师傅|阿姨|大爷|大妈|同学|某某?)$")
# a photo or text credit inside the body: 记者 宋佳琪 摄, 通讯员 李明/摄, 摄影：王强
_CREDIT = re.compile(
    r"(?:记者|通讯员|摄影|摄影记者|图|文)[\s:：／/]*([\u4e00-\u9fff]{2,3})(?=\s*[／/]?\s*摄)"
    r"|(?:摄影|摄影记者)[\s:：]+([\u4e00-\u9fff]{2,3})"
    # …网记者宋佳琪注意到: the reporter named where they report from the scene
    r"|(?:记者|通讯员)(?![在从对向跟与到随实])([\u4e00-\u9fff]{2,3}?)(?=注意到|了解到|获悉|看到|发现|走访|采访|来到|实地|随机|在现场)"
)
# Too general to file a story under (hand-written).
_GENERIC = frozenset(
    """网友 男子 女子 老人 孩子 原因 事情 东西 消息 照片 视频 图片 结果 答案 方法 秘密 真相 感觉 样子 地方 小伙 大爷
    大妈 中国 世界 国家 全球 生活 城市 大家 实力 力量 梦想 故事 模式 行业 活动 系统 项目 平台 发展 市场 公司 价格
    网络 时候 原来 现场 背后 意义 作用 能力 水平 标准 情况 方式 国内 国外 朋友 家人 人生 人们 事件 时代 历史
    师傅 台次 全市 全省 全区 单位 普通 新建 记者 通讯员 编辑 摄影 段时间 一共""".split()
)


def _pos_weight(word: str, pos: str) -> float:
    if word.isascii():
        if not word.isalnum():
            return 0.0
        # GPU, iPhone, A18 name things; Group or Strategy in a Chinese text is a stray English word.
        named = word.isupper() or any(c.isdigit() for c in word) or any(c.isupper() for c in word[1:])
        if named:
            return POS_WEIGHT["eng"]
        if word.lower().endswith("ly") or word.lower() in _ENGLISH_STOP:
            return 0.0  # adverbs and function words (really, little) name nothing
        return 0.6 if len(word) > 2 else 0.0
    if pos == "x":
        return 2.0 if _CJK_NAME.match(word) else 0.0
    if pos.startswith("nr"):
        if is_person_name(word, pos):
            return POS_WEIGHT["nr"]
        # jieba's dictionary calls many words names: 高峰 is a noun; 拉开帷幕 and 明显增加 no topic
        return POS_WEIGHT["n"] if len(word) <= 3 else 0.0
    return POS_WEIGHT.get(pos, POS_WEIGHT.get(pos[:2], POS_WEIGHT["n"] if pos.startswith("n") else 0.0))


_ROLE_WORDS = frozenset("""governor president senator minister mayor coach chief director professor judge general
    king queen prince princess pope rep sen gov secretary chairman chairwoman ceo officer captain sir lord""".split())


def _title_case(line: str) -> bool:
    words = re.findall(r"[A-Za-z][A-Za-z’'\-]*", line)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _code_like(word: str) -> bool:
    """A short link's or an ad's id (EwWAcLY), not a name: letters switching case four times or
    more (iPhone, YouTube, McDonald and PlayStation switch at most three)."""
    if not (word.isascii() and word.isalpha() and len(word) >= 5):
        return False
    if _CAMEL.match(word):
        return True  # a script's identifier (adScript, onClick); a brand starts with one letter (iPhone)
    return sum(a.isupper() != b.isupper() for a, b in zip(word, word[1:], strict=False)) >= 4


def _ok(word: str) -> bool:
    simple = to_simplified(word)
    return (is_content_word(simple) and not _BAD.match(word) and not _ANONYMOUS.match(simple)
            and simple not in _GENERIC and not _code_like(word))



def tag(text: str, *, title: str | None = None, k: int | None = None) -> list[str]:
    """Up to ``k`` tags (default: setting ``tags_k``) for ``title`` + ``text``, best first.

    Given a title, the headline model picks first, so a headline alone may get fewer than
    ``k`` tags: the model stops where one more tag would lower the expected F1."""
    k = k or int(setting("tags_k"))
    model = tagmodel.load() if title else None
    if model is not None and model.builtin and lexicon_mod.load() is not None:
        model = None  # the user's own lexicon knows their tags; the built-in weights know none
    if model is None or title is None:
        return [w for w, _s in scored(text, title=title, k=k, local=entities.doc_aliases((title or "") + "\n" + text))]
    if not text.strip():
        return [w for w, _p in model.pick(title, k) if not _BAD.match(w)]
    context = title + "\n" + text
    picks = [(w, p) for w, p in model.pick(title, k, distinct=True, floor=ARTICLE_FLOOR) if not _BAD.match(w)]
    local = {**completions([w for w, _p in picks], context), **entities.doc_aliases(context)}
    out = list(dict.fromkeys(entities.canonical(w, local=local) for w, _p in picks))
    full_names = set(local.values())
    for w, _s in scored(text, title=title, k=k + len(out), local=local):
        if len(out) >= k:
            break
        if w in full_names or (w.isascii() and " " in w) or any(q in context for q in (f"“{w}”", f"《{w}》", f'"{w}"')):
            # the story's full name, or a term it quotes, replaces a headline pick inside it:
            # 数据 of 市数据局, Kip of Kip Thorne, 三权 of “三权分置”
            out = [o for o in out if o not in w]
        if not any(w in o or o in w for o in out):
            out.append(w)  # the body's topics, not a variant of a headline pick
    return out


# After a name cut short, a character that is no part of it: particles, verbs of saying, punctuation
_NOT_NAME_END = frozenset("的了着过在是和与及或说称等都也就还又被把将对向从为以于而但并之其这那个们表认指曾已再")


def completions(words: Iterable[str], text: str) -> dict[str, str]:
    """Names the segmenter cut one character short, from how the story writes them.

    Why by hand: jieba's HMM cuts names with rare characters before their last one (黄景|瑜,
    张钧|甯, 樊馨|蔓). A two-character word that starts with a surname, occurs at least twice,
    and is followed every time by the same character (not a particle or a verb of saying) is
    that name cut short; it maps to the whole name."""
    out: dict[str, str] = {}
    known = dictionary()
    for w in words:
        if len(w) == 2 and w[0] in SURNAMES and _HAN.fullmatch(w[1]):
            nexts = {text[m.end()] if m.end() < len(text) else "" for m in re.finditer(re.escape(w), text)}
            if len(nexts) == 1 and text.count(w) >= 2:
                c = next(iter(nexts))
                if c and _HAN.fullmatch(c) and c not in _NOT_NAME_END:
                    out[w] = w + c
                    continue
        if 2 <= len(w) <= 3 and _HAN_ONLY.fullmatch(w) and to_simplified(w) not in known:
            whole = _whole(w, text)
            if whole != w:
                out[w] = whole
    return out


def _whole(w: str, text: str) -> str:
    """A piece the segmenter guessed (爱奇 of 爱奇艺, 吉村真 of 吉村真晴, 亚鹏 of 李亚鹏) grown to
    what the story writes around it every time: the same characters follow (or precede) each
    of its two or more occurrences. At most two characters each way, never a particle."""
    starts = [m.start() for m in re.finditer(re.escape(w), text)]
    if len(starts) < 2:
        return w
    left, right = 0, 0
    while right < 2:
        nxt = {text[a + len(w) + right : a + len(w) + right + 1] for a in starts}
        c = next(iter(nxt))
        if len(nxt) != 1 or not _HAN.fullmatch(c) or c in _NOT_NAME_END:
            break
        right += 1
    while left < 2:
        prev = {text[a - left - 1 : a - left] if a - left - 1 >= 0 else "" for a in starts}
        c = next(iter(prev))
        if len(prev) != 1 or not _HAN.fullmatch(c) or c in _NOT_NAME_END:
            break
        left += 1
    a = starts[0]
    return text[a - left : a + len(w) + right]


def scored(text: str, *, title: str | None, k: int, local: dict[str, str] | None = None) -> list[tuple[str, float]]:
    """The tags with their scores (for thresholds and the bench); ``local``: the story's own
    full names (``entities.doc_aliases``), to which names the segmenter cut short are added."""
    context = (title or "") + "\n" + text
    raw = _raw_scores(text, title, lexicon_mod.load(), local)
    local = {**completions(raw, context), **(local or {})}
    return _finish(raw, k, context=context, local=local)


def _raw_scores(text: str, title: str | None, lex: lexicon_mod.Lexicon | None,
                local: dict[str, str] | None = None) -> dict[str, float]:
    idf, median = idf_table()
    tf: defaultdict[str, float] = defaultdict(float)
    weight: dict[str, float] = {}
    pairs: Counter[str] = Counter()
    chinese = bool(_HAN.search(title or "") or _HAN.search(text[:2000]))
    context = to_simplified((title or "") + "\n" + text)
    marked: set[str] = set()  # 《titles》 and “quoted terms”: chosen by the writer, not by the segmenter
    # A Title Case English headline capitalises verbs too (Defends): its words get no headline
    # boost, and its capitalised runs are no names
    title_cased = not chinese and _title_case(title or "")
    for part, boost in ((title or "", 1.0 if title_cased else TITLE_WEIGHT), (text, 1.0)):
        prev = ""
        for w, p in join_split_names(pos_tag_folded(part)):
            simple = to_simplified(w)
            alias = None
            if (len(w) >= 2 or p in ("j", "ns")) and simple in entities.ALIASES:
                cue = entities.AMBIGUOUS.get(simple)
                alias = entities.ALIASES[simple] if cue is None or cue.search(context) else None
            pw = max(_pos_weight(w, p), 2.5 if alias else 0.0)
            if chinese and w.isascii() and w.islower():
                pw = 0.0  # a plain English word (good, laugh) inside a Chinese story; Apple, GPU stay
            if pw <= 0 or not _ok(w) or (len(w) < 2 and not alias):
                prev = ""
                continue
            tf[w] += boost
            weight[w] = max(weight.get(w, 0.0), pw)
            if prev and not (prev.isascii() or w.isascii()):  # 新能源+汽车, never side+of
                pairs[prev + w] += 1
            prev = w
        for m in _BOOK.findall(part):
            if len(m) > 12 or _BOOK_NOT_A_TAG.search(m):
                continue  # 《吴菊萍：勇敢的妈妈伟大的母亲》 names a report, not a topic to file it under
            marked.add(m)
            tf[m] += boost
            weight[m] = max(weight.get(m, 0.0), BOOK_WEIGHT)
        for m in _QUOTED.findall(part):
            if _ok(m) and not re.search(r"[，。！？、\s]", m):
                marked.add(m)
                tf[m] += boost
                weight[m] = max(weight.get(m, 0.0), QUOTE_WEIGHT)
        if not (title_cased and part is title):
            # names are runs of capitalised words: South Dakota in an English story, Kip Thorne
            # or Apple Watch inside a Chinese one (the Chinese segmenter cuts them word by word)
            for m in _PROPER_RUN.finditer(part):
                words = re.sub(r"[’']s$", "", m.group(0)).split()
                while len(words) > 2 and (words[0].lower() in _ROLE_WORDS or words[0].lower() in _ENGLISH_STOP):
                    words = words[1:]  # Governor Kristi Noem → Kristi Noem; The Wild Rose → Wild Rose
                name = " ".join(words)
                if words[0].lower() not in _ENGLISH_STOP and words[-1].lower() not in _ENGLISH_STOP:
                    tf[name] += boost
                    weight[name] = max(weight.get(name, 0.0), POS_WEIGHT["eng"] * 1.2)
        if lex:
            for v in lex.find_vocab(part):
                tf[v] += boost
                weight[v] = max(weight.get(v, 0.0), 1.3)
    for short, full in (local or {}).items():
        # a defined short name the segmenter cuts (市|数据|局) still counts, under the full name
        n = (title or "").count(short) * TITLE_WEIGHT + text.count(short)
        if n and full not in tf:
            tf[full] = float(n)
            weight[full] = POS_WEIGHT["nt"]
            marked.add(full)
    scores: dict[str, float] = {}
    for w, n in tf.items():
        prior = lex.prior.get(w) if lex else None
        factor = 1.0 if prior is None else 0.4 + 2.0 * prior
        key = to_simplified(w)
        if n < 2 and key not in idf and w not in marked:
            # a word the dictionary does not know, seen once in the body only, is more often a
            # segmentation slip (记者|从市|发展改革委, 快|充桩) than a new name: names repeat
            factor *= OOV_ONCE
        scores[w] = n * weight[w] * idf.get(key, median * 1.1) ** IDF_POWER * factor
    for phrase, count in pairs.items():
        n = float(count)
        if n >= 2 and len(phrase) <= 8 and phrase not in scores:
            scores[phrase] = n * 1.4 * max(idf.get(to_simplified(phrase), median * 1.3), median)
    if lex:
        top = sorted(scores, key=lambda w: -scores[w])[:8]
        for w in top:
            for g, prob in lex.cooc.get(w, []):
                scores[g] = max(scores.get(g, 0.0), prob * 0.8 * scores[w])  # a tag that travels with w
    return scores


def rule_scored(title: str, k: int = 5) -> list[tuple[str, float]]:
    """The rules' best words of a headline, before canonical names and without any lexicon
    (features of the learned model, ``zixun.nlp.tagmodel``)."""
    scores = _raw_scores("", title, None)
    return sorted(scores.items(), key=lambda t: (-t[1], t[0]))[:k]


def _finish(scores: dict[str, float], k: int, *, context: str | None = None,
            local: dict[str, str] | None = None) -> list[tuple[str, float]]:
    """Canonical names (an ambiguous alias only with a cue in ``context``), parent places, and
    no tag inside a better one."""
    context = to_simplified(context) if context is not None else None
    canon: dict[str, float] = {}
    known: set[str] = set()
    for w, s in scores.items():
        name = entities.canonical(w, context, local)
        canon[name] = max(canon.get(name, 0.0), s)
        up = entities.parent(w)
        if name != w:
            known.add(name)
        if up:
            canon[up] = max(canon.get(up, 0.0), s * 0.5)
            known.add(up)
    ranked = sorted(canon, key=lambda w: (-canon[w], w))
    out: list[str] = []
    for w in ranked:
        if canon[w] <= 0 or any(w in o or w.casefold() == o.casefold() for o in out):
            continue  # inside a better tag, or the same word in other letter case (Heat, HEAT)
        if w in known:  # 上海市 from the table replaces a bare 上海 cut from 上海市民
            out = [o for o in out if o not in w]
        elif any(o in w for o in out):
            continue  # 国产GPU adds nothing to a better-ranked GPU
        out.append(w)
        if len(out) >= k:
            break
    return [(w, canon[w]) for w in out]


def run(article: Article, page: Page) -> None:
    """Tag the article; who wrote, edited or published it are credits, not topics (a piece
    of the outlet's name, 世纪经济 from 21世纪经济报道, is not a tag either)."""
    b = article.byline
    credits = {n for n in [*b.reporters, b.editor] if n}
    credits |= {n for m in _CREDIT.finditer(article.text) for n in m.groups() if n}
    outlet = b.outlet or ""
    k = int(setting("tags_k"))
    found = tag(article.text, title=None if article.title_generated else article.title, k=k + len(credits) + 2)
    article.tags = [t for t in found if t not in credits and not (outlet and t in outlet)][:k]
