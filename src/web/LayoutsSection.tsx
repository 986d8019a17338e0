// 设置 › 表格布局: the unit's taught layouts — import a profile file (one a 财政局 hands out), export one
// to hand on, remove. Kept on this computer beside the template libraries, never in a workbook.
import * as React from 'react';
import { Button, Caption1, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { describeError } from './errors';
import type { LayoutShelf } from './layoutShelf';
import { cardListStyles } from './cardList';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '420px', minWidth: 0, marginTop: tokens.spacingVerticalL },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  ...cardListStyles,
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  hiddenInput: { display: 'none' },
});

const noShelf = (): (() => void) => () => undefined;
/** The snapshot while the shelf opens: one array, so React sees no change between renders. */
const NONE: readonly never[] = [];

/** Saves a profile's text as `<名称>.layout.json` (the browser's download). */
function downloadText(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${name}.layout.json`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function LayoutsSection({ open, onChanged }: { open: () => Promise<LayoutShelf>; onChanged?: () => void }): React.JSX.Element {
  const styles = useStyles();
  const [shelf, setShelf] = React.useState<LayoutShelf | null>(null);
  const [outcome, setOutcome] = React.useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const input = React.useRef<HTMLInputElement>(null);
  React.useEffect(() => {
    open().then(setShelf, (error: unknown) => setOutcome({ intent: 'error', text: describeError(error) }));
  }, [open]);
  const layouts = React.useSyncExternalStore(shelf?.subscribe ?? noShelf, () => shelf?.layouts ?? NONE);

  const act = async (action: () => Promise<string>): Promise<void> => {
    try {
      setOutcome({ intent: 'success', text: await action() });
      onChanged?.();
    } catch (error) {
      setOutcome({ intent: 'error', text: describeError(error) });
    }
  };

  const importFile = (file: File): Promise<void> =>
    act(async () => {
      if (!shelf) throw new Error('表格布局尚未读取完，请稍后再试。');
      try {
        const profile = await shelf.importText(await file.text());
        return `已导入表格布局「${profile.name}」：同一种表样的工作表会按它读取。`;
      } catch (error) {
        throw new Error(`表格布局文件 ${file.name} 无法使用：${describeError(error)}`, { cause: error });
      }
    });

  return (
    <section className={styles.root} aria-labelledby="layouts-heading" data-role="layouts">
      <h2 id="layouts-heading" className={styles.heading}>
        表格布局
      </h2>
      <Caption1>读不出的表样可在检查结果中“指定表格布局”；也可导入财政局下发的表格布局文件（.json）。保存在本机，与模板库放在一起，不写入工作簿。</Caption1>
      {shelf?.problem && (
        <MessageBar intent="warning">
          <MessageBarBody>{shelf.problem}</MessageBarBody>
        </MessageBar>
      )}
      {outcome && (
        <MessageBar intent={outcome.intent} data-role="layouts-outcome">
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      )}
      <ul className={styles.list} aria-label="表格布局列表" data-role="layout-list">
        {layouts.length === 0 && (
          <li className={styles.item}>
            <Caption1>尚无表格布局。</Caption1>
          </li>
        )}
        {layouts.map((profile) => (
          <li key={profile.name} className={styles.item} data-layout={profile.name}>
            <div className={styles.itemText}>
              <Text weight="semibold">{profile.name}</Text>
              <Caption1>{`按 ${profile.signature.length} 个标签识别；指标从第 ${profile.grid.firstDataRow} 行起`}</Caption1>
            </div>
            <div className={styles.actions}>
              <Button size="small" aria-label={`导出 ${profile.name}`} onClick={() => downloadText(shelf?.exportText(profile.name) ?? '', profile.name)}>
                导出
              </Button>
              <Button size="small" aria-label={`移除 ${profile.name}`} onClick={() => void act(async () => (await shelf?.remove(profile.name), `已移除「${profile.name}」。`))}>
                移除
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <input
        ref={input}
        className={styles.hiddenInput}
        type="file"
        accept=".json"
        data-role="layout-file"
        aria-label="选择表格布局文件"
        tabIndex={-1}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importFile(file);
        }}
      />
      <div>
        <Button disabled={!shelf?.canStore} onClick={() => input.current?.click()}>
          导入表格布局…
        </Button>
      </div>
    </section>
  );
}
