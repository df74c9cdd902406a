import { browser } from 'wxt/browser';
import type { BackfillDatabase } from '@/lib/storage/database';

/** How safe the profile's Backfill data is: space used, whether the browser keeps it, what was set aside. */
export interface StorageHealth {
  /** Bytes used and available to the extension's origin, when the browser says. */
  usage: number | null;
  quota: number | null;
  /** Kept under storage pressure: persistent storage granted, or unlimited storage (an extension's). */
  kept: boolean;
  /** Records set aside because they failed their schema or were not kept in a restore. */
  quarantined: number;
}

export async function readStorageHealth(db: BackfillDatabase): Promise<StorageHealth> {
  const [estimate, persisted, unlimited, quarantined] = await Promise.all([
    navigator.storage?.estimate?.().catch(() => undefined),
    navigator.storage?.persisted?.().catch(() => false),
    browser.permissions.contains({ permissions: ['unlimitedStorage'] }).catch(() => false),
    db.quarantine.count(),
  ]);
  return { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, kept: persisted === true || unlimited, quarantined };
}

/** Asks the browser to keep the data under storage pressure; whether it now will. */
export async function askToKeepStorage(): Promise<boolean> {
  return (await navigator.storage?.persist?.().catch(() => false)) === true;
}

/** The quarantine as JSON: each record set aside, with its table, key, when and why. */
export async function quarantineJson(db: BackfillDatabase): Promise<string> {
  return `${JSON.stringify(await db.quarantine.toArray(), null, 1)}\n`;
}
