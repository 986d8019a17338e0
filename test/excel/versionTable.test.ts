// README's and docs/deploy.md's version tables are the ones features.ts makes (the list the code gates
// on), and the manifest asks for the ExcelApi features.ts takes as its minimum.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEATURE_NAMES, FEATURE_SPECS, MANIFEST_EXCEL_API, detectFeatures, versionTable } from '../../src/excel/features';

const ROOT = join(__dirname, '..', '..');
const TABLE = /<!-- version-table[^>]*-->\n([\s\S]*?)\n<!-- \/version-table -->/;

test.each(['README.md', 'docs/deploy.md'])('%s holds the table features.ts makes', (file) => {
  const match = TABLE.exec(readFileSync(join(ROOT, file), 'utf8'));
  expect(match?.[1]).toBe(versionTable());
});

test('the manifest asks for MANIFEST_EXCEL_API', () => {
  const manifest = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
  expect(manifest).toContain(`<Set Name="ExcelApi" MinVersion="${MANIFEST_EXCEL_API}"/>`);
});

test('each feature is detected by exactly its own ExcelApi version', () => {
  for (const name of FEATURE_NAMES) {
    const version = FEATURE_SPECS[name].excelApi;
    const [major, minor] = version.split('.').map(Number);
    const below = `${major}.${minor - 1}`;
    const at = (max: string) => detectFeatures({ isSetSupported: (set, v) => set === 'ExcelApi' && Number(v!.split('.')[1]) <= Number(max.split('.')[1]) });
    expect(at(version)[name]).toBe(true);
    expect(at(below)[name]).toBe(false);
  }
});
