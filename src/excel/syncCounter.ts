/** Every context.sync of the adapter goes through one counter, so the sync budgets can be measured. */
export class SyncCounter {
  private total = 0;

  get count(): number {
    return this.total;
  }

  async sync(context: Excel.RequestContext): Promise<void> {
    this.total++;
    await context.sync();
  }
}

/** The shape of Excel.run the adapter needs; the real one and the test double both fit. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Excel.run(context, batch): a batch on an existing context, as removing an event handler requires. */
export type ExcelRunIn = <T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
