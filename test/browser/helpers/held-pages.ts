// A paged list's next pages on a slow connection: what the tests of "Show more" (contact-preferences'
// history, the review queue) hold back to see the element while a page is on its way.
import { HttpResponse, http } from 'msw';
import type { BrowserMock } from '../../../mocks/browser.js';

const ANSWER_NOW = 'x-test-answer-now';

export interface HeldPages {
  /** How many next pages were asked for (and held). */
  asked(): number;
  /** Delivers the held pages, and lets the next ones through at once. */
  release(): void;
  /** Releases, and takes the handler away (call it in `finally`). */
  done(): void;
}

/**
 * Holds the first `count` next pages of the list at `path` (the GETs with a `cursor`) until
 * `release()`. Each is answered by the mock backend at once, as the list stood when it was asked
 * for, and delivered on release, so a change meanwhile does not show in it.
 */
export function holdNextPages(mock: BrowserMock, path: string, { count = Infinity } = {}): HeldPages {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let asked = 0;
  mock.worker.use(
    http.get(path, async ({ request }) => {
      if (!new URL(request.url).searchParams.has('cursor') || request.headers.has(ANSWER_NOW) || asked >= count) return;
      asked += 1;
      const headers = new Headers(request.headers);
      headers.set(ANSWER_NOW, '1');
      const answer = await fetch(request.url, { headers });
      const body = await answer.text();
      await held;
      return new HttpResponse(body, { status: answer.status, headers: answer.headers });
    }),
  );
  return {
    asked: () => asked,
    release,
    done: () => {
      release();
      mock.worker.resetHandlers(...mock.backend.handlers);
    },
  };
}
