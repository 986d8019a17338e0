// The unit's libraries as the pages hold them: the stored list, the merged library the rules receive, and
// add/remove that read the file and keep the list. Observable, so React re-renders on a change.
import type { TemplateLibrary } from '../core/model';
import { addStoredLibrary, readStoredLibraries, removeStoredLibrary, withStoredLibraries, type KeyValueStore, type StoredLibrary } from './libraryStore';

export class LibraryShelf {
  private entries: StoredLibrary[];
  private merged: TemplateLibrary;
  private readonly listeners = new Set<() => void>();

  private constructor(
    readonly bundled: TemplateLibrary,
    private readonly store: KeyValueStore | null,
    entries: StoredLibrary[],
    /** Why the stored libraries could not be used, in Chinese; null when all is well. */
    readonly problem: string | null,
  ) {
    this.entries = entries;
    this.merged = withStoredLibraries(bundled, entries);
  }

  static async open(bundled: TemplateLibrary, store: KeyValueStore | null): Promise<LibraryShelf> {
    const { libraries, problem } = await readStoredLibraries(store);
    return new LibraryShelf(bundled, store, libraries, problem);
  }

  /** Whether adding can be kept at all (a store exists). */
  get canStore(): boolean {
    return this.store !== null;
  }

  get stored(): readonly StoredLibrary[] {
    return this.entries;
  }

  /** The bundled seed, then the unit's libraries in the order added (the newest wins a project). */
  get library(): TemplateLibrary {
    return this.merged;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Reads a file (workbook or seed-style text, by the checker's reader, loaded on first use) and keeps
   * it under its file name; a library of the same name is replaced. Throws with a Chinese message when
   * the file cannot be read or the total would pass the size limit (nothing is changed then).
   */
  async add(name: string, data: ArrayBuffer): Promise<StoredLibrary> {
    const { readLibraryFile } = await import(/* webpackChunkName: "library-reader" */ '../xlsx/library');
    const library = readLibraryFile(data, name);
    this.set(await addStoredLibrary(this.store, this.entries, name, library));
    return this.entries[this.entries.length - 1];
  }

  async remove(name: string): Promise<void> {
    this.set(await removeStoredLibrary(this.store, this.entries, name));
  }

  private set(entries: StoredLibrary[]): void {
    this.entries = entries;
    this.merged = withStoredLibraries(this.bundled, entries);
    for (const listener of this.listeners) listener();
  }
}
