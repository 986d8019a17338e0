// The one list of what jixiao uses beyond the manifest's minimum, with the ExcelApi set each needs. The code
// gates on it (detectFeatures), and README's and docs/deploy.md's version table is made from it
// (versionTable; test/excel/versionTable.test.ts compares). Builds per set: learn.microsoft.com/javascript/
// api/requirement-sets/excel/excel-api-requirement-sets (the volume-licensed column stops at 1.7 for
// Office 2019, 1.14 for Office 2021, 1.17 for Office 2024; ExcelApi 1.18–1.20 are Microsoft 365 only).

/** The ExcelApi the manifest requires (manifest.xml `<Set Name="ExcelApi" MinVersion>`). */
export const MANIFEST_EXCEL_API = '1.8';

export interface FeatureSpec {
  /** ExcelApi version that brings it. */
  excelApi: string;
  /** What the user gets, in Chinese (the version table's row). */
  what: string;
  /** What happens without it, in Chinese. */
  without: string;
}

/** Every gated feature, by the name the code reads. Order is the table's. */
export const FEATURE_SPECS = {
  /** worksheet.pageLayout (print setup). */
  pageLayout: { excelApi: '1.9', what: '插入的表带打印设置（A4、标题行、打印区域）', without: '插入的表用 Excel 默认打印设置' },
  /** workbook.worksheets.onChanged for every sheet at once (else one handler per sheet, 1.7). */
  collectionEvents: { excelApi: '1.9', what: '一处监听全部工作表的修改', without: '每个工作表各注册一次监听，效果相同' },
  /** range.copyFrom and worksheet.getRanges. */
  rangeCopy: { excelApi: '1.9', what: '修正插入的行带上原行的格式', without: '插入的行用 Excel 给的格式' },
  /** workbook.comments (threaded comments): a cell with one refuses a note. */
  threadedComments: { excelApi: '1.10', what: '识别带批注（线程式批注）的单元格，问题只列在窗格中', without: '不能预先识别批注；在带批注的单元格写注释被拒后记住该单元格，其余标记照写，该问题只列在窗格中' },
  /** range.getMergedAreasOrNullObject (at most 512 areas per call, so read in bands). */
  mergedAreas: { excelApi: '1.13', what: '读取合并单元格（按行分段，每段少于 512 个合并区域）', without: '不读合并单元格，检查按未合并处理' },
  /** workbook.worksheets.onProtectionChanged. */
  protectionEvents: { excelApi: '1.14', what: '撤销工作表保护后立即补上标记', without: '撤销保护后在下次检查时补上标记' },
  /** WorksheetChangedEventArgs.triggerSource: the add-in's own writes told apart. */
  triggerSource: { excelApi: '1.14', what: '区分本助手自己的写入与用户的修改', without: '自己的写入引起的检查发现标记无需改动即结束' },
  /** worksheet.notes (the message at the cell). */
  notes: { excelApi: '1.18', what: '在标记的单元格上写注释（说明问题）', without: '只有单元格底色标记，说明在窗格中' },
  /** Add-in writes kept in Excel's undo stack (Ctrl+Z undoes jixiao's mark first), and RunOptions.mergeUndoGroup. */
  undoSafeWrites: { excelApi: '1.20', what: '输入时即时标记不清空撤消记录；“修正”为一步撤消', without: '本助手每次写入都会清空 Excel 的撤消记录，因此默认只在点“全部检查”“标记问题”时写标记' },
} as const satisfies Record<string, FeatureSpec>;

export type FeatureName = keyof typeof FEATURE_SPECS;
/** What this Excel can do beyond the manifest's ExcelApi; detected once per host. */
export type ExcelFeatures = Record<FeatureName, boolean>;

export interface RequirementChecker {
  isSetSupported(name: string, minVersion?: string): boolean;
}

export const FEATURE_NAMES = Object.keys(FEATURE_SPECS) as FeatureName[];

/** Every numbered ExcelApi set, oldest first (for the 自检 report). */
export const EXCEL_API_VERSIONS: readonly string[] = Array.from({ length: 20 }, (_, i) => `1.${i + 1}`);

export function detectFeatures(requirements: RequirementChecker): ExcelFeatures {
  return Object.fromEntries(FEATURE_NAMES.map((name) => [name, requirements.isSetSupported('ExcelApi', FEATURE_SPECS[name].excelApi)])) as ExcelFeatures;
}

/**
 * The Excel editions staff meet, with the highest ExcelApi each supports (the requirement-set table) and
 * whether its webview runs the ES2020 bundle: Office 2016/2019 perpetual use EdgeHTML or Internet
 * Explorer, never WebView2 (learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins),
 * so the page's ES5 guard shows its message there.
 */
export interface Edition {
  name: string;
  /** The highest ExcelApi it supports. */
  excelApi: string;
  runsBundle: boolean;
}

export const EDITIONS: readonly Edition[] = [
  { name: 'Microsoft 365（Windows 2509+、Mac 16.100+、网页版）', excelApi: '1.20', runsBundle: true },
  { name: 'Microsoft 365 Windows 2501–2508', excelApi: '1.18', runsBundle: true },
  { name: 'Office 2024（LTSC/零售）', excelApi: '1.17', runsBundle: true },
  { name: 'Office 2021（LTSC/零售）', excelApi: '1.14', runsBundle: true },
  { name: 'Office 2019 零售版', excelApi: '1.8', runsBundle: false },
  { name: 'Office 2019 批量许可版', excelApi: '1.7', runsBundle: false },
  { name: 'Office 2016 MSI 版', excelApi: '1.1', runsBundle: false },
];

export function excelApiAtLeast(have: string, want: string): boolean {
  const [ha, hb] = have.split('.').map(Number);
  const [wa, wb] = want.split('.').map(Number);
  return ha > wa || (ha === wa && hb >= wb);
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** README's and docs/deploy.md's tables: which editions run jixiao, and which feature each one has. */
export function versionTable(): string {
  const runs = (edition: Edition) => edition.runsBundle && excelApiAtLeast(edition.excelApi, MANIFEST_EXCEL_API);
  const editions = [
    row(['Excel 版本', '最高 ExcelApi', '能否使用']),
    row(['---', '---', '---']),
    ...EDITIONS.map((e) =>
      row([e.name, e.excelApi, runs(e) ? '能' : !excelApiAtLeast(e.excelApi, MANIFEST_EXCEL_API) ? `否：缺 ExcelApi ${MANIFEST_EXCEL_API}，无法加载` : '否：窗格提示更新 Office 或安装 WebView2 运行时']),
    ),
  ];
  const usable = EDITIONS.filter(runs);
  const features = [
    row(['功能', '需要', '具备的版本', '没有时']),
    row(['---', '---', '---', '---']),
    ...FEATURE_NAMES.map((name) => {
      const spec: FeatureSpec = FEATURE_SPECS[name];
      const have = usable.filter((e) => excelApiAtLeast(e.excelApi, spec.excelApi)).map((e) => e.name);
      return row([spec.what, `ExcelApi ${spec.excelApi}`, have.join('；') || '无', spec.without]);
    }),
  ];
  return [...editions, '', ...features].join('\n');
}
