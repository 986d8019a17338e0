// Both manifests against Microsoft's XSDs (xmllint, offline), the production manifest's URLs, and the
// checks on the JIXIAO_* deployment settings (scripts/deploy.js).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deployOptions, idForBaseUrl, productionManifest, type DeployOptions } from '../scripts/deploy';
import { manifestUrls, validateManifest } from './support/manifestSchema';
import { describeWith } from './support/tools';

const ROOT = join(__dirname, '..');
const devXml = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const packageVersion = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const BASE = 'https://oa.czj.example.gov.cn/apps/jixiao/';

function options(env: Record<string, string>): DeployOptions {
  const result = deployOptions(env, packageVersion);
  if (!result) throw new Error('expected deployment options');
  return result;
}

describeWith('xmllint', 'manifests against the Office add-in XSDs', () => {
  test('the dev manifest.xml validates', () => {
    const result = validateManifest(devXml);
    expect(result.output).toContain('validates');
    expect(result.valid).toBe(true);
  });

  test('a production manifest validates and points only at its base URL', () => {
    const xml = productionManifest(devXml, options({ JIXIAO_BASE_URL: BASE, JIXIAO_NAME_SUFFIX: '（测试）' }));
    expect(validateManifest(xml)).toEqual({ valid: true, output: expect.stringContaining('validates') });
    const urls = manifestUrls(xml);
    // Pages (3 views + commands + learn-more), 5 icons, the support URL and the AppDomain.
    expect(urls.length).toBe(manifestUrls(devXml).length);
    expect(urls.length).toBeGreaterThanOrEqual(11);
    for (const url of urls) expect([url, url.startsWith(BASE) || url === 'https://oa.czj.example.gov.cn']).toEqual([url, true]);
    expect(urls).toEqual(expect.arrayContaining([`${BASE}taskpane.html?view=check`, `${BASE}commands.html`, `${BASE}assets/icon-80.png`]));
    expect(xml).not.toMatch(/localhost/i);
    expect(xml).toContain('<DisplayName DefaultValue="绩效目标表助手（测试）"/>');
    expect(xml).toContain('<bt:String id="Group.Label" DefaultValue="绩效目标表（测试）"/>');
    expect(xml).toContain(`<Version>${packageVersion}.0</Version>`);
    expect(xml).toContain(`<SupportUrl DefaultValue="${BASE}"/>`);
    expect(xml).toContain('<AppDomain>https://oa.czj.example.gov.cn</AppDomain>');
  });

  test('a given Id and support URL are used, a query string is escaped for XML, and it still validates', () => {
    const id = '0F2D6A4B-1C3E-4A5B-9C7D-8E9F0A1B2C3D';
    const support = 'https://help.example.gov.cn/kb?a=1&b=jixiao';
    const xml = productionManifest(devXml, options({ JIXIAO_BASE_URL: BASE, JIXIAO_ADDIN_ID: id, JIXIAO_SUPPORT_URL: support }));
    expect(xml).toContain(`<Id>${id.toLowerCase()}</Id>`);
    expect(xml).toContain('<SupportUrl DefaultValue="https://help.example.gov.cn/kb?a=1&amp;b=jixiao"/>');
    expect(xml).toContain('<DisplayName DefaultValue="绩效目标表助手"/>');
    expect(validateManifest(xml).valid).toBe(true);
  });

  // The schema check must be able to fail, or a green run proves nothing.
  test.each([
    ['an Id that is not a GUID', (xml: string) => xml.replace(/<Id>[^<]*<\/Id>/, '<Id>jixiao-prod</Id>'), /Id.*pattern/],
    ['a five-part Version', (xml: string) => xml.replace(/<Version>[^<]*<\/Version>/, '<Version>1.0.0.0.0</Version>'), /Version.*pattern/],
    ['SupportUrl after AppDomains', (xml: string) => xml.replace(/(\s*<SupportUrl[^>]*\/>)(\s*<AppDomains>[\s\S]*?<\/AppDomains>)/, '$2$1'), /SupportUrl.*not expected/],
    ['no Permissions', (xml: string) => xml.replace(/\s*<Permissions>[^<]*<\/Permissions>/, ''), /Permissions/],
    ['an unknown action type', (xml: string) => xml.replace('xsi:type="ExecuteFunction"', 'xsi:type="RunMacro"'), /Action.*abstract/],
    ['a ribbon label over 125 characters', (xml: string) => xml.replace('DefaultValue="绩效目标表"/>', `DefaultValue="${'表'.repeat(126)}"/>`), /String.*maxLength/],
    ['malformed XML', (xml: string) => xml.replace('</Hosts>', ''), /parser error/],
  ])('a manifest with %s fails', (_name, breakIt, message) => {
    const xml = breakIt(productionManifest(devXml, options({ JIXIAO_BASE_URL: BASE })));
    const result = validateManifest(xml);
    expect(result.valid).toBe(false);
    expect(result.output).toMatch(message);
  });
});

describe('JIXIAO_* deployment settings', () => {
  test('no JIXIAO_BASE_URL: no production manifest', () => {
    expect(deployOptions({}, packageVersion)).toBeNull();
    expect(deployOptions({ JIXIAO_BASE_URL: '  ' }, packageVersion)).toBeNull();
  });

  test('the base URL gets a trailing slash; the support URL defaults to it', () => {
    const result = options({ JIXIAO_BASE_URL: 'https://OA.example.gov.cn:8443/jixiao' });
    expect(result.baseUrl).toBe('https://oa.example.gov.cn:8443/jixiao/');
    expect(result.supportUrl).toBe(result.baseUrl);
    expect(options({ JIXIAO_BASE_URL: 'https://oa.example.gov.cn' }).baseUrl).toBe('https://oa.example.gov.cn/');
  });

  test('the derived Id is a GUID, stable for one server and different for another', () => {
    const test1 = options({ JIXIAO_BASE_URL: 'https://test.example.gov.cn/jixiao/' });
    const again = options({ JIXIAO_BASE_URL: 'https://test.example.gov.cn/jixiao' });
    const prod = options({ JIXIAO_BASE_URL: 'https://oa.example.gov.cn/jixiao/' });
    expect(test1.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(test1.idDerived).toBe(true);
    expect(again.id).toBe(test1.id);
    expect(prod.id).not.toBe(test1.id);
    expect(idForBaseUrl(prod.baseUrl)).toBe(prod.id);
    expect(test1.id).not.toBe('6f3c2a1e-8b4d-4c7a-9e2f-5d1b0a7c3e91');
  });

  test.each([
    [{ JIXIAO_BASE_URL: 'http://oa.example.gov.cn/jixiao/' }, /JIXIAO_BASE_URL 必须以 https:\/\//],
    [{ JIXIAO_BASE_URL: 'oa.example.gov.cn/jixiao' }, /不是完整的网址/],
    [{ JIXIAO_BASE_URL: 'https://oa.example.gov.cn/jixiao/?v=2' }, /不能带 \? 或 #/],
    [{ JIXIAO_BASE_URL: 'https://localhost:3000/' }, /指向本机/],
    [{ JIXIAO_BASE_URL: 'https://admin:pw@oa.example.gov.cn/' }, /用户名或密码/],
    [{ JIXIAO_BASE_URL: BASE, JIXIAO_ADDIN_ID: 'jixiao-prod' }, /JIXIAO_ADDIN_ID「jixiao-prod」不是 GUID/],
    [{ JIXIAO_BASE_URL: BASE, JIXIAO_SUPPORT_URL: 'http://help/' }, /JIXIAO_SUPPORT_URL 必须以 https:\/\//],
    [{ JIXIAO_BASE_URL: BASE, JIXIAO_NAME_SUFFIX: '测'.repeat(21) }, /JIXIAO_NAME_SUFFIX 太长/],
  ])('%j is refused with a clear message', (env, message) => {
    expect(() => deployOptions(env, packageVersion)).toThrow(message);
  });

  test('every problem is listed at once', () => {
    expect(() => deployOptions({ JIXIAO_BASE_URL: 'http://x/', JIXIAO_ADDIN_ID: '1' }, packageVersion)).toThrow(/https[\s\S]*GUID/);
  });

  test('a dev manifest that no longer has what the rewrite expects is refused, not half rewritten', () => {
    const opts = options({ JIXIAO_BASE_URL: BASE });
    expect(() => productionManifest(devXml.replace(/<SupportUrl[^>]*\/>/, ''), opts)).toThrow(/SupportUrl/);
    expect(() => productionManifest(devXml.replace('https://localhost:3000/commands.html', 'https://localhost:3001/commands.html'), opts)).toThrow(/localhost:3001/);
  });
});
