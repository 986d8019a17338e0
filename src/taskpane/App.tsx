// The task pane: 模板 / 检查 / 设置 tabs over a JixiaoHost. No Office.js here: the host does Excel.
import * as React from 'react';
import {
  Badge,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { FrameworkName, Issue, Settings, SheetReport, Suggestion } from '../core/model';
import { summarize } from '../core/summary';
import { deferWaiting } from '../core/untouched';
import { describeError } from '../web/errors';
import type { CheckAllOptions } from '../web/host';
import type { SuggestionFocus } from './SuggestionsTab';
import { TemplatesTab } from './TemplatesTab';
import { usePaneServices } from './hostContext';
import type { PaneView } from './view';

const SAVE_DELAY_MS = 400;

// Only 模板 is drawn at first paint; 检查 and 设置 (and what others add to them) load when first opened.
const CheckTab = React.lazy(async () => ({ default: (await import('./CheckTab')).CheckTab }));
// 指定表格布局… shows only beside an unreadable-layout issue: its code waits until then.
const TeachLayoutButton = React.lazy(async () => ({ default: (await import('../web/TeachLayoutButton')).TeachLayoutButton }));
const SettingsTab = React.lazy(async () => ({ default: (await import('./SettingsTab')).SettingsTab }));
const SuggestionsTab = React.lazy(async () => ({ default: (await import('./SuggestionsTab')).SuggestionsTab }));
const LibrariesSettings = React.lazy(async () => ({ default: (await import('./SettingsTab')).LibrariesSettings }));

const useStyles = makeStyles({
  root: {
    boxSizing: 'border-box',
    minWidth: '300px',
    maxWidth: '560px',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  tabLabel: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  srOnly: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
  panel: { paddingTop: tokens.spacingVerticalS },
  issueAction: { minWidth: 0, paddingLeft: 0 },
});

export interface AppProps {
  initialView: PaneView;
  /** The ribbon's 检查 button opens the pane with view=check: check everything at once. */
  checkOnOpen: boolean;
}

/**
 * Alt+letter presses the pane's control marked data-shortcut with that letter (模板, 检查, 插入空白表,
 * 全部修正). Handled here rather than by HTML accesskey, whose modifiers differ by browser and which a
 * host's webview may keep for itself.
 */
function useShortcuts(): void {
  React.useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!event.altKey || event.ctrlKey || event.metaKey || !/^Key[A-Z]$/.test(event.code)) return;
      const target = document.querySelector<HTMLButtonElement>(`[data-shortcut="${event.code.slice(3).toLowerCase()}"]`);
      if (!target || target.disabled) return;
      event.preventDefault();
      target.focus();
      target.click();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

export function App({ initialView, checkOnOpen }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const { host, layouts, openPublicTables } = usePaneServices();
  const [view, setView] = React.useState<PaneView>(initialView);
  const [reports, setReports] = React.useState<SheetReport[] | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [progress, setProgress] = React.useState<{ done: number; total: number } | null>(null);
  const [settings, setSettings] = React.useState<Settings | null>(null);
  const [saveState, setSaveState] = React.useState('');
  const saveTimer = React.useRef<ReturnType<typeof setTimeout> | null>(null);
  const [suggestFocus, setSuggestFocus] = React.useState<SuggestionFocus | null>(null);
  const [activeSheet, setActiveSheet] = React.useState<string | null>(null);
  const [insertOutcome, setInsertOutcome] = React.useState<string | null>(null);
  const [checkedAll, setCheckedAll] = React.useState<ReadonlySet<string>>(new Set());

  const showError = React.useCallback((cause: unknown) => setError(describeError(cause)), []);
  useShortcuts();

  /** Runs a button's action with the buttons disabled; a failure goes to the error bar. */
  const whileBusy = React.useCallback(
    async (action: () => Promise<void>): Promise<void> => {
      setBusy(true);
      try {
        await action();
      } catch (cause) {
        showError(cause);
      } finally {
        setBusy(false);
        setProgress(null);
      }
    },
    [showError],
  );

  /** Re-reads every sheet; the reports also go to the list. */
  const freshReports = React.useCallback(async (options?: CheckAllOptions): Promise<SheetReport[]> => {
    const next = await host.checkAll((done, total) => setProgress({ done, total }), options);
    setReports(next);
    return next;
  }, [host]);
  const checkAll = React.useCallback((): Promise<void> => whileBusy(async () => void (await freshReports())), [freshReports, whileBusy]);

  React.useEffect(() => {
    let stop: (() => Promise<void>) | null = null;
    let cancelled = false;
    host.loadSettings().then((loaded) => !cancelled && setSettings(loaded), showError);
    host
      .startLiveCheck((next) => !cancelled && setReports(next), showError)
      .then((stopLive) => {
        if (cancelled) void stopLive();
        else stop = stopLive;
      }, showError);
    // Opening on 检查 checks everything, which the clerk did not ask for: untouched forms wait (待填写), unmarked.
    if (checkOnOpen) void whileBusy(async () => void (await freshReports({ holdWaiting: true })));
    return () => {
      cancelled = true;
      if (stop) void stop();
      if (saveTimer.current) clearTimeout(saveTimer.current);
    };
  }, [host, checkOnOpen, freshReports, whileBusy, showError]);

  // 建议 shows the sheet the user is on: asked once each time the tab opens.
  React.useEffect(() => {
    if (view !== 'suggest') return;
    // 公开样表 join the suggestions only now (their chunk is not part of the first paint).
    openPublicTables?.().catch(showError);
    let current = true;
    host.activeSheetName().then((name) => current && setActiveSheet(name), showError);
    return () => {
      current = false;
    };
  }, [view, host, showError, openPublicTables]);

  const insertSuggestion = (sheet: string, suggestion: Suggestion): void => {
    const { fix } = suggestion;
    if (!fix) return;
    setInsertOutcome(null);
    // applyFixes re-checks the sheet before it resolves, so the list (and every other fix) is current again.
    void whileBusy(async () => {
      const { selected } = await host.applyFixes(sheet, [fix]);
      setInsertOutcome(`已插入「${suggestion.level3}」${selected.length > 0 ? `，请在 ${selected.join('、')} 填写指标值` : ''}。`);
    });
  };

  /** A goal clause with no indicator links to the indicators the library has for it. */
  const issueActions = (sheet: string, issue: Issue): React.ReactNode => {
    if (issue.code === 'unreadable-layout' && layouts && host.readSheetGrid) {
      const readSheetGrid = host.readSheetGrid.bind(host);
      const readSelection = async () => {
        const selected = await host.selectedCell?.();
        return selected && selected.sheetName === sheet ? selected.address : null;
      };
      return (
        <React.Suspense fallback={null}>
          <TeachLayoutButton sheetName={sheet} loadGrid={() => readSheetGrid(sheet)} readSelection={readSelection} openShelf={layouts} onSaved={() => void checkAll()} />
        </React.Suspense>
      );
    }
    const clause = issue.goalClause;
    const report = reports?.find((r) => r.sheet === sheet);
    if (!clause || !report?.suggestions?.clauses.some((c) => c.clause === clause)) return null;
    return (
      <Button
        appearance="transparent"
        size="small"
        className={styles.issueAction}
        onClick={() => {
          setSuggestFocus({ sheet, clause });
          setView('suggest');
        }}
        data-role="show-clause-suggestions"
      >
        查看建议指标
      </Button>
    );
  };

  const selectCell = (sheet: string, address: string): void => {
    host.selectCell(sheet, address).catch(showError);
  };

  const changeSettings = (next: Settings): void => {
    setSettings(next);
    setSaveState('正在保存…');
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => {
      host
        .saveSettings(next)
        .then(async () => {
          setSaveState('已保存到工作簿，正在重新检查…');
          await checkAll();
          setSaveState('已保存到工作簿，并已按新设置重新检查。');
        })
        .catch((cause: unknown) => {
          setSaveState('保存失败');
          showError(cause);
        });
    }, SAVE_DELAY_MS);
  };

  /** The framework a blank form was inserted with is recorded for its sheet, so it wins over detection. */
  const recordFramework = (sheet: string, framework: FrameworkName): void => {
    host
      .loadSettings()
      .then((loaded) => {
        const next = { ...loaded, sheetFrameworks: { ...loaded.sheetFrameworks, [sheet]: framework } };
        setSettings(next);
        return host.saveSettings(next);
      })
      .catch(showError);
  };

  // An untouched form's empty cells are 待填写 while the clerk works, errors once 全部检查 has been asked
  // for (sheets then in the workbook; a blank form inserted later starts untouched again).
  const shown = React.useMemo(() => reports?.map((report) => (checkedAll.has(report.sheet) ? report : deferWaiting(report))) ?? null, [reports, checkedAll]);
  const counts = shown ? summarize(shown) : null;

  return (
    <main className={styles.root}>
      <h1 className={styles.header}>绩效目标表助手</h1>
      {error && (
        <MessageBar intent="error" data-role="pane-error">
          <MessageBarBody>
            <MessageBarTitle>操作未完成</MessageBarTitle>
            {error}
          </MessageBarBody>
          <MessageBarActions containerAction={<Button appearance="transparent" aria-label="关闭提示" icon={<DismissRegular />} onClick={() => setError(null)} />} />
        </MessageBar>
      )}
      <TabList
        selectedValue={view}
        onTabSelect={(_, data) => {
          setView(data.value as PaneView);
          // Opened by hand: the sheet the user is on, not the last goal issue followed.
          setSuggestFocus(null);
        }}
        aria-label="功能"
      >
        {/* Alt+M / Alt+C reach 模板 and 检查 in one key press (see useShortcuts). */}
        <Tab value="templates" data-shortcut="m" aria-keyshortcuts="Alt+M">
          模板
        </Tab>
        <Tab value="check" data-shortcut="c" aria-keyshortcuts="Alt+C">
          <span className={styles.tabLabel}>
            检查
            {/* The counts in the colours of the issue list's badges; said in words to screen readers ("检查（1 个错误，1 个警告）", not "检查 1 1"). */}
            {counts && counts.errors > 0 && (
              <Badge color="danger" appearance="filled" size="small" aria-hidden data-role="tab-errors">
                {counts.errors}
              </Badge>
            )}
            {counts && counts.warnings > 0 && (
              <Badge color="warning" appearance="filled" size="small" aria-hidden data-role="tab-warnings">
                {counts.warnings}
              </Badge>
            )}
            {counts && counts.errors + counts.warnings > 0 && (
              <span className={styles.srOnly}>
                （{[counts.errors > 0 ? `${counts.errors} 个错误` : '', counts.warnings > 0 ? `${counts.warnings} 个警告` : ''].filter(Boolean).join('，')}）
              </span>
            )}
          </span>
        </Tab>
        <Tab value="suggest">建议</Tab>
        <Tab value="settings">设置</Tab>
      </TabList>
      <div className={styles.panel} role="tabpanel" aria-label={{ templates: '模板', check: '检查', suggest: '建议', settings: '设置' }[view]}>
        <React.Suspense fallback={<span>正在加载…</span>}>
          {view === 'templates' && <TemplatesTab reports={reports} defaultFramework={settings?.framework} onBlankInserted={recordFramework} onShowCheck={() => setView('check')} />}
          {view === 'check' && (
            <CheckTab
              reports={shown}
              progress={progress}
              busy={busy}
              onCheckAll={() => void whileBusy(async () => setCheckedAll(new Set((await freshReports()).map((report) => report.sheet))))}
              onSelectCell={selectCell}
              onShowTemplates={() => setView('templates')}
              issueActions={issueActions}
              whileBusy={whileBusy}
              checkAll={freshReports}
              settings={settings}
              onSettingsChange={changeSettings}
            />
          )}
          {view === 'suggest' && <SuggestionsTab reports={reports} focus={suggestFocus} activeSheet={activeSheet} busy={busy} outcome={insertOutcome} onInsert={insertSuggestion} />}
          {view === 'settings' && (
            <>
              {settings ? <SettingsTab settings={settings} onChange={changeSettings} saveState={saveState} /> : <span>正在读取设置…</span>}
              <LibrariesSettings onChanged={() => void checkAll()} />
            </>
          )}
        </React.Suspense>
      </div>
    </main>
  );
}
