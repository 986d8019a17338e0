// `jixiao suggest` (issue #22): what the 建议 tab would offer each table of a file, from the seed, the published
// tables (公开样表, each naming issuer and year) and --library; the floor's message when nothing is close.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import type { SuggestJson } from '../../src/cli/commands/suggest';
import { planBlankSheet } from '../../src/core/sheet/layout';
import { workbookToBuffer, writePlan } from '../../src/xlsx';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-suggest-'));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['suggest', ...args], { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

/** A blank seed-style form with a project name and goals typed in (B3, B8 as the blank layout draws them). */
async function blankForm(name: string, projectName: string, goals: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const plan = planBlankSheet('seed', '新项目');
  writePlan(workbook, plan);
  const sheet = workbook.getWorksheet('新项目')!;
  sheet.getCell('B3').value = projectName;
  sheet.getCell('B8').value = goals;
  const path = join(dir, name);
  writeFileSync(path, await workbookToBuffer(workbook));
  return path;
}

test('a project like a published one gets its rows, the reason naming issuer and year; shared words never digits', async () => {
  const file = await blankForm('扶贫.xlsx', '2019年资产收益扶贫项目', '1.资产入股合作社，贫困户按年返本分红，带动建档立卡贫困人口增收。');
  const { code, out } = await run([file, '--json']);
  expect(code).toBe(0);
  const json = JSON.parse(out) as SuggestJson;
  const all = json.sheets[0].groups.flatMap((g) => g.suggestions);
  expect(json.sheets[0].nothingClose).toBe(false);
  expect(all.length).toBeGreaterThan(0);
  expect(all[0].reason).toMatch(/公开样表：南岳镇人民政府（湖南，2018年）/);
  for (const s of all) expect(s.reason).not.toMatch(/相同字词：[^；]*\d/);
});

test('a project the library has nothing close to: the floor\'s message, how to add the unit\'s tables, nothing listed', async () => {
  const file = await blankForm('殡葬.xlsx', '殡葬改革惠民补贴', '1.对本辖区户籍居民实行基本殡葬服务费用减免，减轻丧属负担。');
  const text = await run([file]);
  expect(text.code).toBe(0);
  expect(text.out).toContain('模板库中没有与「殡葬改革惠民补贴」相近的项目，不作推荐');
  expect(text.out).toContain('--library');
  const json = JSON.parse((await run([file, '--json'])).out) as SuggestJson;
  expect(json.sheets[0]).toMatchObject({ nothingClose: true, groups: [] });
});

test('published tables suggest but are never templates: a sheet named like one is not checked against it', async () => {
  const file = await blankForm('雾炮车.xlsx', '雾炮车降尘抑尘服务', '1.配备雾炮车开展城区降尘抑尘作业，改善空气质量。');
  let out = '';
  const code = await main(['check', file, '--json'], { stdout: (t) => (out += t), stderr: () => undefined });
  expect(code).toBeGreaterThanOrEqual(0);
  expect(out).not.toMatch(/template-missing-indicator|template-weakened-target/);
});
