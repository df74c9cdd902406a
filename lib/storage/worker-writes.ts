/**
 * Dexie's own channel between the pages of one origin: a write one page makes reaches the live queries
 * of the others through it. The service worker writes without Dexie (`WorkerStore`), so it posts what
 * it wrote there itself, in Dexie's form (an `ObservabilitySet`: each table and index written, over the
 * whole key range). The pages' live queries then read those tables afresh, their cached results
 * dropped, as after another page's write. The name is Dexie's (`STORAGE_MUTATED_DOM_EVENT_NAME` in
 * dexie.mjs): worker-store.test.ts fails if a Dexie upgrade changes it.
 */
const DEXIE_CHANNEL = 'x-storagemutated-1';

/** An interval tree (Dexie's `RangeSet`) over every key. */
const EVERY_KEY = { d: 1, from: -Infinity, to: [[]] };

/**
 * What a write to these object stores changed, as Dexie names it: each store's keys (`''`), the keys of
 * queries that read keys only (`:dels`), and each of its indexes.
 */
export function writtenParts(databaseName: string, stores: readonly IDBObjectStore[]): Record<string, typeof EVERY_KEY> {
  const parts: Record<string, typeof EVERY_KEY> = {};
  for (const store of stores) {
    for (const index of ['', ':dels', ...Array.from(store.indexNames)]) parts[`idb://${databaseName}/${store.name}/${index}`] = EVERY_KEY;
  }
  return parts;
}

/** Tells the extension's pages, once the write is on disk, what the service worker wrote (`writtenParts`). */
export function announceWorkerWrite(parts: Record<string, unknown>): void {
  const channel = new BroadcastChannel(DEXIE_CHANNEL);
  channel.postMessage(parts);
  channel.close();
}
