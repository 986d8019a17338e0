// The texts the rules rest on, each clause once: a rule names the clauses it applies (its `sources`) and its
// `basis` line is made from them, so the 说明, docs/rules/*.md and `jixiao rules --json` quote the same words.
// docs/rules/sources.md is generated from this list (npm run docs:rules): each clause with its wording as
// retrieved, where it was retrieved, and how far that wording was checked (`checked`).

/** How far a clause's wording was checked against a copy of the text (issue #23: say it, never imply it). */
export type SourceCheck =
  /** Read in a full copy of the document (its number, heading and words on the same page). */
  | 'copy'
  /** Read as quoted by another page (a guide or an article quoting the document), not in a copy of it. */
  | 'quoted'
  /** Not found in any copy the search tools hold: the heading and wording are as commonly cited, unverified. */
  | 'unchecked'
  /** 评审实践: no document asks for the check. */
  | 'practice';

/** One clause of a document, or 评审实践 (document '评审实践', no clause) where no text asks for the check. */
export interface RuleSource {
  /** `财预〔2015〕88号《…》`, or `评审实践`. */
  document: string;
  /** The clause with its number where the number was read (`第十四条（二）具体细化`), else its heading; '' for practice. */
  clause: string;
  /** What it says, in a few words (paraphrase). */
  says: string;
  /** The clause's own words as retrieved (a sentence, quoted in docs/rules/sources.md); '' when none was retrieved. */
  quote: string;
  checked: SourceCheck;
  /** Where the words were read (a public copy), or '' when nowhere. */
  seenAt: string;
}

const DOC_88 = '财预〔2015〕88号《中央部门预算绩效目标管理办法》';
const DOC_285 = '财预〔2011〕285号《财政支出绩效评价管理暂行办法》';
const DOC_101 = '财预〔2021〕101号《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》';
const DOC_10 = '财预〔2020〕10号《项目支出绩效评价管理办法》';
const DOC_34 = '中发〔2018〕34号《中共中央 国务院关于全面实施预算绩效管理的意见》';
const PRACTICE = '评审实践';

/** Where the 101号 notice and 附件1's opening were read (a full reprint of the notice, 2021-08-27). */
const COPY_101 = 'http://lsrwf.cn/news/708af42006d811ec81694b356a0c000d';
/** A guide quoting 101号's 成本指标 paragraph word for word. */
const QUOTE_101_COST = 'https://qddinggu.cn/caishui/35371.html';
/** A reprint of 285号's chapters 三–五 (第十二条–第十五条). */
const COPY_285 = 'http://ask.fsou.com/html/text/lar/174077/17407765_2.html';

export const SOURCES = {
  /** 88号 设定要求 细化量化: quantified where possible; qualitative only where measurable. */
  refine88: {
    document: DOC_88,
    clause: '绩效目标的设定·设定要求（二）细化量化',
    says: '从数量、质量、成本、时效及效益、满意度等方面细化，尽量定量表述；不能量化的可以定性表述，但应具有可衡量性',
    quote: '',
    checked: 'unchecked',
    seenAt: '',
  },
  /** 285号 第十四条（二）: the older wording, 分级分档 (read in a reprint). */
  refine285: {
    document: DOC_285,
    clause: '第十四条（二）具体细化',
    says: '尽量进行定量表述，不能以量化形式表述的，可以采用定性的分级分档形式表述',
    quote: '绩效目标从数量、质量、成本和时效等方面进行细化，尽量进行定量表述。不能以量化形式表述的，可以采用定性的分级分档形式表述。',
    checked: 'copy',
    seenAt: COPY_285,
  },
  /** 88号 设定要求 相应匹配: targets match the year's tasks and the budgeted input. */
  match88: {
    document: DOC_88,
    clause: '绩效目标的设定·设定要求（四）相应匹配',
    says: '绩效目标与计划期内的任务数或计划数相对应，与预算确定的投入相匹配',
    quote: '',
    checked: 'unchecked',
    seenAt: '',
  },
  /** 88号 绩效目标的分类: 中长期 targets over the plan period, 年度 targets for one budget year. */
  periods88: {
    document: DOC_88,
    clause: '绩效目标的设定·按时效性分为中长期绩效目标和年度绩效目标',
    says: '中长期绩效目标是计划期内预期达到的产出和效果，年度绩效目标是一个预算年度内预期达到的产出和效果',
    quote: '',
    checked: 'unchecked',
    seenAt: '',
  },
  /** 88号 绩效目标的内容: outputs and effects of the money, with indicators refining them. */
  content88: {
    document: DOC_88,
    clause: '绩效目标的设定·绩效目标的主要内容',
    says: '绩效目标反映预算资金的预期产出和效果，并以相应的绩效指标细化、量化描述',
    quote: '',
    checked: 'unchecked',
    seenAt: '',
  },
  complete88: { document: DOC_88, clause: '绩效目标的审核·（一）完整性审核', says: '绩效目标的内容是否完整，是否明确、清晰', quote: '', checked: 'unchecked', seenAt: '' },
  relevant88: {
    document: DOC_88,
    clause: '绩效目标的审核·（二）相关性审核',
    says: '是否对申报的绩效目标设定了相关联的绩效指标，绩效指标是否细化、量化',
    quote: '',
    checked: 'unchecked',
    seenAt: '',
  },
  suitable88: {
    document: DOC_88,
    clause: '绩效目标的审核·（三）适当性审核',
    says: '资金规模与绩效目标是否匹配；既定资金规模下绩效目标是否过高或过低',
    quote: '',
    checked: 'unchecked',
    seenAt: '',
  },
  /** 101号 附件1: the four 一级 (the three 成本 二级 are read in cost101). */
  framework101: {
    document: DOC_101,
    clause: '附件1 二、绩效指标（成本、产出、效益、满意度指标）',
    says: '成本指标包括经济成本、社会成本、生态环境成本指标；产出、效益、满意度指标下设二级指标',
    quote: '',
    checked: 'unchecked',
    seenAt: '',
  },
  /** 101号 附件1 成本指标: the three 二级, each a range of cost to be kept within (quoted by a guide). */
  cost101: {
    document: DOC_101,
    clause: '附件1 二、绩效指标·成本指标',
    says: '经济成本指标反映实施项目产生的直接经济成本；社会成本、生态环境成本指标反映可能造成的负面影响',
    quote:
      '成本指标包括经济成本指标、社会成本指标和生态环境成本指标等二级指标，分别反映项目实施产生的各方面成本的预期控制范围。1.经济成本指标。反映实施相关项目所产生的直接经济成本。2.社会成本指标。反映实施相关项目对社会发展、公共福利等方面可能造成的负面影响。3.生态环境成本指标。反映实施相关项目对自然生态环境可能造成的负面影响。',
    checked: 'quoted',
    seenAt: QUOTE_101_COST,
  },
  trial101: {
    document: DOC_101,
    clause: '印发通知',
    says: '现予印发，供各单位在预算绩效管理工作中参考试行',
    quote: '我们研究制定了《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》，现予印发，供各单位在预算绩效管理工作中参考试行。',
    checked: 'copy',
    seenAt: COPY_101,
  },
  /** 34号: what 绩效目标 should cover (quoted by an article; a policy, not a form's rule). */
  cover34: {
    document: DOC_34,
    clause: '强化绩效目标管理',
    says: '绩效目标不仅要包括产出、成本，还要包括经济效益、社会效益、生态效益、可持续影响和服务对象满意度等绩效指标',
    quote: '绩效目标不仅要包括产出、成本，还要包括经济效益、社会效益、生态效益、可持续影响和服务对象满意度等绩效指标。',
    checked: 'quoted',
    seenAt: 'http://www.9346878.com/sadclist/newsshow.php?id=1847086',
  },
  evaluation10: {
    document: DOC_10,
    clause: '评价指标体系与评分（单位自评指标权重）',
    says: '绩效评价总分一般为 100 分；单位自评原则上预算执行率 10 分，产出、效益、满意度指标合计 90 分',
    quote: '',
    checked: 'unchecked',
    seenAt: '',
  },
  /** A form's own printed total (绩效指标（权重分值90分，其中产出指标权重分值50分…）), as on the corpus's S4 form. */
  printedWeights: {
    document: '填报表上印出的分值（评审实践）',
    clause: '',
    says: '表上印出总分值（如「绩效指标（90分）」）时，各指标分值合计应等于它；未印总分时按 100 分（自评表另计预算执行率 10 分时为 90 分）',
    quote: '',
    checked: 'practice',
    seenAt: '',
  },
  inputs: {
    document: '省级绩效目标填报说明（评审实践）',
    clause: '',
    says: '财力、人力和物力等投入数量不能作为绩效目标',
    quote: '财力、人力和物力等投入数量不能作为绩效目……（所见页面在此截断）',
    checked: 'quoted',
    seenAt: 'http://m.dybbs8.com/excel/974350.html',
  },
  practice: { document: PRACTICE, clause: '', says: '财政部门评审中常见的审核意见，国家文件没有条款规定', quote: '', checked: 'practice', seenAt: '' },
} as const satisfies Record<string, RuleSource>;

/** How a source reads in a basis line: `财预〔2015〕88号“绩效目标的审核·（一）完整性审核”`, or `评审实践（…）`. */
export function sourceText(source: RuleSource, detail?: string): string {
  const short = source.document.replace(/《.*》/, '');
  if (!source.clause) return detail ? `${short}（${detail}）` : short;
  return `${short}“${source.clause}”${detail ? `（${detail}）` : ''}`;
}

/** A rule's `basis` and `sources` from its clauses, with an optional word on what each one grounds. */
export function grounded(...parts: (RuleSource | [RuleSource, string])[]): { basis: string; sources: readonly RuleSource[] } {
  const pairs = parts.map((part) => (Array.isArray(part) ? part : ([part, undefined] as const)));
  return { basis: pairs.map(([source, detail]) => sourceText(source, detail)).join('；'), sources: pairs.map(([source]) => source) };
}

/** How docs/rules/sources.md names each degree of checking. */
export const SOURCE_CHECK_LABELS: Record<SourceCheck, string> = {
  copy: '已在原文转载件中核对',
  quoted: '经他处引文核对（未见原文全文）',
  unchecked: '未能核对原文（检索到的资料中没有该条全文），按通行引述',
  practice: '评审实践，无文件条款',
};

/**
 * What the search for the originals found and did not (issue #23, checked 2026-12-07 with the docs and pages
 * corpora): said on docs/rules/sources.md under the clause list.
 */
export const SOURCE_FINDINGS: readonly string[] = [
  '财预〔2021〕101号：印发通知全文（“供各单位在预算绩效管理工作中参考试行”）和附件1的开头（至“一、绩效目标”）在一份转载中读到，其后的正文检索不到；附件1“成本指标”一段（经济成本、社会成本、生态环境成本“分别反映项目实施产生的各方面成本的预期控制范围”，社会/生态环境成本反映“可能造成的负面影响”）只在他处的逐字引文中读到。检索到的资料中没有 101号关于满意度、时效、效益“必须设置”的原话：没有文字把缺少它们定为错误，故 101号表缺满意度、时效仍只作警告（missing-dimension），运转/工资类项目缺效益也只作警告。社会/生态环境成本用文字回答（无、无负面影响）与引文“可能造成的负面影响”一致，不作问题（bad-value、cost-substance）。',
  '财预〔2015〕88号：检索到的资料中没有全文。规则引用的“设定要求（二）细化量化、（四）相应匹配”“绩效目标审核（一）至（三）”“按时效性分为中长期和年度绩效目标”只写章节和小标题，不写条号，标为未核对；措辞为通行引述，待取得原文后补条号。',
  '财预〔2011〕285号 第十四条（二）“具体细化”在一份转载中读到（第四章 绩效目标，第十二条至第十四条）：“不能以量化形式表述的，可以采用定性的分级分档形式表述”，vague-target 以此判断定性目标是否可衡量。',
  '财预〔2020〕10号：检索到的资料中没有全文。weight-sum 所用“总分 100 分、单位自评另计预算执行率 10 分”为通行引述，标为未核对（一篇解说文章转述一级指标权重为预算执行率 10%、产出 50%、效益 30%、满意度 10%，见 https://www.fudaoke.com/exam/3256757.html，是转述不是原文）；表上印出总分（如“绩效指标（权重分值90分，其中产出指标权重分值50分…）”，见语料 S5）时以表为准。',
  '中发〔2018〕34号“强化绩效目标管理”：经他处引文读到“绩效目标不仅要包括产出、成本，还要包括经济效益、社会效益、生态效益、可持续影响和服务对象满意度等绩效指标”——这是对绩效目标内容的总体要求，不是逐表退回的条款，故不据此把缺少满意度升为错误。',
];
