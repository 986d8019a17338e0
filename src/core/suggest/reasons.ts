// What a suggestion's reason quotes: the phrases its indicator and the project's text share, whole (雾炮车降尘抑尘服务,
// not 炮车降尘 and 抑尘服), and only those that say something: never a generic word (项目, 服务) or a dimension's
// name (满意度, 成本), nor digits or numbering (wordText blanks them).
import { GENERIC_WORDS } from '../rules/generic-indicator';
import { isGeneric, isWordAt, wordText } from './vectors';

/** Dimension names (满意度, 成本, 数量 …): a phrase made of them and generic words says only the dimension. */
const DIMENSION_NAMES = [...new Set(GENERIC_WORDS.filter((word) => word.length >= 2))].sort((a, b) => b.length - a.length);

function meaningful(phrase: string): boolean {
  if (isGeneric(phrase)) return false;
  let rest = phrase;
  for (const name of DIMENSION_NAMES) rest = rest.split(name).join('');
  return rest.length >= 2 && !isGeneric(rest);
}

/**
 * The longest runs of word characters (two or more) that `a` and `b` both hold, each not inside a longer
 * one, meaningful ones only, longest first (then as they come in `a`), at most `limit`.
 */
export function sharedPhrases(a: string, b: string, limit: number): string[] {
  const x = wordText(a);
  const y = wordText(b);
  // run[j]: length of the common run ending at x[i] and y[j] (one row of the classic table at a time).
  let previous = new Array<number>(y.length).fill(0);
  const found: { text: string; at: number }[] = [];
  for (let i = 0; i < x.length; i++) {
    const current = new Array<number>(y.length).fill(0);
    for (let j = 0; j < y.length; j++) {
      if (x[i] !== y[j] || !isWordAt(x, i)) continue;
      current[j] = (j > 0 ? previous[j - 1] : 0) + 1;
    }
    // A run ends here when the next characters differ (or either text ends).
    for (let j = 0; j < y.length; j++) {
      const length = current[j];
      if (length < 2) continue;
      const goesOn = i + 1 < x.length && j + 1 < y.length && x[i + 1] === y[j + 1] && isWordAt(x, i + 1);
      if (!goesOn) found.push({ text: x.slice(i - length + 1, i + 1), at: i - length + 1 });
    }
    previous = current;
  }
  const phrases = found
    .filter(({ text }, index) => found.findIndex((other) => other.text === text) === index)
    .filter(({ text }) => !found.some((other) => other.text !== text && other.text.includes(text)))
    .filter(({ text }) => meaningful(text));
  phrases.sort((p, q) => q.text.length - p.text.length || p.at - q.at);
  return phrases.slice(0, limit).map(({ text }) => text);
}
