import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Page } from 'playwright-core';
import { ReconciliationRowSchema, type ReconciliationRow } from '../../lib/schemas';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { ReconciliationPage } from './reconciliation-page';
import { freshSandbox, type SandboxData } from './sandbox-session';

export interface SandboxReconciliation {
  browser: ExtensionBrowser;
  sandbox: Awaited<ReturnType<typeof freshSandbox>>;
  /** A new tab for each test. */
  page: Page;
  reconciliation: ReconciliationPage;
  /** The host's rows as its API serves them when the suite starts: the oracle, not the page text. */
  rows: ReconciliationRow[];
}

/**
 * One sandbox host (its data changed first by `edit`, if given) and one browser with the extension
 * for a test file, and a fresh tab for each test. Read the fields inside tests and hooks only.
 */
export function useSandboxReconciliation(edit?: (data: SandboxData) => void): SandboxReconciliation {
  const suite = {} as SandboxReconciliation;
  beforeAll(async () => {
    suite.sandbox = await freshSandbox({}, edit);
    suite.browser = await launchWithExtension();
    suite.rows = ReconciliationRowSchema.array().parse(await (await suite.sandbox.api('/api/reconciliation')).json());
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.sandbox?.close();
  });
  beforeEach(async () => {
    await suite.page?.close();
    suite.page = await suite.browser.context.newPage();
    suite.reconciliation = new ReconciliationPage(suite.page);
  });
  return suite;
}
