// rowOfA1 reads a row without building a position (fixes call it for every row of a grid): it must agree
// with fromA1 on every address, and refuse what fromA1 refuses.
import { fromA1, rowOfA1, toA1 } from '../../src/core/sheet/address';
import { seedTable } from '../support/seed';
import { planTableSheet } from '../../src/core/sheet/layout';

describe('rowOfA1', () => {
  test('agrees with fromA1 on every cell a seed table is written to, and on the sheet corners', () => {
    const plan = planTableSheet(seedTable(1), { sheetName: '表', framework: 'seed' });
    const addresses = [...plan.cells.map((cell) => cell.address), 'A1', 'XFD1048576', toA1(1_048_575, 0), '$B$7', 'b7', '$C12', 'AA$100'];
    expect(addresses.length).toBeGreaterThan(50);
    for (const address of addresses) expect(rowOfA1(address)).toBe(fromA1(address).row);
  });

  test('throws like fromA1 on what is not a cell address', () => {
    for (const bad of ['', '7', 'B', 'ABCD1', 'B7:C9', 'B-1', '表!B7']) {
      expect(() => fromA1(bad)).toThrow();
      expect(() => rowOfA1(bad)).toThrow(/不是单元格地址/);
    }
  });
});
