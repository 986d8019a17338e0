// 自检 under 设置 (loaded on open of the tab, not at first paint): what live marks cost in this Excel's (or
// WPS 表格's) undo history, and a button that tries every behaviour of the host jixiao relies on (the host's
// own 自检: src/excel/selfTest.ts or src/wps/selfTest.ts) and shows a report to copy.
import * as React from 'react';
import { Button, Caption1, Field, Textarea } from '@fluentui/react-components';
import type { HostCapabilities, SelfTestReport } from '../web/host';
import { describeError } from '../web/errors';
import { usePaneServices } from './hostContext';

/** The settings hint for live marks, honest about this Excel's undo tier. */
export function liveMarksHint(capabilities: HostCapabilities | null): string {
  if (!capabilities) return '关闭时（默认），问题仍随输入列在“检查”中，单元格标记只在点“全部检查”“标记问题”时写入。';
  if (capabilities.undoKnown === false) {
    return `尚不清楚 ${capabilities.hostName ?? '本软件'} 在本助手写入标记后是否保留撤消记录：为不影响 Ctrl+Z，输入时本助手只在“检查”中列出问题、不写标记，标记只在点“全部检查”“标记问题”时写入。`;
  }
  return capabilities.undoSafeWrites
    ? '打开后，输入时即写标记：按 Ctrl+Z 会先撤消本助手的标记，再按一次才撤消您的输入。关闭时（默认），标记只在点“全部检查”“标记问题”时写入。'
    : '此版本的 Excel 中，本助手每写一次标记都会清空 Excel 的撤消记录：打开后输入时将无法用 Ctrl+Z 撤消。关闭时（默认），标记只在点“全部检查”“标记问题”时写入。';
}

export default function SelfTestSection(): React.JSX.Element {
  const { host } = usePaneServices();
  const [capabilities, setCapabilities] = React.useState<HostCapabilities | null>(null);
  React.useEffect(() => {
    let current = true;
    host.capabilities?.().then((c) => current && setCapabilities(c), () => undefined);
    return () => {
      current = false;
    };
  }, [host]);
  const [report, setReport] = React.useState<SelfTestReport | null>(null);
  const [state, setState] = React.useState<'idle' | 'running' | 'failed'>('idle');
  const [message, setMessage] = React.useState('');

  const run = async () => {
    setState('running');
    const running = '正在自检：会临时添加一个工作表，完成后删除…';
    setMessage(running);
    try {
      // A check that needs the user (the drop-down pick) says here what to do, then the message goes back.
      const result = await host.selfTest!({ prompt: (step) => setMessage(step ?? running) });
      setReport(result);
      const failed = result.checks.filter((c) => !c.passed && !c.notTried).length;
      const untried = result.checks.filter((c) => c.notTried).length;
      const notTried = untried > 0 ? `${untried} 项未试验，` : '';
      setMessage(
        failed === 0
          ? `自检完成：${notTried}${result.checks.length - untried} 项通过。`
          : `自检完成：${notTried}${failed} 项未通过，请复制报告发给维护人员。`,
      );
      setState('idle');
    } catch (error) {
      setState('failed');
      setMessage(`自检未能完成：${describeError(error)}`);
    }
  };

  const copy = async () => {
    if (!report) return;
    try {
      await navigator.clipboard.writeText(report.text);
      setMessage('报告已复制。');
    } catch {
      setMessage('无法自动复制：请在下面的文本框中全选（Ctrl+A）后复制（Ctrl+C）。');
    }
  };

  return (
    <section aria-label="自检">
      <Caption1>{liveMarksHint(capabilities)}</Caption1>
      <Field label="自检" hint={`在本机 ${capabilities?.hostName ?? 'Excel'} 中逐项试验本助手依赖的功能（在临时工作表上进行，完成后删除），生成可复制的报告。`}>
        <Button onClick={() => void run()} disabled={state === 'running'}>
          运行自检
        </Button>
      </Field>
      <Caption1 role="status">{message}</Caption1>
      {report && (
        <>
          <Textarea aria-label="自检报告" readOnly value={report.text} resize="vertical" rows={10} />
          <Button onClick={() => void copy()}>复制报告</Button>
        </>
      )}
    </section>
  );
}
