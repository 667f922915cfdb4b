/** A signal that aborts when any of its sources does, and a way to let go of the sources. */
export interface CombinedSignal {
  signal: AbortSignal;
  /** Stops listening to the sources; a caller's long-lived signal must not collect one listener per request. */
  dispose(): void;
}

/**
 * Combines signals with `AbortSignal.any` where the platform has it, and by hand where it does not
 * (Safari before 17.4, older embedded WebViews): there a call must still work, not throw a TypeError.
 */
export function combineSignals(sources: readonly AbortSignal[]): CombinedSignal {
  if (typeof AbortSignal.any === 'function') return { signal: AbortSignal.any([...sources]), dispose: () => {} };
  const controller = new AbortController();
  const aborted = sources.find((source) => source.aborted);
  if (aborted) {
    controller.abort(aborted.reason);
    return { signal: controller.signal, dispose: () => {} };
  }
  const listeners = sources.map((source) => {
    const listener = () => {
      dispose();
      controller.abort(source.reason);
    };
    source.addEventListener('abort', listener, { once: true });
    return () => source.removeEventListener('abort', listener);
  });
  const dispose = () => {
    for (const remove of listeners) remove();
  };
  return { signal: controller.signal, dispose };
}
