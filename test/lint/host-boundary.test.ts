// Neither host imports the other (issue #21): the WPS host once took planFix and its errors from src/excel;
// what both hosts use now lives in src/core, and the lint rule keeps it that way. zod's rule still holds there.
import { lint } from '../support/eslint';

describe('one host does not import the other', () => {
  it('flags src/wps importing src/excel and src/excel importing src/wps, and accepts the core', () => {
    expect(lint("import { planFix } from '../excel/applyFix';\nexport const p = planFix;\n", 'src/wps/example.ts')).toEqual([expect.stringMatching(/^no-restricted-imports: .*One host does not import the other/)]);
    expect(lint("import { readGrid } from '../wps/checkSheets';\nexport const r = readGrid;\n", 'src/excel/example.ts')).toEqual([expect.stringMatching(/^no-restricted-imports: .*One host does not import the other/)]);
    expect(lint("import { planFix } from '../core/fixes/planFix';\nexport const p = planFix;\n", 'src/wps/example.ts')).toEqual([]);
    expect(lint("import { z } from 'zod';\nexport const s = z.string();\n", 'src/wps/example.ts')).toEqual([expect.stringMatching(/^no-restricted-imports: .*zod\/mini/)]);
  });
});
