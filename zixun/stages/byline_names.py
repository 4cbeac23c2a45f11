"""What a person's name looks like in a Chinese byline, and the cities of datelines.

Why a surname table: an unlabelled credit — "（常书香 马丹阳）" at the end of a story, or
a lone "胡平" under the headline — has nothing but its shape to tell it from "（完）" or
"国内". Most Chinese names start with one of a few hundred surnames, so a name in an
unlabelled position must start with one; after a label (作者：, 记者) any 2–4 characters do,
and so do web user names ("zboygirl", "放飞&心情").
"""

from __future__ import annotations

import re

from zixun.text.t2s import to_simplified

# CJK ideographs including extensions A and B: names like 刘䶮 and 𠮷永福 use them.
CJK = "\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0002ffff"

SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施"
    "文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛"
    "曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席"
    "卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝伊格扎次索达多风"
    "張劉陳楊黃趙吳週孫馬鄭謝許韓馮鄧蕭葉蘇呂盧鍾譚陸範賈韋鄒龔錢嚴湯顏聶魯嶽陰閻賀顧羅潘蔣魏侯龍傅"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容", "尉迟", "公孙", "长孙", "宇文", "司徒",
                     "夏侯", "端木", "南宫", "歐陽", "司馬", "諸葛")
# Two-character words that stand alone near a headline but are not names.
NOT_NAMES = frozenset(
    "首页 新闻 国内 国际 财经 体育 娱乐 科技 评论 社会 军事 图片 视频 专题 正文 摘要 导读 原文 简介 声明 目录 返回 关闭 "
    "打印 更多 分享 收藏 推荐 热点 要闻 时政 文化 教育 健康 汽车 房产 旅游 博客 论坛 本报 本刊 本台 本网 作者 记者 来源 "
    "责编 编辑 编者按 前言 引言 结语 附录 注释 参考 完 全文 上一页 下一页 调查 采访 获悉 了解 报道 表示 发现 近日 日前 "
    "昨天 今天 昨日 今日 目前 通讯员 实习生 特约 首席 见习 实习 综合 整理 编译 连线 发自 专电 快讯 独家 观察 聚焦 "
    "中国 北京 上海 香港 台湾 美国 日本 新华 人民 政府 公司 集团 单位 个人 网友 用户 游客 匿名 管理员 版主 楼主 博主 "
    "顶端 头条 客户端 相关 阅读 评论员 社论 短评 时评 述评 图文 摄影 供图 视觉 资料 图 文 转载 原创 文章 "
    "关注 粉丝 点赞 投币 转发 订阅 私信 登录 注册 举报 回复 引用 置顶 精华 加精 已关注 取消关注 "
    "归档 存档 分类 标签 日历 公告 相册 留言 链接 友情链接 最新文章 最新评论 文章分类 个人资料 我的博客 "
    "微信 微博 朋友圈 空间 纠错 送花 代表作品 明星关系 人物关系 基本信息 词条 百科 农历 公历 简体 繁体 手机版 "
    "新加坡 台北 香港 澳门 大字 小字 字号".split()
)
_NON_NAME_CHARS = re.compile(r"[的了是在和与及或之其这那个们说为被把从向对就都也还又很最年月日时分秒号期版页网报社台刊站]")
_CJK_NAME = re.compile(rf"^[{CJK}·•]{{2,6}}$")
_USER_NAME = re.compile(rf"^[A-Za-z0-9_\-.&{CJK}]{{2,20}}$")

CITIES = frozenset(
    "北京 上海 天津 重庆 深圳 广州 杭州 南京 武汉 成都 西安 长沙 郑州 济南 青岛 沈阳 大连 哈尔滨 长春 石家庄 太原 "
    "合肥 福州 厦门 南昌 南宁 海口 三亚 昆明 贵阳 兰州 西宁 银川 乌鲁木齐 拉萨 呼和浩特 苏州 无锡 宁波 温州 佛山 东莞 "
    "珠海 香港 澳门 台北 高雄 台中 新北 桃园 台南 华盛顿 纽约 伦敦 巴黎 东京 首尔 莫斯科 柏林 布鲁塞尔 日内瓦 悉尼 "
    "新加坡 曼谷 雅加达 新德里 开罗 联合国 洛杉矶 旧金山 维也纳 罗马 马德里 多伦多 渥太华 迪拜 利雅得 德黑兰 "
    "臺北 臺中 華盛頓 紐約 倫敦 東京".split()
)


def has_surname(name: str) -> bool:
    """A known surname starts ``name``, in either script (簡 as 简, 歐陽 as 欧阳)."""
    name = to_simplified(name[:2])
    return name[:1] in SURNAMES or name.startswith(COMPOUND_SURNAMES)


def is_cjk_name(token: str, *, strict: bool) -> bool:
    """A 2–4 character Chinese name (up to 6 with a middle dot, for transliterated names).

    ``strict`` (an unlabelled position) also asks for a known surname and 2–3 characters.
    """
    if not _CJK_NAME.match(token) or token in NOT_NAMES or _NON_NAME_CHARS.search(token):
        return False
    if "·" not in token and "•" not in token and len(token) > 4:
        return False
    if strict:
        return len(token) <= 4 and has_surname(token)
    return True


def is_user_name(token: str) -> bool:
    """A web user name after a 作者:/发表于 label: "zboygirl", "放飞&心情", "ggjjzhzz"."""
    if not _USER_NAME.match(token) or token.lower().startswith(("http", "www")) or token.isdigit():
        return False
    if re.fullmatch(rf"[{CJK}]+", token):
        return is_cjk_name(token, strict=False)
    return token not in NOT_NAMES and not re.search(r"\d{4}", token)


def split_city(name: str) -> tuple[str, str | None]:
    """"倪雨晴深圳" → ("倪雨晴", "深圳") when a known city is glued to the name."""
    for n in (4, 3, 2):
        if len(name) > n + 1 and name[-n:] in CITIES:
            return name[:-n], name[-n:]
    return name, None


def join_spaced(tokens: list[str]) -> list[str]:
    """["赵", "培"] → ["赵培"]: typesetters pad two-character names to three ("赵  培")."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if len(tok) == 1 and i + 1 < len(tokens) and len(tokens[i + 1]) in (1, 2) and re.match(rf"[{CJK}]", tok):
            out.append(tok + tokens[i + 1])
            i += 2
            continue
        out.append(tok)
        i += 1
    return out
