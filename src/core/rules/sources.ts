// The texts the rules rest on, each clause once: a rule names the clauses it applies (its `sources`) and its
// `basis` line is made from them, so the 说明, docs/rules/*.md and `jixiao rules --json` quote the same words.
// What each text says, and which wording was checked against a retrieved original: docs/rules/sources.md.

/** One clause of a document, or 评审实践 (document '评审实践', no clause) where no text asks for the check. */
export interface RuleSource {
  /** `财预〔2015〕88号`, or `评审实践`. */
  document: string;
  /** The clause as the document heads it: `设定要求（二）细化量化`; '' for practice. */
  clause: string;
  /** What it says, in a few words (paraphrase; the quotes are in docs/rules/sources.md). */
  says: string;
}

const DOC_88 = '财预〔2015〕88号《中央部门预算绩效目标管理办法》';
const DOC_285 = '财预〔2011〕285号《财政支出绩效评价管理暂行办法》';
const DOC_101 = '财预〔2021〕101号《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》';
const DOC_10 = '财预〔2020〕10号《项目支出绩效评价管理办法》';
const PRACTICE = '评审实践';

export const SOURCES = {
  /** 88号 设定要求 细化量化: quantified where possible; qualitative only where measurable. */
  refine88: { document: DOC_88, clause: '绩效目标设定要求（二）细化量化', says: '从数量、质量、成本、时效及效益、满意度等方面细化，尽量定量表述；不能量化的可以定性表述，但应具有可衡量性' },
  /** 285号 第十四条（二）: the older wording, 分级分档 (checked against a retrieved copy). */
  refine285: { document: DOC_285, clause: '第十四条（二）具体细化', says: '尽量进行定量表述，不能以量化形式表述的，可以采用定性的分级分档形式表述' },
  /** 88号 设定要求 相应匹配: targets match the year's tasks and the budgeted input. */
  match88: { document: DOC_88, clause: '绩效目标设定要求（四）相应匹配', says: '绩效目标与计划期内的任务数或计划数相对应，与预算确定的投入相匹配' },
  /** 88号 绩效目标的内容: outputs and effects of the money, with indicators refining them. */
  content88: { document: DOC_88, clause: '绩效目标的主要内容', says: '绩效目标反映预算资金的预期产出和效果，并以相应的绩效指标细化、量化描述' },
  complete88: { document: DOC_88, clause: '绩效目标审核（一）完整性审核', says: '绩效目标的内容是否完整，是否明确、清晰' },
  relevant88: { document: DOC_88, clause: '绩效目标审核（二）相关性审核', says: '是否对申报的绩效目标设定了相关联的绩效指标，绩效指标是否细化、量化' },
  suitable88: { document: DOC_88, clause: '绩效目标审核（三）适当性审核', says: '资金规模与绩效目标是否匹配；既定资金规模下绩效目标是否过高或过低' },
  /** 101号: the four 一级 and the three 成本 二级 (the notice issues it 供参考试行). */
  framework101: { document: DOC_101, clause: '二、绩效指标（成本、产出、效益、满意度指标）', says: '成本指标包括经济成本、社会成本、生态环境成本指标；产出、效益、满意度指标下设二级指标' },
  cost101: { document: DOC_101, clause: '二、绩效指标（一）成本指标', says: '经济成本指标反映实施项目产生的直接经济成本；社会成本、生态环境成本指标反映可能造成的负面影响' },
  trial101: { document: DOC_101, clause: '印发通知', says: '现予印发，供各单位在预算绩效管理工作中参考试行（已核对原文）' },
  evaluation10: { document: DOC_10, clause: '评价指标体系（附件）', says: '绩效评价指标按产出、效益、满意度等设置并赋予权重，总分 100 分' },
  inputs: { document: '省级绩效目标填报说明（评审实践）', clause: '', says: '财力、人力和物力等投入数量不能作为绩效目标' },
  practice: { document: PRACTICE, clause: '', says: '财政部门评审中常见的审核意见，国家文件没有条款规定' },
} as const satisfies Record<string, RuleSource>;

/** How a source reads in a basis line: `财预〔2015〕88号…“绩效目标设定要求（二）细化量化”`, or `评审实践（…）`. */
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
