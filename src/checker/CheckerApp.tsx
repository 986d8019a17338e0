// The browser checker page: pick or drop .xlsx files, check them, download marked copies. Files never
// leave the browser: each is read and checked by the bundled core in its own Web Worker, so the page
// stays responsive and a file that crashes its worker fails alone.
import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Text,
  makeStyles,
  shorthands,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, DocumentArrowUpRegular } from '@fluentui/react-icons';
import { tooLargeMessage } from '../core/bounded';
import { FRAMEWORKS } from '../core/frameworks';
import type { Settings, SheetReport } from '../core/model';
import { describeError } from '../web/errors';
import { StatusLine } from '../web/StatusLine';
import { DEFAULT_READ_LIMITS } from '../xlsx/limits';
import { BatchSummary, fileSectionId } from './BatchSummary';
import { runInWorker, WORKER_SILENCE_MS } from './runInWorker';
import { browserStorage, readStoredSettings, storeSettings } from './storedSettings';
import { chooseLibraryStore, readStoredLibraries, type StoredLibrary } from '../web/libraryStore';
import { lazyLayoutShelf } from '../web/lazyLayouts';
import { TeachLayoutButton } from '../web/TeachLayoutButton';
import type { CellGrid } from '../core/sheet/types';

// Not needed to draw the page: the form loads when 检查设置 opens, the issue list with the first file —
// and a file is done only once the list that shows it has loaded (loadIssueList), so it never flickers.
let LoadedIssueList: (typeof import('../web/IssueList'))['IssueList'] | null = null;
async function loadIssueList(): Promise<void> {
  LoadedIssueList ??= (await import('../web/IssueList')).IssueList;
}
const SettingsForm = React.lazy(async () => ({ default: (await import('../web/SettingsForm')).SettingsForm }));
import { CHECK_WORKER_URL, STAGE_TEXT, type WorkerStage } from './workerProtocol';

/** What the reader reads (it decides by content; the list only filters the file dialog). */
const WORKBOOK_ACCEPT = '.xlsx,.xls,.et,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,application/vnd.oasis.opendocument.spreadsheet';

const useStyles = makeStyles({
  root: { maxWidth: '960px', margin: '0 auto', padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalL}`, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { margin: 0, fontSize: tokens.fontSizeBase600, fontWeight: tokens.fontWeightSemibold },
  drop: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalS,
    width: '100%',
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}`,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
    font: 'inherit',
    color: tokens.colorNeutralForeground1,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground2Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  dropActive: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  hiddenInput: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
  file: {
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    // Focused from the batch summary's attention list.
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  fileHeader: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  fileName: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  settingsHeader: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS },
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minHeight: tokens.lineHeightBase300 },
});

type FileState =
  | { id: number; name: string; status: 'reading'; stage: WorkerStage | 'waiting' }
  | { id: number; name: string; status: 'done'; source: File; reports: SheetReport[] }
  | { id: number; name: string; status: 'failed'; error: string };

const WAITING_TEXT = '等待读取…';

/**
 * How long a worker may stay silent before its file is given up: WORKER_SILENCE_MS, or less when the page
 * is opened with `?workerSilenceMs=N` (tests of a lost worker; never more than the default).
 */
function silenceMs(): number {
  const asked = Number(new URLSearchParams(window.location.search).get('workerSilenceMs'));
  return Number.isFinite(asked) && asked >= 1000 ? Math.min(asked, WORKER_SILENCE_MS) : WORKER_SILENCE_MS;
}

/**
 * The unit's libraries the task pane keeps in this browser (same origin, unpartitioned key): the checker
 * compares against them too. Read per file, so a library added in the pane meanwhile counts.
 */
async function storedLibraries(): Promise<StoredLibrary[]> {
  return (await readStoredLibraries(chooseLibraryStore({ localStorage: browserStorage() }))).libraries;
}

/** Reads and checks one file in a fresh worker, with the default read limits. */
async function readInWorker(file: File, settings: Settings, onStage?: (stage: WorkerStage) => void): Promise<SheetReport[]> {
  const data = await file.arrayBuffer();
  const libraries = (await storedLibraries()).map((entry) => entry.library);
  const layouts = [...(await checkerLayouts()).layouts];
  const job = { kind: 'read' as const, data, settings, limits: { ...DEFAULT_READ_LIMITS }, libraries, layouts };
  const reply = await runInWorker(job, [data], { createWorker: () => new Worker(CHECK_WORKER_URL), onStage, silenceMs: silenceMs() });
  return reply.reports;
}

/** The taught layouts the pane keeps in this browser's storage (指定表格布局), opened on first use. */
const checkerLayouts = lazyLayoutShelf(chooseLibraryStore({ localStorage: browserStorage() }));

/** A sheet of an uploaded file as the reader sees it, for 指定表格布局 (read in the page: one sheet, on demand). */
async function fileSheetGrid(source: File, sheetName: string): Promise<CellGrid> {
  const { readWorkbookGrids } = await import(/* webpackChunkName: "layout-reader" */ '../xlsx/readWorkbook');
  const grid = readWorkbookGrids(await source.arrayBuffer()).find((g) => g.sheetName === sheetName);
  if (!grid) throw new Error(`文件中找不到工作表「${sheetName}」。`);
  return grid;
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function FileResult({ file, onRecheck }: { file: FileState; onRecheck: () => void }): React.JSX.Element {
  const styles = useStyles();
  const [downloadError, setDownloadError] = React.useState<string | null>(null);
  const [downloading, setDownloading] = React.useState(false);
  // Said once a copy of an .xls/.et/.ods is downloaded: it is an .xlsx.
  const [downloadNote, setDownloadNote] = React.useState<string | null>(null);

  const downloadMarked = async (source: File, reports: SheetReport[]): Promise<void> => {
    setDownloading(true);
    setDownloadError(null);
    try {
      const { markedBlob, markedFileName } = await import('./checkFile');
      // Built in a worker, as the check is: a large copy takes seconds and the page must stay responsive.
      const data = await source.arrayBuffer();
      const copy = await runInWorker({ kind: 'mark', data, reports, fileName: file.name }, [data], { createWorker: () => new Worker(CHECK_WORKER_URL), silenceMs: silenceMs() });
      download(markedBlob(copy.bytes), markedFileName(file.name));
      setDownloadNote(copy.note);
    } catch (error) {
      setDownloadError(describeError(error));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <section className={styles.file} id={fileSectionId(file.id)} tabIndex={-1} data-file={file.name} data-status={file.status} aria-labelledby={`file-${file.id}`}>
      <div className={styles.fileHeader}>
        <h2 className={styles.fileName} id={`file-${file.id}`}>
          {file.name}
        </h2>
        {/* A marked copy of a file with no table would mark nothing: not offered. */}
        {file.status === 'done' && file.reports.length > 0 && (
          <Button icon={<ArrowDownloadRegular />} disabled={downloading} onClick={() => void downloadMarked(file.source, file.reports)}>
            下载标记副本
          </Button>
        )}
      </div>
      {file.status === 'reading' && (
        <Spinner size="tiny" data-role="file-stage" data-stage={file.stage} label={file.stage === 'waiting' ? WAITING_TEXT : STAGE_TEXT[file.stage]} />
      )}
      {file.status === 'failed' && (
        <MessageBar intent="error" data-role="file-error">
          <MessageBarBody>
            <MessageBarTitle>无法读取此文件</MessageBarTitle>
            {file.error}
          </MessageBarBody>
        </MessageBar>
      )}
      {file.status === 'done' && (
        <>
          <StatusLine reports={file.reports} />
          {LoadedIssueList && (
            <LoadedIssueList
              reports={file.reports}
              headingLevel={3}
              issueActions={(sheet, issue) =>
                issue.code === 'unreadable-layout' ? <TeachLayoutButton sheetName={sheet} loadGrid={() => fileSheetGrid(file.source, sheet)} openShelf={checkerLayouts} onSaved={onRecheck} /> : null
              }
            />
          )}
        </>
      )}
      {downloadNote && (
        <MessageBar intent="info" data-role="download-note">
          <MessageBarBody>{downloadNote}</MessageBarBody>
        </MessageBar>
      )}
      {downloadError && (
        <MessageBar intent="error">
          <MessageBarBody>{downloadError}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

/** `框架：自动识别 · 预算年度：按表中年度`: what the checks use, shown on the collapsed settings header. */
function settingsSummary(settings: Settings): string {
  const framework = settings.framework === 'auto' ? '自动识别' : FRAMEWORKS[settings.framework].label;
  const year = settings.budgetYear === null ? '按表中年度' : `${settings.budgetYear} 年`;
  return `框架：${framework} · 预算年度：${year}`;
}

export function CheckerApp(): React.JSX.Element {
  const styles = useStyles();
  const [files, setFiles] = React.useState<FileState[]>([]);
  const [dragging, setDragging] = React.useState(false);
  // Stored settings that no longer parse (out of range) are replaced by the defaults, and the page says why.
  const [stored] = React.useState(() => readStoredSettings(browserStorage()));
  const [unitLibraries, setUnitLibraries] = React.useState<string[]>([]);
  React.useEffect(() => {
    storedLibraries().then((entries) => setUnitLibraries(entries.map((entry) => entry.name)), () => undefined);
  }, []);
  const [settings, setSettings] = React.useState<Settings>(stored.settings);
  const [settingsStatus, setSettingsStatus] = React.useState('');
  // Files are read one after another: n/m says which one, and large files do not compete for memory.
  // Both count every file added to the page, whichever batch it came in.
  const [reading, setReading] = React.useState<{ done: number; total: number }>({ done: 0, total: 0 });
  const input = React.useRef<HTMLInputElement>(null);
  const nextId = React.useRef(1);
  const queue = React.useRef<Promise<void>>(Promise.resolve());
  // Read when each file's turn comes, so a file read after a settings change uses the new settings.
  const settingsRef = React.useRef(settings);

  const update = (id: number, next: FileState): void => setFiles((all) => all.map((f) => (f.id === id ? next : f)));

  const readOne = async (id: number, name: string, file: File): Promise<void> => {
    // Each file is read and checked on its own, in its own worker: one failure does not stop the others.
    try {
      const limits = DEFAULT_READ_LIMITS;
      // By its size, before a byte of it is read.
      if (file.size > limits.maxFileBytes) throw new Error(tooLargeMessage(file.size, limits.maxFileBytes));
      update(id, { id, name, status: 'reading', stage: 'reading' });
      const [reports] = await Promise.all([readInWorker(file, settingsRef.current, (stage) => update(id, { id, name, status: 'reading', stage })), loadIssueList()]);
      update(id, { id, name, status: 'done', source: file, reports });
    } catch (error) {
      update(id, { id, name, status: 'failed', error: describeError(error) });
    } finally {
      setReading((r) => ({ ...r, done: r.done + 1 }));
    }
  };

  const recheck = async (file: Extract<FileState, { status: 'done' }>, next: Settings): Promise<void> => {
    if (settingsRef.current !== next) return;
    try {
      const reports = await readInWorker(file.source, next);
      if (settingsRef.current === next) update(file.id, { ...file, reports });
    } catch (error) {
      update(file.id, { id: file.id, name: file.name, status: 'failed', error: describeError(error) });
    }
  };

  const addFiles = (list: FileList | null): void => {
    const picked = list ? [...list] : [];
    if (picked.length === 0) return;
    const added = picked.map((file) => ({ id: nextId.current++, name: file.name, file }));
    // In the order chosen, after the files already there (the batch summary and this list read alike).
    setFiles((all) => [...all, ...added.map(({ id, name }): FileState => ({ id, name, status: 'reading', stage: 'waiting' }))]);
    // Counted over every batch, as the batch summary counts the files on the page.
    setReading((r) => ({ ...r, total: r.total + added.length }));
    for (const { id, name, file } of added) queue.current = queue.current.then(() => readOne(id, name, file));
  };

  /** After a layout is taught: every file read so far is checked again (another file of the form reads now too). */
  const recheckAll = (): void => {
    for (const file of files) if (file.status === 'done') queue.current = queue.current.then(() => recheck(file, settingsRef.current));
  };

  const changeSettings = (next: Settings): void => {
    settingsRef.current = next;
    setSettings(next);
    const stored = storeSettings(browserStorage(), next);
    const done = files.filter((f): f is Extract<FileState, { status: 'done' }> => f.status === 'done');
    const checked = done.length;
    // Re-read and re-checked in workers (a 200k-row table takes seconds), in turn with files still being read.
    for (const file of done) queue.current = queue.current.then(() => recheck(file, next));
    const where = stored ? '已保存在本浏览器' : '本浏览器不允许保存，设置仅本次有效';
    if (checked === 0) {
      setSettingsStatus(`${where}。`);
      return;
    }
    // Said once the re-checks are done (they run in workers, in turn), and only for the latest settings.
    setSettingsStatus(`${where}，正在按新设置重新检查 ${checked} 个文件…`);
    queue.current = queue.current.then(() => {
      if (settingsRef.current === next) setSettingsStatus(`${where}，已按新设置重新检查 ${checked} 个文件。`);
    });
  };

  const busy = reading.done < reading.total;
  // Never counts a file that could not be read as read (issue #22: 已读取 7 个文件 when 2 were not).
  const failed = files.filter((f) => f.status === 'failed').length;
  const readText = `已读取 ${reading.total - failed} 个文件${failed > 0 ? `，${failed} 个无法读取` : ''}`;
  const readingText = busy ? `正在读取 ${reading.done + 1}/${reading.total}` : reading.total > 0 ? readText : '';

  return (
    <main className={styles.root}>
      <h1 className={styles.title}>绩效目标表检查</h1>
      <Text>
        选择或拖入一个或多个工作簿（.xlsx、Excel 97-2003 .xls、WPS .et、.ods），按与 Excel 加载项相同的规则检查。文件只在本机浏览器中读取，不会上传。
      </Text>
      <button
        type="button"
        className={`${styles.drop} ${dragging ? styles.dropActive : ''}`}
        data-role="drop-zone"
        onClick={() => input.current?.click()}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          addFiles(event.dataTransfer.files);
        }}
      >
        <DocumentArrowUpRegular fontSize={40} aria-hidden />
        <Text weight="semibold">选择工作簿文件，或拖放到这里</Text>
        <Caption1>可一次选择多个文件</Caption1>
      </button>
      <input
        ref={input}
        className={styles.hiddenInput}
        type="file"
        multiple
        accept={WORKBOOK_ACCEPT}
        aria-label="选择工作簿文件"
        tabIndex={-1}
        onChange={(event) => {
          addFiles(event.currentTarget.files);
          event.currentTarget.value = '';
        }}
      />
      <div className={styles.progress} data-role="read-progress">
        {busy && <ProgressBar value={reading.done / reading.total} aria-label="读取进度" aria-valuetext={readingText} />}
        {/* Always in the page, so screen readers announce each change of its text. */}
        <Text role="status" aria-live="polite" size={200}>
          {readingText}
        </Text>
      </div>
      {unitLibraries.length > 0 && (
        <Caption1 data-role="stored-libraries">检查时还对照本机保存的模板库（在任务窗格“设置 › 模板库”中管理）：{unitLibraries.join('、')}</Caption1>
      )}
      {stored.problem && (
        <MessageBar intent="warning" data-role="settings-problem">
          <MessageBarBody>{stored.problem}</MessageBarBody>
        </MessageBar>
      )}
      <Accordion collapsible>
        <AccordionItem value="settings">
          <AccordionHeader>
            <span className={styles.settingsHeader}>
              <Text weight="semibold">检查设置</Text>
              <Caption1 data-role="settings-summary">{settingsSummary(settings)}</Caption1>
            </span>
          </AccordionHeader>
          <AccordionPanel>
            <React.Suspense fallback={<Spinner size="tiny" label="正在加载…" />}>
              <SettingsForm settings={settings} onChange={changeSettings} status={settingsStatus} />
            </React.Suspense>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      <div>
        <BatchSummary
          files={files.map((file) => ({ id: file.id, name: file.name, reading: file.status === 'reading', reports: file.status === 'done' ? file.reports : null }))}
        />
        {files.map((file) => (
          <FileResult key={file.id} file={file} onRecheck={recheckAll} />
        ))}
      </div>
    </main>
  );
}
