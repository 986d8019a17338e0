// What an indicator's name says its value means, where the rules need it: whether a percentage is bounded
// by 100 (a share of a whole), whether a qualitative target can be measured (分级分档), whether a name is an
// input (money put in) rather than an output. Word lists, not grammar: each list says why it is there.
import { compactText } from './text';

/**
 * Shares of a whole: a 完成率 of 105% means nothing. 满意度 is a share of respondents. Checked after
 * GROWING, so 完成率增长 stays free.
 */
const BOUNDED_SHARE =
  /满意[度率]|合格率|完成率|覆盖[率面]|达标率|通过率|验收率|到位率|知晓率|准确率|正确率|及时率|出勤率|参与率|参考率|普及率|落实率|合规率|执行率|使用率|利用率|完好率|入学率|巩固率|受益率|办结率|处置率|结案率|回复率|响应率|解决率|成活率|留存率|占比|比例|比重|达成率|合格比|正常运行率|可用率|在线率/;

/** Changes and multiples may exceed 100%: 增收增长率 ≥120%, a 杠杆 of 300%. */
const GROWING = /增长|增幅|增速|增加|增收|提高|提升|上升|倍|比率|杠杆|放大|带动|拉动|同比|环比|比上年|较上年|超额|收益率|回报率|产出比/;

export type PercentMeaning = 'bounded' | 'free' | 'unknown';

/** Whether a percentage under this 三级 name (and description) can exceed 100%. */
export function percentMeaning(name: string, description = ''): PercentMeaning {
  const text = compactText(`${name}${description}`);
  if (GROWING.test(compactText(name))) return 'free';
  if (BOUNDED_SHARE.test(text)) return 'bounded';
  return 'unknown';
}

/**
 * Qualitative words that promise without saying how much: a reviewer cannot tell met from missed.
 * 「良好」「及时」「有效提升」「保障」「明显改善」「进一步」「稳步增长」「有所下降」… (the most common 审核意见).
 */
const VAGUE =
  /^(?:有效|明显|显著|进一步|不断|持续|稳步|逐步|逐年|逐渐|日益|有所|得到|全面|切实|大幅|较大|一定程度)?(?:提升|提高|改善|增强|加强|促进|推动|保障|保证|确保|优化|完善|规范|改进|增加|降低|减少|宣传|增长|下降|上升|扩大|缩小|缩短|加快|好转)(?:了)?$|^(?:良好|较好|好|及时|按时|按期|高效|有效|明显|显著|较高|高|满意|基本满意|正常|稳定|安全|到位|充分|合理|规范|达标|完成|实现|提升|提高|改善|保障|有所提高|有所提升|有所改善|逐步提高|不断提升|持续提升|效果明显|成效明显|成效显著|效果显著|明显提升|明显改善|显著提升|显著提高|有效保障|有效提升|有效提高|有效改善|有效宣传|保障正常开展|正常开展|正常运行|长期|持续|长效|较好发挥|充分发挥)$/;

/**
 * Timing adverbs with no date (按时完成, 如期交付, 及时办结): a reviewer asks by when. A 时效 target names a
 * date or a time limit; with a number (3个工作日内及时办结) MEASURABLE passes it first.
 */
const UNDATED =
  /^(?:按时|按期|如期|及时|准时|限时|尽快|抓紧)(?:完成|办结|交付|上报|报送|实施|开展|到位|验收|支付|拨付|发放|处置|处理|启动|建成|投入使用|完工|竣工)?(?:任务)?$/;

/** Lasting effects in words (持续发挥效益, 长期发挥作用): 可持续影响 with no span or measure. */
const LASTING = /^(?:长期|持续|充分|有效|较好|继续|长效|稳定|不断)?(?:发挥|产生)(?:积极|良好|明显)?(?:作用|效益|效果|功能|效能|社会效益)$/;

/** Marks of a target that can be checked: a grade, a standard, a number, a deadline, a yes/no outcome. */
const MEASURABLE = /^(?:优|良|优良|优秀|合格|达标)$|\d|[一二三四五六七八九十百千万]+(?:级|星|等|档|类|个|项|次|年|月|日|天)|[优良中差]等|优秀|等级|分级|分档|A级|AAA|达到.{0,12}(?:标准|要求|规定|规范|级)|符合.{0,16}(?:标准|要求|规定|规范|办法|条例|式样)|按照.{0,20}(?:标准|要求|规定|规范|办法|条例|式样)|国家|国标|行业标准|[《〈]|验收|合格|通过|无(?:重大|安全|责任|投诉|事故)|零|未发生|不发生|是$|^是|否$|全部|全年|全覆盖|一人一|每/;

/**
 * A qualitative 指标值 that promises without a measure (良好, 及时, 有效提升, 保障正常开展); null when it is
 * measurable (graded, a standard named, a deadline, a yes/no outcome) or not qualitative prose at all.
 * Short values only: a sentence that names its standard passes through MEASURABLE.
 */
export function vagueTarget(value: string): boolean {
  const text = compactText(value).replace(/[。.；;，,!！]+$/, '');
  if (!text || MEASURABLE.test(text)) return false;
  if (VAGUE.test(text) || UNDATED.test(text) || LASTING.test(text)) return true;
  // Short phrases built on vague words (有效提升服务水平, 增加岗位: they name what, but no measure).
  return text.length <= 12 && /(?:提升|提高|改善|增强|增加|减少|降低|增长|下降|上升|缩短|保障|良好|及时|有效|明显|显著)/.test(text);
}

/** Money put in, or how fast it is spent: inputs and execution, not outputs or effects. */
const INPUT_NAME = /投入(?:资金|经费|金额)|资金投入|拨付率|拨付进度|资金拨付|预算执行率|资金执行率|支出进度|资金到位率|资金支付率|资金使用率|预算支出率|财政资金(?:规模|总额)|项目资金(?:总额|规模)|到位资金|资金到位/;

/** Whether an indicator's 三级 name is an input (投入资金, 拨付率, 预算执行率) rather than an output. */
export function isInputName(name: string): boolean {
  return INPUT_NAME.test(compactText(name));
}
