"""The one scanning regex: every atom of a Chinese time expression, as named alternatives.

Why one alternation of bounded atoms: the scan must stay linear on any input (a 200k-character
run of digits and 年月日 included). Every quantifier here is bounded ({1,4}) or over a single
character class with nothing after it that could re-consume the same characters, and no
quantified group contains another quantifier, so the engine tries a constant amount of work at
each position. Combining atoms into expressions (年+月+日+时) happens afterwards in plain
Python over the match list, which is linear too.

The patterns run on ``numerals.normalize(text)`` (half-width, simplified), same length as the text.
"""

from __future__ import annotations

import re

D1 = r"[零〇一二三四五六七八九]"  # one Chinese digit
CN = r"[零〇一二三四五六七八九十廿卅两]"
NUMB = r"(?<![\d零〇一二三四五六七八九十百千万两.])"  # no numeral right before
MDAY = r"(?:3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|廿[一二三四五六七八九]?|[一二三四五六七八九])"
MON = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
HOUR = r"(?:2[0-4]|[01]?\d|二十[一二三四]?|十[一二三四五六七八九]?|[零〇一二三四五六七八九两])"
MIN = r"(?:[0-5]?\d|[二三四五]?十[一二三四五六七八九]?|零?[一二三四五六七八九])"
LDAY = r"(?:初[一二三四五六七八九十]|初[1-9]|十[一二三四五六七八九]|二十[一二三四五六七八九]?|廿[一二三四五六七八九]|三十)"
DUNIT = r"(?:个月|月|周|星期|礼拜|天|日|小时|个钟头|钟头|分钟|分|秒钟|秒|季度|刻钟|年)"
DNUM = r"(?:\d{1,6}(?:\.\d{1,3})?|[零〇一二三四五六七八九十百千万两几数]{1,6}|半)"

ATOMS: list[tuple[str, str]] = [
    # 2023-11-06 14:30:00+08:00, 2022 11 23, 1994.01-19, 2018-12-1209:03
    ("numdt", r"(?<![\d.])(?P<ny>(?:1[89]|2\d)\d\d)(?:[-/.]|\s)\s?(?P<nm>1[0-2]|0?[1-9])[-/.\s]\s?(?P<nd>3[01]|[12]\d|0?[1-9])"
    r"(?:(?=\d{1,2}:\d)|(?!\d))(?:(?:[T\s-]|\s*日?\s*)(?P<nH>[01]?\d|2[0-3])[:](?P<nM>[0-5]\d)(?![\d])(?::(?P<nS>[0-5]\d)(?:\.\d{1,9})?)?"
    r"(?P<tz>Z|\s?[+-](?:0\d|1[0-4]):?[0-5]\d)?)?"),
    ("compact", r"(?<![\d.])(?P<cy>(?:19|20)\d\d)(?P<cm>0[1-9]|1[0-2])(?P<cd>0[1-9]|[12]\d|3[01])(?!\d)"),
    ("yyslash", r"(?<![\d./])(?P<sy>\d\d)/(?P<sm>1[0-2]|0?[1-9])/(?P<sd>3[01]|[12]\d|0?[1-9])(?![\d/])"),
    ("ym", r"(?<![\d./])(?P<my>(?:19|20)\d\d)[-/.](?P<mm>1[0-2]|0[1-9]|[1-9])(?![\d.%])"),
    # ranges written with one unit: 12-19日, 1-9月份, 9~12点半
    ("nrange", rf"{NUMB}(?P<ra>\d{{1,2}}|{CN}{{1,3}})\s?(?:-|~|—{{1,2}}|至|到)\s?(?P<rb>\d{{1,2}}|{CN}{{1,3}})\s?"
    r"(?P<ru>日|号|月份|月|点钟|点|时)(?:(?P<rbm>[0-5]?\d)分?|(?P<rbh>半))?"),
    ("md", r"(?<![\d./:-])(?P<dm>1[0-2]|0?[1-9])(?P<dsep>[-/·])(?P<dd>3[01]|[12]\d|0?[1-9])(?P<ddu>号|日)?(?![\d/:.%·-])"),
    ("clock", r"(?<![\d:])(?P<ch>2[0-4]|[01]?\d)[:](?P<cmi>[0-5]\d)(?::(?P<cs>[0-5]\d))?(?![\d:])"),
    ("cent", rf"{NUMB}(?P<centn>\d{{1,2}}|{CN}{{1,3}})世纪"),
    ("centr", r"(?P<centr>上|本|上个|本个)世纪"),
    ("decade", rf"{NUMB}(?P<decade>(?:19|20)?[1-9]0|[二三四五六七八九]十)年代(?P<decs>初期|中期|末期|前期|后期|初|中|末)?"),
    # lunar calendar: 农历八月十五, 腊月初十, 闰四月, 除夕, 大年初十; solar terms; seasons
    ("lunarpre", r"(?P<lp>农历|阴历)"),
    ("lunarmd", rf"(?P<lmon>闰?(?:正|腊|冬|{MON}))月(?P<lday>{LDAY})(?![日号\d零〇一二三四五六七八九十])"),
    ("lunarmon", r"(?P<lmon2>正|腊|冬|闰(?:十[一二]?|[一二三四五六七八九]|1[0-2]|[1-9]))月(?!份?\s?[\d日号])"),
    ("lunarhol", r"(?P<lhol>春节|元宵节?|除夕|大年三十|大年初(?P<lhd>[一二三四五六七八九十])|端午节?|七夕节?|中秋节?|重阳节?|腊八节?|龙抬头|中元节?)"),
    ("term", r"(?P<st>小寒|大寒|立春|雨水|惊蛰|春分|清明|谷雨|立夏|小满|芒种|夏至|小暑|大暑|立秋|处暑|白露|秋分|寒露|霜降|立冬|小雪|大雪|冬至)节?"),
    ("season", r"(?P<season>[春夏秋冬](?:季|天))|(?<=年)(?P<season1>[春夏秋冬])(?![节天季风雨雪运装播晚])"),
    ("year", rf"{NUMB}(?P<yv>\d{{4}}|{D1}{{4}}|(?:\d\d|{D1}{{2}})(?!\s?年(?:前|后)(?![一二三四五六七八九十两\d首])|\s?年(?:以|之|内|来|多|半|间|代)))\s?年"),
    ("relyear", r"(?P<ry>大前年|前年|去年|今年|明年|大后年|后年|本年度|本年|当年|同年|次年|翌年|上一年|这一年|下一年|上年度|上年|来年|今明两年|这年)"),
    ("month", rf"(?<![近前后第隔每个\d零〇一二三四五六七八九十])(?P<mv>{MON})\s?月份?(?:(?P<mvd>{MDAY})(?![\d零〇一二三四五六七八九十日号个年月天周点时分秒万千百%.\-]))?"),
    ("relmonth", r"(?P<rm>上上个?月|上个?月|下下个?月|下个?月|本月|这个?月|当月|同月|次月|前一个月|上一个月|下一个月)"),
    ("day", rf"(?<![近前后第隔每\d零〇一二三四五六七八九十])(?P<dv>{MDAY})\s?(?P<du>日|号)(?![元本语媒籍式系产企内机线楼院文令公位码选种台门口窗床馆厅车舰星堆井坑站病患店仓库])"),
    ("relday", r"(?P<rd>大大前天|大前天|前一天|前一日|前天|昨天|昨日|今天|今日|大大后天|大后天|后一天|明天|明日|后天|当天|当日|本日|"
    r"次日|翌日|同日|同一天|第二天|隔天|今晨|昨晨|今早|昨早|今晚|昨晚|明晚|明早|明晨|当晚|当夜|今夜|昨夜|今明两天)"),
    ("week", r"(?P<wp>上上|上一?|下下|下一?|这一?|本|今|当|同)?个?(?P<wu>周|星期|礼拜)(?:周|星期|礼拜)?(?P<wd>[一二三四五六日天末1-7])?"),
    ("quarter", r"(?P<q>(?:上|下|本|这|当)个?季度|(?:第|Q)?[一二三四1-4]季度|首季度|(?:前|后)[一二三两2-3]个?季度)(?P<qs>初|末)?"),
    ("halfyear", r"(?P<hy>上半年|下半年|前半年|后半年|年初|年底|年末|年中|年内|伊始|岁末|年终|暑假)"),
    ("monthpart", r"(?P<mp>上旬|中旬|下旬|月初|月底|月末|月中)"),
    ("holiday", r"(?P<hol>元旦|国庆节?|劳动节|妇女节|儿童节|建军节|教师节|圣诞节|平安夜|情人节|愚人节|植树节|青年节|建党节|万圣节|感恩节|母亲节|父亲节)"),
    ("hm", rf"(?<![\d零〇一二三四五六七八九十两个小])(?P<hv>{HOUR})\s?(?P<hu>点钟|点|时)(?:(?P<half>半)|(?P<qt>[一三13])刻|(?P<mi>{MIN})(?:分钟|分)?(?:(?P<se>{MIN})秒)?)?"),
    ("nthweek", rf"第(?P<nw>\d{{1,2}}|{CN}{{1,3}})个?(?:周|星期|礼拜)(?:周|星期)?(?P<nwd>[一二三四五六日天1-7])?"),
    ("monthsof", rf"(?P<mo_p>前|后|第|首)(?P<mo_n>\d{{1,2}}|{CN}{{1,3}})?个?月(?!份?\s?[\d日号])"),
    ("nthday", rf"第(?P<nd_n>\d{{1,3}}|{CN}{{1,3}})天"),
    ("window", rf"(?P<win>近|最近|过去的?|未来的?|今后|前|后)(?P<wn>{DNUM})个?(?P<wmore>多)?(?P<whalf>半)?(?P<wunit>{DUNIT})(?:内|里|以来|之内|以内)?"),
    ("delta", rf"(?P<dn>{DNUM})个?(?P<dmore>多)?(?P<dhalf>半)?(?P<dunit>{DUNIT})(?P<dhalf2>半)?(?P<dmore2>多)?(?P<dsuf>之前|以前|前|之后|以后|后|以内|之内|内|以来)"),
    ("daypart", r"(?P<dp>后半夜|前半夜|凌晨|清晨|早晨|早上|上午|中午|午后|下午|傍晚|晚上|晚间|夜里|夜间|深夜|半夜|午夜|黎明|白天|全天|早|晚|夜|初|底|末|许|整)"),
    ("now", r"(?P<now>现在|目前|此刻|当下|如今)"),
]

SCAN = re.compile("|".join(f"(?P<K_{name}>{pat})" for name, pat in ATOMS))

CONNECTOR = re.compile(r"(?:时|许|左右)?\s?(?:起?至|到|-|~|—{1,2}|－)\s?")
GLUE = re.compile(r"(?:\s{0,2}|的|\s?[(（][^)）]{1,4}[)）]\s?)")
