import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './browser';

/**
 * Bundle budgets of the built extension, in kB of minified code (1 kB = 1,000 bytes). The content
 * script runs on every page of the host's domain, and the service worker starts again at each message
 * after it idled, so both stay small: no schema library, no decimal.js, and no Dexie in the worker (it
 * reads and writes the database with plain IndexedDB, `WorkerStore`).
 */
const BUDGETS_KB = {
  'content-scripts/reconciliation.js': 40,
  'background.js': 40,
};

describe('bundle budgets', () => {
  it.each(Object.entries(BUDGETS_KB))('%s stays within %i kB', async (file, budget) => {
    const kilobytes = (await stat(join(EXTENSION_DIR, file))).size / 1000;
    console.log(`${file}: ${kilobytes.toFixed(1)} kB (budget ${budget} kB)`);
    expect(kilobytes).toBeLessThanOrEqual(budget);
  });
});
