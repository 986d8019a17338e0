// Pages load zod/mini; the lint rule keeps zod's classic build (~50 KB gzip) out of src/.
import { lint } from '../support/eslint';

describe("zod's classic build is refused in src/", () => {
  it("flags import { z } from 'zod' and accepts zod/mini", () => {
    expect(lint("import { z } from 'zod';\nexport const s = z.string();\n", 'src/web/example.ts')).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*zod\/mini/),
    ]);
    expect(lint("import * as z from 'zod/mini';\nexport const s = z.string();\n", 'src/web/example.ts')).toEqual([]);
  });
});
