// The unit's libraries kept across workbooks: localStorage (partitioned or not) or OfficeRuntime.storage,
// both behind one async interface; the 5 MB limit said in Chinese; a damaged store never breaks the pane.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findTemplate } from '../../src/core/library';
import {
  addStoredLibrary,
  chooseLibraryStore,
  LIBRARIES_STORAGE_KEY,
  LibraryStoreError,
  localKeyValueStore,
  readStoredLibraries,
  removeStoredLibrary,
  STORED_LIBRARIES_MAX_BYTES,
  withStoredLibraries,
  type KeyValueStore,
} from '../../src/web/libraryStore';
import { LibraryShelf } from '../../src/web/libraryShelf';
import { readLibraryFile } from '../../src/xlsx/library';
import { loadSeedLibrary } from '../support/seed';

/** localStorage as the Web Storage spec has it, over a Map; `quota` in characters (key + value). */
class MemoryStorage implements Storage {
  readonly items = new Map<string, string>();
  constructor(private readonly quota = Infinity) {}
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    const used = [...this.items].reduce((n, [k, v]) => n + (k === key ? 0 : k.length + v.length), 0);
    if (used + key.length + value.length > this.quota) throw new DOMException('quota', 'QuotaExceededError');
    this.items.set(key, value);
  }
}

/** OfficeRuntime.storage's shape: async, strings only. */
function runtimeStorage(): KeyValueStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => Promise.resolve(items.get(key) ?? null),
    setItem: (key, value) => Promise.resolve(void items.set(key, value)),
    removeItem: (key) => Promise.resolve(void items.delete(key)),
  };
}

const REAL = 'nanyue-2018-fupin.xlsx';
const realLibrary = () => readLibraryFile(readFileSync(join(__dirname, '..', 'fixtures', 'real', REAL)), REAL);

describe('where the libraries are kept', () => {
  test('OfficeRuntime.storage where SharedRuntime 1.1 is supported, else localStorage under the partition key', async () => {
    const runtime = runtimeStorage();
    const local = new MemoryStorage();
    expect(chooseLibraryStore({ runtimeStorage: runtime, sharedRuntime: true, localStorage: local })).toBe(runtime);

    const partitioned = chooseLibraryStore({ runtimeStorage: runtime, sharedRuntime: false, partitionKey: 'abc', localStorage: local })!;
    await addStoredLibrary(partitioned, [], REAL, realLibrary());
    expect([...local.items.keys()]).toEqual([`abc:${LIBRARIES_STORAGE_KEY}`]);
    expect(runtime.items.size).toBe(0);

    // Unpartitioned (Excel on Windows): the plain key, which the checker page of the same origin reads too.
    const shared = chooseLibraryStore({ localStorage: local })!;
    await addStoredLibrary(shared, [], REAL, realLibrary());
    expect(local.items.has(LIBRARIES_STORAGE_KEY)).toBe(true);
    expect(chooseLibraryStore({ localStorage: null })).toBeNull();
  });

  test.each([
    ['localStorage', () => localKeyValueStore(new MemoryStorage())],
    ['OfficeRuntime.storage', () => runtimeStorage()],
  ])('%s: add, read back as a new session would, replace by name, remove', async (_name, make) => {
    const store = make();
    const first = await addStoredLibrary(store, [], REAL, realLibrary(), new Date('2026-01-02T03:04:05Z'));
    const again = await readStoredLibraries(store);
    expect(again.problem).toBeNull();
    expect(again.libraries).toEqual(first);
    expect(again.libraries[0]).toMatchObject({ name: REAL, addedAt: '2026-01-02T03:04:05.000Z' });
    expect(again.libraries[0].library.tables[0].library).toBe(REAL);

    const seedAsUnit = { ...loadSeedLibrary(), tables: loadSeedLibrary().tables.map((t) => ({ ...t, library: '2024.txt' })) };
    const two = await addStoredLibrary(store, again.libraries, '2024.txt', seedAsUnit);
    const replaced = await addStoredLibrary(store, two, REAL, realLibrary());
    expect(replaced.map((e) => e.name)).toEqual(['2024.txt', REAL]);
    expect((await readStoredLibraries(store)).libraries.map((e) => e.name)).toEqual(['2024.txt', REAL]);

    const removed = await removeStoredLibrary(store, replaced, '2024.txt');
    expect(removed.map((e) => e.name)).toEqual([REAL]);
    expect(await removeStoredLibrary(store, removed, REAL)).toEqual([]);
    expect(await store.getItem(LIBRARIES_STORAGE_KEY)).toBeNull();
  });
});

describe('the size limit', () => {
  test('a library that would take the total past 5 MB is refused with the sizes, and nothing changes', async () => {
    const store = localKeyValueStore(new MemoryStorage());
    const kept = await addStoredLibrary(store, [], REAL, realLibrary());
    const before = await store.getItem(LIBRARIES_STORAGE_KEY);
    // The real table repeated until the JSON passes 5 MB as UTF-16 (about 640 tables).
    const table = realLibrary().tables[0];
    const huge = { tables: Array.from({ length: 700 }, (_, i) => ({ ...table, number: i + 1 })), notes: [] };
    expect(JSON.stringify(huge).length * 2).toBeGreaterThan(STORED_LIBRARIES_MAX_BYTES);
    const refused = addStoredLibrary(store, kept, '全部历年.xlsx', huge);
    await expect(refused).rejects.toBeInstanceOf(LibraryStoreError);
    await expect(refused).rejects.toThrow(/^模板库太大，未添加：保存后合计约 \d+\.\d MB，超过本机可保存的 5\.0 MB。请先移除不再使用的模板库/);
    expect(await store.getItem(LIBRARIES_STORAGE_KEY)).toBe(before);
  });

  test('a browser that refuses earlier (its own quota) gets a clear message too', async () => {
    const store = localKeyValueStore(new MemoryStorage(1000));
    await expect(addStoredLibrary(store, [], REAL, realLibrary())).rejects.toThrow(/^浏览器拒绝保存模板库（存储空间已满或被禁用/);
  });

  test('no store at all: adding says so', async () => {
    await expect(addStoredLibrary(null, [], REAL, realLibrary())).rejects.toThrow('此环境不能在本机保存模板库');
  });
});

describe('damaged or foreign contents', () => {
  test.each([
    ['not JSON', '{', '本机保存的模板库已损坏'],
    ['another shape', JSON.stringify({ version: 2, libraries: [] }), '格式不符'],
    ['a table without indicators field', JSON.stringify({ version: 1, libraries: [{ name: 'x', addedAt: '', library: { tables: [{}], notes: [] } }] }), '格式不符'],
  ])('%s: no libraries, and a reason', async (_label, text, reason) => {
    const storage = new MemoryStorage();
    storage.setItem(LIBRARIES_STORAGE_KEY, text);
    const read = await readStoredLibraries(localKeyValueStore(storage));
    expect(read.libraries).toEqual([]);
    expect(read.problem).toContain(reason);
  });

  test('a store that throws on reading', async () => {
    const broken: KeyValueStore = { getItem: () => Promise.reject(new Error('denied')), setItem: () => Promise.resolve(), removeItem: () => Promise.resolve() };
    expect((await readStoredLibraries(broken)).problem).toContain('无法读取本机保存的模板库');
  });
});

describe('the shelf the pages hold', () => {
  test('merges the stored libraries after the bundled seed and tells listeners of a change', async () => {
    const store = localKeyValueStore(new MemoryStorage());
    const seed = loadSeedLibrary();
    const shelf = await LibraryShelf.open(seed, store);
    expect(shelf.library).toBe(seed);
    let changes = 0;
    shelf.subscribe(() => changes++);
    const bytes = readFileSync(join(__dirname, '..', 'fixtures', 'real', REAL));
    const entry = await shelf.add(REAL, bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    expect(entry.library.tables).toHaveLength(1);
    expect(changes).toBe(1);
    expect(shelf.library.tables).toHaveLength(17);
    expect(findTemplate(shelf.library, '2018年市级专项扶贫资金基础设施(人大代表扶贫基地)')?.library).toBe(REAL);

    // A new session (the pane reopened) sees the same.
    const reopened = await LibraryShelf.open(seed, store);
    expect(reopened.stored.map((e) => e.name)).toEqual([REAL]);
    expect(reopened.library.tables).toHaveLength(17);
    await reopened.remove(REAL);
    expect(reopened.library.tables).toHaveLength(16);
    expect(withStoredLibraries(seed, [])).toBe(seed);
  });

  test('a file that is no library leaves the shelf as it was', async () => {
    const shelf = await LibraryShelf.open(loadSeedLibrary(), localKeyValueStore(new MemoryStorage()));
    await expect(shelf.add('说明.txt', new TextEncoder().encode('只是说明').buffer)).rejects.toThrow('说明.txt');
    expect(shelf.stored).toEqual([]);
  });
});
