const CHANNEL = 'backfill-worker-writes';

/**
 * Tells the extension's pages that the service worker wrote to the database. Dexie's live queries see
 * the writes Dexie makes, in any page; the worker writes without Dexie (`WorkerStore`), so it says so
 * itself.
 */
export function announceWorkerWrite(): void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage('written');
  channel.close();
}

/** Calls `onWrite` after each write of the service worker, until the returned function is called. */
export function onWorkerWrites(onWrite: () => void): () => void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = onWrite;
  // In Node (the unit tests) an open channel would keep the process alive.
  (channel as BroadcastChannel & { unref?: () => void }).unref?.();
  return () => channel.close();
}
