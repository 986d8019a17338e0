// The Excel double's notes (ExcelApi 1.18).
import { DoubleOfficeError, cellKey, keyPosition, parseRect, requireUnprotected } from './model';
import type { NoteState, Rect } from './model';
import { DoubleRequestContext } from './context';
import { CollectionProxy, ProxyBase } from './proxyBase';
import { RangeProxy } from './range';
import { WorksheetProxy } from './workbook';

export class NoteCollectionProxy extends CollectionProxy<NoteProxy> {
  constructor(
    context: DoubleRequestContext,
    private readonly sheet: WorksheetProxy,
  ) {
    super(context);
  }

  private cellKeyOf(address: string): string {
    const rect = parseRect(address);
    if (rect.r1 !== rect.r2 || rect.c1 !== rect.c2) throw new DoubleOfficeError('InvalidCellAddress', `批注须在单个单元格：${address}`);
    return cellKey(rect.r1, rect.c1);
  }

  private rectOf(key: string): Rect {
    const { r, c } = keyPosition(key);
    return { r1: r, c1: c, r2: r, c2: c };
  }

  protected currentItems(): NoteProxy[] {
    return [...this.sheet.state().notes.keys()].map((key) => new NoteProxy(this.context, this.sheet, key));
  }

  add(cellAddress: string, content: string): NoteProxy {
    const key = this.cellKeyOf(cellAddress);
    this.context.enqueue(() => {
      const sheet = this.sheet.state();
      requireUnprotected(sheet, 'NoteCollection.add');
      if (sheet.notes.has(key)) throw new DoubleOfficeError('InvalidOperation', `单元格已有备注：${cellAddress}`);
      // The code Excel gives is not documented; InvalidOperation is what a refused operation gets.
      if (sheet.threadedComments?.has(key)) throw new DoubleOfficeError('InvalidOperation', `单元格已有批注（线程式批注），不能再加注释：${cellAddress}`, 'NoteCollection.add');
      sheet.notes.set(key, { content: String(content), authorName: '绩效目标表助手' });
      this.context.noteFormatWrite(sheet.id, this.rectOf(key));
    }, [cellAddress, content]);
    return new NoteProxy(this.context, this.sheet, key);
  }

  getItem(cellAddress: string): NoteProxy {
    return new NoteProxy(this.context, this.sheet, this.cellKeyOf(cellAddress));
  }

  getItemOrNullObject(cellAddress: string): NoteProxy {
    const proxy = new NoteProxy(this.context, this.sheet, this.cellKeyOf(cellAddress));
    this.context.enqueue(() => proxy.resolveNull());
    return proxy;
  }
}

export class NoteProxy extends ProxyBase {
  protected readonly scalarProps = ['content', 'authorName'];
  constructor(
    context: DoubleRequestContext,
    private readonly sheet: WorksheetProxy,
    private readonly key: string,
  ) {
    super(context);
  }
  resolveNull(): void {
    this.nullState = !this.sheet.state().notes.has(this.key);
  }
  private state(): NoteState {
    const note = this.sheet.state().notes.get(this.key);
    if (!note) throw new DoubleOfficeError('ItemNotFound', '找不到备注');
    return note;
  }
  get content(): string {
    return this.read<string>('content');
  }
  set content(content: string) {
    this.later(() => {
      requireUnprotected(this.sheet.state(), 'Note.content');
      this.state().content = String(content);
      this.announce();
    }, content);
  }
  get authorName(): string {
    return this.read<string>('authorName');
  }
  protected override fetch(prop: string): unknown {
    const note = this.state();
    // Real Excel (normalisesText): CRLF line endings and the author's line in front, as a note is stored.
    if (prop === 'content') return this.context.real.normalisesText ? `${note.authorName}:\r\n${note.content.replace(/\r?\n/g, '\r\n')}` : note.content;
    if (prop === 'authorName') return note.authorName;
    return super.fetch(prop);
  }
  delete(): void {
    this.later(() => {
      this.state();
      requireUnprotected(this.sheet.state(), 'Note.delete');
      this.sheet.state().notes.delete(this.key);
      this.announce();
    });
  }
  private announce(): void {
    const { r, c } = keyPosition(this.key);
    this.context.noteFormatWrite(this.sheet.state().id, { r1: r, c1: c, r2: r, c2: c });
  }

  getLocation(): RangeProxy {
    const [r, c] = this.key.split(',').map(Number);
    return new RangeProxy(this.context, this.sheet, () => {
      this.state();
      return { r1: r, c1: c, r2: r, c2: c };
    });
  }
}
