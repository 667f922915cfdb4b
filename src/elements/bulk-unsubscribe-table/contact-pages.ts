// The rows of a cursor-paged list, loaded as the user scrolls: pages are fetched in order (a
// cursor only leads to the next page), the cursor of every page reached is kept so a page dropped
// to save memory can be fetched again, and only pages near the viewport keep their rows. A new
// query aborts everything in flight and no answer of an older query is ever applied. Pure: no
// Lit, no DOM.
import type { ContactPage, ContactSummary } from '../../client/types.js';

/** Fetches one page: `cursor` null for the first. Rejects with the signal's reason on abort. */
export type PageFetcher = (cursor: string | null, signal: AbortSignal) => Promise<ContactPage>;

export interface ContactPagesOptions {
  /** Rows per page; the contract allows up to 200. */
  pageSize: number;
  /** Pages whose rows are kept; the farthest from the last range asked for go first. */
  keepPages?: number;
  /** Called whenever rows arrive, the total is learned, or a fetch fails. */
  onChange: () => void;
}

export class ContactPages {
  /** Matching contacts (the first page's `total`), or null before it arrived. */
  total: number | null = null;
  /** The last failure of a fetch for the current query, cleared by the next success. */
  error: unknown = undefined;
  private readonly pages = new Map<number, ContactSummary[]>();
  /** `cursors[k]` leads to page k; page 0 needs none. `undefined`: page k-1 not fetched yet. */
  private cursors: (string | null | undefined)[] = [null];
  private controller = new AbortController();
  private fetcher: PageFetcher | undefined;
  private loading: Promise<void> | undefined;
  private refreshing: Promise<void> | undefined;
  private wanted = { first: 0, last: 0 };
  private readonly keepPages: number;

  constructor(private readonly options: ContactPagesOptions) {
    this.keepPages = options.keepPages ?? 40;
  }

  get pageSize(): number {
    return this.options.pageSize;
  }

  /**
   * Starts over for a new query: aborts what was in flight for the old one (its answers are then
   * never applied) and forgets its rows. `first`, when given, is the new query's first page, already
   * fetched.
   */
  reset(fetcher: PageFetcher | undefined, first?: ContactPage): void {
    this.controller.abort(new DOMException('The list query changed', 'AbortError'));
    this.controller = new AbortController();
    this.fetcher = fetcher;
    this.loading = undefined;
    this.refreshing = undefined;
    this.pages.clear();
    this.cursors = [null];
    this.total = null;
    this.error = undefined;
    this.wanted = { first: 0, last: 0 };
    if (first) this.apply(0, first);
  }

  /** The row at `index`, or undefined while its page is not loaded. */
  row(index: number): ContactSummary | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /** The rows currently loaded, in list order (the "page" the header checkbox acts on). */
  loadedRows(): ContactSummary[] {
    return [...this.pages.keys()].sort((a, b) => a - b).flatMap((k) => this.pages.get(k) ?? []);
  }

  /** Loads the pages rows `first`..`last` need, one after another; resolves when they are in (or failed). */
  ensure(first: number, last: number): Promise<void> {
    this.wanted = { first, last };
    return (this.loading ??= this.loadWanted().finally(() => (this.loading = undefined)));
  }

  /** Forgets a failure and loads what is wanted again. */
  retry(): Promise<void> {
    this.error = undefined;
    return this.ensure(this.wanted.first, this.wanted.last);
  }

  /**
   * Fetches the pages of the range last asked for again and puts their rows in place (rows that
   * changed on the server, e.g. while a bulk job runs); what is shown stays until the answers
   * arrive. A refresh still under way is not started twice.
   */
  refresh(): Promise<void> {
    return (this.refreshing ??= this.refreshWanted().finally(() => (this.refreshing = undefined)));
  }

  private async refreshWanted(): Promise<void> {
    const signal = this.controller.signal;
    const fetcher = this.fetcher;
    if (!fetcher || this.total === null) return;
    const from = Math.floor(this.wanted.first / this.pageSize);
    const to = Math.floor(this.wanted.last / this.pageSize);
    for (let k = from; k <= to; k++) {
      const cursor = this.cursors[k];
      if (cursor === undefined) continue;
      try {
        const page = await fetcher(cursor, signal);
        if (signal.aborted) return;
        this.apply(k, page);
      } catch {
        // The rows shown stay as they were; the next refresh or scroll asks again.
        return;
      }
    }
  }

  private async loadWanted(): Promise<void> {
    const signal = this.controller.signal;
    const fetcher = this.fetcher;
    if (!fetcher) return;
    for (;;) {
      if (signal.aborted || this.error !== undefined) return;
      const lastPage = this.total === null ? 0 : Math.max(0, Math.ceil(this.total / this.pageSize) - 1);
      const from = Math.floor(this.wanted.first / this.pageSize);
      const to = Math.min(Math.floor(this.wanted.last / this.pageSize), lastPage);
      // Until the first page says how many there are, it is the one to fetch.
      let next = this.total === null ? 0 : -1;
      for (let k = from; next < 0 && k <= to; k++) {
        if (!this.pages.has(k)) next = k;
      }
      if (next < 0) return;
      // The nearest page before it whose cursor is known: walk forward from there.
      let k = next;
      while (this.cursors[k] === undefined) k--;
      try {
        const page = await fetcher(this.cursors[k] ?? null, signal);
        if (signal.aborted) return;
        this.apply(k, page);
      } catch (error) {
        if (signal.aborted) return;
        this.error = error;
        this.options.onChange();
        return;
      }
    }
  }

  private apply(k: number, page: ContactPage): void {
    this.total = page.total;
    this.error = undefined;
    this.pages.set(k, page.items);
    if (page.nextCursor !== null) this.cursors[k + 1] = page.nextCursor;
    this.evict();
    this.options.onChange();
  }

  /** Drops the rows of the pages farthest from what was last asked for; their cursors stay. */
  private evict(): void {
    if (this.pages.size <= this.keepPages) return;
    const centre = (this.wanted.first + this.wanted.last) / 2 / this.pageSize;
    const byDistance = [...this.pages.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const k of byDistance.slice(0, this.pages.size - this.keepPages)) this.pages.delete(k);
  }
}
