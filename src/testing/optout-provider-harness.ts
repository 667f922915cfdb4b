/** Drives one `<optout-provider>` the way the page around it would. */
export class OptOutProviderHarness {
  constructor(readonly element: HTMLElement & { revalidate(): void }) {}

  /**
   * Tells the provider the page became visible again (the tab was switched back to), which makes
   * it fetch everything again, exactly as a real `visibilitychange` does.
   */
  pageBecameVisible(): void {
    document.dispatchEvent(new Event('visibilitychange'));
  }

  /** Fetches everything again now. */
  revalidate(): void {
    this.element.revalidate();
  }
}
