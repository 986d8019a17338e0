// 模板: the library (the unit's own libraries first, each its own group, then the bundled seed) as a
// searchable list, the search right above its results; preview a table or insert one. A blank form and
// 全部插入 sit apart, under 更多.
import * as React from 'react';
import {
  Badge,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  SearchBox,
  Select,
  Text,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { AddRegular, DismissRegular, DocumentAddRegular, EyeRegular } from '@fluentui/react-icons';
import { FRAMEWORK_LIST } from '../core/frameworks';
import { findTemplates } from '../core/library';
import type { FrameworkName, LibraryTable, SheetReport, TemplateLibrary } from '../core/model';
import { describeError } from '../web/errors';
import { FRAMEWORK_HINT, FrameworkOptions } from '../web/FrameworkOptions';
import { usePaneLibrary, usePaneServices } from './hostContext';
import { cardListStyles } from '../web/cardList';

// The preview's table loads on the first 预览 click (docs/bundles.md: the pane's first paint is at its budget).
const TablePreview = React.lazy(() => import('./TablePreview'));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalS },
  // Basis 0: the field's own content (SearchBox shows a clear button while focused) never makes the
  // row wrap, so the list below does not jump under the pointer. Below 180 px the placeholder and the
  // framework name are cut off, so at a 320 px pane the button wraps under the field instead.
  grow: { flexGrow: 1, flexShrink: 1, flexBasis: '0px', minWidth: '180px' },
  fill: { width: '100%', minWidth: 0, boxSizing: 'border-box' },
  // The framework select takes the row: its names do not fit beside the button in a 350 px pane.
  fullRow: { flexBasis: '100%', minWidth: 0 },
  groupHeading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  ...cardListStyles,
  itemActions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexShrink: 0, marginLeft: 'auto' },
  empty: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalS, color: tokens.colorNeutralForeground3 },
  existingList: { margin: `${tokens.spacingVerticalS} 0`, paddingLeft: tokens.spacingHorizontalL, maxHeight: '40vh', overflowY: 'auto' },
});

// Budget staff read amounts as 292.00 万元: two decimals, thousands grouped; more decimals only when present.
const AMOUNT = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 6 });

export function formatAmount(value: number | null, unit: string): string {
  // A no-break space: the number and its unit stay on one line in a narrow pane.
  return value === null ? '—' : `${AMOUNT.format(value)}\u00a0${unit}`;
}

/** How many inserted sheet names the outcome lists before 等: all 16 would push the list off screen. */
const NAMED_SHEETS = 3;

function insertedText(sheetNames: string[]): string {
  const named = sheetNames.slice(0, NAMED_SHEETS).join('、');
  const more = sheetNames.length > NAMED_SHEETS ? ' 等' : '';
  return `已插入 ${sheetNames.length} 张工作表：${named}${more}`;
}

function matches(table: LibraryTable, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [table.projectName, table.title, table.department.name, table.department.code, String(table.number), table.library ?? ''].some((text) => text.toLowerCase().includes(q));
}

/** Who a table is of, for button names: its department, and the unit's library it came from. */
function tableOwner(table: LibraryTable): string {
  return [table.department.name, table.library].filter((part) => part).join('，');
}

interface TableGroup {
  /** The unit's library name; '' for the bundled seed. */
  library: string;
  tables: LibraryTable[];
}

/** Tables by the library they came from: the unit's own libraries first (their tables are the unit's), the bundled seed last. */
export function groupByLibrary(tables: readonly LibraryTable[]): TableGroup[] {
  const groups = new Map<string, LibraryTable[]>();
  for (const table of tables) {
    const key = table.library ?? '';
    groups.set(key, [...(groups.get(key) ?? []), table]);
  }
  const listed = [...groups].map(([library, grouped]) => ({ library, tables: grouped }));
  // Array.prototype.sort is stable: the unit's libraries keep their order.
  return listed.sort((a, b) => Number(a.library === '') - Number(b.library === ''));
}


type Outcome = { intent: 'success' | 'error'; text: string } | null;

/**
 * The library tables already in the workbook, by the project names the check read from its sheets. A
 * name two library tables share (法治建设) counts both as present: the sheet does not say the department.
 */
export function tablesInWorkbook(library: TemplateLibrary, reports: readonly SheetReport[]): LibraryTable[] {
  const present = new Set(reports.flatMap((report) => findTemplates(library, report.projectName)));
  return library.tables.filter((table) => present.has(table));
}

export interface TemplatesTabProps {
  /** The workbook's tables as last checked; null before the first check (nothing is known to be there). */
  reports?: readonly SheetReport[] | null;
  /** 设置's framework: the one a blank form gets unless the clerk picks another. */
  defaultFramework?: FrameworkName | 'auto';
  /** A blank form went in: its framework is recorded for its sheet. */
  onBlankInserted?: (sheet: string, framework: FrameworkName) => void;
  /** Opens 检查 (the pointer after an insert). */
  onShowCheck?: () => void;
}

export function TemplatesTab({ reports = null, defaultFramework, onBlankInserted, onShowCheck }: TemplatesTabProps): React.JSX.Element {
  const styles = useStyles();
  const { host } = usePaneServices();
  const library = usePaneLibrary();
  const [existing, setExisting] = React.useState<LibraryTable[] | null>(null);
  const [query, setQuery] = React.useState('');
  const [preview, setPreview] = React.useState<LibraryTable | null>(null);
  const [progress, setProgress] = React.useState<{ done: number; total: number } | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [outcome, setOutcome] = React.useState<Outcome>(null);
  const [picked, setBlankFramework] = React.useState<FrameworkName | null>(null);
  const blankFramework = picked ?? (defaultFramework && defaultFramework !== 'auto' ? defaultFramework : (FRAMEWORK_LIST[0]?.name ?? 'seed'));
  const visible = library.tables.filter((table) => matches(table, query));
  const inWorkbook = React.useMemo(() => new Set(reports ? tablesInWorkbook(library, reports) : []), [library, reports]);

  const run = async (action: () => Promise<{ sheetNames: string[] }>): Promise<{ sheetNames: string[] } | null> => {
    setBusy(true);
    setOutcome(null);
    try {
      const result = await action();
      setOutcome({ intent: 'success', text: insertedText(result.sheetNames) });
      return result;
    } catch (error) {
      setOutcome({ intent: 'error', text: describeError(error) });
      return null;
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const insertTables = (tables: LibraryTable[]): Promise<unknown> =>
    run(() => {
      // One table goes in at once; a bar only for several.
      if (tables.length === 1) return host.insertTables(tables);
      setProgress({ done: 0, total: tables.length });
      return host.insertTables(tables, (done, total) => setProgress({ done, total }));
    });
  // Tables already in the workbook: ask first (skip them, or add copies), never add 数字化运维项目 (2) unasked.
  // `group`: the tables 全部插入 is about — the whole library, or one library's (its heading's button).
  const [insertGroup, setInsertGroup] = React.useState<LibraryTable[]>([]);
  // The buttons that open a dialog get focus back when it closes (Esc, 关闭, 取消): Fluent restores focus to
  // the element so marked where no DialogTrigger opened the dialog ("Trigger outside dialog",
  // react.fluentui.dev/?path=/docs/components-dialog--docs).
  const opener = useRestoreFocusTarget();
  // 插入 of one table asks the same way (its dialog then offers a copy or 取消).
  const insertAll = (tables: LibraryTable[] = library.tables): void => {
    const present = tables.filter((table) => inWorkbook.has(table));
    setInsertGroup(tables);
    if (present.length === 0) void insertTables(tables);
    else setExisting(present);
  };
  const missing = existing ? insertGroup.filter((table) => !existing.includes(table)) : [];
  const single = insertGroup.length === 1 ? insertGroup[0] : null;
  const chooseInsert = (tables: LibraryTable[]): void => {
    setExisting(null);
    if (tables.length > 0) void insertTables(tables);
  };

  return (
    <div className={styles.root}>
      {outcome && (
        <MessageBar intent={outcome.intent} data-role="insert-outcome">
          <MessageBarBody>
            {outcome.text}
            {outcome.intent === 'success' && onShowCheck && (
              <Button appearance="transparent" size="small" onClick={onShowCheck} data-role="go-check">
                去检查
              </Button>
            )}
          </MessageBarBody>
          <MessageBarActions containerAction={<Button appearance="transparent" aria-label="关闭提示" icon={<DismissRegular />} onClick={() => setOutcome(null)} />} />
        </MessageBar>
      )}
      <div className={styles.row}>
        <Field label="搜索模板" className={styles.grow}>
          <SearchBox className={styles.fill} value={query} onChange={(_, data) => setQuery(data.value)} placeholder="项目名称、处室或编号" aria-describedby="template-count" />
        </Field>
      </div>
      {progress && (
        <Field validationMessage={`正在插入 ${progress.done} / ${progress.total}`} validationState="none">
          <ProgressBar value={progress.total ? progress.done / progress.total : 0} aria-label="插入进度" />
        </Field>
      )}
      <Text role="status" size={200} id="template-count" data-role="template-count">
        {query ? `找到 ${visible.length} 个模板` : `共 ${library.tables.length} 个模板`}
      </Text>
      {visible.length === 0 && (
        <div className={styles.empty} data-role="no-templates">
          <Text>{query ? `没有与“${query.trim()}”匹配的模板。可按项目名称、处室名称、单位编码或表号搜索。` : '模板库为空。'}</Text>
          {query && <Button onClick={() => setQuery('')}>清除搜索</Button>}
        </div>
      )}
      {/* One list while only the bundled seed is there; with the unit's libraries, one titled list each. */}
      {(() => {
        const groups = groupByLibrary(visible);
        const titled = library.tables.some((table) => table.library !== undefined);
        return groups.map((group) => (
          <section key={group.library} className={styles.root} data-role="template-group" data-library={group.library}>
            {titled && (
              <div className={styles.row}>
                <h2 className={`${styles.groupHeading} ${styles.grow}`}>
                  {group.library || '内置模板'}（{group.tables.length} 张表）
                </h2>
                <Button size="small" icon={<AddRegular />} disabled={busy} aria-label={`插入本库全部：${group.library || '内置模板'}（${group.tables.length} 张表）`} onClick={() => insertAll(group.tables)} {...opener}>
                  插入本库全部
                </Button>
              </div>
            )}
            <ul className={styles.list} aria-label={titled ? `模板列表：${group.library || '内置模板'}` : '模板列表'} data-role="template-list">
              {group.tables.map((table) => (
                <li key={`${table.source}-${table.number}`} className={styles.item} data-template={table.number} data-library={table.library ?? ''}>
                  <div className={styles.itemText}>
                    <Text weight="semibold">
                      {table.number}. {table.projectName}
                    </Text>
                    <Caption1>{table.sheet !== undefined ? `工作表：${table.sheet}` : table.department.name}</Caption1>
                    <Caption1>
                      预算 {formatAmount(table.budget.total, table.unit)} · {table.indicators.length} 个指标
                    </Caption1>
                    {inWorkbook.has(table) && (
                      <Badge appearance="tint" color="subtle" data-role="in-workbook">
                        已在工作簿中
                      </Badge>
                    )}
                  </div>
                  <div className={styles.itemActions}>
                    <Button size="small" icon={<EyeRegular />} aria-label={`预览 ${table.projectName}（${tableOwner(table)}）`} onClick={() => setPreview(table)} {...opener}>
                      预览
                    </Button>
                    <Button size="small" appearance="primary" disabled={busy} aria-label={`插入 ${table.projectName}（${tableOwner(table)}）`} onClick={() => insertAll([table])} {...opener}>
                      插入
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        ));
      })()}
      {/* 更多: what is not finding one table — a blank form, every table shown — apart from the search and its results. */}
      <section className={styles.root} aria-labelledby="templates-more" data-role="templates-more">
        <h2 id="templates-more" className={styles.groupHeading}>
          更多
        </h2>
        <div className={styles.row}>
          <Field label="空白表的指标框架" hint={FRAMEWORK_HINT} className={styles.fullRow}>
            <Select className={styles.fill} value={blankFramework} onChange={(_, data) => setBlankFramework(data.value as FrameworkName)}>
              <FrameworkOptions />
            </Select>
          </Field>
          <Button icon={<DocumentAddRegular />} disabled={busy} data-shortcut="n" aria-keyshortcuts="Alt+N" onClick={() => void run(() => host.insertBlank(blankFramework)).then((r) => r?.sheetNames.forEach((sheet) => onBlankInserted?.(sheet, blankFramework)))}>
            插入空白表
          </Button>
          <Button icon={<AddRegular />} onClick={() => insertAll(visible)} disabled={busy || visible.length === 0} {...opener}>
            全部插入（{visible.length}）
          </Button>
        </div>
      </section>
      <Dialog open={preview !== null} onOpenChange={(_, data) => !data.open && setPreview(null)}>
        <DialogSurface aria-describedby={undefined}>
          {preview && (
            <DialogBody>
              <DialogTitle
                action={
                  <DialogTrigger action="close">
                    <Button appearance="subtle" aria-label="关闭预览" icon={<DismissRegular />} />
                  </DialogTrigger>
                }
              >
                {preview.title || preview.projectName}
              </DialogTitle>
              {/* Scrolls up and down in a short pane: focusable, so the keyboard can scroll it too. */}
              <DialogContent tabIndex={0} role="region" aria-label={`${preview.projectName} 的内容（可滚动）`}>
                <React.Suspense fallback={<Caption1>正在加载…</Caption1>}>
                  <TablePreview table={preview} />
                </React.Suspense>
              </DialogContent>
              <DialogActions>
                <Button
                  appearance="primary"
                  disabled={busy}
                  onClick={() => {
                    const table = preview;
                    setPreview(null);
                    insertAll([table]);
                  }}
                >
                  插入此表
                </Button>
                <Button onClick={() => setPreview(null)}>关闭</Button>
              </DialogActions>
            </DialogBody>
          )}
        </DialogSurface>
      </Dialog>
      <Dialog open={existing !== null} onOpenChange={(_, data) => !data.open && setExisting(null)}>
        <DialogSurface data-role="existing-dialog">
          {existing && (
            <DialogBody>
              <DialogTitle>{single ? `「${single.projectName}」已在工作簿中` : `工作簿中已有 ${existing.length} 张模板表`}</DialogTitle>
              <DialogContent>
                <Text>{single ? '再插入会另加一份副本（工作表名后加编号）。' : `以下模板已在工作簿中。跳过它们，只插入其余 ${missing.length} 张？也可以全部插入，已有的表另加一份副本。`}</Text>
                <ul className={styles.existingList} aria-label="已在工作簿中的模板" data-role="existing-list">
                  {existing.map((table) => (
                    <li key={`${table.source}-${table.number}`}>
                      {table.number}. {table.projectName}（{table.department.name}）
                    </li>
                  ))}
                </ul>
              </DialogContent>
              <DialogActions fluid>
                {!single && (
                  <Button appearance="primary" disabled={missing.length === 0} onClick={() => chooseInsert(missing)} data-role="insert-missing">
                    {missing.length === 0 ? '模板都已在工作簿中' : `跳过已有的，插入 ${missing.length} 张`}
                  </Button>
                )}
                <Button onClick={() => chooseInsert(insertGroup)} data-role="insert-copies">
                  {single ? '再插入一份副本' : '全部插入（已有的加副本）'}
                </Button>
                <DialogTrigger action="close">
                  <Button appearance="subtle">取消</Button>
                </DialogTrigger>
              </DialogActions>
            </DialogBody>
          )}
        </DialogSurface>
      </Dialog>
    </div>
  );
}
