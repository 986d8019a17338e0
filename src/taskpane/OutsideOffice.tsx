// Shown when taskpane.html is opened in a plain browser (Office.onReady reports no host).
import * as React from 'react';
import { Link, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalM, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // The same heading as inside Excel: the page has a name for screen readers' heading navigation.
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

export function OutsideOffice({ checkerHref }: { checkerHref: string }): React.JSX.Element {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <h1 className={styles.title}>绩效目标表助手</h1>
      <MessageBar intent="warning" data-role="outside-office">
        <MessageBarBody>
          <MessageBarTitle>请在 Excel 中打开</MessageBarTitle>
          这是 Excel 加载项的任务窗格，需要在 Excel 中加载后使用。只想检查 .xlsx 文件？请使用
          <Link href={checkerHref}>浏览器检查页</Link>。
        </MessageBarBody>
      </MessageBar>
    </main>
  );
}
