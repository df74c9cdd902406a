import { liveQuery } from 'dexie';

/**
 * Runs `query` now and again whenever a tab or window changes what it read, handing each result to
 * `onChange`; a failed read is logged as `what` failing. Returns the way to stop watching.
 */
export function watchQuery<T>(query: () => Promise<T>, onChange: (result: T) => void, what: string): () => void {
  const subscription = liveQuery(query).subscribe({
    next: onChange,
    error: (error: unknown) => console.warn(`Backfill: ${what} failed`, error),
  });
  return () => subscription.unsubscribe();
}
