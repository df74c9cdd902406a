import type { DBCore, DBCoreMutateRequest, DBCoreTable } from 'dexie';
import type { BackfillDatabase } from '../../lib/storage/database';

/**
 * Storage faults on demand, as a Dexie middleware (registered before the database opens): while a
 * fault is set, every write to the chosen tables fails with it inside its transaction, which Dexie
 * then aborts. Reads are never touched.
 */
export function storageFaults(db: BackfillDatabase) {
  let fault: { error: unknown; tables: ReadonlySet<string> | null } | null = null;
  const writes = { failed: 0 };
  db.use({
    stack: 'dbcore',
    name: 'test-storage-faults',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name: string): DBCoreTable => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request: DBCoreMutateRequest) => {
            if (fault && (fault.tables === null || fault.tables.has(name))) {
              writes.failed++;
              return Promise.reject(fault.error);
            }
            return table.mutate(request);
          },
        };
      },
    }),
  });
  return {
    writes,
    /** Every write (to `tables`, or any) fails with `error` until `clear`. */
    fail(error: unknown, tables?: readonly string[]) {
      fault = { error, tables: tables ? new Set(tables) : null };
    },
    clear() {
      fault = null;
    },
  };
}

/** A full disk as browsers report it: `QuotaExceededError`, or Dexie's `AbortError` carrying it. */
export function quotaError(wrapped: boolean): Error {
  const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
  return wrapped ? Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota }) : quota;
}
