// Speed of building the template library from the bundled seeds (what `jixiao templates` and every
// check pay at start-up).
import type { BenchFigure } from '../bench';
import { medianMs } from '../timing';
import { buildLibrary } from '../../src/core/library';
import { loadBundledLibrary, readBundledSeeds } from '../../src/cli/seeds';

export default async (): Promise<BenchFigure[]> => {
  const docs = readBundledSeeds();
  const rows = buildLibrary(docs).tables.reduce((n, t) => n + t.indicators.length, 0);
  return [
    { name: `buildLibrary, bundled seeds (${rows} rows, parse only)`, value: await medianMs(200, () => buildLibrary(docs)), unit: 'ms' },
    { name: 'loadBundledLibrary (read files + parse)', value: await medianMs(200, () => loadBundledLibrary()), unit: 'ms' },
  ];
};
