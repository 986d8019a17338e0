/**
 * Settings in the workbook's custom document properties (jixiao.settings.v1.*, src/core/model/
 * settingsProperties.ts): the one place both hosts keep them, so a workbook passed between an Excel user
 * and a WPS user keeps its settings. WPS ignores Office's webextension settings part.
 */
import { DEFAULT_SETTINGS } from '../core/model';
import type { Settings } from '../core/model';
import { decodeSettingsProperties, encodeSettingsProperties, isSettingsProperty } from '../core/model/settingsProperties';
import { XL } from './et';
import type { EtDocumentProperties, EtWorkbook } from './et';

function properties(workbook: EtWorkbook): EtDocumentProperties {
  return workbook.CustomDocumentProperties as EtDocumentProperties;
}

/** The workbook's settings; the defaults when none are stored or they cannot be read (a newer version's). */
export function readSettings(workbook: EtWorkbook): Settings {
  const props = properties(workbook);
  const result = decodeSettingsProperties((name) => {
    try {
      // Item(name) throws for a property that does not exist (VBA: error 5).
      const value = props.Item(name).Value;
      return value === undefined || value === null ? undefined : String(value);
    } catch {
      return undefined;
    }
  });
  return result.kind === 'ok' ? result.settings : DEFAULT_SETTINGS;
}

/** Replaces jixiao's settings properties (and no other property) with `settings`. */
export function writeSettings(workbook: EtWorkbook, settings: Settings): void {
  const props = properties(workbook);
  for (let i = props.Count; i >= 1; i--) {
    const property = props.Item(i);
    if (isSettingsProperty(property.Name)) property.Delete();
  }
  for (const [name, value] of encodeSettingsProperties(settings)) props.Add(name, false, XL.propertyString, value);
}
