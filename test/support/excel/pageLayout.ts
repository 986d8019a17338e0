// The Excel double's page layout (print setup) proxy.
import { parseRect, rectAddress } from './model';
import type { PageLayoutState } from './model';
import { DoubleRequestContext } from './context';
import { ProxyBase } from './proxyBase';
import { WorksheetProxy } from './workbook';

export class PageLayoutProxy extends ProxyBase {
  protected readonly scalarProps = ['orientation', 'paperSize'];
  constructor(
    context: DoubleRequestContext,
    private readonly sheet: WorksheetProxy,
  ) {
    super(context);
  }
  private patch(apply: (layout: PageLayoutState) => void): void {
    this.context.enqueue(() => apply(this.sheet.state().pageLayout));
  }
  set orientation(value: string) {
    this.patch((l) => (l.orientation = value));
  }
  get orientation(): string {
    return this.read<string>('orientation');
  }
  set paperSize(value: string) {
    this.patch((l) => (l.paperSize = value));
  }
  get paperSize(): string {
    return this.read<string>('paperSize');
  }
  set zoom(value: PageLayoutState['zoom']) {
    this.patch((l) => (l.zoom = { ...value }));
  }
  get zoom(): PageLayoutState['zoom'] {
    return this.read('zoom');
  }
  setPrintArea(area: string): void {
    this.patch((l) => (l.printArea = rectAddress(parseRect(area))));
  }
  setPrintTitleRows(rows: string): void {
    this.patch((l) => {
      parseRect(rows);
      l.printTitleRows = rows;
    });
  }
  protected override fetch(prop: string): unknown {
    const layout = this.sheet.state().pageLayout;
    if (prop === 'orientation') return layout.orientation;
    if (prop === 'paperSize') return layout.paperSize;
    return super.fetch(prop);
  }
}
