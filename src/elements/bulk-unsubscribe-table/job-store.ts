// The bulk job this page is watching, kept in IndexedDB (idb-keyval) so a reload reattaches to it.
// Keyed by the API base and user, so two providers or two users on one origin do not pick up each
// other's job.
import { del, get, set } from 'idb-keyval';

const PREFIX = 'optout-elements.bulk-unsubscribe-job';

export function jobKey(scope: string): string {
  return `${PREFIX}|${scope}`;
}

/** The job id kept for `scope`, or undefined; storage that fails reads as nothing kept. */
export async function keptJobId(scope: string): Promise<string | undefined> {
  try {
    const value: unknown = await get(jobKey(scope));
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

export async function keepJobId(scope: string, jobId: string): Promise<void> {
  try {
    await set(jobKey(scope), jobId);
  } catch {
    // Private modes may refuse storage: the job still runs, only a reload cannot find it.
  }
}

export async function forgetJobId(scope: string): Promise<void> {
  try {
    await del(jobKey(scope));
  } catch {
    // Nothing kept to forget.
  }
}
