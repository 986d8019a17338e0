// Runs one job in a fresh worker and ends the worker after it: whatever the file does to its worker
// (an exception, running out of memory, a crash, never answering), only this job fails.
import type { AnyWorkerJob, LibraryJob, MarkJob, WorkerJob, WorkerReply, WorkerStage } from './workerProtocol';

/** A worker that says nothing for this long is taken as lost (a crash the browser did not report). */
export const WORKER_SILENCE_MS = 120_000;

/** What the page needs of a Worker; tests pass a fake. */
export interface WorkerLike {
  postMessage(message: AnyWorkerJob, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

export class WorkerJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerJobError';
  }
}

export interface RunOptions {
  createWorker: () => WorkerLike;
  onStage?: (stage: WorkerStage) => void;
  silenceMs?: number;
}

type FinalReply = Exclude<WorkerReply, { kind: 'progress' } | { kind: 'failed' }>;

/** The worker's answer to `job`; rejects with a Chinese WorkerJobError when it fails or is lost. */
export function runInWorker(job: WorkerJob, transfer: Transferable[], options: RunOptions): Promise<Extract<WorkerReply, { kind: 'done' }>>;
export function runInWorker(job: LibraryJob, transfer: Transferable[], options: RunOptions): Promise<Extract<WorkerReply, { kind: 'library' }>>;
export function runInWorker(job: MarkJob, transfer: Transferable[], options: RunOptions): Promise<Extract<WorkerReply, { kind: 'marked' }>>;
export function runInWorker(job: AnyWorkerJob, transfer: Transferable[], options: RunOptions): Promise<FinalReply> {
  const silenceMs = options.silenceMs ?? WORKER_SILENCE_MS;
  return new Promise((resolve, reject) => {
    let worker: WorkerLike;
    try {
      worker = options.createWorker();
    } catch (error) {
      reject(new WorkerJobError(`无法启动后台读取（${error instanceof Error ? error.message : String(error)}）。`));
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (outcome: () => void): void => {
      clearTimeout(timer);
      worker.onmessage = null;
      worker.onerror = null;
      worker.onmessageerror = null;
      worker.terminate();
      outcome();
    };
    const lost = (why: string) => () => reject(new WorkerJobError(why));
    const watch = (): void => {
      clearTimeout(timer);
      timer = setTimeout(
        () => finish(lost(`读取此文件时超过 ${Math.round(silenceMs / 1000)} 秒没有进展，已停止（文件可能过大或内容异常）。`)),
        silenceMs,
      );
    };
    worker.onmessage = (event) => {
      const reply = event.data;
      if (reply.kind === 'progress') {
        watch();
        options.onStage?.(reply.stage);
      } else if (reply.kind === 'failed') finish(lost(reply.error));
      else finish(() => resolve(reply));
    };
    worker.onerror = (event) => {
      // preventDefault: the failure is this file's, shown on its section, not an uncaught page error.
      event.preventDefault();
      finish(lost(`读取此文件时后台进程出错并已停止（${event.message || '可能是内存不足'}）；其他文件不受影响。`));
    };
    worker.onmessageerror = () => finish(lost('后台读取返回的结果无法传回页面。'));
    watch();
    worker.postMessage(job, transfer);
  });
}
