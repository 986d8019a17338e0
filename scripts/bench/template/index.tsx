// The yardstick for the task pane's load time: a task pane shaped like Microsoft's Office-Addin-TaskPane-React
// template (github.com/OfficeDev/Office-Addin-TaskPane-React: a FluentProvider rendered after Office.onReady;
// a header with the logo and a welcome line, a list of three points each with a 24 px icon, and a text field
// with a button that writes the text into A1), written here so it builds offline with jixiao's own webpack
// settings and loads over the same Excel double (scripts/bench/ui.ts). Not shipped: only the bench builds it.
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { Button, Field, FluentProvider, Image, Textarea, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { DesignIdeas24Regular, LockOpen24Regular, Ribbon24Regular } from '@fluentui/react-icons';

const useStyles = makeStyles({
  root: { minHeight: '100vh' },
  header: { display: 'flex', flexDirection: 'column', alignItems: 'center', paddingTop: '100px', paddingBottom: '30px', backgroundColor: tokens.colorNeutralBackground3 },
  welcome: { fontSize: tokens.fontSizeHero900, fontWeight: tokens.fontWeightRegular },
  main: { display: 'flex', flexDirection: 'column', alignItems: 'center', width: '100%' },
  intro: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightRegular, paddingLeft: '10px', paddingRight: '10px' },
  list: { marginTop: '20px' },
  point: { display: 'flex', paddingBottom: '20px' },
  icon: { marginRight: '10px' },
  pointText: { fontSize: tokens.fontSizeBase300 },
  insertion: { display: 'flex', flexDirection: 'column', alignItems: 'center' },
  field: { margin: '30px 20px 20px 20px', maxWidth: '50%' },
  hint: { fontWeight: tokens.fontWeightSemibold, marginTop: '20px', marginBottom: '10px' },
});

const POINTS = [
  { icon: <Ribbon24Regular />, text: 'Office 集成，事半功倍' },
  { icon: <LockOpen24Regular />, text: '解锁更多功能' },
  { icon: <DesignIdeas24Regular />, text: '轻松创建与呈现' },
];

async function writeToA1(text: string): Promise<void> {
  await Excel.run(async (context) => {
    const range = context.workbook.worksheets.getActiveWorksheet().getRange('A1');
    range.values = [[text]];
    range.format.autofitColumns();
    await context.sync();
  });
}

function TemplatePane(): React.JSX.Element {
  const styles = useStyles();
  const [text, setText] = React.useState('一段文字');
  return (
    <div className={styles.root}>
      <section className={styles.header}>
        <Image width="90" height="90" src="assets/icon-80.png" alt="任务窗格" />
        <h1 className={styles.welcome}>欢迎</h1>
      </section>
      <div className={styles.main}>
        <h2 className={styles.intro}>看看这个加载项能做什么</h2>
        <ul className={styles.list}>
          {POINTS.map((point) => (
            <li className={styles.point} key={point.text}>
              <i className={styles.icon}>{point.icon}</i>
              <span className={styles.pointText}>{point.text}</span>
            </li>
          ))}
        </ul>
      </div>
      <div className={styles.insertion}>
        <Field className={styles.field} size="large" label="输入要写入工作表的文字。">
          <Textarea size="large" value={text} onChange={(_, data) => setText(data.value)} />
        </Field>
        <Field className={styles.hint}>点击按钮写入 A1。</Field>
        <Button appearance="primary" size="large" data-role="template-insert" onClick={() => void writeToA1(text)}>
          写入
        </Button>
      </div>
    </div>
  );
}

const container = document.getElementById('root');
const root = container ? createRoot(container) : null;
void Office.onReady(() => {
  root?.render(
    <FluentProvider theme={webLightTheme}>
      <TemplatePane />
    </FluentProvider>,
  );
});
