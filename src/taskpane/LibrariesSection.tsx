// 设置 › 模板库: the unit's own libraries (last year's workbook, a seed-style text) beside the bundled seed —
// add, list with table counts, remove. Kept on this computer for every workbook, never inside one.
import * as React from 'react';
import { Button, Caption1, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import type { TemplateLibrary } from '../core/model';
import { describeError } from '../web/errors';
import type { LibraryShelf } from '../web/libraryShelf';
import { LIBRARY_FILE_ACCEPT, STORED_LIBRARIES_MAX_BYTES, storedBytes } from '../web/libraryStore';
import { cardListStyles } from '../web/cardList';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '420px', minWidth: 0, marginTop: tokens.spacingVerticalL },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  ...cardListStyles,
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  hiddenInput: { display: 'none' },
});

function counts(library: TemplateLibrary): string {
  const indicators = library.tables.reduce((n, t) => n + t.indicators.length, 0);
  return `${library.tables.length} 张表，${indicators} 条指标`;
}

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(2)} MB`;

type Outcome = { intent: 'success' | 'error'; text: string } | null;

export interface LibrariesSectionProps {
  shelf: LibraryShelf;
  /** After a library is added or removed: the pane re-checks against the new library. */
  onChanged?: () => void;
}

export function LibrariesSection({ shelf, onChanged }: LibrariesSectionProps): React.JSX.Element {
  const styles = useStyles();
  const stored = React.useSyncExternalStore(shelf.subscribe, () => shelf.stored);
  const input = React.useRef<HTMLInputElement>(null);
  const [busy, setBusy] = React.useState(false);
  const [outcome, setOutcome] = React.useState<Outcome>(null);
  const used = stored.length === 0 ? 0 : storedBytes(JSON.stringify({ version: 1, libraries: stored }));

  const act = async (action: () => Promise<string>): Promise<void> => {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome({ intent: 'success', text: await action() });
      onChanged?.();
    } catch (error) {
      setOutcome({ intent: 'error', text: describeError(error) });
    } finally {
      setBusy(false);
    }
  };

  const addFile = (file: File): Promise<void> =>
    act(async () => {
      const entry = await shelf.add(file.name, await file.arrayBuffer());
      const skipped = entry.library.notes.length > 0 ? `；${entry.library.notes.length} 条说明见下` : '';
      return `已添加「${entry.name}」：${counts(entry.library)}${skipped}。同一项目的表以它为准。`;
    });

  const remove = (name: string): Promise<void> =>
    act(async () => {
      await shelf.remove(name);
      return `已移除「${name}」。`;
    });

  return (
    <section className={styles.root} aria-labelledby="libraries-heading" data-role="libraries">
      <h2 id="libraries-heading" className={styles.heading}>
        模板库
      </h2>
      <Caption1>
        加入本单位上年申报的工作簿（.xlsx、.xls、.ods）或从 Word 导出的文本（.txt）。检查时同一项目的表与它对照，指标缺失或目标降低会提示；同一项目以本单位的模板库为准（后添加的优先），其次才是内置模板。模板库保存在本机，对所有工作簿有效，不写入工作簿。
      </Caption1>
      {shelf.problem && (
        <MessageBar intent="warning" data-role="libraries-problem">
          <MessageBarBody>{shelf.problem}</MessageBarBody>
        </MessageBar>
      )}
      {outcome && (
        <MessageBar intent={outcome.intent} data-role="libraries-outcome">
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      )}
      <ul className={styles.list} aria-label="模板库列表" data-role="library-list">
        <li className={styles.item} data-library="">
          <div className={styles.itemText}>
            <Text weight="semibold">内置模板</Text>
            <Caption1>{counts(shelf.bundled)}（天津市司法局 2024）</Caption1>
          </div>
        </li>
        {stored.map((entry) => (
          <li key={entry.name} className={styles.item} data-library={entry.name}>
            <div className={styles.itemText}>
              <Text weight="semibold">{entry.name}</Text>
              <Caption1 data-role="library-counts">{counts(entry.library)}</Caption1>
              {entry.library.notes.length > 0 && (
                <ul className={styles.notes} aria-label={`${entry.name} 的说明`}>
                  {entry.library.notes.map((note, i) => (
                    <li key={i}>{note.message}</li>
                  ))}
                </ul>
              )}
            </div>
            <Button size="small" icon={<DeleteRegular />} disabled={busy} aria-label={`移除 ${entry.name}`} onClick={() => void remove(entry.name)}>
              移除
            </Button>
          </li>
        ))}
      </ul>
      <input
        ref={input}
        className={styles.hiddenInput}
        type="file"
        accept={LIBRARY_FILE_ACCEPT}
        data-role="library-file"
        aria-label="选择模板库文件"
        tabIndex={-1}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void addFile(file);
        }}
      />
      <div>
        <Button icon={<AddRegular />} disabled={busy || !shelf.canStore} onClick={() => input.current?.click()}>
          {busy ? '正在读取…' : '添加模板库…'}
        </Button>
      </div>
      <Caption1 data-role="libraries-usage">
        {shelf.canStore ? `已用 ${megabytes(used)}，上限 ${megabytes(STORED_LIBRARIES_MAX_BYTES)}。` : '此环境不能在本机保存模板库（浏览器存储不可用或已被禁用）。'}
      </Caption1>
    </section>
  );
}
