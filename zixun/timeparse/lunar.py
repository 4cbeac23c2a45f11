"""The Chinese lunar calendar 1900–2100: lunar dates, leap months, lunar holidays, solar terms.

Why a table: lunar months follow astronomical new moons, so there is no closed formula; every
converter ships a table. Ours holds, per lunar year from 1900: the Gregorian date of 春节 (MMDD),
the leap month (hex, 0 = none) and the month lengths as a bit mask (1 = 30 days, leap month in
place). It was decoded from the widely published 1900–2100 table (as shipped in JioNLP, Apache-2.0)
and checked for consistency: every year's months add up to the next 春节.

Solar terms use the published "寿星" formula [Y×D+C]−L with the 20th/21st-century constants.
"""

from __future__ import annotations

from datetime import date, timedelta

_TABLE = """
    01318096d 0219004ae 020800a57 012950a4d 021600d26 020400d95 012540d55 02130056a 0202009ad 01222095d
    0210004ae 01306149b 021800a4d 020600d25 012651aa5 021400b54 020300d6a 0123212da 02110095b 020170937
    022000497 020800a4b 01285164b 0216006a5 0205006d4 0124415b5 0213002b6 020200957 01232092f 021000497
    013060c96 021700d4a 020600ea5 012650da9 0214005ad 0204002b6 01243126e 02110092e 01317192d 021900c95
    020800d4a 012761b4a 021500b55 02050056a 01254155b 02130025d 02020092d 01222192b 021000a95 012971695
    0217006ca 020600b55 012750ab5 0214004da 020300a5b 012430a57 02120052b 01318152a 021800e95 0208006aa
    0128615aa 021500ab5 0205004b6 0125414ae 021300a57 020200526 012131d26 020900d95 013070b55 02170056a
    02060096d 01275095d 0215004ad 020300a4d 012341a4d 021100d25 013181aa5 021800b54 020700b6a 0128612da
    02160095b 02050049b 012541497 021300a4b 0202a164b 0220006a5 0209006d4 0129615b4 021700ab6 020600957
    01275092f 021500497 02040064b 012330d4a 021000ea5 013180d65 0219005ac 020700ab6 01285126d 02160092e
    020500c96 012441a95 021200d4a 020100da5 012220b55 02090056a 01297155b 02180025d 02070092d 01265192b
    021400a95 020300b4a 0123416aa 021000ad5 013190ab5 0219004ba 020800a5b 012860a57 02160052b 020500a93
    012540e95 0212006aa 020100ad5 0122209b5 0210004b6 0129614ae 021700a4e 020600d26 012651d26 021300d53
    0203005aa 012330d6a 02110096d 0131b095d 0219004ad 020800a4d 012861a4b 021500d25 020400d52 012451b54
    021200b5a 02010056d 01222095b 02100049b 013071497 021700a4b 020600aa5 0126516a5 0214006d2 020200ada
    012330ab6 021100937 02018092f 021900497 02080064b 012860d4a 021500ea5 0204006aa 01244156c 021200aae
    02020092e 01213192e 020900c96 012971a95 021700d4a 020500da5 012650b55 02140056a 020300a6d 012340a5d
    02110052d 01318152b 021900a95 020700b4a 0127616aa 021500ad5 02050055a 0124414ba 021200a5b 02020052b
    012231527 020900693 012970e53 0217006aa 020600ad5 0126509b5 0214004b6 020300a57 012440a4e 021000d16
    013081d26 021800d52 020700daa 012760d6a 02150056d 0205004ae 01254149d 021200a2d 020100d15 012121b25
    020900d52
""".split()

FIRST_YEAR = 1900
LAST_YEAR = FIRST_YEAR + len(_TABLE) - 1


def _year(lunar_year: int) -> tuple[date, int, list[int]]:
    """(春节, leap month or 0, month lengths in order, leap month in place)."""
    if not FIRST_YEAR <= lunar_year <= LAST_YEAR:
        raise ValueError(f"lunar year {lunar_year} is outside {FIRST_YEAR}..{LAST_YEAR}")
    row = _TABLE[lunar_year - FIRST_YEAR]
    new_year = date(lunar_year, int(row[:2]), int(row[2:4]))
    leap = int(row[4], 16)
    count = 13 if leap else 12
    mask = int(row[5:9], 16)
    lengths = [30 if mask & (1 << (count - 1 - k)) else 29 for k in range(count)]
    return new_year, leap, lengths


def month_span(lunar_year: int, month: int, leap: bool = False) -> tuple[date, date]:
    """First and last Gregorian day of a lunar month (``leap``: the 闰 month after ``month``)."""
    new_year, leap_month, lengths = _year(lunar_year)
    if leap and leap_month != month:
        raise ValueError(f"lunar year {lunar_year} has no leap month {month}")
    index = month - 1 + (1 if leap_month and (month > leap_month or (month == leap_month and leap)) else 0)
    first = new_year + timedelta(days=sum(lengths[:index]))
    return first, first + timedelta(days=lengths[index] - 1)


def to_solar(lunar_year: int, month: int, day: int, leap: bool = False) -> date:
    """The Gregorian date of a lunar date; day 30 of a 29-day month is an error."""
    first, last = month_span(lunar_year, month, leap)
    solar = first + timedelta(days=day - 1)
    if solar > last:
        raise ValueError(f"lunar {lunar_year}-{month} has no day {day}")
    return solar


def from_solar(day: date) -> tuple[int, int, int, bool]:
    """The lunar (year, month, day, leap) of a Gregorian date (1900-01-31 … 2100)."""
    year = day.year if day >= _year(min(day.year, LAST_YEAR))[0] else day.year - 1
    new_year, leap_month, lengths = _year(year)
    offset = (day - new_year).days
    for index, length in enumerate(lengths):
        if offset < length:
            leap = bool(leap_month) and index == leap_month
            month = index + 1 - (1 if leap_month and index >= leap_month else 0)
            return year, month, offset + 1, leap
        offset -= length
    raise ValueError(f"{day} is outside the lunar table")


# lunar holidays: (month, day); day 0 = the last day of the month (除夕)
LUNAR_HOLIDAY = {
    "春节": (1, 1), "元宵": (1, 15), "元宵节": (1, 15), "龙抬头": (2, 2), "端午": (5, 5), "端午节": (5, 5),
    "七夕": (7, 7), "七夕节": (7, 7), "中元": (7, 15), "中元节": (7, 15), "中秋": (8, 15), "中秋节": (8, 15),
    "重阳": (9, 9), "重阳节": (9, 9), "腊八": (12, 8), "腊八节": (12, 8), "小年": (12, 23),
    "除夕": (12, 0), "大年三十": (12, 0),
}


def holiday(name: str, lunar_year: int) -> date:
    month, day = LUNAR_HOLIDAY[name]
    if day == 0:
        return month_span(lunar_year, month)[1]
    return to_solar(lunar_year, month, day)


TERMS = ("小寒", "大寒", "立春", "雨水", "惊蛰", "春分", "清明", "谷雨", "立夏", "小满", "芒种", "夏至",
         "小暑", "大暑", "立秋", "处暑", "白露", "秋分", "寒露", "霜降", "立冬", "小雪", "大雪", "冬至")
_C20 = (6.11, 20.84, 4.6295, 19.4599, 6.3826, 21.4155, 5.59, 20.888, 6.318, 21.86, 6.5, 22.2,
        7.928, 23.65, 8.35, 23.95, 8.44, 23.822, 9.098, 24.218, 8.218, 23.08, 7.9, 22.6)
_C21 = (5.4055, 20.12, 3.87, 18.73, 5.63, 20.646, 4.81, 20.1, 5.52, 21.04, 5.678, 21.37,
        7.108, 22.83, 7.5, 23.13, 7.646, 23.042, 8.318, 23.438, 7.438, 22.36, 7.18, 21.94)
# the published exceptions to the formula: (term, year) → days to add
_EXCEPTIONS = {
    ("小寒", 2019): -1, ("小寒", 1982): 1, ("大寒", 2082): 1, ("雨水", 2026): -1, ("春分", 2084): 1,
    ("立夏", 1911): 1, ("小满", 2008): 1, ("芒种", 1902): 1, ("小暑", 2016): 1, ("小暑", 1925): 1,
    ("大暑", 1922): 1, ("立秋", 2002): 1, ("白露", 1927): 1, ("霜降", 2089): 1, ("立冬", 2089): 1,
    ("大雪", 1954): 1, ("冬至", 2021): -1, ("冬至", 1918): -1,
}


def solar_term(name: str, year: int) -> date:
    """The Gregorian day of a solar term in ``year`` (1901–2099)."""
    index = TERMS.index(name)
    constants = _C20 if year // 100 == 19 or year == 2000 else _C21
    y = year % 100
    leap_correction = (y - 1) // 4 if index < 4 else y // 4
    day = int(y * 0.2422 + constants[index]) - leap_correction
    day += _EXCEPTIONS.get((name, year), 0)
    return date(year, index // 2 + 1, day)
