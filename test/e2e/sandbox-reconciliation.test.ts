import { describe, expect, it } from 'vitest';
import type { ReconciliationRow } from '../../lib/schemas';
import { useSandboxReconciliation } from './sandbox-reconciliation-page';

// The buttons on the sandbox host's own reconciliation page, both layouts, while its filters and
// Refresh throw the rows away and build new ones. The oracle is the host's API, not the page text.
const at = useSandboxReconciliation();

function mismatchedClaims(where: (row: ReconciliationRow) => boolean = () => true): string[] {
  return at.rows
    .filter((row) => row.yardiPtd !== row.procore && where(row))
    .map((row) => row.claimId)
    .sort();
}

/** Waits for the page's own fetch-and-rebuild to finish, then for our scan. */
async function afterReload(): Promise<void> {
  await at.page.waitForFunction(() => document.querySelector('#reconciliation')?.getAttribute('aria-busy') !== 'true');
  await at.reconciliation.settle();
}

describe.each([
  ['table', '/'],
  ['ARIA grid', '/?layout=grid'],
])('the sandbox reconciliation page as a %s', (_, path) => {
  it('has one button on each mismatched row and none on matched rows', async () => {
    expect(mismatchedClaims().length).toBeGreaterThan(0);
    expect(mismatchedClaims().length).toBeLessThan(at.rows.length);
    await at.reconciliation.goto(new URL(path, at.sandbox.url).href);
    expect(await at.reconciliation.rowsWithButtons()).toEqual(mismatchedClaims());
  });

  it('keeps exactly one button per mismatched row when filters and Refresh re-create the rows', async () => {
    await at.reconciliation.goto(new URL(path, at.sandbox.url).href);
    const contractId = at.rows.find((row) => row.yardiPtd !== row.procore)!.contractId;
    await at.page.selectOption('#contract-filter', contractId);
    await afterReload();
    expect(await at.reconciliation.rowsWithButtons()).toEqual(mismatchedClaims((row) => row.contractId === contractId));
    await at.page.selectOption('#contract-filter', '');
    await at.page.check('#only-differences');
    await afterReload();
    for (let refresh = 0; refresh < 3; refresh++) {
      await at.page.click('#refresh');
      await afterReload();
    }
    expect(await at.reconciliation.rowsWithButtons()).toEqual(mismatchedClaims());
  });

  it('opens the panel on the row’s claim, with its contract and invoice number', async () => {
    await at.reconciliation.goto(new URL(path, at.sandbox.url).href);
    const [claimId] = mismatchedClaims();
    const row = at.rows.find((candidate) => candidate.claimId === claimId)!;
    await at.reconciliation.linkButtonOf(claimId!).click();
    expect(await at.reconciliation.panelLink()).toEqual({
      claim: row.claimId,
      contract: row.contractNumber,
      invoice: row.invoiceNumber,
    });
  });
});
