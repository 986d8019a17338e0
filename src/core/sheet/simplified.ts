/**
 * Traditional characters → simplified, for the words a 绩效目标表 is read by (項目名稱, 產出指標, 滿意度):
 * a form typed in traditional characters reads as the same form. Characters only, one for one; text
 * with none of them is returned as it is.
 */
const PAIRS =
  '項项績绩標标預预數数財财資资級级產产質质時时經经濟济會会態态環环滿满對对務务單单額额總总計计劃划實实際际說说達达準准確确間间開开現现設设備备購购維维護护養养縣县區区鄉乡鎮镇農农業业醫医療疗衛卫學学綠绿處处運运輸输電电網网絡络發发規规專专轉转補补貼贴貸贷萬万' +
  '億亿號号關关於于負负響响無无顯显長长穩稳進进類类別别選选範范圍围據据採采調调問问體体檢检驗验審审復复報报請请書书稱称為为與与應应價价職职責责費费辦办場场個个戶户條条張张輛辆臺台層层樓楼棟栋畝亩噸吨頃顷稅税營营動动參参觀观覽览圖图館馆災灾險险測测獎奖勵励貧贫' +
  '殘残兒儿藥药礎础築筑橋桥陸陆鐵铁車车線线終终結结織织組组約约細细統统積积種种優优評评論论證证識识認认議议讓让讀读課课試试訓训記记許许該该詳详語语譽誉諾诺談谈豐丰戰战權权歡欢歷历壓压廣广廳厅廢废慶庆擴扩擔担撥拨藝艺節节簡简糧粮紀纪罰罚義义習习聯联聽听葉叶蘇苏' +
  '製制複复見见視视覺觉訂订診诊詢询誤误貨货貿贸賬账贈赠軟软輔辅較较這这連连週周遊游過过違违遠远適适還还郵邮釋释針针銷销鋪铺錄录鍵键門门閱阅隊队階阶陽阳隨随雙双雜杂難难靜静順顺領领頻频題题顧顾風风飲饮飯饭馬马點点黨党齡龄齊齐們们儲储償偿兌兑內内兩两劑剂勞劳勢势' +
  '協协變变後后嚴严園园團团堅坚塊块壞坏夠够婦妇寧宁寬宽導导將将屬属師师帶带幫帮廠厂強强從从愛爱慮虑懷怀換换損损攜携擁拥擬拟敗败斷断舊旧東东棄弃極极樂乐樣样樹树機机檔档歸归氣气決决沒没況况溝沟滅灭漁渔潔洁灣湾烏乌煙烟熱热燈灯爭争牆墙獨独畫画畢毕當当盡尽監监盤盘' +
  '碼码礦矿禮礼離离競竞筆笔簽签紙纸給给絕绝絲丝綜综綱纲緊紧編编緩缓練练縮缩繳缴續续聖圣聞闻聲声肅肃腦脑臨临興兴舉举艱艰虧亏裝装親亲訊讯訪访訴诉詞词誠诚講讲謝谢譯译貢贡販贩貴贵賞赏賠赔賦赋賽赛贊赞贏赢趨趋軌轨軍军載载輕轻轄辖辭辞邊边遷迁遺遗鋼钢錢钱錯错鐘钟閉闭' +
  '閘闸隱隐雖虽雞鸡雲云靈灵頁页須须頭头願愿飛飞飼饲驅驱鬥斗魚鱼鳥鸟鹽盐麥麦黃黄齒齿龍龙裡里裏里並并係系餘余壩坝淨净傳传僅仅漢汉衝冲灑洒濕湿濱滨瀏浏鄰邻紡纺纖纤';

const TO_SIMPLIFIED = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) TO_SIMPLIFIED.set(PAIRS[i], PAIRS[i + 1]);
/** Flags by UTF-16 code unit: a cell's text is scanned once, with no regular expression (the reader reads every cell). */
const IS_TRADITIONAL = new Uint8Array(0x10000);
for (const ch of TO_SIMPLIFIED.keys()) IS_TRADITIONAL[ch.charCodeAt(0)] = 1;

/** `產出指標` → `产出指标`; a text with no traditional character comes back unchanged (the same string). */
export function toSimplified(text: string): string {
  let i = 0;
  while (i < text.length && IS_TRADITIONAL[text.charCodeAt(i)] === 0) i++;
  if (i === text.length) return text;
  let out = text.slice(0, i);
  for (; i < text.length; i++) out += TO_SIMPLIFIED.get(text[i]) ?? text[i];
  return out;
}
