// `npm start` (scripts/start.js) on this Linux machine with no Excel: it falls back to a self-signed
// certificate, serves the checker page and the task pane over https, prints the sideload steps, and
// stops cleanly.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:https';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { freePort } from '../support/freePort';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function fetchHttps(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { rejectUnauthorized: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

/** Whether something accepts connections on the port (the dev server left running). */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, 'localhost');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm start (scripts/start.js)', () => {
  let child: ChildProcess | null = null;
  let home: string;
  afterEach(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(home, { recursive: true, force: true });
  });

  test('serves index.html and taskpane.html over https and prints how to sideload', async () => {
    const port = await freePort();
    // A scratch HOME: whatever office-addin-dev-certs looks for or writes stays out of the real one.
    home = mkdtempSync(join(tmpdir(), 'jixiao-start-'));
    child = spawn(process.execPath, ['scripts/start.js'], {
      cwd: ROOT,
      env: { ...process.env, JIXIAO_PORT: String(port), HOME: home, JIXIAO_DEV_CERTS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (output.includes(`https://localhost:${port}/taskpane.html`)) {
          clearInterval(timer);
          resolve();
        } else if (child!.exitCode !== null) {
          clearInterval(timer);
          reject(new Error(`start.js exited ${child!.exitCode}:\n${output}`));
        }
      }, 200);
    });
    if (process.platform === 'linux') expect(output).toContain('自签名证书');
    // The steps come after the build, and are not buried: only a few lines (certificate note, 正在构建…) before them, no asset list.
    const lines = output.split('\n');
    const helpAt = lines.findIndex((line) => line.includes('绩效目标表助手已启动'));
    expect(helpAt).toBeGreaterThan(0);
    expect(helpAt).toBeLessThanOrEqual(10);
    expect(output).not.toMatch(/^asset |webpack \d+\.\d+\.\d+ compiled|\[webpack-dev-server\]/m);
    expect(output).toContain('上传我的加载项');
    expect(output).toContain('Upload My Add-in');
    expect(output).toContain('wef');

    const checker = await fetchHttps(`https://localhost:${port}/`);
    expect(checker.status).toBe(200);
    expect(checker.body).toContain('<title>绩效目标表检查</title>');
    expect(checker.body).not.toContain('office.js');
    const pane = await fetchHttps(`https://localhost:${port}/taskpane.html`);
    expect(pane.status).toBe(200);
    expect(pane.body).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    const script = /<script defer(?:="defer")? src="([^"]*taskpane[^"]*\.js)"/.exec(pane.body);
    expect(script).not.toBeNull();
    expect((await fetchHttps(`https://localhost:${port}/${script![1]}`)).status).toBe(200);

    // SIGTERM (what npm forwards on Ctrl+C or kill): the server stops and the port is free again.
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    expect(await listening(port)).toBe(false);
  }, 120_000);

  test('stops with its parent: SIGTERM frees the port, and so does the parent dying without forwarding a signal', async () => {
    const port = await freePort();
    home = mkdtempSync(join(tmpdir(), 'jixiao-start-'));
    // A stand-in for npm that is killed outright (SIGKILL): it cannot forward anything.
    const parentScript = `const c = require('node:child_process').spawn(process.execPath, ['scripts/start.js'], { stdio: 'inherit' }); console.log('child-pid ' + c.pid); setInterval(() => {}, 1000);`;
    child = spawn(process.execPath, ['-e', parentScript], {
      cwd: ROOT,
      env: { ...process.env, JIXIAO_PORT: String(port), HOME: home, JIXIAO_DEV_CERTS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    expect(await waitFor(() => output.includes(`https://localhost:${port}/taskpane.html`), 240_000)).toBe(true);
    const pid = Number(/child-pid (\d+)/.exec(output)?.[1]);
    expect(await listening(port)).toBe(true);
    child.kill('SIGKILL');
    expect(await waitFor(async () => !alive(pid) && !(await listening(port)), 10_000)).toBe(true);
  }, 300_000);
});
