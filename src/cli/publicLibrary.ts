// The second built-in library, 公开样表: published tables of other units (test/fixtures/real), each naming its
// issuer and year. For suggestions only: it never becomes the template a sheet is compared against.
import { join } from 'node:path';
import type { TemplateLibrary } from '../core/model';
import { PUBLIC_LIBRARY_NAME } from '../core/suggest';
import { readLibraryFile } from '../xlsx/library';
import { loadLibraryFile, packageRoot } from './seeds';


/** `S1` → `湘潭市环境卫生管理处（湖南，2023年）`, from SOURCES.md's table (id | issuer | province | year | …). */
export function sourceNames(sourcesMd: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const line of sourcesMd.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    if (!/^S\d+$/.test(cells[1] ?? '')) continue;
    const issuer = cells[2].replace(/\s*\(.*\)\s*$/, '');
    const year = /\d{4}/.exec(cells[4])?.[0];
    const province = cells[3] && cells[3] !== '—' ? `${cells[3]}，` : '';
    names.set(cells[1], `${issuer}（${province}${year ? `${year}年` : '年份不详'}）`);
  }
  return names;
}

/** The published tables (not the defect-* copies) as one library, each table's source its issuer and year. */
export function publicLibraryFrom(sourcesMd: string, expectations: { files: { file: string; source: string }[] }, read: (file: string) => Uint8Array): TemplateLibrary {
  const names = sourceNames(sourcesMd);
  const tables = expectations.files
    .filter(({ file }) => !file.startsWith('defect-'))
    .flatMap(({ file, source }) => {
      let library: TemplateLibrary;
      try {
        library = readLibraryFile(read(file), file);
      } catch {
        // A blank form, or a table without its 项目名称: nothing a project could be matched to.
        return [];
      }
      return library.tables.map((table) => ({ ...table, source: `${PUBLIC_LIBRARY_NAME}：${names.get(source) ?? source}`, library: PUBLIC_LIBRARY_NAME }));
    })
    .filter((table) => table.indicators.some((row) => row.level3.trim() !== ''));
  return { tables: tables.map((table, i) => ({ ...table, number: i + 1 })), notes: [] };
}

/** libraries/公开样表.json, as written by scripts/public-library.ts. */
export async function loadPublicLibrary(): Promise<TemplateLibrary> {
  return loadLibraryFile(join(packageRoot(), 'libraries', `${PUBLIC_LIBRARY_NAME}.json`));
}

