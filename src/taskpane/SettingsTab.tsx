// 设置: framework, budget year and thresholds, saved with the workbook so colleagues run the same checks;
// then the unit's template libraries, kept on this computer.
import * as React from 'react';
import type { Settings } from '../core/model';
import { SettingsForm } from '../web/SettingsForm';
import { usePaneServices } from './hostContext';
import { LibrariesSection } from './LibrariesSection';
import { LayoutsSection } from '../web/LayoutsSection';

// 自检 and the undo tier of live marks: loaded when the tab opens, not at first paint.
const SelfTestSection = React.lazy(() => import('./SelfTestSection'));

export interface SettingsTabProps {
  settings: Settings;
  onChange: (settings: Settings) => void;
  /** 已保存 / 正在保存… */
  saveState: string;
}

export function SettingsTab({ settings, onChange, saveState }: SettingsTabProps): React.JSX.Element {
  return (
    <>
      <SettingsForm settings={settings} onChange={onChange} status={saveState} liveMarksOption />
      <React.Suspense fallback={null}><SelfTestSection /></React.Suspense>
    </>
  );
}

/** 模板库 and 表格布局 under the settings: shown while the settings load too (they are the user's, not the workbook's). */
export function LibrariesSettings({ onChanged }: { onChanged: () => void }): React.JSX.Element {
  const { shelf, layouts } = usePaneServices();
  return (
    <>
      {shelf && <LibrariesSection shelf={shelf} onChanged={onChanged} />}
      {layouts && <LayoutsSection open={layouts} onChanged={onChanged} />}
    </>
  );
}
