// Styles through styleMap (CSSOM), never style attributes: the demo's CSP refuses those.
// Runs in headless Chromium (bench/virtualizers.bench.ts): the two candidate virtualizers, each
// rendering 100,000 rows of one fixed height in a 600 px scroller, measured the same way. Kept so
// the choice can be re-measured when either changes.
import { LitElement, html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { VirtualizerController } from '@tanstack/lit-virtual';
import '@lit-labs/virtualizer';
import type { LitVirtualizer } from '@lit-labs/virtualizer';

const COUNT = 100_000;
const ROW = 40;
const JUMPS = 40;
const items = Array.from({ length: COUNT }, (_, i) => ({ id: i, name: `Contact ${i + 1}` }));

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

@customElement('bench-tanstack')
export class BenchTanstack extends LitElement {
  static override styles = css`
    .scroller { height: 600px; overflow: auto; }
    .row { height: ${ROW}px; box-sizing: border-box; }
  `;
  private virtualizer = new VirtualizerController<HTMLDivElement, HTMLDivElement>(this, {
    count: COUNT,
    getScrollElement: () => this.renderRoot.querySelector('.scroller'),
    estimateSize: () => ROW,
    overscan: 6,
  });
  jump(index: number) {
    this.virtualizer.getVirtualizer().scrollToIndex(index, { align: 'start' });
  }
  override render() {
    const v = this.virtualizer.getVirtualizer();
    const rows = v.getVirtualItems();
    const start = rows[0]?.start ?? 0;
    return html`<div class="scroller">
      <div style=${styleMap({ height: `${v.getTotalSize()}px`, position: 'relative' })}>
        <div style=${styleMap({ position: 'absolute', top: '0', left: '0', right: '0', transform: `translateY(${start}px)` })}>
          ${rows.map((r) => html`<div class="row" data-index=${r.index}>${items[r.index]?.name}</div>`)}
        </div>
      </div>
    </div>`;
  }
}

@customElement('bench-lit-labs')
export class BenchLitLabs extends LitElement {
  static override styles = css`
    lit-virtualizer { height: 600px; }
    .row { height: ${ROW}px; box-sizing: border-box; width: 100%; }
  `;
  @property({ attribute: false }) data = items;
  jump(index: number) {
    (this.renderRoot.querySelector('lit-virtualizer') as LitVirtualizer).element(index)?.scrollIntoView({ block: 'start' });
  }
  override render() {
    return html`<lit-virtualizer scroller .items=${this.data} .renderItem=${(item: (typeof items)[number], i: number) => html`<div class="row" data-index=${i}>${item.name}</div>`}></lit-virtualizer>`;
  }
}

interface Figures {
  firstRowsMs: number;
  lastRowReached: boolean;
  pullBacks: number;
  worstPullBackRows: number;
  longestTaskMs: number;
  blankFrames: number;
}

/** The scroller's box and the rendered rows that intersect it. */
function visibleRows(el: HTMLElement): { first: number; covered: boolean } {
  const root = el.shadowRoot!;
  const scroller = (root.querySelector('.scroller') ?? root.querySelector('lit-virtualizer')) as HTMLElement;
  const box = scroller.getBoundingClientRect();
  let first = Infinity;
  let covered = 0;
  for (const row of root.querySelectorAll<HTMLElement>('[data-index]')) {
    const r = row.getBoundingClientRect();
    const top = Math.max(r.top, box.top);
    const bottom = Math.min(r.bottom, box.bottom);
    if (bottom > top) {
      covered += bottom - top;
      if (r.top >= box.top - 1) first = Math.min(first, Number(row.dataset.index));
    }
  }
  // Blank: less than the whole viewport covered by rows (a row's worth of slack for the end).
  return { first, covered: covered >= Math.min(box.height, ROW * COUNT) - ROW };
}

async function measure(tag: 'bench-tanstack' | 'bench-lit-labs'): Promise<Figures> {
  let longestTaskMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longestTaskMs = Math.max(longestTaskMs, entry.duration);
  });
  observer.observe({ type: 'longtask' });
  const el = document.createElement(tag) as (BenchTanstack | BenchLitLabs) & HTMLElement;
  const start = performance.now();
  document.body.append(el);
  while (!el.shadowRoot?.querySelector('[data-index]')) await frame();
  await frame();
  const firstRowsMs = performance.now() - start;
  // Long tasks of the first paint are not the jumps'.
  await frame();
  longestTaskMs = 0;
  let pullBacks = 0;
  let worstPullBackRows = 0;
  let blankFrames = 0;
  for (let i = 1; i <= JUMPS; i++) {
    const target = Math.round((i * (COUNT - 1)) / JUMPS);
    el.jump(target);
    await frame();
    await frame();
    const { first, covered } = visibleRows(el);
    if (!covered) blankFrames++;
    // At the end the last row sits at the bottom, so the first visible one is a viewport earlier.
    const expected = Math.min(target, COUNT - Math.floor(600 / ROW));
    const off = Math.abs(first - expected);
    if (!Number.isFinite(first) || off > 1) {
      pullBacks++;
      worstPullBackRows = Math.max(worstPullBackRows, Number.isFinite(off) ? off : COUNT);
    }
  }
  for (let i = 0; i < 10; i++) await frame();
  const lastRowReached = !!el.shadowRoot?.querySelector(`[data-index="${COUNT - 1}"]`);
  observer.disconnect();
  el.remove();
  return { firstRowsMs, lastRowReached, pullBacks, worstPullBackRows, longestTaskMs, blankFrames };
}

(window as unknown as { benchResult: Promise<unknown> }).benchResult = (async () => ({
  tanstack: await measure('bench-tanstack'),
  litLabs: await measure('bench-lit-labs'),
}))();
