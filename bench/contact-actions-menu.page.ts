// Runs in headless Chromium (bench/contact-actions-menu.bench.ts): the mock backend at 0 latency,
// and the time from a click on a menu item to its dialog open, per action.
import '../src/define.js';
import { startBrowserMock } from '../mocks/browser.js';
import { WELL_KNOWN } from '../mocks/seed/seed.js';

const ROUNDS = 10;
const ITEMS = ['unsubscribe', 'block', 'merge', 'delete', 'add-to-sequence'] as const;

type Timing = { first: number; median: number; p90: number; rounds: number };

async function until<T>(probe: () => T | null | undefined | false): Promise<T> {
  for (;;) {
    const value = probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

function summary(times: number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  return { first: times[0]!, median: sorted[Math.floor(sorted.length / 2)]!, p90: sorted[Math.floor(sorted.length * 0.9)]!, rounds: times.length };
}

async function measure(): Promise<Record<string, Timing>> {
  const mock = await startBrowserMock({ params: new URLSearchParams('reset=1'), persist: false });
  const provider = document.createElement('optout-provider');
  const el = document.createElement('contact-actions-menu');
  el.contactId = WELL_KNOWN.partlyUnsubscribed;
  provider.append(el);
  document.body.append(provider);
  const root = el.shadowRoot!;
  const button = await until(() => root.querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]'));
  const results: Record<string, Timing> = {};
  for (const item of ITEMS) {
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      button.click();
      const menuItem = await until(() => root.querySelector<HTMLElement>(`[role="menu"]:popover-open [data-value="${item}"]`));
      const start = performance.now();
      menuItem.click();
      const dialog = await until(() => [...root.querySelectorAll('dialog')].find((d) => d.open));
      // Painted: the next frame after it opened.
      await new Promise((resolve) => requestAnimationFrame(resolve));
      times.push(performance.now() - start);
      dialog.close();
      await el.updateComplete;
    }
    results[item] = summary(times);
  }
  provider.remove();
  await mock.stop();
  return results;
}

(window as unknown as { benchResult: Promise<unknown> }).benchResult = measure();
