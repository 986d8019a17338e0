// What kind of spending a project is, by the words that say so in its name or goals: two projects of one
// kind (村级 funds of two 镇, two construction projects) share indicators though their names share no word
// (村组干部报酬 and 村级补助及运转经费 have none in common), and a name's words alone (character n-grams) do
// not see it. The kinds are those of the 项目支出 in the seed and the published tables (docs/suggestions.md);
// a word says its kind only as a whole word (法治建设 is no construction, 聚居村 no 村级 fund).

/** Each kind with the words that name it. */
const KINDS: readonly { kind: string; words: RegExp }[] = [
  // 建设 of a thing, not of 法治, 平安 or a market's rules (the seed's 法治建设, 平安天津建设; 规范建设).
  { kind: '工程建设', words: /工程|开工|竣工|施工|新建|改建|扩建|修建|基础设施|配套设施|设施建设|硬化|修缮|(?:项目|农田|道路|场|房|馆|园|站)建设/ },
  { kind: '村级组织', words: /村级|村组|村社区|村[（(]社区[)）]|村干部|村集体|社区|基层组织|基层党|两委|行政村/ },
  { kind: '扶贫', words: /扶贫|贫困|脱贫|建档立卡|乡村振兴/ },
  { kind: '人员经费', words: /工资|报酬|薪酬|津贴|社保|养老保险|公积金/ },
  { kind: '机关运转', words: /运转|运行保障|办公|物业|公用经费|机关/ },
  { kind: '农业', words: /农田|农业|养殖|种植|中药材|畜牧|灌溉/ },
  { kind: '粮食储备', words: /储备粮|粮食储备|粮库/ },
  { kind: '环境卫生', words: /环境|环卫|卫生|生态|空气|降尘|垃圾|再生资源|水土保持/ },
  { kind: '信息化', words: /信息化|信息系统|数字化|运维|网络|软件|硬件/ },
  { kind: '司法', words: /司法|法律|法治|普法|律师|调解|公证|矫正/ },
  { kind: '培训', words: /培训|轮训/ },
];

/** The kinds a text names. */
export function kindsOf(text: string): Set<string> {
  return new Set(KINDS.filter(({ words }) => words.test(text)).map(({ kind }) => kind));
}

/**
 * Which characters of `text` are inside a word naming one of `kinds` (建档立卡 and 贫困 in 受益建档立卡贫困人口数
 * for a 扶贫 project): words another project of that kind may well use though this one's text does not.
 */
export function kindLetters(text: string, kinds: ReadonlySet<string>): boolean[] {
  const inside = new Array<boolean>(text.length).fill(false);
  for (const { kind, words } of KINDS) {
    if (!kinds.has(kind)) continue;
    for (const match of text.matchAll(new RegExp(words.source, 'g'))) inside.fill(true, match.index, match.index + match[0].length);
  }
  return inside;
}

/**
 * How surely a library table is of a kind of spending the project is: the rarest kind they share, weighed by
 * how rare it is in the library (a kind every table is, as 司法 in a 司法局's own library, tells its tables
 * apart not at all): 1 for a kind no other table is of, 0 for none shared.
 */
export function kindFit(project: ReadonlySet<string>, table: ReadonlySet<string>, tablesOfKind: ReadonlyMap<string, number>, tableCount: number): number {
  if (project.size === 0 || tableCount === 0) return 0;
  const rarity = (kind: string) => Math.log((tableCount + 1) / ((tablesOfKind.get(kind) ?? 0) + 1)) / Math.log(tableCount + 1);
  let fit = 0;
  for (const kind of project) if (table.has(kind)) fit = Math.max(fit, rarity(kind));
  return fit;
}

/** How many of `tables` are of each kind. */
export function countKinds(tables: readonly ReadonlySet<string>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kinds of tables) for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts;
}
