/**
 * Waits until `condition` holds, polling on animation frames; fails naming what it waited for.
 * Tests wait for conditions, never for fixed times.
 *
 * A condition that throws counts as "not yet" (a query for an element not rendered yet), but the
 * most recent error is reported with the timeout, so a real failure does not pass for a slow render.
 */
export async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const start = performance.now();
  let lastError: { error: unknown } | undefined;
  for (;;) {
    try {
      if (await condition()) return;
    } catch (error) {
      lastError = { error };
    }
    if (performance.now() - start > timeoutMs) {
      const message = `Timed out after ${timeoutMs} ms waiting for: ${what}`;
      if (!lastError) throw new Error(message);
      throw new Error(`${message}; the condition last threw: ${describe(lastError.error)}`, { cause: lastError.error });
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
