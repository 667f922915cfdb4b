/**
 * Waits until `condition` holds, polling on animation frames; fails naming what it waited for.
 * Tests wait for conditions, never for fixed times.
 */
export async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const start = performance.now();
  for (;;) {
    try {
      if (await condition()) return;
    } catch {
      // A query that throws (element not there yet) counts as "not yet".
    }
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for: ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}
