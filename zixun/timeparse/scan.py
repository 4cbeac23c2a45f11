"""``parse_times``: scan atoms, glue neighbours into expressions, join ranges, resolve.

Why by hand: no library reads past-biased Chinese news time both well and fast (JioNLP resolves
into the base's week/year and is slow per call; dateparser does not know 上周五 or 6日晚). The scan
is one pass of one regex; gluing and resolving are linear passes over the atoms.

With ``base=None`` only expressions that carry their own year resolve; partial (11月6日) and
relative (昨天, 3天前) ones are skipped, since guessing their year would be inventing it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from zixun.timeparse.model import TimeMatch, end_of
from zixun.timeparse.numerals import cn_int, normalize
from zixun.timeparse.patterns import CONNECTOR, GLUE, SCAN
from zixun.timeparse.relative import relative
from zixun.timeparse.resolve import finish, read_atom
from zixun.timeparse.state import State, Unresolvable

CST = timezone(timedelta(hours=8))

# Where an atom sits on the year → second ladder: (first, last) rung it fills.
RANK: dict[str, tuple[float, float]] = {
    "cent": (-0.5, -0.5), "centr": (-0.5, -0.5), "decade": (-0.2, -0.2),
    "numdt": (0, 2), "compact": (0, 2), "yyslash": (0, 2), "ym": (0, 1), "year": (0, 0),
    "relyear": (0, 0), "quarter": (0.5, 0.5), "halfyear": (0.5, 0.5), "month": (1, 1),
    "relmonth": (1, 1), "md": (1, 2), "monthpart": (1.5, 1.5), "day": (2, 2), "relday": (2, 2),
    "week": (2, 2), "holiday": (2, 2), "nthweek": (2, 2), "monthsof": (1, 1), "nthday": (2, 2),
    "mdays": (1.5, 1.5), "lunarmd": (1, 2), "lunarmd2": (1, 2), "cnmd": (1, 2), "bareyear": (0, 0),
    "holnum": (2, 2), "nthyear": (0, 0), "msec": (4.5, 5), "roc": (0, 0), "lunarday": (2, 2), "fyp": (-0.2, -0.2), "lunarmon": (1, 1), "lunarhol": (2, 2), "term": (2, 2), "season": (0.5, 0.5), "daypart": (3, 3), "hm": (4, 4), "clock": (4, 5),
}
ATTACH_ONLY = {"早", "晚", "夜", "初", "底", "末", "许", "整"}
ANCHORED_WORDS = ("当天", "当日", "同日", "同一天", "当晚", "当夜", "次日", "翌日", "第二天", "隔天",
                  "后一天", "前一天", "前一日", "当年", "同年", "次年", "翌年", "当月", "同月", "次月")
SINCE = re.compile(r"(?:起至今|至今|以来|起)")
DEADLINE = re.compile(r"(?:之前|以前|前)(?![一二三四五六七八九十两\d个半天年月周])")
EVERY = re.compile(r"每(?:逢|隔)?个?[年月周天日]?(?:的)?$")
AFTER = re.compile(r"以后|之后|起(?!来|草|诉|见|飞|步|源|点|伏|码)")
BEFORE = re.compile(r"以前|之前")
BARE_YEAR = re.compile(r"(?:19|20)\d\d(?![\d年.])")
NOW_WORDS = ("今天", "今日", "现在", "目前", "此刻", "如今", "当下")
STANDALONE = {"window", "delta", "now"}
SAFE_TERMS = {"立春", "春分", "清明", "立夏", "芒种", "夏至", "立秋", "秋分", "立冬", "冬至", "小寒", "大寒"}
CLOCK_AFTER = re.compile(r"钟|整|许|左右|多(?!个|种|项|家|名|位|次|条|倍|万|亿)")  # "十点多", "三点钟"
RANGE_NEXT = re.compile(r"\s?(?:至|到|-|~|—)\s?[零〇一二三四五六七八九十两\d]{1,3}\s?(?:点|时)")
ALONE_CN_HOUR = re.compile(r"[一两二三四五六七八九十]")


@dataclass(slots=True)
class Atom:
    kind: str
    start: int
    end: int
    m: re.Match[str]


def _scan(norm: str, lunar: bool = True) -> list[Atom]:
    atoms: list[Atom] = []
    for m in SCAN.finditer(norm):
        kind = (m.lastgroup or "K_")[2:]
        if kind == "md" and not _md_ok(m, norm):
            continue
        if kind == "msec" and m.group("msm") == m.group("mss"):
            continue  # "50:50" is a ratio
        if kind == "lunarmd" and not lunar and not _lunar_only(m):
            kind = "cnmd"  # "四月十三" on the Gregorian calendar
        atoms.append(Atom(kind, m.start(), m.end(), m))
    return atoms


def _lunar_only(m: re.Match[str]) -> bool:
    """正月, 腊月, 闰四月, 初十, 廿三 exist only on the lunar calendar."""
    return m.group("lmon")[0] in "正腊冬闰" or m.group("lday")[0] in "初廿"


def _md_ok(m: re.Match[str], norm: str) -> bool:
    """"09-01", "11/3号", "6·30" are dates; "1-2" (a score) and "3/4" (a fraction) are not."""
    after = m.group("ddu") or ""
    return (len(m.group("dm")) == 2 and len(m.group("dd")) == 2) or after in ("号", "日") or m.group("dsep") == "·"


def _groups(atoms: list[Atom], norm: str) -> list[list[Atom]]:
    groups: list[list[Atom]] = []
    cur: list[Atom] = []
    hi = -9.0
    for a in atoms:
        word = a.m.group()
        glued = bool(cur) and GLUE.fullmatch(norm, cur[-1].end, a.start) is not None
        if glued and a.kind == "daypart" and word in ("许", "整"):
            cur.append(a)
            continue
        if glued and a.kind == "lunarpre":
            cur.append(a)  # "1991年农历8月23号": 农历 changes how the rest reads, not the ladder
            continue
        if glued and a.kind == "week" and cur[-1].kind in ("day", "md", "numdt"):
            cur.append(a)  # "6月1日周六": the weekday is redundant
            continue
        lo = _rank(a)[0]
        if glued and a.kind not in STANDALONE and cur[-1].kind not in STANDALONE and lo > hi:
            cur.append(a)
            hi = _rank(a)[1]
            continue
        if cur:
            groups.append(cur)
        cur, hi = [], -9.0
        if a.kind == "daypart" and word in ATTACH_ONLY:
            continue
        cur = [a]
        hi = -9.0 if a.kind == "lunarpre" else _rank(a)[1]
    if cur:
        groups.append(cur)
    return [g for g in groups if _plausible(g)]


def _filled(st: State, bias: str) -> bool:
    """The year was filled in by past bias (no year written, nothing relative)."""
    return bias == "past" and not (st.explicit_year or st.relative or st.time_only)


def _is_now(group: list[Atom]) -> bool:
    """"到今天" / "到现在" as the end of a range: up to the base time itself."""
    return len(group) == 1 and group[0].m.group() in NOW_WORDS


def _rank(a: Atom) -> tuple[float, float]:
    if a.kind == "approxhour":
        return 4.0, 4.0
    if a.kind == "nrange":
        unit = a.m.group("ru")
        r = 2.0 if unit in ("日", "号") else (1.0 if unit.startswith("月") else 4.0)
        return r, r
    return RANK.get(a.kind, (99.0, 99.0))


def _plausible(group: list[Atom]) -> bool:
    """A lone Chinese-numeral clock ("两点", "三时") is more often a count than a time."""
    first = group[0]
    if len(group) == 1 and first.kind == "lunarpre":
        return False
    if len(group) == 1 and first.kind == "term" and first.m.group("st") not in SAFE_TERMS:
        return False  # "大雪", "雨水", "小满" alone are weather and words, not dates
    if first.kind == "day" and not first.m.group("dv").isdigit():
        # "一号文件", "嫦娥六号", "有一日", "扬州十日记": a Chinese-numeral day without its month
        # is a name or a count, unless it ends a range ("十二月九号到十五号")
        return first.m.string[max(0, first.start - 1): first.start] in ("至", "到", "-", "~", "—")  # "一号文件", "嫦娥六号": a Chinese-numeral 号 without its month is a name
    if first.kind == "md" and first.m.group("dsep") == "·":
        return first.m.string[first.start - 1: first.start] not in ("“", '"', "「")  # "“7·26”讲话"
    if len(group) == 1 and group[0].kind == "hm":
        m = group[0].m
        return not (ALONE_CN_HOUR.fullmatch(m.group("hv")) and not (m.group("mi") or m.group("half") or m.group("qt"))
                    and not CLOCK_AFTER.match(m.string, m.end())
                    and m.string[max(0, m.start() - 1): m.start()] not in ("至", "到", "-", "~", "—")  # "三点到五点"
                    and not RANGE_NEXT.match(m.string, m.end()))
    return True


def _resolve(group: list[Atom], base: datetime | None, anchor: datetime | None, bias: str,
             inherit: State | None = None, nrange_side: int = 0) -> tuple[State, tuple[datetime, datetime | None, str]]:
    st = State()
    if inherit is not None:
        st.year, st.month, st.day = inherit.year, inherit.month, inherit.day
        if anchor is not None and inherit.day is None and inherit.months is None and inherit.days is None:
            # the left side was a weekday, holiday or lunar date: inherit its resolved day
            st.year, st.month, st.day = anchor.year, anchor.month, anchor.day
        st.explicit_year, st.relative, st.daypart = inherit.explicit_year, inherit.relative, inherit.daypart
        top = _rank(group[0])[0]
        if top <= 0:
            st.year = None
        if top <= 1:
            st.month = None
        if top <= 2:
            st.day = None
        if top <= 2.5:
            st.daypart = None
        if inherit.weekday is not None and group[0].kind == "week" and not group[0].m.group("wp"):
            st.week_offset = inherit.weekday[0]  # "下周一至周三", "周一到周五": the left side's week
            if anchor is not None and base is not None:
                st.week_offset = (anchor.date() - base.date() + timedelta(days=base.weekday())).days // 7
    anchor_d = anchor.date() if anchor else None
    for a in group:
        if a.kind in ("nrange", "approxhour"):
            _read_nrange(st, a.m, nrange_side)
        else:
            read_atom(st, a.kind, a.m, base, anchor_d)
    return st, finish(st, base, bias, CST)


def _hour_instant(a: Atom) -> bool:
    """"9点至11点" ends at 11:00; "七八点" (seven or eight) runs through 8:59."""
    m = a.m
    return a.kind == "nrange" and m.group("ru")[0] in "点时" and not m.group("rbm") and not m.group("rbh")


def _read_nrange(st: State, m: re.Match[str], side: int) -> None:
    if m.group("ah"):
        st.hour = cn_int(m.group("ah")[side])
        st.hour_only_clock = True
        return
    value = cn_int(m.group("rb") if side else m.group("ra"))
    if value is None:
        raise Unresolvable
    unit = m.group("ru")
    if unit in ("日", "号"):
        st.day = value
    elif unit.startswith("月"):
        st.month = value
    else:
        st.hour = value
        if side and m.group("rbm"):
            st.minute = int(m.group("rbm"))
        elif side and m.group("rbh"):
            st.minute = 30
        st.hour_only_clock = st.minute is None


def _kind(st: State) -> str:
    if st.relative:
        return "relative"
    return "absolute" if st.explicit_year else "partial"


def parse_times(text: str, base: datetime | None = None, *, bias: str = "past",
                base_precision: str = "second", lunar: bool = True) -> list[TimeMatch]:
    """Every time expression in ``text``, resolved against ``base`` (aware; naive = +08:00).

    ``bias``: ``"past"`` (news: an expression without its year/week is the most recent one not
    after ``base``), ``"none"`` (fill from ``base`` as is) or ``"future"``.
    ``base_precision``: how much of ``base`` is known (a publish day: ``"day"``); spans that run
    "up to now" (以来, 近三个月, 到现在) end at the end of that unit.
    ``lunar``: a month and day in Chinese numerals without 日/号 ("八月十五", "四月十三") is a lunar
    date, as in festival and almanac usage; ``False`` reads it on the Gregorian calendar (forms
    that exist only on the lunar calendar, 正月/腊月/初十/廿三, stay lunar).
    """
    if base is not None and base.tzinfo is None:
        base = base.replace(tzinfo=CST)
    norm = normalize(text)
    atoms = _scan(norm, lunar)
    # past bias measures against the latest instant the base may be: a base known only to the
    # year 2021 makes "6月上旬" 2021's, not 2020's (same day for relative words when known to the day)
    cal_base = end_of(base, base_precision) if base is not None and bias == "past" else base
    out: list[TimeMatch] = []
    anchor: datetime | None = None
    groups = _groups(atoms, norm)
    i = 0
    while i < len(groups):
        g = groups[i]
        i += 1
        if EVERY.search(norm, max(0, g[0].start - 4), g[0].start):
            continue  # "每周三", "每年9月": recurring, not a date (see periods.py)
        if g[0].kind in STANDALONE:
            tm = relative(g[0].m, g[0].start, g[0].end, g[0].kind, text, base, base_precision)
            if tm is not None and i < len(groups) and (timed := _time_of_day(tm, groups[i], norm, text, base)):
                tm, i = timed, i + 1  # "3天后的晚上8点", "两天前的上午"
            if tm is not None:
                out.append(tm)
            continue
        open_: str | None = None
        try:
            has_nrange = any(a.kind in ("nrange", "approxhour") for a in g)
            st, (start, end, precision) = _resolve(g, cal_base, anchor, bias)
            s, e = g[0].start, g[-1].end
            if has_nrange:
                _, (b_start, b_end, b_prec) = _resolve(g, cal_base, anchor, bias, nrange_side=1)
                end = _range_end(b_start, b_end, b_prec, _hour_instant(g[-1]))
                if end < start:  # "23点至1点" crosses midnight; "19-12日" is no range
                    end = end + timedelta(days=1) if precision in ("hour", "minute") else None
            elif i < len(groups) and CONNECTOR.fullmatch(norm, e, groups[i][0].start):
                nxt = groups[i]
                if _is_now(nxt) and base is not None and base >= start:  # "去年到现在", "从上个月到今天"
                    end, e = end_of(base, base_precision), nxt[-1].end
                    i += 1
                elif nxt[0].kind not in STANDALONE:
                    try:
                        st2, (b_start, b_end, b_prec) = _resolve(nxt, cal_base, start, bias, inherit=st)
                        if b_start < start <= b_start + timedelta(days=1) and b_prec in ("hour", "minute", "second"):
                            b_start += timedelta(days=1)  # "晚上11点至1点": past midnight
                            b_end = b_end + timedelta(days=1) if b_end else None
                        if b_start >= start:
                            end = _range_end(b_start, b_end, b_prec, st2.hour_only_clock)
                            e = nxt[-1].end
                            i += 1
                    except Unresolvable:
                        pass
            elif (precision == "day" and end is None and g[-1].kind in ("day", "md", "numdt", "compact")
                  and (n_list := _day_list(norm, e, groups, i, start))):
                i, e, end = n_list  # "9月10号、11号、12号": the days of a list, first to last
            elif (conn := CONNECTOR.match(norm, e)) and (year := BARE_YEAR.match(norm, conn.end())):
                last = datetime(int(year.group()), 12, 31, 23, 59, 59, tzinfo=start.tzinfo)
                if last > start:  # "2008.03-2009"
                    end, e = last, year.end()
            if end is None and base is not None and (since := SINCE.match(norm, e)) and start <= base:
                end, e = end_of(base, base_precision), since.end()
            elif base is not None and (before := DEADLINE.match(norm, e)) and (start > base or _filled(st, bias)):
                if start <= base:  # "8月初前": a deadline reads forward, whatever the bias
                    _, (start, end, precision) = _resolve(g, base, anchor, "none")
                if start > base:
                    start, end, e = base, end or end_of(start, precision), before.end()  # "2025年前", "年底前"
            elif (after := AFTER.match(norm, e)) and (after.group() != "起" or base is None or start > base):
                open_ = "after"  # "今晚八点以后", "第三天起"
                end, e = None, after.end()
            elif before_ := BEFORE.match(norm, e):
                open_, e = "before", before_.end()  # "2010年以前"
            if bias == "future" and st.time_only and base is not None and start < base:
                start, end = start + timedelta(days=1), end + timedelta(days=1) if end else None
        except (Unresolvable, ValueError, OverflowError):
            continue
        if any(a.m.group() in ANCHORED_WORDS for a in g) or precision in ("day", "hour", "minute", "second"):
            anchor = start
        if norm[s:e].count("（") + norm[s:e].count("(") > norm[s:e].count("）") + norm[s:e].count(")") \
                and norm[e : e + 1] in ("）", ")"):
            e += 1  # "11月6日（星期一）": the bracket the weekday opened closes in the match
        out.append(TimeMatch(text[s:e], (s, e), start, end, precision, _kind(st), open_))
    # a span that ends before it starts ("后0年": zero years on) names no time at all
    return [tm for tm in out if tm.end is None or tm.end >= tm.start]


def _time_of_day(tm: TimeMatch, nxt: list[Atom], norm: str, text: str, base: datetime | None) -> TimeMatch | None:
    """A day offset followed by a time of day ("三天后的晚上8点") is that time on that day."""
    if tm.precision != "day" or tm.end is not None or tm.open is not None or nxt[0].kind not in ("daypart", "hm", "clock"):
        return None
    if GLUE.fullmatch(norm, tm.span[1], nxt[0].start) is None:
        return None
    day = State(year=tm.start.year, month=tm.start.month, day=tm.start.day, relative=True)
    try:
        _, (start, end, precision) = _resolve(nxt, base, None, "none", inherit=day)
    except (Unresolvable, ValueError, OverflowError):
        return None
    s, e = tm.span[0], nxt[-1].end
    return TimeMatch(text[s:e], (s, e), start, end, precision, "relative")


LIST_SEP = re.compile(r"\s?(?:[，,、和及与]|以及)\s?")


def _day_list(norm: str, e: int, groups: list[list[Atom]], i: int, start: datetime) -> tuple[int, int, datetime] | None:
    """Days listed after a date in the same month ("10号，11号，12号"): the next group index, the
    list's end offset and its last day's end; None when no listed day follows."""
    found: tuple[int, int, datetime] | None = None
    last = start
    while i < len(groups) and len(groups[i]) == 1 and groups[i][0].kind == "day" and LIST_SEP.fullmatch(norm, e, groups[i][0].start):
        day = cn_int(groups[i][0].m.group("dv"))
        if day is None or day <= last.day:
            break
        try:
            last = last.replace(day=day)
        except ValueError:
            break
        e = groups[i][0].end
        i += 1
        found = (i, e, end_of(last, "day"))
    return found


def _range_end(start: datetime, end: datetime | None, precision: str, hour_instant: bool) -> datetime:
    """The inclusive end of a range's right side; "3点至8点" ends at 8:00, not 8:59:59."""
    if end is not None:
        return end
    if hour_instant and precision == "hour":
        return start
    return end_of(start, precision)


