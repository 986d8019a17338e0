// Character n-gram TF-IDF vectors: a dictionary-free way to say how close two Chinese texts are, offline.
import { normaliseText } from '../values/text';

/** A text's terms with their weights, scaled to unit length (so a dot product is the cosine). */
export type TermVector = ReadonlyMap<string, number>;

/**
 * Han ideographs (CJK Unified + Extension A + Compatibility) and Latin letters: what n-grams are made of.
 * Digits are not: a year or a count (the 23 of 2023 and of 12348) says nothing about what a project is.
 */
function isWordChar(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0x61 && code <= 0x7a);
}

/** Numbering (`一是`, `第三条`, `（二）`) and years in words (`二〇二三年`): shared by every goal text, never a topic. */
const NUMBERING = /[一二三四五六七八九十]+是|第[一二三四五六七八九十百\d]+[条项点章节部分]|[（(][一二三四五六七八九十\d]+[）)]|[〇零一二三四五六七八九]{4}年/g;

/** A text as its words are read: normalised, lower case, numbering and years blanked. */
export function wordText(text: string): string {
  return normaliseText(text).toLowerCase().replace(NUMBERING, ' ');
}

/** Whether the character at `index` of a word text makes words (not a digit, punctuation or space). */
export function isWordAt(text: string, index: number): boolean {
  return isWordChar(text.charCodeAt(index));
}

/**
 * The character bigrams and trigrams of a text, in order, repeats kept (they are the term frequency).
 * N-grams never cross punctuation or spaces; a one-character run adds nothing: alone, a character says too
 * little. A char-code loop, not a Unicode regex: indexing a library goes through every goal text.
 */
export function termsOf(text: string): string[] {
  const terms: string[] = [];
  const normal = wordText(text);
  let start = 0;
  for (let i = 0; i <= normal.length; i++) {
    if (i < normal.length && isWordChar(normal.charCodeAt(i))) continue;
    for (let n = 2; n <= 3; n++) {
      for (let j = start; j + n <= i; j++) terms.push(normal.slice(j, j + n));
    }
    start = i + 1;
  }
  return terms;
}

/** Inverse document frequency over a collection, smoothed so a term no document has weighs the most. */
export class Idf {
  private readonly documentCount: number;
  private readonly frequency = new Map<string, number>();

  constructor(documents: readonly (readonly string[])[]) {
    this.documentCount = documents.length;
    for (const terms of documents) {
      for (const term of new Set(terms)) this.frequency.set(term, (this.frequency.get(term) ?? 0) + 1);
    }
  }

  weight(term: string): number {
    return Math.log((this.documentCount + 1) / ((this.frequency.get(term) ?? 0) + 1)) + 1;
  }

  /** The unit-length TF-IDF vector of a text's terms. */
  vector(terms: readonly string[]): TermVector {
    // One map: counts first, then weights in place (an index builds hundreds of these).
    const vector = new Map<string, number>();
    for (const term of terms) vector.set(term, (vector.get(term) ?? 0) + 1);
    let norm = 0;
    for (const [term, count] of vector) {
      const weight = count * this.weight(term);
      vector.set(term, weight);
      norm += weight * weight;
    }
    if (norm === 0) return vector;
    const length = Math.sqrt(norm);
    for (const [term, weight] of vector) vector.set(term, weight / length);
    return vector;
  }
}

/** Cosine of two unit vectors: iterates the smaller one. */
export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, weight] of small) {
    const other = large.get(term);
    if (other !== undefined) sum += weight * other;
  }
  return sum;
}

/**
 * Words every kind of project writes (项目, 工作, 提高, 保障 …): shared by two texts, they say nothing about
 * whether the projects are alike, so a reason never quotes them (they still count, weakly, in the score).
 */
export const GENERIC_TERMS: ReadonlySet<string> = new Set([
  '项目', '工作', '年度', '全年', '完成', '提高', '提升', '保障', '开展', '确保', '有效', '情况', '相关', '实施', '及时',
  '资金', '经费', '目标', '指标', '进一步', '加强', '推进', '做好', '满足', '正常', '运行', '按时', '按照', '标准', '规定',
  '要求', '以上', '以下', '不低于', '不超过', '达到', '合格', '万元', '预算', '年度内', '本年', '当年', '全面', '服务', '管理',
]);

/** The n-grams of two generic words side by side (`项目工作` → `目工`): generic too. Built once, when first asked. */
let genericJoins: Set<string> | null = null;

function joinsOfGenericWords(): Set<string> {
  if (!genericJoins) {
    genericJoins = new Set();
    for (const a of GENERIC_TERMS) for (const b of GENERIC_TERMS) for (const term of termsOf(a + b)) genericJoins.add(term);
  }
  return genericJoins;
}

/**
 * Generic: made of generic words (`项目工作`, `目工`), or what is left once they are taken out (`目工作` − 工作)
 * is under two characters.
 */
export function isGeneric(term: string): boolean {
  if (joinsOfGenericWords().has(term)) return true;
  let rest = term;
  for (const word of GENERIC_TERMS) rest = rest.split(word).join('');
  return rest.length < 2;
}
