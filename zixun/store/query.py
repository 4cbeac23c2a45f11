"""Turning a user's search words into a safe FTS5 query, the text we index, and snippets.

Safety: the query is cut to ``MAX_QUERY_CHARS``, folded (width, case, traditional →
simplified), segmented like the index and stripped to letters and digits; every token
is double-quoted, so FTS operators (AND, NEAR, *, ^, :), quotes and brackets typed by a
user are plain text and no input can break the MATCH syntax.

Matching, in two tiers: first the query literally (``strict_query``: each space-separated
part as a substring, so nothing LIKE '%q%' finds is missed or outranked), then, to fill
the page, its words in any order (``fts_query``: each word as a whole word in the
segmented columns — title, body, tags, cut by ``cut_for_search`` — or as a substring).
Substrings go through the ``grams`` column of overlapping character bigrams: n ≥ 2
characters become the phrase of their n-1 bigrams (``"京大"`` finds 北京大学), one
character a bigram prefix. So two-character words match and substrings inside longer
words are still found.

Traditional script: ``to_simplified`` folds with a character table written for zixun
(1300 traditional characters common in news, one-to-one, so positions in a converted text
equal positions in the original and highlights land in the right place). Index text and
queries both go through it, so 臺灣 finds 台湾 and the other way round.
"""

from __future__ import annotations

import html
import re

from zixun.model import Article
from zixun.text.normalize import for_matching
from zixun.text.segment import cut, cut_for_search

MAX_QUERY_CHARS = 200
MAX_TOKENS = 12
MARK_OPEN, MARK_CLOSE = "\u0002", "\u0003"
_NON_WORD = re.compile(r"[\W_]+")

# one-to-one traditional → simplified table (zixun's own; characters common in news)
_TRAD = "萬與專業東絲兩嚴喪個豐臨為麗舉麼義烏樂喬習鄉書買亂爭於虧雲亞產畝親億僅從侖倉儀們價眾優夥會傘偉傳傷倫偽體餘傭僉俠侶僥偵側僑儈儂俁係債傾儲備儘償兒兌黨蘭關興茲養獸內岡冊寫軍農馮衝決況凍淨涼減湊凜幾鳳憑凱擊鑿劃劉則剛創刪別剎劑剝劇勸辦務動勵勁勞勢勳勻匯區醫華協單賣盧衛卻廠廳歷厲壓厭廁縣參雙發變敘臺葉號嘆嚇嗎啟吳員聽嗚響啞喲喚問團園圍國圖圓聖場壞塊堅壇壩墳墜壟壘墊埡執報塗堯塵墻壯聲殼壺處復夠頭誇夾奪奮獎奧婦媽嫵嬌孫學寧寶實寵審憲宮寬賓對尋導將爾嘗層屆屬歲豈島嶺嶼幣帥師帳幫帶幹乾廣莊慶廬庫應廟龐廢開異棄張彌彎彈強歸當錄彥徹徑後禦憶懷態憐總戀懇惡惱悶驚慘慣願懶戰戲戶撲擴掃揚擾撫搶護擔擬攏揀擁擺擋揮損撈換據擄擲攜搖攝擠攤斂數齋斷無舊時曠曇晝顯晉曬曉暈暫術機殺雜權條來楊極構槍楓櫃檸棟欄樹樣橋梟檢樓橫櫻歡歐殘殲氣漢湯溝沒滬瀋澤潔灑濃濤澇潤漲漁漸滅溫灣濕滿濾濫灘瀾濟鹽燈災爐點煉爛燒熱煥營愛牽犧狀猶獄獨獲獵貓獻現環瑪電畫暢疊療瘋癥癢皚盤監蓋盞盡睜瞞礦碼磚礎確禮禍視離種積稱穩窮竊競筆築簡籃籌籤類糧緊紅紀約級紛純紙線練組細終經綁結給絕統絡維網綠緒續緣編縮織繼纜羅罰聯聰職腸膚腫腦臉膽艦艙藝節蘇蘋範莖藥蕭蘿蟲蝦補裝製複襲見規覺覽觀計訂認討讓訓議記講許論設訪證評識詞譯試話誠詳語誤說請諸讀調談謝謠謀譜豬貝負財貢貨質販貪貧購貫責費貿資賊賬賠賞賢賴贏趙趕躍蹤車軌轉輪軟輕載較輔輛輸辭邊遼達遷過邁運還這進遠違連遲適選遜遺鄧鄭鄰郵醜釀釋裡鑒針釣鈔鐵鈴鉛銀銅鋁鋼錢錯鍵鎮鏡鐘長門閃閉間閱闊隊陽陰陣階際陸險隨隱難雞霧靈靜韓頁頂項順須預領頻題額顏顧風飛飯飲館餓馬駐駕驗騎驅髮鬥鬧魚鮮鳥鳴鴨鵝麥黃齊齒龍龜兇臟藍襪攬鬱籲裏衆傑煙隻祕託詢諾檔標準廈墾勝豎懸嶄籬頓鞏聞籠擇蓮禱綜滯濱屍賽脫藉鍋隸績緩贊讚礙嚮瀏閒閑碩醬懲鋪錦錶鬆麵颱週劍貸賺虛驟愨駛馳騰騙驕驢驛鷹鶴鴻鵬嘩噸嚨嘯嘰嗶塢墮壽夢寢屜峽嶸巒幟廂彙恆悅慚憫挾捨掙撐擰攔攪敵斃暉曆朧棧槳樁檯櫥殯毀氫汙淚淪淵渦測湧滄滲漣潑潰澀濁瀉煩熾燦燭狹瑣璽瓊畢疇瘡癒皺盜矚砲磯祿稅窩窯糾紐紡紋納紗綢綫緝縫繩繪罷羨聳肅脅膩臥艱葦蔣蔥薦蘊虜蝕蠟蠶褲襯覓訟詐該誕誘諒謎謹譴豔貶貼貴賀賄賦賭贈贓贖趨跡軀軒輝輩轎迴遙遞醞鈍鉤銷鋒鋸錘鍛鎖鏈鑄鑰閣閩闆闖陳隴雖韋韻頌頗頸頰顆顛颳飄餅饒骯鬍魯鯨鱷鷗鹹黴齡傢並佈併倆匱呂嗆嘔婁嬰尷屢嶇巔幀廚彿慮憂懼拋捲掛採擻暱枴桿棲槓樸橢檻毆氈洩渾滷漿潛澆澗濺瀆煒爺牆獅瑩瓏瘧癟矯禪稟穀窪竄筍箏簍紮絨綺緯縛繃繡聶脹腎膠舖艷荊萊薑蛻蠅裊誼諷謊踐蹺軸轟辮邏釘鈣鉀銳鋤錫鍍鏟鑽閘閡隕雛靄韌頑頹顫飢飼餃饑騷鬢魷鯉鰻鴉鵲鷺麩龕鑑徵譽瀕躉蠻斬槧戇轄鍾鐸闡闢陝靂靦韃頒頷顎顥飆餵饋馭駁駱駿騁驍髒鬨魎鮑鯽鱗鳩鴿鵑鶯鸚黲鼴齜齷嚥囑圇堊塹壢奬妝嫻孃屨嵐巋幃廩弳憊憤戩拚掄揹搗摯撥撻擱攢敗曄棗椏楨榪槤橈檳櫓歎殤氳渙湞滌滎漚潁澠濘瀅灃煬燉燜燴牘猙獰玀琺瑋璉甦痙瘂癤盪睞瞼碸礪禎稜穌窺竇筧箋簞籟糴絀絎綈緄緞縉縞繅繞罌翹聾脛腖臏艤茍蒔蓀蕁薺蘚虯蛺蝸螄蟄衹袞褸覘觴詁詡誄誶諗諭謁謾譎讖貞賂賅賚賻贍踴躊軋軛輒輟輻轂鄖酈釁釧鈕鈾鉅銑銜鋅錠錳鍥鎂鎳鏤鐐鑠閂閨闈雋霑靚韁頎頜顒餉餚饞馱駝騏驃驪髏鬚魘鮫鯗鰐鳶鴣鵠鶩鷂鸞黽齏"
_SIMP = "万与专业东丝两严丧个丰临为丽举么义乌乐乔习乡书买乱争于亏云亚产亩亲亿仅从仑仓仪们价众优伙会伞伟传伤伦伪体余佣佥侠侣侥侦侧侨侩侬俣系债倾储备尽偿儿兑党兰关兴兹养兽内冈册写军农冯冲决况冻净凉减凑凛几凤凭凯击凿划刘则刚创删别刹剂剥剧劝办务动励劲劳势勋匀汇区医华协单卖卢卫却厂厅历厉压厌厕县参双发变叙台叶号叹吓吗启吴员听呜响哑哟唤问团园围国图圆圣场坏块坚坛坝坟坠垄垒垫垭执报涂尧尘墙壮声壳壶处复够头夸夹夺奋奖奥妇妈妩娇孙学宁宝实宠审宪宫宽宾对寻导将尔尝层届属岁岂岛岭屿币帅师帐帮带干干广庄庆庐库应庙庞废开异弃张弥弯弹强归当录彦彻径后御忆怀态怜总恋恳恶恼闷惊惨惯愿懒战戏户扑扩扫扬扰抚抢护担拟拢拣拥摆挡挥损捞换据掳掷携摇摄挤摊敛数斋断无旧时旷昙昼显晋晒晓晕暂术机杀杂权条来杨极构枪枫柜柠栋栏树样桥枭检楼横樱欢欧残歼气汉汤沟没沪沈泽洁洒浓涛涝润涨渔渐灭温湾湿满滤滥滩澜济盐灯灾炉点炼烂烧热焕营爱牵牺状犹狱独获猎猫献现环玛电画畅叠疗疯症痒皑盘监盖盏尽睁瞒矿码砖础确礼祸视离种积称稳穷窃竞笔筑简篮筹签类粮紧红纪约级纷纯纸线练组细终经绑结给绝统络维网绿绪续缘编缩织继缆罗罚联聪职肠肤肿脑脸胆舰舱艺节苏苹范茎药萧萝虫虾补装制复袭见规觉览观计订认讨让训议记讲许论设访证评识词译试话诚详语误说请诸读调谈谢谣谋谱猪贝负财贡货质贩贪贫购贯责费贸资贼账赔赏贤赖赢赵赶跃踪车轨转轮软轻载较辅辆输辞边辽达迁过迈运还这进远违连迟适选逊遗邓郑邻邮丑酿释里鉴针钓钞铁铃铅银铜铝钢钱错键镇镜钟长门闪闭间阅阔队阳阴阵阶际陆险随隐难鸡雾灵静韩页顶项顺须预领频题额颜顾风飞饭饮馆饿马驻驾验骑驱发斗闹鱼鲜鸟鸣鸭鹅麦黄齐齿龙龟凶脏蓝袜揽郁吁里众杰烟只秘托询诺档标准厦垦胜竖悬崭篱顿巩闻笼择莲祷综滞滨尸赛脱借锅隶绩缓赞赞碍向浏闲闲硕酱惩铺锦表松面台周剑贷赚虚骤悫驶驰腾骗骄驴驿鹰鹤鸿鹏哗吨咙啸叽哔坞堕寿梦寝屉峡嵘峦帜厢汇恒悦惭悯挟舍挣撑拧拦搅敌毙晖历胧栈桨桩台橱殡毁氢污泪沦渊涡测涌沧渗涟泼溃涩浊泻烦炽灿烛狭琐玺琼毕畴疮愈皱盗瞩炮矶禄税窝窑纠纽纺纹纳纱绸线缉缝绳绘罢羡耸肃胁腻卧艰苇蒋葱荐蕴虏蚀蜡蚕裤衬觅讼诈该诞诱谅谜谨谴艳贬贴贵贺贿赋赌赠赃赎趋迹躯轩辉辈轿回遥递酝钝钩销锋锯锤锻锁链铸钥阁闽板闯陈陇虽韦韵颂颇颈颊颗颠刮飘饼饶肮胡鲁鲸鳄鸥咸霉龄家并布并俩匮吕呛呕娄婴尴屡岖巅帧厨佛虑忧惧抛卷挂采擞昵拐杆栖杠朴椭槛殴毡泄浑卤浆潜浇涧溅渎炜爷墙狮莹珑疟瘪矫禅禀谷洼窜笋筝篓扎绒绮纬缚绷绣聂胀肾胶铺艳荆莱姜蜕蝇袅谊讽谎践跷轴轰辫逻钉钙钾锐锄锡镀铲钻闸阂陨雏霭韧顽颓颤饥饲饺饥骚鬓鱿鲤鳗鸦鹊鹭麸龛鉴征誉濒趸蛮斩椠戆辖钟铎阐辟陕雳腼鞑颁颔颚颢飙喂馈驭驳骆骏骋骁脏哄魉鲍鲫鳞鸠鸽鹃莺鹦黪鼹龇龌咽嘱囵垩堑坜奖妆娴娘屦岚岿帏廪弪惫愤戬拼抡背捣挚拨挞搁攒败晔枣桠桢杩梿桡槟橹叹殇氲涣浈涤荥沤颍渑泞滢沣炀炖焖烩牍狰狞猡珐玮琏苏痉痖疖荡睐睑砜砺祯棱稣窥窦笕笺箪籁籴绌绗绨绲缎缙缟缫绕罂翘聋胫胨膑舣苟莳荪荨荠藓虬蛱蜗蛳蛰只衮褛觇觞诂诩诔谇谂谕谒谩谲谶贞赂赅赉赙赡踊踌轧轭辄辍辐毂郧郦衅钏钮铀钜铣衔锌锭锰锲镁镍镂镣铄闩闺闱隽沾靓缰颀颌颙饷肴馋驮驼骐骠骊髅须魇鲛鲞鳄鸢鸪鹄鹜鹞鸾黾齑"
_T2S = str.maketrans(_TRAD, _SIMP)


def to_simplified(text: str) -> str:
    """Traditional characters → simplified, one character for one (length is kept)."""
    return text.translate(_T2S)


def fold(text: str) -> str:
    """The matching form of index text and queries: NFKC, lower case, simplified script."""
    return to_simplified(for_matching(text)) if text else ""


def bigrams(text: str) -> str:
    """Space-joined overlapping character bigrams of every letter run (the ``grams`` column).

    Each run also ends with its last character alone, so a one-character query (a bigram
    prefix) finds a character at the end of a run too; phrases are unaffected, since no
    bigram follows it within the run.
    """
    out: list[str] = []
    for run in _NON_WORD.split(text):
        out.extend(run[i : i + 2] for i in range(len(run) - 1))
        if run:
            out.append(run[-1])
    return " ".join(out)


def words(text: str) -> str:
    """Segmented, space-joined words for the word columns (sub-words of long words included)."""
    return " ".join(w for w in (_NON_WORD.sub("", x) for x in cut_for_search(text)) if w)


def index_fields(article: Article) -> tuple[str, str, str, str]:
    """(title, body, tags, grams) as stored in the SQLite ``search_fts`` table."""
    title = to_simplified(article.title)
    body = to_simplified(article.summary + "\n" + article.text)
    tags = to_simplified(" ".join(article.tags))
    gram_src = fold(" ".join([article.title, article.summary, " ".join(article.tags), article.text]))
    return words(title), words(body), words(tags), bigrams(gram_src)


def query_tokens(query: str) -> list[str]:
    """Distinct searchable tokens of a query, folded and segmented like the index."""
    toks: list[str] = []
    for w in cut(fold(query[:MAX_QUERY_CHARS])):
        w = _NON_WORD.sub("", w)
        if w and w not in toks:
            toks.append(w)
    return toks[:MAX_TOKENS]


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _substring(run: str) -> str:
    """``run`` anywhere in the text: the phrase of its bigrams, or a bigram prefix for one character."""
    if len(run) == 1:
        return f"grams : {_quote(run)} *"
    return "grams : " + _quote(" ".join(run[i : i + 2] for i in range(len(run) - 1)))


def strict_query(query: str) -> str:
    """Every space-separated part of the query as a literal substring (what ``LIKE '%q%'`` finds)."""
    runs = [r for r in _NON_WORD.split(fold(query[:MAX_QUERY_CHARS])) if r][:MAX_TOKENS]
    return " AND ".join(f"({_substring(r)})" for r in runs)


def fts_query(query: str) -> str:
    """The looser MATCH: each word of the query as a word or a substring, in any order, ANDed.

    One-character tokens (的, 里 …) must appear as words only (a bigram prefix for each
    would be slow and the strict tier already found them in place); a query of nothing
    but one-character tokens has no loose form: ''.
    """
    toks = query_tokens(query)
    if not any(len(t) > 1 for t in toks):
        return ""
    return " AND ".join(
        f"({{title body tags}} : {_quote(t)} OR {_substring(t)})" if len(t) > 1 else f"({{title body tags}} : {_quote(t)})"
        for t in toks
    )


def literal_parts(query: str) -> list[str]:
    """The query's space-separated parts, folded: a strict hit should contain each literally."""
    return [p for p in (_NON_WORD.sub("", w) and w for w in fold(query[:MAX_QUERY_CHARS]).split()) if p]


def make_snippet(article: Article, query: str, width: int = 80) -> str:
    """A window of the text around the first match, matches wrapped in sentinel marks.

    Matching runs on the folded text (same length as the original for CJK), so a
    simplified query highlights the traditional characters the reader sees.
    """
    toks = sorted(query_tokens(query), key=len, reverse=True)
    text = (article.summary + " " + article.text).strip()
    if not text:
        text = article.title
    folded = to_simplified(text.lower()) if len(text.lower()) == len(text) else text
    spans: list[tuple[int, int]] = []
    if toks:
        pattern = re.compile("|".join(re.escape(t) for t in toks))
        spans = [(m.start(), m.end()) for m in pattern.finditer(folded)]
    pos = spans[0][0] if spans else 0
    start = max(0, pos - width // 3)
    end = start + width
    out, cur = [], start
    for a, b in spans:
        if a < cur or a >= end:
            continue
        b = min(b, end)
        out += [text[cur:a], MARK_OPEN, text[a:b], MARK_CLOSE]
        cur = b
    out.append(text[cur:end])
    return ("…" if start else "") + "".join(out) + ("…" if end < len(text) else "")


def snippet_html(snippet: str) -> str:
    """Escape a snippet and turn its sentinel marks into <mark> elements."""
    return html.escape(snippet).replace(MARK_OPEN, "<mark>").replace(MARK_CLOSE, "</mark>")
