// The nginx example in docs/deploy.md, run by Debian's nginx over https: it must pass `nginx -t`, and
// serve each kind of file the build writes with its MIME type and the caching docs/deploy.md promises
// (hashed scripts for a year, pages, the manifest and the checker's worker no-cache, the rest a day).
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './support/freePort';
import { describeWith } from './support/tools';
import { deployOptions, productionManifest } from '../scripts/deploy';

const ROOT = join(__dirname, '..');

/** The server block of docs/deploy.md, with this machine's port, certificate and folder. */
function docsServerBlock(): string {
  const docs = readFileSync(join(ROOT, 'docs', 'deploy.md'), 'utf8');
  const block = /```nginx\n([\s\S]*?)```/.exec(docs);
  if (!block) throw new Error('docs/deploy.md has no nginx example');
  return block[1];
}

function fetchHead(url: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { rejectUnauthorized: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    }).on('error', reject);
  });
}

describeWith('nginx', 'the nginx example in docs/deploy.md', () => {
  let dir: string;
  let nginx: ChildProcess | null = null;
  let origin: string;
  const hashed = 'taskpane.35bec3a1.js';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jixiao-nginx-'));
    chmodSync(dir, 0o755); // nginx's workers run as another user
    // A dist/ laid out as the build writes it.
    const site = join(dir, 'www', 'jixiao');
    mkdirSync(join(site, 'office'), { recursive: true });
    mkdirSync(join(site, 'assets'));
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>绩效目标表检查</title>');
    writeFileSync(join(site, 'taskpane.html'), '<!doctype html><title>绩效目标表助手</title>');
    writeFileSync(join(site, hashed), 'console.log(1)');
    writeFileSync(join(site, 'check-worker.js'), 'self.onmessage = null;');
    // The WPS add-in folder as `npm run build` writes it: its own unhashed worker and its ribbon.
    mkdirSync(join(site, 'wps', 'jixiao_0.1.0'), { recursive: true });
    writeFileSync(join(site, 'wps', 'jixiao_0.1.0', 'check-worker.js'), 'self.onmessage = null;');
    writeFileSync(join(site, 'wps', 'jixiao_0.1.0', 'ribbon.xml'), '<customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui"/>');
    copyFileSync(join(ROOT, 'node_modules/@microsoft/office-js/dist/office.js'), join(site, 'office', 'office.js'));
    copyFileSync(join(ROOT, 'assets', 'icon-32.png'), join(site, 'assets', 'icon-32.png'));
    const options = deployOptions({ JIXIAO_BASE_URL: 'https://oa.czj.example.gov.cn/jixiao/' });
    writeFileSync(join(site, 'manifest.xml'), productionManifest(readFileSync(join(ROOT, 'manifest.xml'), 'utf8'), options!));

    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=oa.czj.example.gov.cn', '-keyout', join(dir, 'site.key'), '-out', join(dir, 'site.crt')], { stdio: 'ignore' });
    mkdirSync(join(dir, 'conf'));
    copyFileSync('/etc/nginx/mime.types', join(dir, 'conf', 'mime.types'));
    const port = await freePort();
    const server = docsServerBlock()
      .replace('listen 443 ssl;', `listen 127.0.0.1:${port} ssl;`)
      .replace(/ssl_certificate\s+\S+;/, `ssl_certificate ${join(dir, 'site.crt')};`)
      .replace(/ssl_certificate_key\s+\S+;/, `ssl_certificate_key ${join(dir, 'site.key')};`)
      .replace('root /srv/www;', `root ${join(dir, 'www')};`);
    expect(server).toContain(`listen 127.0.0.1:${port} ssl;`);
    expect(server).toContain(`root ${join(dir, 'www')};`);
    const conf = [
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${join(dir, 'error.log')};`,
      'events {}',
      'http {',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${join(dir, `${t}-temp`)};`),
      server,
      '}',
    ].join('\n');
    writeFileSync(join(dir, 'conf', 'nginx.conf'), conf);
    const args = ['-p', dir, '-c', join(dir, 'conf', 'nginx.conf')];
    const check = spawnSync('nginx', [...args, '-t'], { encoding: 'utf8' });
    expect(`${check.stderr}`).toMatch(/syntax is ok[\s\S]*test is successful/);
    nginx = spawn('nginx', [...args, '-g', 'daemon off; master_process off;'], { stdio: 'ignore' });
    origin = `https://127.0.0.1:${port}`;
    for (let tries = 0; ; tries++) {
      try {
        await fetchHead(`${origin}/jixiao/`);
        break;
      } catch (error) {
        if (tries > 50 || nginx.exitCode !== null) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }, 60_000);

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx!.once('exit', resolve));
      nginx.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  test.each([
    ['/jixiao/', /^text\/html; charset=utf-8$/, 'no-cache', '绩效目标表检查'],
    ['/jixiao/index.html', /^text\/html; charset=utf-8$/, 'no-cache', '绩效目标表检查'],
    ['/jixiao/taskpane.html', /^text\/html; charset=utf-8$/, 'no-cache', '绩效目标表助手'],
    ['/jixiao/manifest.xml', /^(text|application)\/xml; charset=utf-8$/, 'no-cache', '<OfficeApp'],
    [`/jixiao/${hashed}`, /^(application|text)\/javascript; charset=utf-8$/, 'public, max-age=31536000, immutable', 'console.log'],
    // The worker keeps one name across builds, so it must be revalidated like the pages.
    ['/jixiao/check-worker.js', /^(application|text)\/javascript; charset=utf-8$/, 'no-cache', 'onmessage'],
    ['/jixiao/wps/jixiao_0.1.0/check-worker.js', /^(application|text)\/javascript; charset=utf-8$/, 'no-cache', 'onmessage'],
    // A new ribbon must reach WPS with the new version's pages.
    ['/jixiao/wps/jixiao_0.1.0/ribbon.xml', /^(text|application)\/xml; charset=utf-8$/, 'no-cache', '<customUI'],
    ['/jixiao/office/office.js', /^(application|text)\/javascript; charset=utf-8$/, 'public, max-age=86400', 'Office'],
    ['/jixiao/assets/icon-32.png', /^image\/png$/, 'public, max-age=86400', ''],
  ])('%s: %s, Cache-Control %s', async (path, type, cache, content) => {
    const response = await fetchHead(`${origin}${path}`);
    expect(response.status).toBe(200);
    expect(String(response.headers['content-type'])).toMatch(type);
    expect(response.headers['cache-control']).toBe(cache);
    expect(response.body).toContain(content);
  });

  test('a missing file is a 404, not the index page', async () => {
    expect((await fetchHead(`${origin}/jixiao/taskpane.00000000.js`)).status).toBe(404);
  });
});
