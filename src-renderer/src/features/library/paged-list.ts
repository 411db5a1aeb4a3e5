/**
 * The library's rows, fetched a page at a time as they scroll into view.
 * At 50,000 items, asking for every summary up front would move megabytes
 * through IPC before the first row shows; instead the first page answers
 * the total (so the scrollbar is right at once) and further pages load when
 * the virtualizer asks for rows that are not there yet.
 */
import type { ListResponse } from '../../../../src-main/shared/contract';
import type { DocSummary } from '../../../../src-main/shared/model';
import type { AppError, Result } from '../../../../src-main/shared/result';

export type FetchPage = (offset: number, limit: number) => Promise<Result<ListResponse>>;

export const PAGE_SIZE = 200;

export class PagedList {
  total: number | null = null;
  error: AppError | null = null;
  private pages = new Map<number, DocSummary[]>();
  private inflight = new Set<number>();
  private closed = false;
  /** The first page was asked for (start) or given (seed). */
  started = false;

  constructor(
    private readonly fetchPage: FetchPage,
    private readonly onChange: () => void,
    readonly pageSize = PAGE_SIZE,
  ) {}

  /** Loads the first page (which also tells the total). */
  start(): Promise<void> {
    this.started = true;
    return this.load(0);
  }

  /** The first page, already at hand (read ahead as the app started): no request, no change reported. */
  seed(first: ListResponse): void {
    this.started = true;
    this.pages.set(0, first.items);
    this.total = first.total;
  }

  /** Stops reporting: answers for a list no longer shown are dropped. */
  close(): void {
    this.closed = true;
  }

  /** Reports again after close() (the same list shown again). */
  open(): void {
    this.closed = false;
  }

  get(index: number): DocSummary | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /** Index of a document among the loaded rows, or -1 (not loaded, or not in this list). */
  indexOf(id: string): number {
    for (const [page, items] of this.pages) {
      const i = items.findIndex((d) => d.id === id);
      if (i >= 0) return page * this.pageSize + i;
    }
    return -1;
  }

  /** Makes sure rows [start, end] are loaded or loading. */
  ensure(start: number, end: number): void {
    if (this.total === null) return;
    const last = Math.min(end, this.total - 1);
    for (let p = Math.floor(Math.max(0, start) / this.pageSize); p * this.pageSize <= last; p++) {
      if (!this.pages.has(p) && !this.inflight.has(p)) void this.load(p);
    }
  }

  /** Drops the error and loads what is on screen again. */
  retry(start: number, end: number): void {
    this.error = null;
    if (this.total === null) void this.start();
    else this.ensure(start, end);
    this.onChange();
  }

  private async load(page: number): Promise<void> {
    this.inflight.add(page);
    let res: Result<ListResponse>;
    try {
      res = await this.fetchPage(page * this.pageSize, this.pageSize);
    } catch (e) {
      res = { ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
    }
    this.inflight.delete(page);
    if (this.closed) return;
    if (res.ok) {
      this.pages.set(page, res.value.items);
      this.total = res.value.total;
    } else {
      this.error = res.error;
    }
    this.onChange();
  }
}
