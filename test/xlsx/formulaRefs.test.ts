// References moved as Excel moves them when rows are inserted, and shared formulas derived cell by cell.
import { shiftFormula, shiftSqref, translateFormula } from '../../src/xlsx/formulaRefs';

const insert = { sheet: '表1', before: 20, count: 2 };

describe('shiftFormula', () => {
  test.each([
    ['B35', 'B37'],
    ['$B$35', '$B$37'],
    ['B$35+$B35', 'B$37+$B37'],
    ['SUM(B31:B34)', 'SUM(B33:B36)'],
    ['SUM($B$10:$B$30)', 'SUM($B$10:$B$32)'],
    ['SUM(B1:B19)', 'SUM(B1:B19)'],
    ['B19+B20', 'B19+B22'],
    ['SUM(20:25)', 'SUM(22:27)'],
    ['SUM($5:$30)', 'SUM($5:$32)'],
    ['SUM(A:B)', 'SUM(A:B)'],
    ['"B35"&B35', '"B35"&B37'],
    ['"say ""B35"""&B35', '"say ""B35"""&B37'],
    ['LOG10(B35)', 'LOG10(B37)'],
    ['_xlfn.IFS(B30>0,1)', '_xlfn.IFS(B32>0,1)'],
    ['表1!B35', '表1!B37'],
    ["'表1'!B35", "'表1'!B37"],
    ['表2!B35+B35', '表2!B35+B37'],
    ['[1]表1!B35', '[1]表1!B35'],
    ['Table1[[#This Row],[B35]]', 'Table1[[#This Row],[B35]]'],
    ['1E+30+B30', '1E+30+B32'],
  ])('%s → %s on its own sheet', (formula, expected) => {
    expect(shiftFormula(formula, '表1', insert)).toBe(expected);
  });

  test('on another sheet only references naming the sheet move; a defined name (no home) likewise', () => {
    expect(shiftFormula("B35+'表1'!B35+表1!$B$35:$C$40", '汇总', insert)).toBe("B35+'表1'!B37+表1!$B$37:$C$42");
    expect(shiftFormula("'表1'!$A$1:$E$26", null, insert)).toBe("'表1'!$A$1:$E$28");
    expect(shiftFormula("'It''s'!A30", null, { sheet: "It's", before: 5, count: 1 })).toBe("'It''s'!A31");
    expect(shiftFormula('B35', null, insert)).toBe('B35');
  });

  test('a row pushed past the last row is refused', () => {
    expect(() => shiftFormula('A1048576', '表1', insert)).toThrow(RangeError);
    expect(() => shiftFormula('A1048576:B1048576', '表1', insert)).toThrow(RangeError);
  });

  test('a range that reaches the last row keeps reaching it (whole columns selected, as Excel saves them)', () => {
    expect(shiftFormula('SUM(A1:C1048576)+A40:A1048576', '表1', insert)).toBe('SUM(A1:C1048576)+A42:A1048576');
  });
});

test('shiftSqref moves and grows each range of a list', () => {
  expect(shiftSqref('A10:A26 C4:C6 E30', 20, 2)).toBe('A10:A28 C4:C6 E32');
  // POI's 62629_target.xlsm (saved by Excel 16) selects A1:C1048576 on a sheet.
  expect(shiftSqref('A1:C1048576', 3, 2)).toBe('A1:C1048576');
});

test('translateFormula derives a shared formula for another cell: relative parts move, anchored parts stay', () => {
  expect(translateFormula('B31/$B$35', 2, 0)).toBe('B33/$B$35');
  expect(translateFormula('SUM(B$1:B1)+$C2', 3, 1)).toBe('SUM(C$1:C4)+$C5');
  expect(translateFormula('"A1"&A1', 1, 0)).toBe('"A1"&A2');
});
