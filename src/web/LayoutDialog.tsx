// 指定表格布局: the person points at each field's value cell and at each indicator column (in the first
// indicator row), by clicking the grid preview or, in Excel, by selecting a cell and pressing
// 使用所选单元格; the reading under the draft is shown as they go. Loaded only when opened (a lazy chunk).
import * as React from 'react';
import { Button, Caption1, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { LAYOUT_COLUMNS, LAYOUT_FIELDS, LAYOUT_PART_NAMES, previewLayout, type LayoutColumn, type LayoutField, type LayoutPointing } from '../core/layouts';
import { columnName, fromA1, toA1 } from '../core/sheet/address';
import { cellText } from '../core/sheet/cells';
import { maxOf } from '../core/bounded';
import type { CellGrid } from '../core/sheet/types';
import { describeError } from './errors';
import type { LayoutShelf } from './layoutShelf';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(960px, 96vw)' },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  gridBox: { overflow: 'auto', maxHeight: '40vh', border: `1px solid ${tokens.colorNeutralStroke2}` },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  head: { backgroundColor: tokens.colorNeutralBackground3, padding: '0 4px', fontWeight: tokens.fontWeightRegular },
  cell: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: 0 },
  cellButton: {
    display: 'block',
    border: 'none',
    background: 'none',
    font: 'inherit',
    color: 'inherit',
    textAlign: 'left',
    width: '100%',
    boxSizing: 'border-box',
    minWidth: '48px',
    maxWidth: '160px',
    padding: '2px 4px',
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
    cursor: 'pointer',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  picked: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  preview: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Part = LayoutField | LayoutColumn;
const PARTS: readonly Part[] = [...LAYOUT_FIELDS, ...LAYOUT_COLUMNS];
/** The preview shows the top of a form: the header block and the first indicator rows. */
const PREVIEW_ROWS = 60;
const PREVIEW_COLS = 14;

export interface LayoutDialogProps {
  sheetName: string;
  loadGrid: () => Promise<CellGrid>;
  /** Excel: the selected cell on this sheet (使用所选单元格); absent on the checker page. */
  readSelection?: () => Promise<string | null>;
  shelf: LayoutShelf;
  onClose: (saved: boolean) => void;
}

const isColumn = (part: Part): part is LayoutColumn => (LAYOUT_COLUMNS as readonly string[]).includes(part);

function hint(part: Part): string {
  return isColumn(part) ? `点该列第一行指标所在的单元格` : `点填写${LAYOUT_PART_NAMES[part]}的单元格（不是标签）`;
}

export default function LayoutDialog({ sheetName, loadGrid, readSelection, shelf, onClose }: LayoutDialogProps): React.JSX.Element {
  const styles = useStyles();
  const [grid, setGrid] = React.useState<CellGrid | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [part, setPart] = React.useState<Part>('projectName');
  const [pointing, setPointing] = React.useState<LayoutPointing>({ fields: {}, firstDataRow: null, columns: {} });
  const [name, setName] = React.useState(sheetName);
  const [saving, setSaving] = React.useState(false);

  // Read once when the dialog opens, whatever the parent re-renders meanwhile (the live check).
  const load = React.useRef(loadGrid);
  React.useEffect(() => {
    load.current().then(setGrid, (e: unknown) => setError(describeError(e)));
  }, []);

  const preview = React.useMemo(() => (grid ? previewLayout(grid, name, pointing) : null), [grid, name, pointing]);

  const point = (row: number, col: number): void => {
    setPointing((now) => {
      if (!isColumn(part)) return { ...now, fields: { ...now.fields, [part]: { row, col } } };
      // The first column pointed at gives the first indicator row; later ones only their columns.
      return { ...now, columns: { ...now.columns, [part]: col }, firstDataRow: part === 'level1' || now.firstDataRow === null ? row : now.firstDataRow };
    });
    const next = PARTS[PARTS.indexOf(part) + 1];
    if (next) setPart(next);
  };

  const useSelection = async (): Promise<void> => {
    try {
      const address = await readSelection?.();
      if (!address) return setError('请先在工作表中选择一个单元格。');
      setError(null);
      const { row, col } = fromA1(address);
      point(row, col);
    } catch (e) {
      setError(describeError(e));
    }
  };

  const save = async (): Promise<void> => {
    if (!preview?.profile) return;
    setSaving(true);
    try {
      await shelf.save(preview.profile);
      onClose(true);
    } catch (e) {
      setError(describeError(e));
      setSaving(false);
    }
  };

  const pickedAt = new Map<string, string>();
  for (const [field, at] of Object.entries(pointing.fields)) pickedAt.set(toA1(at.row, at.col), LAYOUT_PART_NAMES[field as LayoutField]);
  for (const [column, col] of Object.entries(pointing.columns)) if (pointing.firstDataRow !== null) pickedAt.set(toA1(pointing.firstDataRow, col), LAYOUT_PART_NAMES[column as LayoutColumn]);
  const pointed = (p: Part): string => {
    if (isColumn(p)) return pointing.columns[p] === undefined ? '' : `：${columnName(pointing.columns[p])} 列`;
    const at = pointing.fields[p];
    return at ? `：${toA1(at.row, at.col)}` : '';
  };

  // One tab stop for the whole preview; arrow keys move between cells (a roving tabindex).
  const [focused, setFocused] = React.useState<{ r: number; c: number }>({ r: 0, c: 0 });
  const gridBox = React.useRef<HTMLDivElement>(null);
  const moveFocus = (event: React.KeyboardEvent, r: number, c: number): void => {
    const step: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = step[event.key];
    if (!move) return;
    event.preventDefault();
    const next = { r: Math.min(Math.max(r + move[0], 0), rows - 1), c: Math.min(Math.max(c + move[1], 0), cols - 1) };
    setFocused(next);
    gridBox.current?.querySelector<HTMLButtonElement>(`button[data-rc="${next.r}-${next.c}"]`)?.focus();
  };

  const rows = grid ? Math.min(PREVIEW_ROWS, grid.values.length) : 0;
  const cols = grid ? Math.min(PREVIEW_COLS, maxOf(grid.values.slice(0, rows).map((line) => line?.length ?? 0), 0)) : 0;

  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && onClose(false)}>
      <DialogSurface className={styles.surface} data-role="layout-dialog">
        <DialogBody>
          <DialogTitle>指定表格布局：{sheetName}</DialogTitle>
          <DialogContent className={styles.body}>
            <Caption1>逐项指出这种表样把内容填在哪里；保存后，同一种表样的其他文件会自动按此读取。地址不会改变，问题仍指向您表中的单元格。</Caption1>
            {error && (
              <MessageBar intent="error" data-role="layout-error">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
            <RadioGroup value={part} onChange={(_, data) => setPart(data.value as Part)} aria-label="要指定的内容" layout="horizontal">
              {PARTS.map((p) => (
                <Radio key={p} value={p} label={`${LAYOUT_PART_NAMES[p]}${p === 'level3' ? '（可无）' : ''}${pointed(p)}`} data-part={p} />
              ))}
            </RadioGroup>
            <Caption1 data-role="layout-hint">{hint(part)}；在预览中可用方向键移动，Enter 选定。</Caption1>
            {readSelection && (
              <div>
                <Button onClick={() => void useSelection()} data-role="use-selection">
                  使用所选单元格
                </Button>
              </div>
            )}
            {grid === null && !error && <Caption1>正在读取工作表…</Caption1>}
            {grid && (
              <div className={styles.gridBox} ref={gridBox}>
                <table className={styles.table} aria-label={`${sheetName} 的单元格（前 ${rows} 行）`}>
                  <thead>
                    <tr>
                      <td className={styles.head} />
                      {Array.from({ length: cols }, (_, c) => (
                        <th key={c} className={styles.head} scope="col">
                          {columnName(grid.left + c)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {Array.from({ length: rows }, (_, r) => (
                      <tr key={r}>
                        <th className={styles.head} scope="row">
                          {grid.top + r + 1}
                        </th>
                        {Array.from({ length: cols }, (_, c) => {
                          const address = toA1(grid.top + r, grid.left + c);
                          const text = cellText(grid.values[r]?.[c] ?? null);
                          const picked = pickedAt.get(address);
                          return (
                            <td key={c} className={`${styles.cell} ${picked ? styles.picked : ''}`}>
                              <button
                                type="button"
                                className={styles.cellButton}
                                data-cell={address}
                                data-rc={`${r}-${c}`}
                                tabIndex={focused.r === r && focused.c === c ? 0 : -1}
                                onKeyDown={(event) => moveFocus(event, r, c)}
                                onFocus={() => setFocused({ r, c })}
                                title={text} aria-label={`${address} ${text || '空'}${picked ? `（${picked}）` : ''}`} onClick={() => point(grid.top + r, grid.left + c)}>
                                {text || '\u00a0'}
                              </button>
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <Field label="表样名称">
              <Input value={name} onChange={(_, data) => setName(data.value)} data-role="layout-name" />
            </Field>
            <section aria-label="读取预览" aria-live="polite" data-role="layout-preview" data-reads={preview?.reads ? 'true' : 'false'}>
              <Caption1>读取预览</Caption1>
              <ul className={styles.preview}>
                {(preview?.lines ?? []).map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            </section>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={!preview?.reads || saving || !shelf.canStore} onClick={() => void save()} data-role="layout-save">
              保存布局
            </Button>
            <Button onClick={() => onClose(false)}>取消</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
