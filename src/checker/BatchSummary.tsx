// Above the per-file sections when several workbooks are loaded: one line counting what can be sent and
// what cannot, and the files that need attention, each a button that moves focus to its section.
import * as React from 'react';
import { Caption1, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { summarize } from '../core/summary';
import type { SheetReport } from '../core/model';
import { NO_TABLE_TEXT, READY_TEXT, sendState, statusText } from '../web/StatusLine';

const UNREADABLE_TEXT = '无法读取';

/** What a loaded file amounts to. `warnings` is 可以发送 too (no error), but worth a look. */
export type FileKind = 'ready' | 'warnings' | 'errors' | 'no-table' | 'unreadable';

/** `reports` null: the file could not be read. */
export function fileKind(reports: readonly SheetReport[] | null): FileKind {
  if (reports === null) return 'unreadable';
  const state = sendState(reports);
  return state === 'ready' && summarize(reports).warnings > 0 ? 'warnings' : state;
}

/** Not 可以发送: the sender has to fix it, or send the right workbook. */
export function needsAttention(kind: FileKind): boolean {
  return kind === 'errors' || kind === 'no-table' || kind === 'unreadable';
}

/** `共 5 个文件：3 个可以发送（其中 1 个有警告），1 个有错误，1 个无法读取`; kinds with no file are left out. */
export function batchSummaryText(kinds: readonly FileKind[]): string {
  const count = (...of: FileKind[]) => kinds.filter((kind) => of.includes(kind)).length;
  const sendable = count('ready', 'warnings');
  const withWarnings = count('warnings');
  const parts = [
    sendable > 0 ? `${sendable} 个${READY_TEXT}${withWarnings > 0 ? `（其中 ${withWarnings} 个有警告）` : ''}` : '',
    count('errors') > 0 ? `${count('errors')} 个有错误` : '',
    count('no-table') > 0 ? `${count('no-table')} 个${NO_TABLE_TEXT}` : '',
    count('unreadable') > 0 ? `${count('unreadable')} 个${UNREADABLE_TEXT}` : '',
  ].filter((part) => part !== '');
  return `共 ${kinds.length} 个文件：${parts.join('，')}`;
}

/** A file's own status as its section's status line says it; an unreadable file has none. */
export function attentionText(reports: readonly SheetReport[] | null): string {
  return reports === null ? UNREADABLE_TEXT : statusText(reports);
}

/** The id of a file's section, where an attention entry moves focus. */
export const fileSectionId = (fileId: number): string => `file-section-${fileId}`;

export interface LoadedFile {
  id: number;
  name: string;
  /** Still being read: the summary waits until every file has been read. */
  reading: boolean;
  /** null: unreadable. */
  reports: readonly SheetReport[] | null;
}

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  line: { overflowWrap: 'anywhere' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  entry: {
    textAlign: 'left',
    overflowWrap: 'anywhere',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px', borderRadius: tokens.borderRadiusSmall },
  },
  entryStatus: { color: tokens.colorNeutralForeground2 },
});

/** Shown from two files on; with one file its status line already says it all. */
export function BatchSummary({ files }: { files: readonly LoadedFile[] }): React.JSX.Element {
  const styles = useStyles();
  const shown = files.length >= 2 && files.every((file) => !file.reading);
  const attention = shown ? files.filter((file) => needsAttention(fileKind(file.reports))) : [];
  const text = shown ? batchSummaryText(files.map((file) => fileKind(file.reports))) : '';
  return (
    <div className={shown ? styles.root : undefined} data-role="batch-summary">
      {/* Always in the page, so screen readers announce the line when it appears or changes. */}
      <Text role="status" aria-live="polite" weight="semibold" className={styles.line} data-role="batch-summary-line">
        {text}
      </Text>
      {attention.length > 0 && (
        <>
          <Caption1 id="attention-label">需要处理的文件：</Caption1>
          <ul className={styles.list} aria-labelledby="attention-label" data-role="attention">
            {attention.map((file) => (
              <li key={file.id}>
                <Link className={styles.entry} data-file={file.name} onClick={() => document.getElementById(fileSectionId(file.id))?.focus()}>
                  {file.name}
                  <span className={styles.entryStatus}>：{attentionText(file.reports)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
