// A list of bordered rows whose buttons wrap under the text when the pane is too narrow for both on one
// line: the 模板 tab, 设置 › 模板库 and 建议 show their entries this way.
import { tokens } from '@fluentui/react-components';

export const cardListStyles = {
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  itemText: { flexGrow: 1, flexShrink: 1, flexBasis: '170px', minWidth: 0, display: 'flex', flexDirection: 'column', overflowWrap: 'anywhere' },
} as const;
