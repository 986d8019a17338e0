import { chineseDateText, isDateFormat, isPercentFormat, serialToDate, shownValue } from '../../src/core/sheet/shown';
import { parseValue } from '../../src/core/values';

describe('cell values as shown', () => {
  test.each([
    [0.95, '0%', '95%'],
    [1, '0.00%', '100%'],
    [0.055, '0.0%', '5.5%'],
    [0.9, '[Red]0%', '90%'],
  ])('percent %p under %p reads %p', (value, format, shown) => {
    expect(shownValue(value, format)).toBe(shown);
  });

  test('a percent sign inside quotes is a literal, not a percent format', () => {
    expect(isPercentFormat('0"%"')).toBe(false);
    expect(shownValue(95, '0"%"')).toBe(95);
  });

  test('date serials under date formats read as Chinese dates', () => {
    // 45657 is 2024-12-31 in Excel's 1900 date system.
    expect(shownValue(45657, 'yyyy/m/d')).toBe('2024年12月31日');
    expect(shownValue(45657, 'yyyy"年"m"月"d"日"')).toBe('2024年12月31日');
    expect(shownValue(45657.5, 'yyyy-mm-dd hh:mm')).toBe('2024年12月31日 12:00');
    expect(chineseDateText(serialToDate(45292))).toBe('2024年1月1日');
  });

  test('numbers under plain formats, text and blanks are unchanged', () => {
    expect(isDateFormat('0.00')).toBe(false);
    expect(shownValue(292, '0.00')).toBe(292);
    expect(shownValue(292, 'General')).toBe(292);
    expect(shownValue('≥95%', '0%')).toBe('≥95%');
    expect(shownValue(null, '0%')).toBeNull();
  });

  test('what is shown parses as the 指标值 the user meant', () => {
    expect(parseValue(String(shownValue(0.95, '0%')))).toMatchObject({ kind: 'ratio', number: 95, unit: '%' });
    expect(parseValue(String(shownValue(45657, 'yyyy/m/d')))).toMatchObject({ kind: 'deadline', year: 2024, month: 12 });
  });
});
