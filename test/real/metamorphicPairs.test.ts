// Pairs of re-dressings: real copies differ from the form in several ways at once. Every two kinds are
// applied in turn (the second to the first's output, located by its reading) to a deterministic sample of
// the corpus, and the reading must stay the same. A table that either kind alone misreads is left out of
// its pairs (metamorphic.test.ts lists it); what is counted here is what the two do together.
// The pass rate per pair is summarised in docs/real-world.md (UPDATE_REAL_WORLD=1 rewrites it).
import { readSheetTables } from '../../src/core/sheet/reader';
import type { CellGrid, SheetTable } from '../../src/core/sheet/types';
import { CORPUS, compareReadings, realWorldDoc } from './corpusSheets';
import { ALL_MUTATIONS } from './copyMutations';
import type { Mutation } from './layoutMutator';

/** Each pair is tried on about one table in SAMPLE: the suite stays within ~15 s. */
const SAMPLE = 5;

/** FNV-1a of a string: a number that depends on the string alone. */
function nameHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/**
 * Whether a pair sees a table, and in which order: decided by the hash of the table's and the pair's names,
 * never by position, so a table or kind added to the corpus never changes what the others are tried on.
 */
function sampled(pair: string, tableName: string): { chosen: boolean; swapped: boolean } {
  const hash = nameHash(`${pair}|${tableName}`);
  return { chosen: hash % SAMPLE === 0, swapped: Math.floor(hash / SAMPLE) % 2 === 1 };
}

/**
 * Pairs the reader does not yet read the same, by pair (`first+second`, in the order applied): listed so
 * the test fails on any new misread and on any of these that starts to pass (then drop it here).
 */
const KNOWN_PAIR_MISREADS: Record<string, string[]> = {
  // With the merge of 评价标准 over 优 | 良 | 中 | 差 lost, reordering moves that head (and 优 under it) away from the
  // other grades: the 良 column, under a blank head, is taken for the targets.
  'html-converted+reorder-columns': ['handan-2019-youliang.xlsx · 绩效目标表'],
  // A blank template whose values are only units (个): with the head split over two rows and region columns, no grid is found.
  'regions+split-header': ['keji-2022-quyu-template.xlsx · 区域绩效目标自评表'],
};

interface Single {
  tables: SheetTable[];
  /** The re-dressed grid and its reading, when the kind applies and reads the same; null otherwise. */
  after: { grid: CellGrid; tables: SheetTable[] } | null;
  applied: boolean;
}

const originals = CORPUS.map(({ grid }) => readSheetTables(grid).tables);
const singles = new Map<string, Single>();

/** One kind applied to one corpus table, read once and kept. */
function single(m: Mutation, index: number): Single {
  const key = `${m.kind}#${index}`;
  const known = singles.get(key);
  if (known) return known;
  const tables = originals[index];
  const grid = m.oneTable && tables.length > 1 ? null : m.apply(CORPUS[index].grid, tables[0]);
  const read = grid ? readSheetTables(grid).tables : [];
  const after = grid && compareReadings([m.kind], tables, read).same ? { grid, tables: read } : null;
  const result = { tables, after, applied: grid !== null };
  singles.set(key, result);
  return result;
}

interface PairOutcome {
  pair: string;
  applied: number;
  passed: number;
  failures: string[];
}

function pairs(): [Mutation, Mutation][] {
  const all: [Mutation, Mutation][] = [];
  ALL_MUTATIONS.forEach((a, i) => ALL_MUTATIONS.slice(i + 1).forEach((b) => all.push([a, b])));
  return all;
}

const readable = originals.map((tables) => tables.length > 0 && tables[0].grids[0].rows.length > 0);

const outcomes: PairOutcome[] = pairs().map(([a, b]) => {
  const outcome: PairOutcome = { pair: `${a.kind}+${b.kind}`, applied: 0, passed: 0, failures: [] };
  for (let index = 0; index < CORPUS.length; index++) {
    const { chosen, swapped } = sampled(outcome.pair, CORPUS[index].name);
    if (!chosen || !readable[index]) continue;
    // Both orders are tried across the sample: the hash picks a then b, or b then a.
    const [first, second] = swapped ? [b, a] : [a, b];
    const one = single(first, index);
    const other = single(second, index);
    // Either kind alone misread or not applied: nothing the pair adds can be told.
    if (!one.after || (other.applied && !other.after)) continue;
    const tables = one.after.tables;
    if (second.oneTable && tables.length > 1) continue;
    const grid = second.apply(one.after.grid, tables[0]);
    if (!grid) continue;
    outcome.applied++;
    const { same, expected, actual } = compareReadings([first.kind, second.kind], originals[index], readSheetTables(grid).tables);
    if (same) outcome.passed++;
    else outcome.failures.push(`${first.kind}+${second.kind} · ${CORPUS[index].name}\n  应为 ${expected.slice(0, 400)}\n  读成 ${actual.slice(0, 400)}`);
  }
  return outcome;
});

const BEGIN = '<!-- metamorphic-pairs:begin (generated by test/real/metamorphicPairs.test.ts) -->';
const END = '<!-- metamorphic-pairs:end -->';

const percent = (passed: number, applied: number) => (applied === 0 ? '—' : `${Math.round((passed / applied) * 100)}%`);

function rateSection(): string {
  const tried = outcomes.filter((o) => o.applied > 0);
  const applied = tried.reduce((n, o) => n + o.applied, 0);
  const passed = tried.reduce((n, o) => n + o.passed, 0);
  const lines = [`${tried.length} 对变换（共 ${outcomes.length} 对）用到 ${applied} 张表，读法不变 ${passed} 张（${percent(passed, applied)}）。未全过的对：`, '', '| 变换对 | 适用的表 | 读法不变 | 通过率 |', '|---|---|---|---|'];
  for (const o of tried.filter((x) => x.passed < x.applied)) lines.push(`| ${o.pair} | ${o.applied} | ${o.passed} | ${percent(o.passed, o.applied)} |`);
  return lines.join('\n');
}

describe('two re-dressings in turn: the reading stays the same', () => {
  test('most pairs apply to some table of the sample', () => {
    expect(outcomes.filter((o) => o.applied > 0).length).toBeGreaterThan(outcomes.length * 0.8);
  });

  test('the misreads are the known ones', () => {
    const failures: Record<string, string[]> = {};
    for (const o of outcomes) for (const f of o.failures) (failures[f.split(' · ')[0]] ??= []).push(f.split('\n')[0].split(' · ').slice(1).join(' · '));
    for (const names of Object.values(failures)) names.sort();
    const known = Object.fromEntries(Object.entries(KNOWN_PAIR_MISREADS).map(([pair, names]) => [pair, [...names].sort()]));
    if (JSON.stringify(failures) !== JSON.stringify(known)) console.log(outcomes.flatMap((o) => o.failures).join('\n'));
    expect(failures).toEqual(known);
  });

  test('docs/real-world.md shows the pass rate of the pairs as measured now', () => {
    const intro = `## Pairs of re-dressings\n\nReal copies differ from the form in several ways at once: \`test/real/metamorphicPairs.test.ts\` applies every two kinds in turn to a deterministic sample of the corpus (about one table in ${SAMPLE} for each pair, chosen by a hash of the table's and the pair's names so that new tables never change the sample of the old; both orders), leaving out tables either kind alone misreads.`;
    const body = rateSection();
    expect(realWorldDoc(BEGIN, END, body, intro)).toContain(body);
  });
});
