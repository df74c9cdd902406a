/**
 * The content script runs inside someone else's page: it logs each distinct problem once (a page
 * re-renders many times a second) and never lets an exception reach the page's event loop.
 */

const logged = new Set<string>();
// Messages can carry page text (an error's message): a hostile page must not grow this without end.
const MAX_LOGGED = 100;

export function logOnce(message: string): void {
  if (logged.has(message) || logged.size >= MAX_LOGGED) return;
  logged.add(message);
  console.warn(`[Backfill] ${message}`);
}

/** Wraps a callback the page's events or timers will call, so our failure stays ours. */
export function guarded<Args extends unknown[]>(name: string, callback: (...args: Args) => void): (...args: Args) => void {
  return (...args) => {
    try {
      callback(...args);
    } catch (error) {
      logOnce(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}
