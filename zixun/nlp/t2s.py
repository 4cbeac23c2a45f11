"""Traditional → simplified for *matching only* (features, cue words), never for display.

Why: the channel model and the cue lists are simplified Chinese, while Hong Kong and
Taiwan pages are traditional; folding the few hundred most frequent traditional forms
lets 聯賽 count as 联赛. Hand-written table (common news characters), not a full converter:
characters it does not know pass through unchanged.
"""

from __future__ import annotations

_PAIRS = (
    "們们 個个 這这 來来 時时 會会 為为 說说 國国 對对 後后 當当 與与 現现 從从 發发 經经 點点 動动 開开 還还 進进 "
    "關关 實实 機机 學学 長长 將将 兩两 業业 義义 應应 產产 種种 麼么 樣样 問问 題题 體体 場场 無无 報报 聯联 "
    "賽赛 隊队 員员 練练 勝胜 負负 決决 籃篮 球球 冠冠 軍军 戰战 艦舰 導导 彈弹 機机 槍枪 華华 灣湾 區区 "
    "東东 門门 車车 輛辆 汽汽 電电 視视 聽听 語语 話话 讀读 書书 寫写 畫画 藝艺 術术 劇剧 歌歌 導导 演演 "
    "錢钱 銀银 幣币 價价 買买 賣卖 貨货 費费 貿贸 額额 稅税 務务 資资 財财 債债 股股 漲涨 跌跌 盤盘 "
    "樓楼 層层 廣广 圖图 館馆 園园 夢梦 號号 傳传 統统 歷历 葉叶 農农 糧粮 產产 豬猪 雞鸡 魚鱼 鳥鸟 "
    "網网 絡络 軟软 腦脑 數数 據据 號号 訊讯 術术 導导 線线 飛飞 衛卫 擊击 隻只 聲声 頭头 臉脸 腳脚 "
    "醫医 藥药 療疗 護护 險险 氣气 溫温 陽阳 陰阴 風风 雲云 雖虽 讓让 給给 認认 識识 議议 記记 "
    "設设 計计 試试 詳详 調调 談谈 論论 請请 謝谢 證证 評评 變变 邊边 達达 運运 遠远 連连 選选 "
    "過过 遊游 戲戏 玩玩 級级 組组 織织 終终 結结 給给 總总 約约 紅红 綠绿 藍蓝 黃黄 賓宾 "
    "飯饭 館馆 節节 慶庆 歡欢 樂乐 親亲 愛爱 戀恋 婦妇 孫孙 兒儿 媽妈 爺爷 奶奶 師师 專专 "
    "帶带 幫帮 廳厅 處处 縣县 鄉乡 鎮镇 村村 島岛 嶺岭 歲岁 齡龄 萬万 億亿 幾几 據据 "
    "舉举 權权 憲宪 黨党 選选 領领 導导 團团 際际 韓韩 蘇苏 羅罗 廠厂 礦矿 鐵铁 鋼钢 "
    "橋桥 築筑 蓋盖 裝装 廈厦 屬属 雜杂 雙双 齊齐 塊块 壞坏 壓压 備备 復复 歸归 辦办 "
    "積积 穩稳 穀谷 樹树 檢检 測测 滿满 濟济 灣湾 爭争 獎奖 獨独 環环 現现 畢毕 盡尽 "
    "確确 禮礼 離离 競竞 筆笔 範范 簡简 緊紧 續续 習习 職职 聞闻 腦脑 興兴 舊旧 莊庄 "
    "蘭兰 號号 蟲虫 補补 製制 規规 覺觉 觀观 計计 訂订 訪访 許许 訴诉 詩诗 該该 誌志 "
    "諾诺 謀谋 豐丰 貝贝 負负 貢贡 責责 貴贵 貸贷 費费 資资 賺赚 購购 贊赞 趕赶 躍跃 "
    "輕轻 輪轮 輸输 轉转 辭辞 農农 遲迟 適适 遺遗 鄭郑 醫医 釋释 針针 鍵键 鏡镜 長长 "
    "門门 閃闪 閱阅 隊队 階阶 隨随 險险 隱隐 難难 雞鸡 靈灵 順顺 預预 領领 頻频 顧顾 "
    "顯显 類类 餐餐 馬马 駕驾 驗验 體体 髮发 鬥斗 麥麦 點点 齒齿 龍龙 於于 間间 陸陆 營营 碼码 獲获 審审 "
    "寶宝 鐘钟 錄录 紀纪 標标 構构 極极 嚴严 強强 優优 傷伤 觸触 燈灯 災灾 擁拥 擇择 聖圣 瑪玛 諸诸 "
    "盧卢 劉刘 陳陈 張张 楊杨 趙赵 吳吴 黃黄 鄧邓 蔣蒋 覽览 漢汉 澳澳 臺台 颱台 週周 佈布 並并 "
    "裡里 啟启 雲云 陣阵 陳陈 陸陆 隊队 鹽盐 瀏浏 覽览 攝摄 鏈链 塊块 幣币 礙碍 檔档 擔担 拋抛"
)
TABLE = str.maketrans({pair[0]: pair[1] for pair in _PAIRS.split() if len(pair) == 2 and pair[0] != pair[1]})


def simplify(text: str) -> str:
    """``text`` with known traditional characters folded to simplified (for matching)."""
    return text.translate(TABLE)
