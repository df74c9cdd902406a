/**
 * The few IndexedDB calls the service worker makes, as promises: the background reads and writes
 * Backfill's database without Dexie (96 kB it would load at every wake-up). Dexie, in the pages, stays
 * the one that creates and upgrades the database (`database.ts`).
 */

/** A request's result once it succeeds. */
export function requested<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('an IndexedDB request failed'));
  });
}

/** Settles when the transaction is on disk (`complete`), or fails with why it was not. */
export function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    // The failed request's own error: the transaction's is set only once it has aborted.
    transaction.onerror = (event) => reject((event.target as IDBRequest | null)?.error ?? transaction.error ?? new Error('an IndexedDB transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('an IndexedDB transaction was aborted'));
  });
}

/**
 * The database as the pages left it, or undefined when none was made yet (no panel ever opened a
 * claim). It is never created or upgraded here: a page of a newer version upgrading it finds this
 * connection closed at once.
 */
export function openExisting(factory: IDBFactory, name: string): Promise<IDBDatabase | undefined> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name);
    let absent = false;
    request.onupgradeneeded = () => {
      absent = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = (event) => {
      event.preventDefault();
      if (absent) resolve(undefined);
      else reject(request.error ?? new Error(`could not open the ${name} database`));
    };
  });
}
