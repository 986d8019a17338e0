// The add-in manifest, checked offline: well-formed XML, schema order, unique ids, URLs that resolve to
// what the build emits or to assets that exist. (`npm run validate` checks it online against the schema.)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// xml2js ships no types (it comes with office-addin-manifest); only this function is used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseStringPromise } = require('xml2js') as { parseStringPromise: (xml: string, options?: object) => Promise<unknown> };

const ROOT = join(__dirname, '..');
const xml = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
/** Pages webpack emits (webpack.config.js: taskpane and commands entries). */
const BUILT_PAGES = ['taskpane.html', 'commands.html'];

type Node = { $?: Record<string, string>; _?: string; [child: string]: unknown };

function children(node: Node, name: string): Node[] {
  return (node[name] as Node[] | undefined) ?? [];
}

function walk(node: unknown, visit: (name: string, n: Node) => void, name = ''): void {
  if (Array.isArray(node)) for (const item of node) walk(item, visit, name);
  else if (node && typeof node === 'object') {
    visit(name, node as Node);
    for (const [key, value] of Object.entries(node)) if (key !== '$' && key !== '_') walk(value, visit, key);
  }
}

let root: Node;
let childOrder: string[];
beforeAll(async () => {
  root = ((await parseStringPromise(xml, { explicitCharkey: true })) as { OfficeApp: Node }).OfficeApp;
  const ordered = (await parseStringPromise(xml, { explicitChildren: true, preserveChildrenOrder: true })) as { OfficeApp: { $$: { '#name': string }[] } };
  childOrder = ordered.OfficeApp.$$.map((n) => n['#name']);
});

test('OfficeApp children in schema order, with a GUID Id and zh-CN', () => {
  expect(childOrder).toEqual(['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides']);
  expect(children(root, 'Id')[0]._).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  expect(children(root, 'DefaultLocale')[0]._).toBe('zh-CN');
  expect(children(root, 'Permissions')[0]._).toBe('ReadWriteDocument');
  expect(children(children(root, 'Hosts')[0], 'Host')[0].$?.Name).toBe('Workbook');
  const set = children(children(children(root, 'Requirements')[0], 'Sets')[0], 'Set')[0];
  expect(set.$).toEqual({ Name: 'ExcelApi', MinVersion: '1.8' });
});

test('resource ids and control ids are unique, and every resid is defined', () => {
  const resourceIds: string[] = [];
  const controlIds: string[] = [];
  const used: string[] = [];
  walk(root, (name, node) => {
    if (['bt:Image', 'bt:Url', 'bt:String'].includes(name) && node.$?.id) resourceIds.push(node.$.id);
    if (['Control', 'Group', 'OfficeTab'].includes(name) && node.$?.id) controlIds.push(node.$.id);
    if (node.$?.resid) used.push(node.$.resid);
  });
  expect(new Set(resourceIds).size).toBe(resourceIds.length);
  expect(new Set(controlIds).size).toBe(controlIds.length);
  for (const id of used) expect(resourceIds).toContain(id);
  expect(controlIds).toEqual(expect.arrayContaining(['TabHome', 'Jixiao.InsertTemplates', 'Jixiao.Check', 'Jixiao.ClearMarks']));
});

test('every URL points to a page the build emits or an asset that exists', () => {
  const urls: string[] = [];
  walk(root, (_name, node) => {
    const value = node.$?.DefaultValue;
    if (value?.startsWith('https://')) urls.push(value);
  });
  expect(urls.length).toBeGreaterThan(5);
  for (const url of urls) {
    const path = new URL(url).pathname.replace(/^\//, '');
    if (path.startsWith('assets/')) expect([url, existsSync(join(ROOT, path))]).toEqual([url, true]);
    else expect(BUILT_PAGES).toContain(path);
  }
  expect(urls).toEqual(expect.arrayContaining(['https://localhost:3000/taskpane.html?view=templates', 'https://localhost:3000/taskpane.html?view=check', 'https://localhost:3000/commands.html']));
  const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
  for (const size of [16, 32, 64, 80]) {
    const png = readFileSync(join(ROOT, 'assets', `icon-${size}.png`));
    expect(png.subarray(0, 4)).toEqual(pngSignature);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
  }
});

test('the ExecuteFunction command is registered by src/commands/commands.ts', async () => {
  const functions: string[] = [];
  walk(root, (name, node) => {
    if (name === 'FunctionName') functions.push(String(node._ ?? node));
  });
  const { createExcelDouble } = await import('./support/excelDouble');
  const excel = createExcelDouble();
  Object.assign(globalThis, { Excel: excel.Excel, Office: excel.Office });
  await import('../src/commands/commands');
  await new Promise((resolve) => setTimeout(resolve, 0));
  for (const name of functions) await excel.invokeCommand(name);
  expect(functions).toEqual(['clearMarks']);
});
