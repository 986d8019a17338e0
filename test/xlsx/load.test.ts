import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { planTableSheet } from '../../src/core/sheet/layout';
import { loadWorkbook, readGrids, workbookToBuffer, WorkbookReadError, writePlan } from '../../src/xlsx';
import { buildCfb, encryptedXlsx } from './cfb';
import { seedTables } from './support';

async function realXlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  writePlan(workbook, planTableSheet(seedTables()[0], { sheetName: '数字化运维项目', framework: 'seed' }));
  return workbookToBuffer(workbook);
}

async function failure(data: Uint8Array | ArrayBuffer): Promise<WorkbookReadError> {
  try {
    await loadWorkbook(data);
  } catch (error) {
    if (error instanceof WorkbookReadError) return error;
    throw error;
  }
  throw new Error('loadWorkbook did not fail');
}

describe('loadWorkbook', () => {
  test('reads a real .xlsx from a Uint8Array and from an ArrayBuffer', async () => {
    const bytes = await realXlsx();
    expect(bytes[0]).toBe(0x50);
    const fromBytes = await loadWorkbook(bytes);
    const fromBuffer = await loadWorkbook(bytes.slice().buffer);
    expect(readGrids(fromBytes)[0].values).toEqual(readGrids(fromBuffer)[0].values);
    expect(fromBytes.worksheets.map((s) => s.name)).toEqual(['数字化运维项目']);
  });

  test('an encrypted workbook (CFB with EncryptionInfo) says 文件已加密', async () => {
    const error = await failure(encryptedXlsx());
    expect(error.reason).toBe('encrypted');
    expect(error.message).toContain('文件已加密');
  });

  test('a CFB file without encryption streams is an old .xls', async () => {
    const error = await failure(buildCfb([{ name: 'Workbook', data: new Uint8Array(4096) }]));
    expect(error.reason).toBe('legacy-xls');
    expect(error.message).toContain('.xls');
  });

  test('text, empty and random bytes are not .xlsx', async () => {
    for (const data of [new TextEncoder().encode('一级指标,二级指标\n产出指标,数量指标\n'), new Uint8Array(0), new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])]) {
      const error = await failure(data);
      expect(error.reason).toBe('not-xlsx');
      expect(error.message).toMatch(/不是/);
    }
  });

  test('a truncated .xlsx is corrupt', async () => {
    const bytes = await realXlsx();
    const error = await failure(bytes.slice(0, Math.floor(bytes.length / 2)));
    expect(error.reason).toBe('corrupt');
    expect(error.message).toContain('文件已损坏');
  });

  test('a zip that holds no workbook is not .xlsx', async () => {
    const zip = new JSZip();
    zip.file('readme.txt', '这不是工作簿');
    const error = await failure(await zip.generateAsync({ type: 'uint8array' }));
    expect(error.reason).toBe('not-xlsx');
    expect(error.message).toContain('没有工作表');
  });
});
