// `npm run bench`: prints the speed figures of every part; each part lives in scripts/bench/<part>.ts.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  /** The goal the figure is held to, printed beside it (e.g. `≤ 180 KB`). */
  goal?: string;
}

async function main(): Promise<void> {
  const dir = join(__dirname, 'bench');
  const only = process.argv[2];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
    const part = file.replace(/\.ts$/, '');
    if (only && part !== only) continue;
    const mod = (await import(join(dir, file))) as { default: () => Promise<BenchFigure[]> };
    for (const figure of await mod.default()) {
      const value = Number.isInteger(figure.value) ? String(figure.value) : figure.value.toFixed(2);
      const goal = figure.goal ? `   goal ${figure.goal}` : '';
      console.log(`${part.padEnd(10)} ${figure.name.padEnd(56)} ${value.padStart(12)} ${figure.unit.padEnd(3)}${goal}`);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
