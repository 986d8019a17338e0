// 预览 of a library table in the 模板 tab: its header fields and every indicator row. Loaded on the first
// 预览 click, not at first paint (docs/bundles.md).
import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { LibraryTable } from '../core/model';
import { KeepAmounts } from '../web/KeepTogether';
import { formatAmount } from './TemplatesTab';

const useStyles = makeStyles({
  // Fits a 350 px pane without sideways scroll: 一级/二级 wrap to two characters a line (their names are
  // short and known), so 三级 and 指标值 keep their width; amounts never break inside (KeepAmounts).
  previewScroll: { overflowX: 'auto', maxWidth: '100%' },
  previewTable: {
    borderCollapse: 'collapse',
    width: '100%',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: '2px 4px', textAlign: 'left', verticalAlign: 'top', overflowWrap: 'anywhere' },
  },
  dimensionColumn: { width: '3em' },
  valueColumn: { width: '30%' },
  fields: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: `0 0 ${tokens.spacingVerticalM} 0`,
    '& dd': { margin: 0 },
    // On a narrow pane the label column halves the width of 绩效目标's long text: labels go above.
    '@media (max-width: 360px)': { gridTemplateColumns: '1fr', '& dt': { fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalXS } },
  },
});

export default function TablePreview({ table }: { table: LibraryTable }): React.JSX.Element {
  const styles = useStyles();
  return (
    <>
      <dl className={styles.fields}>
        {table.library !== undefined && (
          <>
            <dt>来源</dt>
            <dd>{table.sheet !== undefined ? `${table.library} › ${table.sheet}` : `${table.library} 第 ${table.number} 表`}</dd>
          </>
        )}
        <dt>单位</dt>
        <dd>{`${table.department.code}${table.department.name}`}（单位：{table.unit}）</dd>
        <dt>项目名称</dt>
        <dd>{table.projectName}</dd>
        <dt>预算数</dt>
        <dd>{formatAmount(table.budget.total, table.unit)}</dd>
        <dt>其中：财政资金</dt>
        <dd>{formatAmount(table.budget.fiscal, table.unit)}</dd>
        <dt>其他资金</dt>
        <dd>{formatAmount(table.budget.other, table.unit)}</dd>
        <dt>资金用途</dt>
        <dd>{table.purpose || '—'}</dd>
        <dt>绩效目标</dt>
        <dd style={{ whiteSpace: 'pre-wrap' }}>{table.goals || '—'}</dd>
      </dl>
      <div className={styles.previewScroll} data-role="preview-scroll">
        <table className={styles.previewTable} aria-label={`${table.projectName} 的绩效指标`}>
          <thead>
            <tr>
              <th scope="col" className={styles.dimensionColumn}>一级指标</th>
              <th scope="col" className={styles.dimensionColumn}>二级指标</th>
              <th scope="col">三级指标</th>
              <th scope="col" className={styles.valueColumn}>指标值</th>
            </tr>
          </thead>
          <tbody>
            {table.indicators.map((row, index) => (
              <tr key={index}>
                <td>{row.level1}</td>
                <td>{row.level2}</td>
                <td>{row.level3}</td>
                <td data-role="preview-value">
                  <KeepAmounts text={row.value} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
