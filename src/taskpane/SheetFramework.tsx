// The framework a sheet is judged by, on its heading in 检查: chosen at insert or detected, changeable here
// (saved with the workbook for that sheet only; 设置 holds the default for new sheets).
import * as React from 'react';
import { Select, makeStyles, tokens } from '@fluentui/react-components';
import type { FrameworkName, SheetReport } from '../core/model';
import { FrameworkOptions } from '../web/FrameworkOptions';

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightRegular },
  select: { minWidth: 0, maxWidth: '100%' },
});

export interface SheetFrameworkProps {
  report: SheetReport;
  disabled: boolean;
  onChange: (sheet: string, framework: FrameworkName) => void;
}

export function SheetFramework({ report, disabled, onChange }: SheetFrameworkProps): React.JSX.Element {
  const styles = useStyles();
  const id = React.useId();
  return (
    <span className={styles.root} data-role="sheet-framework" data-framework={report.framework}>
      <label htmlFor={id}>框架</label>
      <Select id={id} size="small" className={styles.select} value={report.framework} disabled={disabled} onChange={(_, data) => onChange(report.sheet, data.value as FrameworkName)}>
        <FrameworkOptions />
      </Select>
    </span>
  );
}
