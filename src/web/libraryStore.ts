// The unit's own template libraries kept for the user across workbooks (never inside a workbook): in the
// browser storage of the add-in's origin, or in OfficeRuntime.storage where Office offers it. Both are
// key–value stores of strings; this module sees them through one async interface, so either works.
//
// Microsoft documents both: localStorage for add-in state kept across documents, keyed with
// Office.context.partitionKey where storage is partitioned (Excel on the web), and OfficeRuntime.storage
// (SharedRuntime 1.1, 10 MB per domain shared by add-ins):
// learn.microsoft.com/office/dev/add-ins/develop/persisting-add-in-state-and-settings,
// learn.microsoft.com/javascript/api/office-runtime/officeruntime.storage.
import * as z from 'zod/mini';
import { mergeLibraries } from '../core/library';
import { TemplateLibrarySchema, type TemplateLibrary } from '../core/model';

export const LIBRARIES_STORAGE_KEY = 'jixiao.libraries';

/**
 * What may be kept, counted as the stored JSON in UTF-16 (how browsers count localStorage): 5 MB, half
 * of OfficeRuntime.storage's 10 MB per domain and within every browser's localStorage quota. A 16-table
 * workbook takes about 0.15 MB.
 */
export const STORED_LIBRARIES_MAX_BYTES = 5 * 1024 * 1024;

/** The file types the pages' pickers offer (src/xlsx/library.ts reads by content, not by name). */
export const LIBRARY_FILE_ACCEPT = '.xlsx,.xls,.ods,.txt';

/** An async string store: localStorage and OfficeRuntime.storage both fit behind it. */
export interface KeyValueStore {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
}

const StoredLibrarySchema = z.object({
  /** The file name the user added (a second file of the same name replaces the first). */
  name: z.string().check(z.minLength(1)),
  /** ISO time of adding. */
  addedAt: z.string(),
  library: TemplateLibrarySchema,
});
export type StoredLibrary = z.infer<typeof StoredLibrarySchema>;

const StoredLibrariesSchema = z.object({ version: z.literal(1), libraries: z.array(StoredLibrarySchema) });

/** Adding or removing failed; the message says why in Chinese. */
export class LibraryStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LibraryStoreError';
  }
}

/** Bytes the JSON takes as a browser stores it (UTF-16). */
export function storedBytes(json: string): number {
  return json.length * 2;
}

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;

/** The libraries as stored, in the order added; the newest last (it wins a project over the older ones). */
export async function readStoredLibraries(store: KeyValueStore | null): Promise<{ libraries: StoredLibrary[]; problem: string | null }> {
  if (!store) return { libraries: [], problem: null };
  let text: string | null;
  try {
    text = await store.getItem(LIBRARIES_STORAGE_KEY);
  } catch {
    return { libraries: [], problem: '无法读取本机保存的模板库（浏览器存储不可用），本次只用内置模板。' };
  }
  if (!text) return { libraries: [], problem: null };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { libraries: [], problem: '本机保存的模板库已损坏，无法使用；请移除后重新添加。' };
  }
  const parsed = StoredLibrariesSchema.safeParse(json);
  if (!parsed.success) return { libraries: [], problem: '本机保存的模板库格式不符（可能来自其他版本），无法使用；请重新添加。' };
  return { libraries: parsed.data.libraries, problem: null };
}

async function write(store: KeyValueStore | null, libraries: StoredLibrary[]): Promise<void> {
  if (!store) throw new LibraryStoreError('此环境不能在本机保存模板库（浏览器存储不可用或已被禁用）。');
  if (libraries.length === 0) {
    await store.removeItem(LIBRARIES_STORAGE_KEY);
    return;
  }
  const json = JSON.stringify({ version: 1, libraries });
  const bytes = storedBytes(json);
  if (bytes > STORED_LIBRARIES_MAX_BYTES) {
    throw new LibraryStoreError(
      `模板库太大，未添加：保存后合计约 ${megabytes(bytes)}，超过本机可保存的 ${megabytes(STORED_LIBRARIES_MAX_BYTES)}。请先移除不再使用的模板库，或只保留需要的工作表后另存再添加。`,
    );
  }
  try {
    await store.setItem(LIBRARIES_STORAGE_KEY, json);
  } catch {
    throw new LibraryStoreError(`浏览器拒绝保存模板库（存储空间已满或被禁用，约需 ${megabytes(bytes)}）。请移除不再使用的模板库后重试。`);
  }
}

/**
 * Adds a library (replacing one of the same name, which then counts as the newest) and stores the list.
 * Throws LibraryStoreError when the total would pass STORED_LIBRARIES_MAX_BYTES or the store refuses;
 * nothing is changed then.
 */
export async function addStoredLibrary(store: KeyValueStore | null, current: readonly StoredLibrary[], name: string, library: TemplateLibrary, now = new Date()): Promise<StoredLibrary[]> {
  const next = [...current.filter((entry) => entry.name !== name), { name, addedAt: now.toISOString(), library }];
  await write(store, next);
  return next;
}

export async function removeStoredLibrary(store: KeyValueStore | null, current: readonly StoredLibrary[], name: string): Promise<StoredLibrary[]> {
  const next = current.filter((entry) => entry.name !== name);
  await write(store, next);
  return next;
}

/** The library the rules receive: the bundled seed first, then the unit's in the order added. */
export function withStoredLibraries(bundled: TemplateLibrary, stored: readonly StoredLibrary[]): TemplateLibrary {
  return stored.length === 0 ? bundled : mergeLibraries([bundled, ...stored.map((entry) => entry.library)]);
}

/** window.localStorage behind the async interface; keys prefixed (Office.context.partitionKey) when given. */
export function localKeyValueStore(storage: Storage, prefix = ''): KeyValueStore {
  return {
    getItem: (key) => Promise.resolve(storage.getItem(prefix + key)),
    setItem: async (key, value) => storage.setItem(prefix + key, value),
    removeItem: async (key) => storage.removeItem(prefix + key),
  };
}

/** What the pane needs to know of Office to choose a store; the globals by default. */
export interface OfficeStorageEnvironment {
  /** OfficeRuntime.storage, when the runtime has it. */
  runtimeStorage?: KeyValueStore | null;
  /** Office.context.requirements.isSetSupported('SharedRuntime', '1.1'). */
  sharedRuntime?: boolean;
  /** Office.context.partitionKey: set where localStorage is partitioned, undefined elsewhere. */
  partitionKey?: string;
  localStorage?: Storage | null;
}

/**
 * OfficeRuntime.storage where Office has it (SharedRuntime 1.1), else localStorage under the partition
 * key (unpartitioned environments, such as Excel on Windows, share it with the checker page of the same
 * origin), else null: the pane then says libraries cannot be kept.
 */
export function chooseLibraryStore(env: OfficeStorageEnvironment): KeyValueStore | null {
  if (env.sharedRuntime && env.runtimeStorage) return env.runtimeStorage;
  if (!env.localStorage) return null;
  return localKeyValueStore(env.localStorage, env.partitionKey ? `${env.partitionKey}:` : '');
}
