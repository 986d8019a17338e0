// The unit's taught layouts, kept beside its template libraries (same store: OfficeRuntime.storage or
// localStorage, src/web/libraryStore.ts), so the pane and the checker page of one origin share them.
// Import/export as the profile file a 财政局 hands out (docs/layouts.md). Observable for React.
import * as z from 'zod/mini';
import { LayoutProfileSchema, layoutProfileText, parseLayoutProfileText, type LayoutProfile } from '../core/layouts';
import { LibraryStoreError, type KeyValueStore } from './libraryStore';

export const LAYOUTS_STORAGE_KEY = 'jixiao.layouts';

const StoredLayoutsSchema = z.object({ version: z.literal(1), layouts: z.array(LayoutProfileSchema) });

/** The layouts as stored, oldest first; a problem (Chinese) when they cannot be used. */
export async function readStoredLayouts(store: KeyValueStore | null): Promise<{ layouts: LayoutProfile[]; problem: string | null }> {
  if (!store) return { layouts: [], problem: null };
  try {
    const text = await store.getItem(LAYOUTS_STORAGE_KEY);
    if (!text) return { layouts: [], problem: null };
    const parsed = StoredLayoutsSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { layouts: parsed.data.layouts, problem: null };
  } catch {
    // Unreadable storage or broken JSON: said below, as a format mismatch is.
  }
  return { layouts: [], problem: '本机保存的表格布局无法使用（已损坏或来自其他版本）；请重新导入或指定。' };
}

export class LayoutShelf {
  private entries: LayoutProfile[];
  private readonly listeners = new Set<() => void>();

  private constructor(
    private readonly store: KeyValueStore | null,
    entries: LayoutProfile[],
    readonly problem: string | null,
  ) {
    this.entries = entries;
  }

  static async open(store: KeyValueStore | null): Promise<LayoutShelf> {
    const { layouts, problem } = await readStoredLayouts(store);
    return new LayoutShelf(store, layouts, problem);
  }

  get canStore(): boolean {
    return this.store !== null;
  }

  get layouts(): readonly LayoutProfile[] {
    return this.entries;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Keeps a profile; one of the same name is replaced. Throws LibraryStoreError (Chinese) when it cannot be kept. */
  async save(profile: LayoutProfile): Promise<void> {
    await this.write([...this.entries.filter((entry) => entry.name !== profile.name), profile]);
  }

  /** A profile file's text (an import in 设置); throws LayoutProfileError naming the field that is wrong. */
  async importText(text: string): Promise<LayoutProfile> {
    const profile = parseLayoutProfileText(text);
    await this.save(profile);
    return profile;
  }

  async remove(name: string): Promise<void> {
    await this.write(this.entries.filter((entry) => entry.name !== name));
  }

  /** The file to hand out: the profile as JSON text. */
  exportText(name: string): string | null {
    const profile = this.entries.find((entry) => entry.name === name);
    return profile ? layoutProfileText(profile) : null;
  }

  private async write(next: LayoutProfile[]): Promise<void> {
    if (!this.store) throw new LibraryStoreError('此环境不能在本机保存表格布局（浏览器存储不可用或已被禁用）。');
    try {
      if (next.length === 0) await this.store.removeItem(LAYOUTS_STORAGE_KEY);
      else await this.store.setItem(LAYOUTS_STORAGE_KEY, JSON.stringify({ version: 1, layouts: next }));
    } catch {
      throw new LibraryStoreError('浏览器拒绝保存表格布局（存储空间已满或被禁用）。');
    }
    this.entries = next;
    for (const listener of this.listeners) listener();
  }
}
