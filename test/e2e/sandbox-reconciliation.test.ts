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

describe('a claim read ahead while the pointer rests on its button', () => {
  /** The claims the host was asked for (by id) from now on, in order. */
  function claimsAsked(): string[] {
    const asked: string[] = [];
    // The panel's frame is the page's too (out of process, but Playwright follows it there).
    at.page.on('request', (request) => {
      const claim = /\/api\/claims\/([^/?]+)$/.exec(new URL(request.url()).pathname)?.[1];
      if (claim !== undefined) asked.push(decodeURIComponent(claim));
    });
    return asked;
  }

  /** The page with its panel page standing by, loaded, and the pointer away from every button. */
  async function pageStandingBy(): Promise<void> {
    await at.reconciliation.goto(at.sandbox.url);
    await expect.poll(() => at.page.frames().find((frame) => frame.url().includes('#standby='))?.evaluate(() => document.readyState), { timeout: 10_000 }).toBe('complete');
    await at.page.mouse.move(0, 0);
  }

  it('asks the host for the claim before the click, and opens it on what was read', async () => {
    await pageStandingBy();
    const asked = claimsAsked();
    const [claimId] = mismatchedClaims();
    const button = at.reconciliation.linkButtonOf(claimId!);
    await button.hover();
    await expect.poll(() => asked).toEqual([claimId]);
    await button.click();
    await at.reconciliation.panel().getByText(at.rows.find((row) => row.claimId === claimId)!.invoiceNumber).first().waitFor();
    expect(asked).toEqual([claimId]);
  });

  it('opens the claim clicked, not the one the pointer rested on before', async () => {
    await pageStandingBy();
    const asked = claimsAsked();
    const [rested, clicked] = mismatchedClaims();
    await at.reconciliation.linkButtonOf(rested!).hover();
    await expect.poll(() => asked).toEqual([rested]);
    await at.reconciliation.linkButtonOf(clicked!).click();
    expect(await at.reconciliation.panelLink()).toMatchObject({ claim: clicked });
    await at.reconciliation.panel().getByText(at.rows.find((row) => row.claimId === clicked)!.invoiceNumber).first().waitFor();
    expect(asked).toEqual([rested, clicked]);
  });

  it('reads nothing for a page script that moves or presses over our button', async () => {
    await pageStandingBy();
    const asked = claimsAsked();
    await at.page.evaluate(() => {
      const button = document.querySelector('backfill-link-claim')!.shadowRoot!.querySelector('button')!;
      for (const type of ['pointerover', 'pointerdown']) button.dispatchEvent(new PointerEvent(type, { bubbles: true, composed: true }));
    });
    await at.page.waitForTimeout(1_000);
    expect(asked).toEqual([]);
  });
});
