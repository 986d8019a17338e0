// `npx tsx scripts/public-library.ts`: writes libraries/公开样表.json, the published tables of test/fixtures/real
// (not the defect-* copies) as a second built-in library, each table's source naming its issuer and year from
// SOURCES.md. Used for suggestions only (jixiao suggest, the 建议 tab), never as the template a sheet is
// compared against: a published table is another unit's project, not this unit's last year.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { publicLibraryFrom } from '../src/cli/publicLibrary';

const REAL = join(__dirname, '..', 'test', 'fixtures', 'real');
const OUT = join(__dirname, '..', 'libraries', '公开样表.json');

const library = publicLibraryFrom(
  readFileSync(join(REAL, 'SOURCES.md'), 'utf8'),
  JSON.parse(readFileSync(join(REAL, 'expectations.json'), 'utf8')) as { files: { file: string; source: string }[] },
  (file) => readFileSync(join(REAL, file)),
);
writeFileSync(OUT, `${JSON.stringify(library)}\n`);
console.log(`libraries/公开样表.json：${library.tables.length} 张表，${library.tables.reduce((n, t) => n + t.indicators.length, 0)} 个指标`);
