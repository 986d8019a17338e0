// The check-settings form (framework, budget year, thresholds, required dimensions), shared by the task pane's 设置 tab and
// the checker page. It only edits: where settings are kept (workbook, localStorage) is the page's business.
import * as React from 'react';
import { Button, Caption1, Checkbox, Field, Input, Select, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { FRAMEWORK_LIST } from '../core/frameworks';
import { dimensionsOf } from '../core/frameworks/names';
import type { Framework } from '../core/frameworks/types';
import { SETTING_RANGES, SettingsSchema, type FrameworkName, type Settings } from '../core/model';
import { FRAMEWORK_HINT, FrameworkOptions } from './FrameworkOptions';

const useStyles = makeStyles({
  // minWidth 0 down to the controls: a long option (财预〔2021〕101号…) must not widen a 320 px pane.
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '420px', minWidth: 0 },
  control: { width: '100%', minWidth: 0, maxWidth: '100%', boxSizing: 'border-box' },
  dimensions: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalS, margin: 0, minWidth: 0 },
  level2: { display: 'flex', flexWrap: 'wrap', paddingLeft: tokens.spacingHorizontalL },
  // The form is taller than a pane: where the settings went stays on screen at the bottom, beside the
  // field just changed, not 1,500 px below it.
  saved: {
    position: 'sticky',
    bottom: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    ':empty': { display: 'none' },
  },
});

/** The names a framework requires now: the setting's list, or the framework's own flags. */
function requiredNames(framework: Framework, settings: Settings): string[] {
  return settings.requiredDimensions[framework.name] ?? dimensionsOf(framework).filter((dimension) => dimension.required).map((dimension) => dimension.name);
}

interface RequiredDimensionsProps {
  framework: Framework;
  settings: Settings;
  onChange: (settings: Settings) => void;
}

/** Checkboxes for the dimensions a framework requires (一级 with its 二级), with a way back to the defaults. */
function RequiredDimensions({ framework, settings, onChange }: RequiredDimensionsProps): React.JSX.Element {
  const styles = useStyles();
  const required = new Set(requiredNames(framework, settings));
  const customised = settings.requiredDimensions[framework.name] !== undefined;
  const save = (names: string[] | undefined): void => {
    const next: Partial<Record<FrameworkName, string[]>> = { ...settings.requiredDimensions };
    if (names) next[framework.name] = names;
    else delete next[framework.name];
    onChange(SettingsSchema.parse({ ...settings, requiredDimensions: next }));
  };
  const toggle = (name: string, checked: boolean): void => {
    save(dimensionsOf(framework).map((d) => d.name).filter((n) => (n === name ? checked : required.has(n))));
  };
  const box = (name: string) => (
    <Checkbox key={name} label={name} checked={required.has(name)} onChange={(_, data) => toggle(name, data.checked === true)} />
  );
  return (
    <fieldset className={styles.dimensions} data-framework={framework.name}>
      <legend>必填维度：{framework.label}</legend>
      <Caption1>勾选的维度在表中至少要有一行指标。</Caption1>
      {framework.level1.map((l1) => (
        <div key={l1.name}>
          {box(l1.name)}
          <div className={styles.level2}>{l1.level2.map((l2) => box(l2.name))}</div>
        </div>
      ))}
      <Button size="small" appearance="subtle" disabled={!customised} onClick={() => save(undefined)}>
        恢复默认
      </Button>
    </fieldset>
  );
}

interface Draft {
  framework: string;
  budgetYear: string;
  fundsTolerance: string;
  maxPercent: string;
  minSatisfaction: string;
}

function toDraft(settings: Settings): Draft {
  return {
    framework: settings.framework,
    budgetYear: settings.budgetYear === null ? '' : String(settings.budgetYear),
    fundsTolerance: String(settings.fundsTolerance),
    maxPercent: String(settings.maxPercent),
    minSatisfaction: String(settings.minSatisfaction),
  };
}

type DraftErrors = Partial<Record<keyof Draft, string>>;

/** Draft → Settings through the shared schema; per-field Chinese messages when it does not parse. */
function fromDraft(draft: Draft, base: Settings): { settings: Settings | null; errors: DraftErrors } {
  const number = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));
  const result = SettingsSchema.safeParse({
    ...base,
    framework: draft.framework,
    budgetYear: draft.budgetYear.trim() === '' ? null : number(draft.budgetYear),
    fundsTolerance: number(draft.fundsTolerance),
    maxPercent: number(draft.maxPercent),
    minSatisfaction: number(draft.minSatisfaction),
  });
  if (result.success) return { settings: result.data, errors: {} };
  const messages: Record<keyof Draft, string> = {
    framework: '请选择指标框架',
    budgetYear: '请输入 2000–2100 之间的年份，或留空自动识别',
    fundsTolerance: `请输入 ${SETTING_RANGES.fundsTolerance.min}–${SETTING_RANGES.fundsTolerance.max} 之间的数`,
    maxPercent: `请输入 ${SETTING_RANGES.maxPercent.min}–${SETTING_RANGES.maxPercent.max} 之间的百分数`,
    minSatisfaction: `请输入 ${SETTING_RANGES.minSatisfaction.min}–${SETTING_RANGES.minSatisfaction.max} 之间的百分数`,
  };
  const errors: DraftErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && field in messages) errors[field as keyof Draft] = messages[field as keyof Draft];
  }
  return { settings: null, errors };
}

export interface SettingsFormProps {
  settings: Settings;
  /** Called with every edit that parses; edits that do not parse show their message and are not passed on. */
  onChange: (settings: Settings) => void;
  /** Where the settings went (已保存 / 正在保存…), announced politely. */
  status: string;
  /** The task pane offers live cell marks; the checker page has no cells to mark. */
  liveMarksOption?: boolean;
}

export function SettingsForm({ settings, onChange, status, liveMarksOption = false }: SettingsFormProps): React.JSX.Element {
  const styles = useStyles();
  const [draft, setDraft] = React.useState<Draft>(() => toDraft(settings));
  const [errors, setErrors] = React.useState<DraftErrors>({});

  const update = (field: keyof Draft, value: string): void => {
    const next = { ...draft, [field]: value };
    setDraft(next);
    const parsed = fromDraft(next, settings);
    setErrors(parsed.errors);
    if (parsed.settings) onChange(parsed.settings);
  };
  const fieldState = (field: keyof Draft): { validationState?: 'error'; validationMessage?: string } =>
    errors[field] ? { validationState: 'error', validationMessage: errors[field] } : {};

  return (
    <form className={styles.root} onSubmit={(event) => event.preventDefault()} aria-label="检查设置">
      <Field label="默认指标框架" hint={`新插入的空白表用此框架；看得出框架的表（已插入或已填写的）按其自身框架检查，每张表的框架可在“检查”中该表标题旁更改。自动识别：一级指标中有“成本指标”时按 101 号文框架检查。${FRAMEWORK_HINT}。`} {...fieldState('framework')}>
        <Select className={styles.control} value={draft.framework} onChange={(_, data) => update('framework', data.value)}>
          <option value="auto">自动识别</option>
          <FrameworkOptions />
        </Select>
      </Field>
      {liveMarksOption && (
        <Field hint="默认关闭：问题仍随输入列在“检查”中，标记只在点“全部检查”时写入。打开后，ExcelApi 1.20 以前的 Excel 每写一次标记都会清空撤消记录（见下方说明）。">
          <Switch
            label="输入时即时标记单元格"
            checked={settings.liveMarks}
            onChange={(_, data) => onChange(SettingsSchema.parse({ ...settings, liveMarks: data.checked }))}
          />
        </Field>
      )}
      <Field label="预算年度" hint="留空则按表中写明的年度" {...fieldState('budgetYear')}>
        <Input className={styles.control} type="number" inputMode="numeric" value={draft.budgetYear} placeholder="自动" onChange={(_, data) => update('budgetYear', data.value)} />
      </Field>
      <Field label="资金允许误差（表内金额单位）" hint="|财政资金 + 其他资金 − 预算数| 不超过此值视为相符" {...fieldState('fundsTolerance')}>
        <Input className={styles.control} type="number" step="0.001" min={SETTING_RANGES.fundsTolerance.min} max={SETTING_RANGES.fundsTolerance.max} value={draft.fundsTolerance} onChange={(_, data) => update('fundsTolerance', data.value)} />
      </Field>
      <Field label="百分比上限（%）" hint="比率类指标值超过此值报错" {...fieldState('maxPercent')}>
        <Input className={styles.control} type="number" min={SETTING_RANGES.maxPercent.min} max={SETTING_RANGES.maxPercent.max} value={draft.maxPercent} onChange={(_, data) => update('maxPercent', data.value)} />
      </Field>
      <Field label="满意度下限（%）" hint="满意度目标低于此值时提示" {...fieldState('minSatisfaction')}>
        <Input className={styles.control} type="number" min={SETTING_RANGES.minSatisfaction.min} max={SETTING_RANGES.minSatisfaction.max} value={draft.minSatisfaction} onChange={(_, data) => update('minSatisfaction', data.value)} />
      </Field>
      {FRAMEWORK_LIST
        .filter((framework) => settings.framework === 'auto' || settings.framework === framework.name)
        .map((framework) => (
          <RequiredDimensions key={framework.name} framework={framework} settings={settings} onChange={onChange} />
        ))}
      <Caption1 role="status" className={styles.saved} data-role="settings-status">
        {status}
      </Caption1>
    </form>
  );
}
