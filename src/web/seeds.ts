// Every seeds/*.txt, bundled as text by webpack (asset/source), so the pages build the template
// library themselves and need no server.

import type { SeedDocument } from '../core/library';

export function bundledSeeds(): SeedDocument[] {
  const context = require.context('../../seeds', false, /\.txt$/);
  return context
    .keys()
    .sort()
    .map((key) => {
      const loaded = context(key);
      const text = typeof loaded === 'string' ? loaded : (loaded as { default: string }).default;
      return { source: key.replace(/^\.\//, ''), text };
    });
}
