"""Word tables: relative words, day parts, holidays, year/month parts.

Why tables, not rules: these are closed word lists of Chinese news; a table is what a reviewer can
check against usage. Offsets are in the word's own unit; ``anchor`` words (当天, 次日, 同年) count
from the last date the text itself mentioned, not from the base time — "11月6日…当天" is 11月6日.
"""

from __future__ import annotations

# word: (offset in days, anchored to the text's last date?, day part or None)
REL_DAY: dict[str, tuple[int, bool, str | None]] = {
    "大大前天": (-4, False, None), "大前天": (-3, False, None), "前天": (-2, False, None),
    "昨天": (-1, False, None), "昨日": (-1, False, None), "昨晨": (-1, False, "清晨"),
    "昨早": (-1, False, "早上"), "昨晚": (-1, False, "晚上"), "昨夜": (-1, False, "晚上"),
    "今天": (0, False, None), "今日": (0, False, None), "即日": (0, False, None), "本日": (0, False, None),
    "今晨": (0, False, "清晨"), "今早": (0, False, "早上"), "今晚": (0, False, "晚上"),
    "今夜": (0, False, "晚上"), "明天": (1, False, None), "明日": (1, False, None),
    "明晚": (1, False, "晚上"), "明早": (1, False, "早上"), "明晨": (1, False, "清晨"),
    "后天": (2, False, None), "大后天": (3, False, None), "大大后天": (4, False, None),
    "当天": (0, True, None), "当日": (0, True, None), "同日": (0, True, None),
    "同一天": (0, True, None), "当晚": (0, True, "晚上"), "当夜": (0, True, "晚上"),
    "次日": (1, True, None), "翌日": (1, True, None), "第二天": (1, True, None),
    "隔天": (1, True, None), "后一天": (1, True, None), "前一天": (-1, True, None),
    "前一日": (-1, True, None), "今明两天": (0, False, None),
}

REL_YEAR: dict[str, tuple[int, bool]] = {
    "大前年": (-3, False), "前年": (-2, False), "去年": (-1, False), "上年": (-1, False),
    "上一年": (-1, False), "上年度": (-1, False), "今年": (0, False), "本年": (0, False),
    "本年度": (0, False), "这一年": (0, False), "这年": (0, False), "明年": (1, False),
    "来年": (1, False), "下一年": (1, False), "后年": (2, False), "大后年": (3, False),
    "当年": (0, True), "同年": (0, True), "次年": (1, True), "翌年": (1, True),
    "今明两年": (0, False),
}

REL_MONTH: dict[str, tuple[int, bool]] = {
    "上上月": (-2, False), "上上个月": (-2, False), "上月": (-1, False), "上个月": (-1, False),
    "上一个月": (-1, False), "前一个月": (-1, False), "本月": (0, False), "这月": (0, False),
    "这个月": (0, False), "当月": (0, True), "同月": (0, True), "下月": (1, False),
    "下个月": (1, False), "下一个月": (1, False), "次月": (1, True), "下下月": (2, False),
    "下下个月": (2, False),
}

# day part: (first hour, last hour, how a bare clock hour is read: "pm" adds 12 below 12)
DAY_PART: dict[str, tuple[int, int, str]] = {
    "凌晨": (0, 5, "am"), "黎明": (4, 6, "am"), "清晨": (6, 9, "am"), "早晨": (6, 9, "am"),
    "早上": (6, 9, "am"), "早": (6, 9, "am"), "上午": (7, 11, "am"), "中午": (12, 13, "noon"), "正午": (12, 12, "noon"),
    "午后": (13, 14, "pm"), "下午": (13, 17, "pm"), "傍晚": (17, 18, "pm"), "晚上": (18, 23, "pm"),
    "晚间": (18, 23, "pm"), "晚": (18, 23, "pm"), "夜里": (20, 23, "night"), "夜间": (20, 23, "night"),
    "夜": (20, 23, "night"), "深夜": (23, 23, "night"), "半夜": (0, 0, "night"), "午夜": (0, 0, "night"),
    "后半夜": (2, 4, "am"), "前半夜": (20, 23, "night"), "下半夜": (2, 4, "am"), "上半夜": (20, 23, "night"),
    "黄昏": (17, 18, "pm"), "夜晚": (18, 23, "pm"), "早间": (6, 9, "am"), "午间": (12, 13, "noon"), "白天": (6, 18, "am"), "全天": (0, 23, "am"),
}

# fixed-date holidays (month, day); nth weekday ones (month, weekday 0=Mon, n)
HOLIDAY_FIXED: dict[str, tuple[int, int]] = {
    "元旦": (1, 1), "国庆": (10, 1), "国庆节": (10, 1), "劳动节": (5, 1), "妇女节": (3, 8),
    "儿童节": (6, 1), "建军节": (8, 1), "教师节": (9, 10), "圣诞节": (12, 25), "平安夜": (12, 24),
    "情人节": (2, 14), "愚人节": (4, 1), "植树节": (3, 12), "青年节": (5, 4), "建党节": (7, 1),
    "万圣节": (10, 31),
}
HOLIDAY_NTH: dict[str, tuple[int, int, int]] = {
    "感恩节": (11, 3, 4), "母亲节": (5, 6, 2), "父亲节": (6, 6, 3),
}

# parts of a year as (first month, last month); parts of a month as (first day, last day, 0 = end)
YEAR_PART: dict[str, tuple[int, int]] = {
    "上半年": (1, 6), "前半年": (1, 6), "下半年": (7, 12), "后半年": (7, 12), "年初": (1, 2),
    "伊始": (1, 1), "年底": (11, 12), "年末": (11, 12), "岁末": (12, 12), "年终": (12, 12),
    "年中": (6, 7), "年内": (1, 12), "暑假": (7, 8), "寒假": (1, 2), "初": (1, 2), "底": (11, 12), "末": (11, 12),
}
MONTH_PART: dict[str, tuple[int, int]] = {
    "上旬": (1, 10), "中旬": (11, 20), "下旬": (21, 0), "月初": (1, 5), "月底": (25, 0),
    "月末": (25, 0), "月中": (11, 20), "初": (1, 5), "底": (25, 0), "末": (25, 0),
}
DECADE_PART: dict[str, tuple[int, int]] = {
    "初": (0, 2), "初期": (0, 2), "前期": (0, 2), "中": (3, 6), "中期": (3, 6),
    "末": (7, 9), "末期": (7, 9), "后期": (7, 9),
}

WEEK_PREFIX = {"上上": -2, "上": -1, "上一": -1, "下下": 2, "下": 1, "下一": 1, "这": 0, "这一": 0,
               "本": 0, "今": 0, "当": 0, "同": 0}
WEEKDAY = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6,
           "1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6}

UNIT = {"工作日": "workday", "交易日": "workday", "年": "year", "个月": "month", "月": "month", "周": "week", "星期": "week", "礼拜": "week",
        "天": "day", "日": "day", "小时": "hour", "个钟头": "hour", "钟头": "hour", "分钟": "minute",
        "分": "minute", "秒钟": "second", "秒": "second", "季度": "quarter", "刻钟": "quarter-hour"}
