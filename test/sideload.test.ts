// npm start's sideloading decisions per platform (scripts/sideload.js), with office-addin-debugging
// replaced by a recorder: Excel cannot be opened on this Linux machine, the decisions can be checked.
import { existsSync } from 'node:fs';
import { DEV_MANIFEST, loadDebugging, sideloadDecision, startSideload } from '../scripts/sideload';

function recorder(fail: { start?: Error; stop?: Error } = {}) {
  const calls: [string, string, object?][] = [];
  return {
    calls,
    debugging: {
      async startDebugging(manifestPath: string, options: object) {
        calls.push(['start', manifestPath, options]);
        if (fail.start) throw fail.start;
      },
      async stopDebugging(manifestPath: string) {
        calls.push(['stop', manifestPath]);
        if (fail.stop) throw fail.stop;
      },
    },
  };
}

test('the dev manifest is the one sideloaded', () => {
  expect(DEV_MANIFEST).toMatch(/manifest\.xml$/);
  expect(existsSync(DEV_MANIFEST)).toBe(true);
});

test.each(['win32', 'darwin'])('on %s: sideloads manifest.xml into desktop Excel, and stopping unloads it once', async (platform) => {
  const { calls, debugging } = recorder();
  const log: string[] = [];
  const session = await startSideload({ platform, env: {}, debugging, log: (line) => log.push(line) });
  expect(session.sideloaded).toBe(true);
  expect(calls).toEqual([['start', DEV_MANIFEST, { appType: 'desktop', app: 'excel', enableDebugging: false, enableLiveReload: false, enableSideload: true }]]);
  expect(log.join('\n')).toContain('已在 Excel 中加载');
  await session.stop();
  await session.stop();
  expect(calls.map((c) => c[0])).toEqual(['start', 'stop']);
  expect(calls[1][1]).toBe(DEV_MANIFEST);
  expect(log.join('\n')).toContain('已从 Excel 卸载');
});

test.each(['linux', 'freebsd'])('on %s: serves only, says why, never calls office-addin-debugging', async (platform) => {
  const { calls, debugging } = recorder();
  const log: string[] = [];
  const session = await startSideload({ platform, env: {}, debugging, log: (line) => log.push(line) });
  expect(session.sideloaded).toBe(false);
  await session.stop();
  expect(calls).toEqual([]);
  expect(log.join('\n')).toMatch(/没有桌面版 Excel：npm start 只提供服务[\s\S]*Excel on the web/);
});

test('JIXIAO_SIDELOAD=0 serves only on Windows too', async () => {
  const { calls, debugging } = recorder();
  const log: string[] = [];
  expect(sideloadDecision('win32', { JIXIAO_SIDELOAD: '0' })).toEqual({ sideload: false, note: expect.stringContaining('JIXIAO_SIDELOAD=0') });
  await startSideload({ platform: 'win32', env: { JIXIAO_SIDELOAD: '0' }, debugging, log: (line) => log.push(line) });
  expect(calls).toEqual([]);
  expect(sideloadDecision('win32', { JIXIAO_SIDELOAD: '1' })).toEqual({ sideload: true });
});

test('a port other than the manifest\'s 3000: serves only, since Excel would load from 3000', async () => {
  const { calls, debugging } = recorder();
  const log: string[] = [];
  await startSideload({ platform: 'darwin', env: { JIXIAO_PORT: '3100' }, debugging, log: (line) => log.push(line) });
  expect(calls).toEqual([]);
  expect(log.join('\n')).toContain('manifest.xml 指向 3000 端口，而服务在 3100 端口');
  expect(sideloadDecision('win32', { JIXIAO_PORT: '3000' })).toEqual({ sideload: true });
});

test('on Windows without office-addin-debugging: serves, and says how to install it', async () => {
  const log: string[] = [];
  const session = await startSideload({ platform: 'win32', env: {}, debugging: null, log: (line) => log.push(line) });
  expect(session.sideloaded).toBe(false);
  expect(log.join('\n')).toContain('npm install --no-save office-addin-debugging');
});

test('a failed sideload keeps serving with the manual steps, and stop then does nothing', async () => {
  const { calls, debugging } = recorder({ start: new Error('Excel is not installed') });
  const log: string[] = [];
  const session = await startSideload({ platform: 'darwin', env: {}, debugging, log: (line) => log.push(line) });
  expect(session.sideloaded).toBe(false);
  expect(log.join('\n')).toContain('无法自动在 Excel 中加载（Excel is not installed）');
  await session.stop();
  expect(calls.map((c) => c[0])).toEqual(['start']);
});

test('a failed unload is reported, not thrown, so the server still stops', async () => {
  const { debugging } = recorder({ stop: new Error('registry locked') });
  const log: string[] = [];
  const session = await startSideload({ platform: 'win32', env: {}, debugging, log: (line) => log.push(line) });
  await expect(session.stop()).resolves.toBeUndefined();
  expect(log.join('\n')).toContain('卸载失败：registry locked');
});

test('loadDebugging: the module where it loads, null where it is missing or not the expected API', () => {
  const { debugging } = recorder();
  expect(loadDebugging(() => debugging)).toBe(debugging);
  expect(
    loadDebugging(() => {
      throw new Error("Cannot find module 'office-addin-debugging'");
    }),
  ).toBeNull();
  expect(loadDebugging(() => ({ startDebugging: () => undefined }))).toBeNull();
  // The real require: the module where it is installed (not on this Linux machine, where it needs libsecret).
  let installed = true;
  try {
    require.resolve('office-addin-debugging');
  } catch {
    installed = false;
  }
  expect(loadDebugging() !== null).toBe(installed);
});
