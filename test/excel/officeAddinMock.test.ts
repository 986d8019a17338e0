// The Excel host over office-addin-mock (Microsoft's mock of the Office.js objects) instead of jixiao's
// own double: settings in Office.context.document.settings, requirement sets, and a one-sync write path.
// office-addin-mock answers an unloaded property with a string instead of throwing, so that is asserted.
import { OfficeMockObject } from 'office-addin-mock';
import { DEFAULT_SETTINGS, parseSettings } from '../../src/core/model';
import { SETTINGS_KEY, createExcelHost } from '../../src/excel/excelHost';
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

test('settings through Office.context.document.settings: saved, read back by a new host, broken ones fall back', async () => {
  const { office, saved } = officeMock('1.8');
  Object.assign(globalThis, { Office: office });
  const host = createExcelHost({ library: loadSeedLibrary() });
  expect(host.features).toEqual({ pageLayout: false, collectionEvents: false, mergedAreas: false, notes: false, protectionEvents: false, rangeCopy: false });
  expect(await host.loadSettings()).toEqual(DEFAULT_SETTINGS);

  const changed = parseSettings({ framework: '2021', minSatisfaction: 95 });
  await host.saveSettings(changed);
  expect(saved.get(SETTINGS_KEY)).toEqual(changed);
  expect(await createExcelHost({ library: loadSeedLibrary() }).loadSettings()).toEqual(changed);

  // A value written by some other version that does not validate: defaults, rather than refusing to check.
  const broken = officeMock('1.18', { [SETTINGS_KEY]: { minSatisfaction: 'high' } });
  Object.assign(globalThis, { Office: broken.office });
  const other = createExcelHost({ library: loadSeedLibrary() });
  expect(other.features.notes).toBe(true);
  expect(await other.loadSettings()).toEqual(DEFAULT_SETTINGS);
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
