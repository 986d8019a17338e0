// 设置: framework, budget year and thresholds; saved with the workbook so colleagues run the same checks.
import * as React from 'react';
import type { Settings } from '../core/model';
import { SettingsForm } from '../web/SettingsForm';

export interface SettingsTabProps {
  settings: Settings;
  onChange: (settings: Settings) => void;
  /** 已保存 / 正在保存… */
  saveState: string;
}

export function SettingsTab({ settings, onChange, saveState }: SettingsTabProps): React.JSX.Element {
  return <SettingsForm settings={settings} onChange={onChange} status={saveState} liveMarksOption />;
}
