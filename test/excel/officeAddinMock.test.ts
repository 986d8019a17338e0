// The Excel host over office-addin-mock (Microsoft's mock of the Office.js objects) instead of jixiao's
// own double: requirement sets, and a one-sync write path.
// office-addin-mock answers an unloaded property with a string instead of throwing, so that is asserted.
import { OfficeMockObject } from 'office-addin-mock';
import { createExcelHost } from '../../src/excel/excelHost';
import { FEATURE_NAMES } from '../../src/excel/features';
import { loadSeedLibrary } from '../support/seed';

const NOT_LOADED = 'Error, property was not loaded';

function versionAtMost(max: string, wanted: string): boolean {
  const [a, b = 0] = wanted.split('.').map(Number);
  const [x, y = 0] = max.split('.').map(Number);
  return a < x || (a === x && b <= y);
}

/** Office with document settings kept in a map (saved on saveAsync) and an ExcelApi up to `maxExcelApi`. */
function officeMock(maxExcelApi: string, stored: Record<string, unknown> = {}) {
  const pending = new Map(Object.entries(stored));
  const saved = new Map(pending);
  const office = new OfficeMockObject({
    context: {
      requirements: {
        isSetSupported: (name: string, version?: string) => name === 'ExcelApi' && versionAtMost(maxExcelApi, version ?? '1.1'),
      },
      document: {
        settings: {
          get: (name: string) => pending.get(name) ?? null,
          set: (name: string, value: unknown) => pending.set(name, value),
          saveAsync: (callback?: (result: { status: string }) => void) => {
            for (const [key, value] of pending) saved.set(key, value);
            callback?.({ status: 'succeeded' });
          },
        },
      },
    },
  });
  return { office, saved };
}

afterEach(() => {
  Reflect.deleteProperty(globalThis, 'Office');
  Reflect.deleteProperty(globalThis, 'Excel');
});

// Settings now live in the workbook's custom properties (test/excel/settingsInDocument.test.ts, in the
// double: office-addin-mock has no Excel.run). What is left here: the requirement sets, read through Office.
test('features come from Office.context.requirements, one per entry of features.ts', () => {
  const { office } = officeMock('1.8');
  Object.assign(globalThis, { Office: office });
  const host = createExcelHost({ library: loadSeedLibrary() });
  expect(host.features).toEqual(Object.fromEntries(FEATURE_NAMES.map((name) => [name, false])));
  Object.assign(globalThis, { Office: officeMock('1.18').office });
  const newer = createExcelHost({ library: loadSeedLibrary() });
  expect(FEATURE_NAMES.filter((name) => newer.features[name])).toEqual(FEATURE_NAMES.filter((name) => name !== 'undoSafeWrites'));
});

test('selectCell is one sync of writes: it activates the sheet, selects the cell and loads nothing', async () => {
  const calls: string[] = [];
  const range = { address: 'C7', select: () => calls.push('select') };
  const excel = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          getItem: (name: string) => {
            calls.push(`getItem ${name}`);
            return excel.context.workbook.worksheets.sheet;
          },
          sheet: {
            name: '数字化运维项目',
            activate: () => calls.push('activate'),
            getRange: (address: string) => {
              calls.push(`getRange ${address}`);
              return excel.context.workbook.worksheets.sheet.range;
            },
            range,
          },
        },
      },
    },
  });
  const { office } = officeMock('1.8');
  // A real Excel.run over the mock's context (OfficeMockObject offers load and sync on every object).
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => batch(excel.context as Excel.RequestContext);
  const host = createExcelHost({ library: loadSeedLibrary(), run, requirements: office.context.requirements, settings: office.context.document.settings });

  await host.selectCell('数字化运维项目', 'C7');
  expect(calls).toEqual(['getItem 数字化运维项目', 'activate', 'getRange C7', 'select']);
  expect(host.syncCount).toBe(1);
  // Nothing was read, so nothing was loaded: the mock still withholds the sheet's and the range's properties.
  const sheet = excel.context.workbook.worksheets.sheet;
  expect(sheet.name).toBe(NOT_LOADED);
  expect(sheet.range.address).toBe(NOT_LOADED);
  sheet.range.load('address');
  await excel.context.sync();
  expect(sheet.range.address).toBe('C7');
});
