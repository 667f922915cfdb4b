// A part of an element that most visits never use (the bulk job's review, progress and undo;
// contact-preferences' consent dialogs and pending requests), loaded the first time it is needed
// instead of with the element: hosts pay for it when it is used.
import type { ReactiveControllerHost } from 'lit';

export type LazyStatus = 'idle' | 'loading' | 'ready' | 'error';

/** Loads one module on demand, once, and re-renders its host when it arrives or fails. */
export class LazyPart<T> {
  status: LazyStatus = 'idle';
  value?: T;
  private pending?: Promise<T | undefined>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly load: () => Promise<T>,
  ) {}

  /**
   * The part, loading it if it is not loaded yet. Resolves undefined when loading failed: the
   * status says so, and the next call tries again (a dropped connection must not leave the part
   * unusable until a reload).
   */
  get(): Promise<T | undefined> {
    if (this.status === 'ready') return Promise.resolve(this.value);
    this.pending ??= this.start();
    return this.pending;
  }

  private async start(): Promise<T | undefined> {
    this.status = 'loading';
    this.host.requestUpdate();
    try {
      this.value = await this.load();
      this.status = 'ready';
      return this.value;
    } catch {
      this.status = 'error';
      return undefined;
    } finally {
      this.pending = undefined;
      this.host.requestUpdate();
    }
  }
}
