// Settings in the workbook's custom document properties (src/core/model/settingsProperties.ts), so every
// add-in Id, WPS and the CLI read the same ones (Office.Settings is per add-in Id:
// learn.microsoft.com/javascript/api/office/office.settings). workbook.properties.custom is ExcelApi 1.7
// (excel.custompropertycollection), under the manifest's minimum.
import { DEFAULT_SETTINGS, parseSettings } from '../core/model';
import type { Settings } from '../core/model';
import { decodeSettingsProperties, encodeSettingsProperties, isSettingsProperty } from '../core/model/settingsProperties';

/** Where the settings of this workbook came from. */
export type SettingsSource = 'document' | 'legacy' | 'default';

/** Office.context.document.settings, as far as jixiao uses it (only read now: the settings before this version). */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: string; error?: { message: string } }) => void): void;
}

/** Where versions before the custom properties kept the settings (Office.Settings, per add-in Id). */
export const LEGACY_SETTINGS_KEY = 'jixiao.settings';

/** Queues a read of the custom properties; no round trip of its own (goes with the caller's next sync). */
export function queueSettingsRead(context: Excel.RequestContext): Excel.CustomPropertyCollection {
  const custom = context.workbook.properties.custom;
  custom.load('items/key,items/value');
  return custom;
}

/**
 * The settings after the sync: the document's, else those this add-in kept in Office.Settings (to be
 * written to the document with the next write the user asks for), else the defaults. A broken set of
 * properties (a newer or damaged file) falls back to the defaults rather than refuse to check.
 */
export function settingsFromRead(custom: Excel.CustomPropertyCollection, legacy: DocumentSettings | null): { settings: Settings; source: SettingsSource } {
  const values = new Map(custom.items.map((item) => [item.key, String(item.value)]));
  const decoded = decodeSettingsProperties((name) => values.get(name));
  if (decoded.kind === 'ok') return { settings: decoded.settings, source: 'document' };
  if (decoded.kind === 'invalid') return { settings: DEFAULT_SETTINGS, source: 'default' };
  const stored = legacy?.get(LEGACY_SETTINGS_KEY);
  if (stored === null || stored === undefined) return { settings: DEFAULT_SETTINGS, source: 'default' };
  try {
    return { settings: parseSettings(stored), source: 'legacy' };
  } catch {
    return { settings: DEFAULT_SETTINGS, source: 'default' };
  }
}

/** Queues the rewrite of jixiao's properties (read with queueSettingsRead and synced): stale chunks removed. */
export function queueSettingsWrite(custom: Excel.CustomPropertyCollection, settings: Settings): void {
  const properties = encodeSettingsProperties(parseSettings(settings));
  const kept = new Set(properties.map(([name]) => name));
  for (const item of custom.items) if (isSettingsProperty(item.key) && !kept.has(item.key)) item.delete();
  for (const [name, value] of properties) custom.add(name, value);
}
