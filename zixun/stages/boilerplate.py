"""What is not article text on Chinese news pages: shared by extraction and cleaning.

Why by hand: these are Chinese-site conventions (责任编辑, 相关阅读, 上一篇, ICP licence
lines, 扫码下载APP…) that generic extractors were not built for.
"""

from __future__ import annotations

import re

# The site's own text (a disclaimer, a copyright notice, its pages and links): a line that
# starts with one of these is boilerplate however long it runs (see ``is_boilerplate_line``).
_SITE_OWN = (
    r"免责声明|免責聲明|声明|聲明|版权|版權|copyright|©|all rights reserved|"
    r"本文来自|本文來自|本文转载|本文轉載|转载请|轉載請|未经授权|未經授權|隐私政策|用户协议|关于我们|關於我們|联系我们|"
    r"增值电信|互联网新闻信息服务许可证|违法和不良信息举报|举报电话|举报邮箱|网站地图|广告服务|"
    r"标签|標籤|关键词|關鍵詞|tags?:|当前位置|當前位置|您的位置|"
    r"related (?:stories|articles|posts|news|content)|most read|most popular|more from|recommended|"
    r"you may also like|you might also like|read more|sign up|subscribe|newsletter|advertisement|"
    r"share this|follow us|leave a (?:comment|reply)"
)
_LABEL_START = r"^\s*[\[【（(]?\s*"
# A whole line that is boilerplate.
LINE = re.compile(
    _LABEL_START + "(" + _SITE_OWN + "|"
    r"责任编辑|責任編輯|编辑|編輯|审核|審核|校对|校對|监制|監製|值班编辑|本文编辑|实习编辑|主编|来源|來源|原标题|原標題|"
    r"相关阅读|相關閱讀|相关新闻|相關新聞|相关链接|相關鏈接|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|热门推荐|熱門推薦|"
    r"猜你喜欢|大家都在看|大家还在看|更多精彩|更多新闻|相关文章|上一篇|下一篇|上一頁|下一頁|返回首页|返回顶部|"
    r"分享到|分享至|打印|关闭窗口|關閉窗口|我要评论|發表評論|发表评论|网友评论|網友評論|评论|點擊|点击|扫码|掃碼|"
    r"长按|關注|关注我们|下载|"
    r"(京|沪|粤|浙|苏|鲁|川|鄂|湘|闽|豫|冀|辽|吉|黑|皖|赣|晋|陕|甘|青|琼|云|贵|桂|蒙|宁|新|藏|津|渝)ICP|ICP备|ICP证|"
    r"加载更多|查看更多|展开全文|阅读全文|阅读原文|阅读数|阅读 \d|字号|字體|文章来源|图片来源|圖片來源|"
    r"你的位置|您现在的位置|您當前的位置|所在位置|现在位置|"
    r"more stories|explore further|want more|\d+ comments?\b|"
    r"双击自动滚屏|雙擊自動滾屏|字体[:：]|字體[:：]|【字体|【字體|收藏本文|打印本文|关闭本页|關閉本頁"
    r")",
    re.I,
)

# Boilerplate anywhere in a short line.
ANYWHERE = re.compile(
    r"(版权所有|版權所有|ICP备|ICP证|ICP證|京公网安备|公网安备|All Rights Reserved|Copyright\s*©|"
    r"扫描二维码|掃描二維碼|下载客户端|下載客戶端|点击关注|點擊關注|关注公众号|關注公眾號|微信扫一扫|"
    r"分享到[:：]|分享至[:：]|上一篇[:：]|下一篇[:：]|責任編輯[:：]|责任编辑[:：]|"
    r"打开APP|打開APP|APP内打开|未经许可不得转载|未經許可不得轉載|未经授权不得转载)",
    re.I,
)

# Breadcrumb separators: "首页 > 新闻 > 国内", "首页>>CN>>会议".
_CRUMB = re.compile(r"\s?(?:>>|»|›|＞|→|\s>\s)\s?")

# class/id names of elements that hold no article text.
JUNK_ATTR = re.compile(
    r"(^|[\s_\-])(nav|navbar|menu|footer|foot|header-nav|breadcrumbs?|crumbs?|share|sharing|social|comment|comments|"
    r"cmt|reply|related|relate|recommend|recommendation|rec-list|hot-?news|hotlist|rank|sidebar|side|aside|"
    r"ad|ads|advert|advertisement|banner|sponsor|copyright|footer-info|toolbar|tool-bar|pagination|pager|"
    r"subscribe|qrcode|qr-code|login|search|download-app|app-download|tags?|keywords?|"
    r"caption|captions|credit|credits|image-credit|photo-credit|newsletter|signup|sign-up|promo|bio|author-bio|"
    r"disclosure|disclaimer)([\s_\-]|$)",
    re.I,
)

# The subset that never holds the story, however much text it has (a long comment thread can
# outweigh a short story; a "main-side" wrapper may hold it, so "side" is not here).
STRONG_JUNK_ATTR = re.compile(
    r"(^|[\s_\-])(comment|comments|cmt|reply|replies|related|recommend|recommendation|copyright|"
    r"footer|breadcrumbs?|advert|advertisement)([\s_\-]|$)",
    re.I,
)

NON_CONTENT_TAGS = (
    "script", "style", "noscript", "iframe", "form", "nav", "footer", "aside", "select", "button",
    "input", "textarea", "svg", "canvas", "object", "embed", "template", "link", "meta", "head",
)


SWALLOWED_CHARS = 120
# a story's own dateline inside a labelled line: the label swallowed the story
_DATELINE_IN = re.compile(r"[\u4e00-\u9fff]{2,8}(?:讯|訊|电|電)\s*(?:北京时间|北京時間)?\s*\d{1,2}月\d{1,2}日")
_SWALLOWS = re.compile(
    r"^\s*[\[【（(]?\s*(?:(?:原标题|原標題)[:：\s]|(?:相关新闻|相關新聞|相关阅读|相關閱讀)\s*[:：]"
    r"|[\u4e00-\u9fff]{0,4}(?:来源|來源)[\u4e00-\u9fff]{0,6}\s*[:：])"  # 来源微信公众号：
)
# labels whose long lines are the site's own text, never a story that swallowed its label
_LEGAL = re.compile(_LABEL_START + "(?:" + _SITE_OWN + ")", re.I)


def is_boilerplate_line(line: str) -> bool:
    """True for a whole line that a reader would not count as article text."""
    stripped = line.strip()
    if not stripped:
        return True
    if LINE.match(stripped) and (len(stripped) < 40 or re.match(r"^.{0,12}[:：]", stripped)):
        # …except 原标题：… or 来源：… that runs on for sentences: a flattened page whose first
        # paragraph swallowed the story; dropping it would lose the article
        ends, commas = len(re.findall(r"[。！？!?]", stripped)), len(re.findall(r"[，,]", stripped))
        swallowed = (_SWALLOWS.match(stripped) and (
            (len(stripped) >= SWALLOWED_CHARS and ends >= 2)
            # shorter, but written in sentences, which a list of links or a source line is not
            or (len(stripped) >= 60 and ends >= 1 and commas >= 2))
        ) or (len(stripped) >= 60 and ends >= 1 and _DATELINE_IN.search(stripped)  # 声明@…: 新浪娱乐讯 10月31日，…
              ) or (len(stripped) >= SWALLOWED_CHARS and ends >= 3 and not _LEGAL.match(stripped))  # 编辑老师：我是…
        if not swallowed:
            return True
    if len(stripped) < 80 and len(_CRUMB.findall(stripped)) >= 2:
        return True
    return len(stripped) < 160 and bool(ANYWHERE.search(stripped))


# What flattened page text (a crawl's text field, a copy from the browser) leaves inside a
# paragraph that is no word of the story: an ad loader's script, and a photo's caption with its
# credit ("…砸坏。 滴滴司机耳朵被咬后有部分缺失 当事人供图 “我们…"), its picture gone.
_SCRIPT = re.compile(r"\(\s*function\s*\(\)\s*\{.*?\}\s*\)\s*\(\s*\)\s*;?|document\.write\s*\(.*?\)\s*;", re.S)
_PHOTO_CREDIT = re.compile(
    r"(?:(?<=[。！？!?”])|^)\s*[^。！？!?\s“”]{2,40}\s+[\u4e00-\u9fff]{0,6}供图(?=\s|$)"  # caption + credit
    r"|\s*(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{0,6}供图(?=\s|$)"  # a credit alone
)


# Portals whose stories open with a "<portal><频道>讯" dateline (the byline stage reads it too)
PORTALS = r"新浪|腾讯|騰訊|网易|網易|搜狐|凤凰|鳳凰|中新网|环球网|人民网|新华网|央视网"
# "相关新闻：<a related headline>新浪科技讯 北京时间11月8日上午消息，…": the link ran into the story
# (the portals that write "<频道>讯" datelines name where the story starts)
_RELATED_LEAD = re.compile(
    r"^\s*(?:相关新闻|相關新聞|相关阅读|相關閱讀)\s*[:：].{2,80}?"
    rf"(?=(?:{PORTALS}|澎湃)[\u4e00-\u9fff]{{0,4}}(?:讯|訊)\s*"
    r"(?:北京时间|北京時間)?\s*\d{1,2}月\d{1,2}日)"
)


# "（原标题 叶澜教授：…）教师在…": the original headline in brackets before the story
_ORIGINAL_TITLE = re.compile(r"^\s*[（(]\s*(?:原标题|原標題)[:：\s][^（）()]{2,80}[）)]\s*(?=\S)")
# "…怎样说“害怕”？文章来源：BBC责任编辑：润琰": credits run on after the last sentence
_TRAILING_CREDIT = re.compile(r"(?:文章来源|来源|來源|责任编辑|責任編輯|编辑|編輯)\s*[:：][^。！？!?\n]{0,30}$")


def _without_trailing_credits(p: str) -> str:
    out = p
    while (m := _TRAILING_CREDIT.search(out)) and m.start() >= 20:
        out = out[: m.start()].rstrip()
    return out if out != p and re.search(r"[。！？!?”」]$", out) else p


def unwrap(p: str, *, credits: bool = True) -> str:
    """A paragraph without the script, photo credits, related links, original-headline note and
    (``credits``) trailing credits that flattened text leaves in it. The byline stage unwraps
    with ``credits=False``: it reads those credits before the clean stage drops them."""
    out = _ORIGINAL_TITLE.sub("", _RELATED_LEAD.sub("", p))
    if "[微博]" in out:
        out = out.replace("[微博]", "")  # a portal's link label after a name: 张嘉倪[微博]参加…
    if credits:
        out = _without_trailing_credits(out)
    if "function" in out or "document." in out:
        out = _SCRIPT.sub(" ", out)
    if "供图" in out:
        out = _PHOTO_CREDIT.sub("", out)
    return p if out == p else re.sub(r"\s{2,}", " ", out).strip()
