// Placeholder until the BIFF8 reader lands here (another engineer's part): same signature, and the
// message jixiao gave .xls files before.
import type { CellGrid } from '../../core/sheet/types';
import { WorkbookReadError } from '../errors';
import type { ReadLimits } from '../limits';

export function readXlsGrids(_bytes: Uint8Array, _limits: ReadLimits): CellGrid[] {
  throw new WorkbookReadError('这是旧版 Excel（.xls）文件，无法读取；请在 Excel 中另存为 .xlsx。', 'legacy-xls');
}
