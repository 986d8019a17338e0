import { readSheetTables } from '../src/core/sheet/reader';
const values = [
      ['项目名称', '某项目'],
      ['一级指标', '三级指标', '指标值'],
      ['产出指标', '培训次数', '≥2次'],
      ['效益指标', '群众知晓率', '≥90%'],
    ];
const r = readSheetTables({ sheetName: '表', top: 0, left: 0, values, merges: [] });
console.log(JSON.stringify(r.tables.map(t=>[t.grids, t.unread]), null, 1), r.unreadable);
import { SheetCells } from '../src/core/sheet/cells';
import { locateByContent } from '../src/core/sheet/contentLocate';
import { profileColumns, roleScores } from '../src/core/sheet/columnRoles';
const cells = new SheetCells({ sheetName: '表', top: 0, left: 0, values, merges: [] });
console.log(JSON.stringify(locateByContent(cells, 0)));
for (const p of profileColumns(cells, 2, 3, 1, 2, [1])) console.log(p, roleScores(p));
