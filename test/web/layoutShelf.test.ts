import { readFileSync } from 'node:fs';
import { LayoutProfileError } from '../../src/core/layouts';
import { LAYOUTS_STORAGE_KEY, LayoutShelf } from '../../src/web/layoutShelf';
import { LIBRARIES_STORAGE_KEY, type KeyValueStore } from '../../src/web/libraryStore';
import { LAYOUT_FIXTURE, readLayoutProfileFixture } from '../support/taughtForm';

function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: async (key) => data.get(key) ?? null,
    setItem: async (key, value) => void data.set(key, value),
    removeItem: async (key) => void data.delete(key),
  };
}

test('imports a profile file, keeps it beside the libraries, exports the same text, removes it', async () => {
  const store = memoryStore({ [LIBRARIES_STORAGE_KEY]: '{"version":1,"libraries":[]}' });
  const shelf = await LayoutShelf.open(store);
  const text = readFileSync(LAYOUT_FIXTURE, 'utf8');
  const profile = await shelf.importText(text);
  expect(profile).toEqual(readLayoutProfileFixture());
  expect(shelf.exportText(profile.name)).toBe(text);
  // A new page (another pane, the checker) finds it in the same store; the libraries are untouched.
  expect((await LayoutShelf.open(store)).layouts).toEqual([profile]);
  expect(store.data.get(LIBRARIES_STORAGE_KEY)).toBe('{"version":1,"libraries":[]}');
  await shelf.importText(text);
  expect(shelf.layouts).toHaveLength(1);
  await shelf.remove(profile.name);
  expect(store.data.has(LAYOUTS_STORAGE_KEY)).toBe(false);
});

test('a bad file changes nothing and says which field; broken storage is said, not used', async () => {
  const store = memoryStore();
  const shelf = await LayoutShelf.open(store);
  const bad = JSON.stringify({ ...readLayoutProfileFixture(), signature: [] });
  await expect(shelf.importText(bad)).rejects.toThrow(new LayoutProfileError('表样标签 signature：至少需要 2 个标签单元格才能认出表样'));
  expect(shelf.layouts).toEqual([]);
  const broken = await LayoutShelf.open(memoryStore({ [LAYOUTS_STORAGE_KEY]: '{"version":2}' }));
  expect(broken.layouts).toEqual([]);
  expect(broken.problem).toContain('本机保存的表格布局无法使用');
  await expect((await LayoutShelf.open(null)).save(readLayoutProfileFixture())).rejects.toThrow('此环境不能在本机保存表格布局');
});
