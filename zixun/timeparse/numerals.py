"""Chinese numerals and the one-to-one character normalisation the time parser matches on.

Why a length-preserving table: every match must report a span into the *original* text
(the article keeps its full-width punctuation and traditional characters, STYLE 13), so
normalisation maps one character to exactly one character and offsets stay valid.
"""

from __future__ import annotations

_PAIRS = {
    # full-width digits, letters and the punctuation dates use
    **{chr(0xFF10 + i): str(i) for i in range(10)},
    **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
    **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
    "：": ":", "－": "-", "／": "/", "．": ".", "～": "~", "　": " ", "＋": "+",
    "〜": "~", "‐": "-", "‑": "-", "–": "-", "﹣": "-", "∶": ":",
    # traditional → simplified for the characters time expressions use
    "時": "时", "點": "点", "週": "周", "號": "号", "後": "后", "來": "来", "兩": "两",
    "個": "个", "鐘": "钟", "歷": "历", "曆": "历", "閏": "闰", "臘": "腊", "節": "节",
    "國": "国", "慶": "庆", "數": "数", "幾": "几", "礼": "礼", "禮": "礼", "內": "内",
    "間": "间", "當": "当", "這": "这", "晝": "昼", "夜": "夜", "漢": "汉", "傍": "傍",
    "紀": "纪", "頭": "头", "農": "农", "陰": "阴", "陽": "阳", "誕": "诞", "勞": "劳",
    "動": "动", "兒": "儿", "師": "师", "軍": "军", "婦": "妇", "聖": "圣", "將": "将",
    "於": "于", "為": "为", "起": "起", "從": "从", "開": "开", "始": "始", "餘": "余",
    "長": "长", "黃": "黄", "學": "学", "級": "级", "讀": "读", "屆": "届", "親": "亲", "終": "终", "淩": "凌",
    "舊": "旧", "僅": "仅", "裡": "里", "裏": "里", "準": "准", "刻": "刻", "現": "现",
    "們": "们", "過": "过", "隔": "隔", "連": "连", "萬": "万", "億": "亿",
    "旬": "旬", "夠": "够", "歲": "岁", "钟": "钟", "壹": "一",
    "貳": "二", "參": "三", "肆": "四", "伍": "五", "陸": "六", "柒": "七", "捌": "八",
    "種": "种", "倆": "俩", "載": "载", "許": "许", "穀": "谷", "驚": "惊", "蟄": "蛰", "處": "处", "滿": "满",
    "龍": "龙", "樹": "树", "黨": "党", "議": "议", "見": "见", "識": "识", "體": "体", "會": "会", "舉": "举",
    "則": "则", "經": "经", "驗": "验", "張": "张", "務": "务", "標": "标", "語": "语", "產": "产", "機": "机",
    "線": "线", "樓": "楼", "碼": "码", "選": "选", "臺": "台", "門": "门", "館": "馆", "廳": "厅", "車": "车",
    "艦": "舰", "倉": "仓", "庫": "库", "牀": "床", "風": "风", "運": "运", "裝": "装", "計": "计", "劃": "划",
    "預": "预", "擬": "拟", "爭": "争", "實": "实", "續": "续", "檔": "档", "宮": "宫", "華": "华", "頓": "顿",
    "紐": "纽", "約": "约", "羅": "罗", "歐": "欧", "魯": "鲁", "爾": "尔", "倫": "伦", "蘭": "兰", "奧": "奥",
    "烏": "乌", "聯": "联", "亞": "亚", "敘": "叙", "釣": "钓", "魚": "鱼", "閣": "阁", "暫": "暂", "曉": "晓",
    "際": "际", "區": "区", "貼": "贴", "規": "规", "畫": "画", "儲": "储", "銀": "银", "組": "组", "織": "织",
    "玖": "九", "拾": "十", "〇": "〇", "○": "〇", "Ｏ": "〇", "零": "零",
}
_TABLE = str.maketrans(_PAIRS)

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "仨": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}


def normalize(text: str) -> str:
    """Map full-width and traditional characters to the forms the patterns use, same length."""
    return text.translate(_TABLE)


def cn_int(s: str) -> int | None:
    """Value of an Arabic or Chinese numeral: "12", "十二", "二十三", "廿一", "一百零五", "二〇二三".

    A run of bare digits without units (二〇二三, 九零) is read digit by digit, the way
    years are written. Returns None when ``s`` is not a numeral.
    """
    if not s:
        return None
    if s.isascii():
        return int(s) if s.isdigit() else None
    if s[0] == "廿":
        rest = cn_int(s[1:]) if len(s) > 1 else 0
        return None if rest is None else 20 + rest
    if s[0] == "卅":
        rest = cn_int(s[1:]) if len(s) > 1 else 0
        return None if rest is None else 30 + rest
    if all(c in CN_DIGITS for c in s):
        if len(s) == 1:
            return CN_DIGITS[s]
        return int("".join(str(CN_DIGITS[c]) for c in s))
    total, current = 0, 0
    for c in s:
        if c in CN_DIGITS:
            current = CN_DIGITS[c]
        elif c in CN_UNITS:
            unit = CN_UNITS[c]
            if unit == 10000:
                total = (total + current) * unit
            else:
                total += (current or 1) * unit
            current = 0
        elif c.isdigit():
            current = current * 10 + int(c)
        else:
            return None
    return total + current


def expand_year(value: int, digits: int, base_year: int | None) -> int:
    """Two-digit years: "15年" is 2015, "98年" 1998; the century that is not far in the future."""
    if digits > 2:
        return value
    ref = base_year if base_year is not None else 2030
    year = 2000 + value
    if year > ref + 10:
        year -= 100
    return year
