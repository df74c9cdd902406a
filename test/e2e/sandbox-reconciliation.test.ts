import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ReconciliationRowSchema, type ReconciliationRow } from '../../lib/schemas';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { ReconciliationPage } from './reconciliation-page';
import { freshSandbox } from './sandbox-session';

// The buttons on the sandbox host's own reconciliation page, both layouts, while its filters and
// Refresh throw the rows away and build new ones. The oracle is the host's API, not the page text.
let browser: ExtensionBrowser;
let sandbox: Awaited<ReturnType<typeof freshSandbox>>;
let page: Page;
let reconciliation: ReconciliationPage;
let rows: ReconciliationRow[];

beforeAll(async () => {
  sandbox = await freshSandbox();
  browser = await launchWithExtension();
  rows = ReconciliationRowSchema.array().parse(await (await sandbox.api('/api/reconciliation')).json());
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

beforeEach(async () => {
  await page?.close();
  page = await browser.context.newPage();
  reconciliation = new ReconciliationPage(page);
});

function mismatchedClaims(where: (row: ReconciliationRow) => boolean = () => true): string[] {
  return rows
    .filter((row) => row.yardiPtd !== row.procore && where(row))
    .map((row) => row.claimId)
    .sort();
}

/** Waits for the page's own fetch-and-rebuild to finish, then for our scan. */
async function afterReload(): Promise<void> {
  await page.waitForFunction(() => document.querySelector('#reconciliation')?.getAttribute('aria-busy') !== 'true');
  await reconciliation.settle();
}

describe.each([
  ['table', '/'],
  ['ARIA grid', '/?layout=grid'],
])('the sandbox reconciliation page as a %s', (_, path) => {
  it('has one button on each mismatched row and none on matched rows', async () => {
    expect(mismatchedClaims().length).toBeGreaterThan(0);
    expect(mismatchedClaims().length).toBeLessThan(rows.length);
    await reconciliation.goto(new URL(path, sandbox.url).href);
    expect(await reconciliation.rowsWithButtons()).toEqual(mismatchedClaims());
  });

  it('keeps exactly one button per mismatched row when filters and Refresh re-create the rows', async () => {
    await reconciliation.goto(new URL(path, sandbox.url).href);
    const contractId = rows.find((row) => row.yardiPtd !== row.procore)!.contractId;
    await page.selectOption('#contract-filter', contractId);
    await afterReload();
    expect(await reconciliation.rowsWithButtons()).toEqual(mismatchedClaims((row) => row.contractId === contractId));
    await page.selectOption('#contract-filter', '');
    await page.check('#only-differences');
    await afterReload();
    for (let refresh = 0; refresh < 3; refresh++) {
      await page.click('#refresh');
      await afterReload();
    }
    expect(await reconciliation.rowsWithButtons()).toEqual(mismatchedClaims());
  });

  it('opens the panel on the row’s claim, with its contract and invoice number', async () => {
    await reconciliation.goto(new URL(path, sandbox.url).href);
    const [claimId] = mismatchedClaims();
    const row = rows.find((candidate) => candidate.claimId === claimId)!;
    await reconciliation.linkButtonOf(claimId!).click();
    const src = await reconciliation.panelIframe().getAttribute('src');
    expect(Object.fromEntries(new URLSearchParams(new URL(src!).hash.slice(1)))).toEqual({
      claim: row.claimId,
      contract: row.contractNumber,
      invoice: row.invoiceNumber,
    });
  });
});
