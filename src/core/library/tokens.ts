// Line-level reading of a seed document: a Word table exported as text, one cell per tab-indented
// line, rows separated by blank lines, `[bookmark: …]N.title` headings.

/** A table cell: the text after the leading tab, trimmed; continuation lines joined with \n. */
export interface CellToken {
  kind: 'cell';
  line: number;
  text: string;
  /** Spaces stood before the tab (an export glitch worth a note). */
  indented: boolean;
  /** Number of extra lines (without a leading tab) joined into this cell. */
  continuationLines: number;
}

/** A numbered heading line: `[bookmark: _Toc…]3.法律职业资格考试绩效目标表` or `3.…绩效目标表`. */
export interface HeadingToken {
  kind: 'heading';
  line: number;
  number: number;
  title: string;
}

/** A non-blank line outside any cell (cover text, contents entries, stray text). */
export interface TextToken {
  kind: 'text';
  line: number;
  text: string;
}

export interface BlankToken {
  kind: 'blank';
  line: number;
}

export type Token = CellToken | HeadingToken | TextToken | BlankToken;

const CELL_LINE = /^[ \u3000]*\t/;
const BOOKMARK_HEADING = /^\[bookmark:[^\]]*\]\s*(\d+)\s*[.．、]\s*(\S.*)$/;
/** A numbered entry: `12.深入推进公共法律服务便民化及其支持经费绩效目标表`. */
export const NUMBERED_ENTRY = /^(\d+)\s*[.．、]\s*(\S.*)$/;
const TABLE_TITLE_END = /绩效目标表$/;

/**
 * Splits the text into tokens. A line without a leading tab directly under a cell (no blank line
 * between) continues that cell, as Word exports multi-paragraph cells; any other such line is text.
 */
export function tokenize(text: string): Token[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const tokens: Token[] = [];
  let lastCell: CellToken | null = null;
  // Until the first cell or heading, numbered titles are contents entries, not headings.
  let inContents = true;
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (CELL_LINE.test(raw)) {
      const tab = raw.indexOf('\t');
      lastCell = {
        kind: 'cell',
        line,
        text: raw.slice(tab + 1).trim(),
        indented: tab > 0,
        continuationLines: 0,
      };
      tokens.push(lastCell);
      inContents = false;
      return;
    }
    const trimmed = raw.trim();
    if (trimmed === '') {
      lastCell = null;
      tokens.push({ kind: 'blank', line });
      return;
    }
    const bookmark = BOOKMARK_HEADING.exec(trimmed);
    if (bookmark) {
      lastCell = null;
      inContents = false;
      tokens.push({ kind: 'heading', line, number: Number(bookmark[1]), title: bookmark[2].trim() });
      return;
    }
    if (lastCell) {
      lastCell.text = lastCell.text === '' ? trimmed : `${lastCell.text}\n${trimmed}`;
      lastCell.continuationLines += 1;
      return;
    }
    const numbered = NUMBERED_ENTRY.exec(trimmed);
    if (numbered && TABLE_TITLE_END.test(numbered[2]) && !inContents) {
      tokens.push({ kind: 'heading', line, number: Number(numbered[1]), title: numbered[2].trim() });
      return;
    }
    tokens.push({ kind: 'text', line, text: trimmed });
  });
  return tokens;
}

/** Label comparison ignores every kind of space (`其中：财政    资金`) and colon width. */
export function labelKey(text: string): string {
  return text.replace(/[\s\u3000]+/g, '').replace(/:/g, '：');
}
