// Speed of building the template library from the bundled seeds (what `jixiao templates` and every
// check pay at start-up).
import type { BenchFigure } from '../bench';
import { medianMs } from '../timing';
import { buildLibrary, parseSeedDocument } from '../../src/core/library';
import { loadBundledLibrary, readBundledSeeds } from '../../src/cli/seeds';

export default async (): Promise<BenchFigure[]> => {
  const docs = readBundledSeeds();
  const rows = buildLibrary(docs).tables.reduce((n, t) => n + t.indicators.length, 0);
  // The seed's tables repeated 100 times in one document (the contents list once): the parser must stay linear.
  const [seed] = docs;
  const contentsEnd = seed.text.search(/^\[bookmark/m);
  const body = contentsEnd > 0 ? seed.text.slice(contentsEnd) : seed.text;
  const big = `${seed.text}\n${Array.from({ length: 99 }, () => body).join('\n')}`;
  const bigTables = parseSeedDocument(big, 'x100.txt').tables.length;
  return [
    { name: `parse the seed repeated 100× (${bigTables} tables)`, value: await medianMs(5, () => parseSeedDocument(big, 'x100.txt')), unit: 'ms' },
    { name: `buildLibrary, bundled seeds (${rows} rows, parse only)`, value: await medianMs(200, () => buildLibrary(docs)), unit: 'ms' },
    { name: 'loadBundledLibrary (read files + parse)', value: await medianMs(200, () => loadBundledLibrary()), unit: 'ms' },
  ];
};
