// Settings stored in the workbook as custom document properties, so they travel with the file between
// add-in Ids (Office.Settings is keyed by add-in Id), Excel and WPS (WPS ignores Office's webextension
// settings part; both expose the document's custom properties), and are in docProps/custom.xml for the CLI.
// Values are cut into chunks: Office's custom property strings are documented to 255 characters.
import { parseSettings, type Settings } from './settings';

/** Prefix of every property jixiao writes; a host removes exactly these to rewrite or clear. */
export const SETTINGS_PROPERTY_PREFIX = 'jixiao.settings.v1';
/** The property holding the number of chunks. */
export const SETTINGS_COUNT_PROPERTY = `${SETTINGS_PROPERTY_PREFIX}.n`;
export const SETTINGS_CHUNK_LENGTH = 255;
/** Refuses absurd counts from a hostile file before reading chunks one by one. */
const MAX_CHUNKS = 400;

export function settingsChunkProperty(index: number): string {
  return `${SETTINGS_PROPERTY_PREFIX}.${index}`;
}

/** The properties to write (name, string value), count first. */
export function encodeSettingsProperties(settings: Settings): Array<[string, string]> {
  const json = JSON.stringify(settings);
  const chunks: string[] = [];
  for (let at = 0; at < json.length; at += SETTINGS_CHUNK_LENGTH) chunks.push(json.slice(at, at + SETTINGS_CHUNK_LENGTH));
  return [[SETTINGS_COUNT_PROPERTY, String(chunks.length)], ...chunks.map((chunk, i): [string, string] => [settingsChunkProperty(i), chunk])];
}

export type SettingsPropertiesResult =
  | { kind: 'absent' }
  | { kind: 'ok'; settings: Settings }
  | { kind: 'invalid'; reason: string };

/** Reads settings back through a getter of the document's custom properties (undefined when missing). */
export function decodeSettingsProperties(get: (name: string) => string | undefined): SettingsPropertiesResult {
  const countText = get(SETTINGS_COUNT_PROPERTY);
  if (countText === undefined) return { kind: 'absent' };
  const count = Number(countText);
  if (!Number.isInteger(count) || count < 0 || count > MAX_CHUNKS) return { kind: 'invalid', reason: `分块数不正确：${countText.slice(0, 20)}` };
  let json = '';
  for (let i = 0; i < count; i++) {
    const chunk = get(settingsChunkProperty(i));
    if (chunk === undefined) return { kind: 'invalid', reason: `缺少第 ${i + 1} 块（共 ${count} 块）` };
    json += chunk;
  }
  try {
    return { kind: 'ok', settings: parseSettings(JSON.parse(json)) };
  } catch {
    return { kind: 'invalid', reason: '设置内容不是有效的 jixiao 设置' };
  }
}

/** Whether a custom property is one of jixiao's settings properties (to rewrite or remove them exactly). */
export function isSettingsProperty(name: string): boolean {
  return name.startsWith(`${SETTINGS_PROPERTY_PREFIX}.`);
}
