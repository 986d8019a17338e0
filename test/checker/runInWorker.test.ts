// runInWorker with a scripted worker: whichever way a worker ends — an answer, a reported failure, an
// error event (a crash the browser reports) or silence (one it does not) — the job settles once, with a
// Chinese message, and the worker is terminated.
import { runInWorker, WorkerJobError, type WorkerLike } from '../../src/checker/runInWorker';
import type { WorkerJob, WorkerReply } from '../../src/checker/workerProtocol';
import { DEFAULT_SETTINGS } from '../../src/core/model';
import { DEFAULT_READ_LIMITS } from '../../src/xlsx/limits';

class ScriptedWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  terminated = 0;
  posted: WorkerJob[] = [];
  postMessage(message: WorkerJob): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated += 1;
  }
  reply(reply: WorkerReply): void {
    this.onmessage?.({ data: reply } as MessageEvent<WorkerReply>);
  }
}

const job: WorkerJob = { kind: 'read', data: new ArrayBuffer(4), settings: DEFAULT_SETTINGS, limits: { ...DEFAULT_READ_LIMITS } };

function start(silenceMs = 1000) {
  const worker = new ScriptedWorker();
  const stages: string[] = [];
  const result = runInWorker(job, [], { createWorker: () => worker, onStage: (s) => stages.push(s), silenceMs });
  return { worker, stages, result };
}

describe('runInWorker', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('resolves with the reports, passing stages on, and ends the worker', async () => {
    const { worker, stages, result } = start();
    worker.reply({ kind: 'progress', stage: 'reading' });
    worker.reply({ kind: 'progress', stage: 'checking' });
    worker.reply({ kind: 'done', reports: [] });
    await expect(result).resolves.toEqual({ kind: 'done', reports: [] });
    expect(stages).toEqual(['reading', 'checking']);
    expect(worker.posted).toEqual([job]);
    expect(worker.terminated).toBe(1);
  });

  it('a library job (the pane\'s 设置 › 模板库) resolves with the library the worker read', async () => {
    const worker = new ScriptedWorker();
    const library = { tables: [], notes: [{ line: 0, message: 'x' }] };
    const data = new ArrayBuffer(4);
    const result = runInWorker({ kind: 'library', data, name: '2024年申报.xlsx' }, [data], { createWorker: () => worker, silenceMs: 1000 });
    worker.reply({ kind: 'progress', stage: 'reading' });
    worker.reply({ kind: 'library', library });
    await expect(result).resolves.toEqual({ kind: 'library', library });
    expect(worker.terminated).toBe(1);
  });

  it('rejects with the worker\'s own message when it reports a failure', async () => {
    const { worker, result } = start();
    worker.reply({ kind: 'failed', error: '文件已损坏' });
    await expect(result).rejects.toEqual(new WorkerJobError('文件已损坏'));
    expect(worker.terminated).toBe(1);
  });

  it('an error event (a crash the browser reports) is the file\'s error, not the page\'s', async () => {
    const { worker, result } = start();
    let prevented = false;
    worker.onerror?.({ message: 'Out of memory', preventDefault: () => (prevented = true) } as unknown as ErrorEvent);
    await expect(result).rejects.toThrow('读取此文件时后台进程出错并已停止（Out of memory）；其他文件不受影响。');
    expect(prevented).toBe(true);
    expect(worker.terminated).toBe(1);
    // Anything the dead worker still sends changes nothing.
    worker.reply({ kind: 'done', reports: [] });
    expect(worker.terminated).toBe(1);
  });

  it('silence (a crash the browser does not report) ends the job after silenceMs; progress restarts the clock', async () => {
    const { worker, result } = start(5000);
    jest.advanceTimersByTime(4000);
    worker.reply({ kind: 'progress', stage: 'checking' });
    jest.advanceTimersByTime(4000);
    expect(worker.terminated).toBe(0);
    jest.advanceTimersByTime(1001);
    await expect(result).rejects.toThrow('读取此文件时超过 5 秒没有进展，已停止（文件可能过大或内容异常）。');
    expect(worker.terminated).toBe(1);
  });
});
