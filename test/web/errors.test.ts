// describeError: one Chinese sentence for anything the pane or the checker page catches — Office.js codes
// mapped, protection told apart by where Excel refused, Chinese messages kept, English ones labelled.
import { readFileSync } from 'node:fs';
import { MAPPED_ERROR_CODES, describeError } from '../../src/web/errors';
import { DoubleOfficeError, createExcelDouble } from '../support/excelDouble';

const CHINESE = /[\u4e00-\u9fff]/;

test.each([
  ['ApiNotFound', '此版本的 Excel 不支持'],
  ['AccessDenied', '没有编辑权限'],
  ['ItemNotFound', '已被删除或重命名'],
  ['InvalidReference', '已不存在'],
  ['InvalidSelection', '请先选择一个单元格'],
  ['InvalidOperationInCellEditMode', '单元格编辑状态'],
  ['ResponsePayloadSizeLimitExceeded', '网页版的上限'],
  ['InvalidOperation', '当前不允许此操作'],
  ['RequestPayloadSizeLimitExceeded', '请分批插入'],
  ['Conflict', '同时修改'],
])('Office code %s → its own Chinese message, whatever the English text', (code, expected) => {
  const message = describeError({ code, message: 'Something went wrong.' });
  expect(message).toContain(expected);
  expect(message).not.toContain('Something went wrong');
});

test('AccessDenied: a sheet, the workbook structure, or — when Excel says not where — both named', () => {
  const sheet = describeError(new DoubleOfficeError('AccessDenied', 'You cannot perform the requested operation.', 'ConditionalFormatCollection.add'));
  const structure = describeError(new DoubleOfficeError('AccessDenied', 'You cannot perform the requested operation.', 'WorksheetCollection.add'));
  const unknown = describeError({ code: 'AccessDenied', message: 'You cannot perform the requested operation.' });
  expect(sheet).toContain('工作表受保护');
  expect(sheet).toContain('撤销工作表保护');
  expect(structure).toContain('工作簿结构受保护');
  expect(structure).not.toContain('撤销工作表保护');
  expect(unknown).toContain('工作表或工作簿受保护');
  expect(new Set([sheet, structure, unknown]).size).toBe(3);
});

test('the double refuses a write to a protected sheet with an error describeError calls a protected sheet', async () => {
  const excel = createExcelDouble();
  excel.userProtectSheet('Sheet1', true);
  const error: unknown = await excel.Excel.run(async (context) => {
    context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['x']];
    await context.sync();
  }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(describeError(error)).toContain('工作表受保护');
});

test('a Chinese message passes through unchanged; an English one is prefixed; an unknown code falls back to the message', () => {
  expect(describeError(new Error('找不到“项目名称”单元格'))).toBe('找不到“项目名称”单元格');
  expect(describeError('  文件已损坏  ')).toBe('文件已损坏');
  expect(describeError(new Error('Unexpected end of data'))).toBe('操作失败：Unexpected end of data');
  expect(describeError({ code: 'EmptyChartSeries', message: 'An internal error has occurred.' })).toBe('操作失败：An internal error has occurred.');
});

test.each([[undefined], [null], [''], [{}], [{ code: 42 }], [new Error('')], [{ message: '   ' }], [123]])('nothing to go on (%p): a Chinese sentence, never empty', (error) => {
  const message = describeError(error);
  expect(message.length).toBeGreaterThan(0);
  expect(message).toMatch(CHINESE);
});

test('every code given a message is a documented one: Excel.ErrorCodes or OfficeExtension.ErrorCodes of @types/office-js', () => {
  const types = readFileSync(require.resolve('@types/office-js/index.d.ts'), 'utf8');
  const excelEnum = /namespace Excel \{[\s\S]*?enum ErrorCodes \{([\s\S]*?)\n {4}\}/.exec(types)?.[1] ?? '';
  const excelCodes = [...excelEnum.matchAll(/= "(\w+)"/g)].map((m) => m[1]);
  const officeClass = /class ErrorCodes \{([\s\S]*?)\n {4}\}/.exec(types)?.[1] ?? '';
  const officeCodes = [...officeClass.matchAll(/public static (\w+): string/g)].map((m) => m[1][0].toUpperCase() + m[1].slice(1));
  expect(excelCodes).toContain('InvalidOperationInCellEditMode');
  expect(officeCodes).toContain('PropertyNotLoaded');
  // Only in the error table of learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling.
  const documentedElsewhere = ['RequestPayloadSizeLimitExceeded'];
  const documented = new Set([...excelCodes, ...officeCodes, ...documentedElsewhere]);
  expect(MAPPED_ERROR_CODES.filter((code) => !documented.has(code))).toEqual([]);
  // The codes jixiao's calls can meet all have their own Chinese message.
  for (const code of ['AccessDenied', 'ApiNotFound', 'Conflict', 'GeneralException', 'InvalidArgument', 'InvalidOperation', 'InvalidOperationInCellEditMode', 'InvalidReference', 'ItemAlreadyExists', 'ItemNotFound', 'ResponsePayloadSizeLimitExceeded', 'RequestAborted']) {
    expect(excelCodes.concat(officeCodes)).toContain(code);
    expect(MAPPED_ERROR_CODES).toContain(code);
  }
});
