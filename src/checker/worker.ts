// The checker page's worker: reads and checks one workbook off the page's thread, so the page answers
// input while a large file is read; the task pane reads the unit's template libraries in it too. Built as
// its own webpack entry (check-worker.js).
import { checkGrids } from '../core/check';
import { mergeLibraries } from '../core/library';
import { describeError } from '../web/errors';
import { bundledLibrary } from '../web/library';
import { readWorkbookGrids } from '../xlsx/readWorkbook';
import { readLibraryFile } from '../xlsx/library';
import { buildMarkedCopy } from './markedCopyBuild';
import type { AnyWorkerJob, WorkerReply } from './workerProtocol';

/** The worker's global scope, as far as it is used (the DOM lib types `self` as a Window). */
const scope = self as unknown as {
  postMessage(reply: WorkerReply): void;
  onmessage: ((event: MessageEvent<AnyWorkerJob>) => void) | null;
};

async function run(job: AnyWorkerJob): Promise<WorkerReply> {
  scope.postMessage({ kind: 'progress', stage: 'reading' });
  if (job.kind === 'library') return { kind: 'library', library: readLibraryFile(job.data, job.name) };
  if (job.kind === 'mark') {
    const copy = buildMarkedCopy(new Uint8Array(job.data), job.reports, job.fileName);
    // slice(): the copy's own ArrayBuffer, exactly its bytes.
    return { kind: 'marked', bytes: copy.bytes.slice().buffer, note: copy.note };
  }
  const grids = readWorkbookGrids(job.data, job.limits);
  scope.postMessage({ kind: 'progress', stage: 'checking' });
  const library = job.libraries?.length ? mergeLibraries([bundledLibrary(), ...job.libraries]) : bundledLibrary();
  return { kind: 'done', reports: checkGrids(grids, { settings: job.settings, library, layouts: job.layouts ?? [] }) };
}

scope.onmessage = (event) => {
  run(event.data).then(
    (reply) => scope.postMessage(reply),
    (error: unknown) => scope.postMessage({ kind: 'failed', error: describeError(error) }),
  );
};
