import { liveQuery } from 'dexie';
import { onWorkerWrites } from './worker-writes';

/**
 * Runs `query` now and again whenever a tab, window or the service worker changes what it read, handing
 * each result to `onChange`; a failed read is logged as `what` failing. Returns the way to stop watching.
 */
export function watchQuery<T>(query: () => Promise<T>, onChange: (result: T) => void, what: string): () => void {
  const subscribe = () =>
    liveQuery(query).subscribe({
      next: onChange,
      error: (error: unknown) => console.warn(`Backfill: ${what} failed`, error),
    });
  let subscription = subscribe();
  // The worker writes without Dexie, so its live queries miss it: a new subscription reads afresh.
  const stopFollowingWorker = onWorkerWrites(() => {
    subscription.unsubscribe();
    subscription = subscribe();
  });
  return () => {
    stopFollowingWorker();
    subscription.unsubscribe();
  };
}
