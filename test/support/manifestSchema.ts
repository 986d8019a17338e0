// Validates a manifest against Microsoft's XSDs (schemas/office-addin-manifest) with xmllint, offline.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const MANIFEST_XSD = join(__dirname, '..', '..', 'schemas', 'office-addin-manifest', 'OfficeAppManifestV1_1.xsd');


/** xmllint's verdict on one manifest; `output` holds its messages (the schema errors when invalid). */
export function validateManifest(xml: string): { valid: boolean; output: string } {
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', MANIFEST_XSD, '-'], { input: xml, encoding: 'utf8' });
  if (run.error) throw run.error;
  const output = `${run.stdout}${run.stderr}`;
  // xmllint exits 0 valid, 1 not well-formed, 3 invalid; 5 means the XSDs did not compile, no verdict.
  if (run.status === 0 || run.status === 1 || run.status === 3) return { valid: run.status === 0, output };
  throw new Error(`xmllint 未能校验（退出码 ${run.status}）：${output}`);
}

/** Every URL the manifest gives Office (namespace declarations are names, not addresses). */
export function manifestUrls(xml: string): string[] {
  return [...xml.replace(/\sxmlns(:\w+)?="[^"]*"/g, '').matchAll(/https?:\/\/[^"<\s]+/g)].map((m) => m[0]);
}
