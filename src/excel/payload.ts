/**
 * Excel on the web limits each sync's request and its response to 5 MB ("Excel on the web has a payload
 * size limit for requests and responses of 5MB": learn.microsoft.com/office/dev/add-ins/excel/performance,
 * "Payload size limit best practices"; learn.microsoft.com/office/dev/add-ins/concepts/
 * resource-limits-and-performance-optimization#excel-add-ins). A request over it is refused whole with
 * RequestPayloadSizeLimitExceeded ("This error occurs in Excel on the web": the error table of
 * learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling, office-js-docs-pr #2278; the
 * text is quoted in speckle-excel #9), a response with ResponsePayloadSizeLimitExceeded (microsoft-graph-docs
 * #15709 quotes it). Other hosts have no such limit; the size of one Office.js command is not documented,
 * so jixiao sends trips well under the limit by its own estimate, and halves a trip Excel still refuses.
 */

/** Request bytes per write trip by jixiao's estimate: under 5 MB with room for what the estimate misses. */
export const DEFAULT_MAX_REQUEST_BYTES = 4_000_000;

/** What one queued command costs besides its data, by estimate (object path, method, property names). */
const COMMAND_BYTES = 200;

const encoder = new TextEncoder();

/** Estimated request bytes of `commands` commands carrying `data` (a formula, a note's text…). */
export function requestBytes(commands: number, ...data: string[]): number {
  return commands * COMMAND_BYTES + data.reduce((sum, text) => sum + encoder.encode(text).length, 0);
}

function field(error: unknown, name: 'code' | 'message'): string {
  return typeof error === 'object' && error !== null && name in error ? String((error as Record<string, unknown>)[name]) : '';
}

/**
 * Whether Excel refused a sync as too large: by its documented codes, or by a message naming the payload
 * (a 413 "Payload too large" answered by another layer; the Graph workbook API calls it payloadTooLarge,
 * learn.microsoft.com/graph/workbook-error-codes). Nothing of a refused request was applied, so it may be
 * sent again in parts. Older Excel on the web answered a large write with GeneralException
 * (office-js-docs-reference #354, office-js #1314): that is not taken as a payload error, as it can be
 * anything; a refused write batch then falls back to each sheet written on its own (checkSheets).
 */
export function isPayloadError(error: unknown): boolean {
  const code = field(error, 'code');
  if (code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded') return true;
  return /payload\s*(size|too\s*large)/i.test(`${code} ${field(error, 'message')}`);
}

/** Something queued on a request context with the request bytes it is estimated to cost. */
export interface QueuedWrite {
  bytes: number;
  /** Queues the write; called again when its trip is sent again (a refused request's queue is gone). */
  queue: () => void;
}

/** Writes packed, in order, into trips of at most `maxBytes` by estimate (one write alone may be more). */
export function packTrips(writes: QueuedWrite[], maxBytes: number): QueuedWrite[][] {
  const trips: QueuedWrite[][] = [];
  let size = Infinity;
  for (const write of writes) {
    if (size + write.bytes > maxBytes) {
      trips.push([]);
      size = 0;
    }
    trips[trips.length - 1].push(write);
    size += write.bytes;
  }
  return trips;
}

/**
 * Sends the writes in trips under `maxBytes`; a trip Excel refuses as too large is sent again in halves
 * (each half smaller until one write is alone), so a write larger than estimated still goes through.
 * Order is kept: a write is sent only after every write before it. Returns the trips sent (refused ones not
 * counted).
 */
export async function sendInTrips(writes: QueuedWrite[], maxBytes: number, sync: () => Promise<void>): Promise<number> {
  const trips = packTrips(writes, maxBytes);
  let sent = 0;
  for (let i = 0; i < trips.length; i++) {
    for (const write of trips[i]) write.queue();
    try {
      await sync();
      sent++;
    } catch (error) {
      if (!isPayloadError(error) || trips[i].length < 2) throw error;
      const half = Math.ceil(trips[i].length / 2);
      trips.splice(i, 1, trips[i].slice(0, half), trips[i].slice(half));
      i--;
    }
  }
  return sent;
}
