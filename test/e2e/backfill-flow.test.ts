import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { Decimal } from '../../lib/decimal';
import { formatMoney } from '../../lib/money';
import { percentComplete } from '../../lib/backfill';
import { SEED_CLAIMS } from '../../sandbox/seed';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { PanelPage } from './panel-page';
import { ReconciliationPage } from './reconciliation-page';
import { balancedAllocation, freshSandbox } from './sandbox-session';

// The whole path a project accountant takes: link a claim, allocate it, come back later, submit.
let browser: ExtensionBrowser;
let sandbox: Awaited<ReturnType<typeof freshSandbox>>;
let page: Page;
let reconciliation: ReconciliationPage;

interface Rect { x: number; y: number; width: number; height: number }
interface Size { width: number; height: number }

// A new profile per test: drafts and the local ledger live in the browser, the host data in the sandbox.
beforeEach(async () => {
  browser = await launchWithExtension();
});

afterEach(async () => {
  await browser?.close();
  await sandbox?.close();
});

async function openClaim(claimId: string, options: Parameters<typeof freshSandbox>[0] = {}) {
  sandbox ??= await freshSandbox(options);
  page = await browser.context.newPage();
  reconciliation = new ReconciliationPage(page);
  await reconciliation.goto(sandbox.url);
  await reconciliation.linkButtonOf(claimId).click();
  await reconciliation.panelFrame();
  return { reconciliation, panel: new PanelPage(reconciliation.panel()) };
}

/** Opens the claim, pastes a valid allocation of it, and goes to the confirm step. */
async function openAllocated(claimId: string) {
  const claim = await sandbox.claim(claimId);
  const allocation = balancedAllocation(claim, await sandbox.sov(claim.contractId));
  const { panel } = await openClaim(claimId);
  await panel.button('Build the Procore version').click();
  await panel.amountCell(Object.keys(allocation)[0]!).click();
  await panel.paste(Object.values(allocation).join('\n'));
  await panel.button('Review and submit').click();
  return { claim, allocation, panel };
}

async function fresh(options: Parameters<typeof freshSandbox>[0] = {}) {
  sandbox = await freshSandbox(options);
}

describe('linking, allocating and submitting a claim', () => {
  it('shows the Yardi claim, takes typed amounts to the cent, and submits exactly once', async () => {
    await fresh();
    const claim = await sandbox.claim(SEED_CLAIMS.ordinary);
    const sov = await sandbox.sov(claim.contractId);
    const allocation = balancedAllocation(claim, sov);
    const { reconciliation, panel } = await openClaim(SEED_CLAIMS.ordinary);

    // Step 1: the Yardi claim as paid.
    await panel.heading('Yardi claim').waitFor();
    for (const line of claim.lines) await panel.frame.getByRole('cell', { name: line.categoryCode, exact: true }).first().waitFor();
    await panel.frame.getByText(formatMoney(claim.total), { exact: true }).first().waitFor();
    await panel.button('Build the Procore version').click();

    // Step 2: the Procore claim's header, defaulted from the Yardi invoice and editable.
    const title = panel.frame.getByLabel('Title');
    expect(await title.inputValue()).toBe(`Backfill of Yardi invoice ${claim.invoiceNumber}`);
    await title.fill('Backfill: January concrete');
    // Typing; Submit stays closed until every code is exact.
    const review = panel.button('Review and submit');
    const entries = Object.entries(allocation);
    const totals = panel.frame.locator('.ag-grid-pinned-bottom-rows-container');
    for (const [index, [lineId, amount]] of entries.entries()) {
      expect(await review.isDisabled()).toBe(true);
      // Typed the way people type: with a dollar sign and thousands separators on some lines.
      await panel.typeAmount(lineId, index % 2 ? formatMoney(amount) : amount);
      // The totals row follows each amount (it takes its figures in place, never built anew).
      const typed = entries.slice(0, index + 1).reduce((sum, [, each]) => sum.plus(each), new Decimal(0));
      await expect.poll(() => totals.locator('[col-id="thisClaim"]').textContent()).toBe(formatMoney(typed.toFixed(2)));
    }
    await expect.poll(() => totals.locator('[col-id="remainingBalance"]').textContent()).toBe(formatMoney('0.00'));
    for (const { categoryCode } of claim.lines) await expect.poll(() => panel.remaining(categoryCode).textContent()).toContain('Balanced');
    await expect.poll(() => review.isEnabled()).toBe(true);

    // Step 3: confirm shows what will be created, then one click makes one backfill.
    await review.click();
    await panel.heading('Confirm the backfill').waitFor();
    await panel.frame.getByText(`on ${entries.length} SOV lines`).waitFor();
    const posts: string[] = [];
    browser.context.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith(`/api/claims/${claim.id}/backfill`)) posts.push(request.headers()['idempotency-key'] ?? '');
    });
    await panel.submit({ double: true });
    await panel.heading('Synced and Approved').waitFor({ timeout: 20_000 });
    expect(posts).toHaveLength(1); // a double click sends one request, with a key
    expect(posts[0]).toMatch(/^[0-9a-f-]{36}$/);
    const firstLine = sov.lines.find((line) => line.id === entries[0]![0])!;
    await panel.frame.locator(`tr[data-sov-line="${firstLine.id}"]`).waitFor();
    // The done step: the line's percent complete before and after, and the way to the contract on the host.
    const lineAfter = (await sandbox.sov(claim.contractId)).lines.find((line) => line.id === firstLine.id)!;
    await expect
      .poll(async () => (await panel.frame.locator(`tr[data-sov-line="${firstLine.id}"] td`).allTextContents()).slice(2))
      .toEqual([`${percentComplete(firstLine.claimedToDate, firstLine.scheduledValue)}%`, `${percentComplete(lineAfter.claimedToDate, lineAfter.scheduledValue)}%`]);
    const contractLink = panel.frame.getByRole('link', { name: 'Open the contract on the host' });
    expect(await contractLink.getAttribute('href')).toBe(new URL(`/contracts/${claim.contractId}`, sandbox.url).href);

    const backfill = await (await sandbox.api(`/api/claims/${claim.id}/backfill`)).json();
    expect(backfill.lines).toHaveLength(entries.length);
    expect(backfill.header).toEqual({ number: claim.invoiceNumber, title: 'Backfill: January concrete', payPeriod: claim.invoiceDate });
    expect((await sandbox.claim(claim.id)).status).toBe('Synced and Approved');

    // The row's button goes at once; once the page refreshes its data the Difference is zero.
    await expect.poll(() => reconciliation.linkButtonOf(claim.id).count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => reconciliation.dock().count()).toBe(0);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await reconciliation.settle();
    await expect.poll(() => reconciliation.row(claim.id).textContent()).toContain('$0.00');
    expect(await reconciliation.linkButtonOf(claim.id).count()).toBe(0);
  });

  it('pastes a column from Excel across code boundaries, all or nothing', async () => {
    await fresh();
    const claim = await sandbox.claim(SEED_CLAIMS.ordinary);
    const sov = await sandbox.sov(claim.contractId);
    const allocation = balancedAllocation(claim, sov);
    const ids = Object.keys(allocation);
    const { panel } = await openClaim(SEED_CLAIMS.ordinary);
    await panel.button('Build the Procore version').click();
    await panel.amountCell(ids[0]!).click();
    // Excel's TSV: $ and commas, a trailing line end; one bad value in the middle refuses the whole paste.
    const values = ids.map((id, index) => (index === 1 ? 'twelve' : formatMoney(allocation[id]!)));
    await panel.paste(`${values.join('\r\n')}\r\n`);
    const secondLine = sov.lines.find((line) => line.id === ids[1])!.lineNumber;
    await expect.poll(() => panel.notice().textContent()).toBe(`Nothing pasted: "twelve" (row 2, for line ${secondLine}) is not an amount.`);
    for (const id of ids) expect(await panel.amountCell(id).textContent()).toBe('');
    values[1] = formatMoney(allocation[ids[1]!]!);
    await panel.paste(`${values.join('\r\n')}\r\n`);
    await expect.poll(() => panel.amountCell(ids.at(-1)!).textContent()).toBe(formatMoney(allocation[ids.at(-1)!]!));
    await expect.poll(() => panel.button('Review and submit').isEnabled()).toBe(true);

    // One paste is one undo step.
    await panel.amountCell(ids[0]!).click();
    await panel.paste(ids.map(() => '1').join('\n'));
    await expect.poll(() => panel.amountCell(ids.at(-1)!).textContent()).toBe('$1.00');
    await panel.amountCell(ids[0]!).press('Control+z');
    await expect.poll(() => panel.amountCell(ids.at(-1)!).textContent()).toBe(formatMoney(allocation[ids.at(-1)!]!));
    await expect.poll(() => panel.amountCell(ids[0]!).textContent()).toBe(formatMoney(allocation[ids[0]!]!));
    await panel.amountCell(ids[0]!).press('Control+Shift+z');
    await expect.poll(() => panel.amountCell(ids[0]!).textContent()).toBe('$1.00');
  });

  it('resumes the draft after a reload: every amount, and the line the user was on', async () => {
    await fresh();
    const claim = await sandbox.claim(SEED_CLAIMS.ordinaryMechanical);
    const allocation = balancedAllocation(claim, await sandbox.sov(claim.contractId));
    const [first, second] = Object.entries(allocation);
    const { panel } = await openClaim(SEED_CLAIMS.ordinaryMechanical);
    await panel.button('Build the Procore version').click();
    await panel.typeAmount(first![0], first![1]);
    await panel.typeAmount(second![0], second![1]);
    await panel.waitSaved();
    const focusedRow = await panel.focusedRowId();
    expect(focusedRow).not.toBeNull();
    await page.close();

    const again = await openClaim(SEED_CLAIMS.ordinaryMechanical);
    await again.panel.amountCell(first![0]).waitFor();
    await expect.poll(() => again.panel.amountCell(first![0]).textContent()).toBe(formatMoney(first![1]));
    await expect.poll(() => again.panel.amountCell(second![0]).textContent()).toBe(formatMoney(second![1]));
    await expect.poll(() => again.panel.focusedRowId()).toBe(focusedRow);
  });
});

describe('claims that cannot be backfilled', () => {
  it.each([
    [SEED_CLAIMS.codeNotOnSov, 'CODE_NOT_ON_SOV'],
    [SEED_CLAIMS.allocated, 'CLAIM_ALLOCATED'],
    [SEED_CLAIMS.uncodedSov, 'SOV_NOT_CODED'],
  ])('%s is explained (%s) with no way forward', async (claimId, rule) => {
    await fresh();
    const { panel } = await openClaim(claimId);
    await panel.frame.locator(`[data-rule="${rule}"]`).waitFor();
    expect(await panel.button('Build the Procore version').isDisabled()).toBe(true);
  });

  it('CLAIM_TOTAL_MISMATCH: a claim whose lines do not add up to its total is explained, no way forward', async () => {
    sandbox = await freshSandbox({}, (data) => {
      const claim = data.claims.find((candidate) => candidate.id === SEED_CLAIMS.ordinaryConcreteLater)!;
      claim.total = new Decimal(claim.total).plus('0.01').toFixed(2);
    });
    const { panel } = await openClaim(SEED_CLAIMS.ordinaryConcreteLater);
    await panel.frame.locator('[data-rule="CLAIM_TOTAL_MISMATCH"]').waitFor();
    expect(await panel.button('Build the Procore version').isDisabled()).toBe(true);
  });

  it('CLAIM_ALREADY_BACKFILLED: a row still showing a difference for a claim backfilled since', async () => {
    await fresh();
    const claim = await sandbox.claim(SEED_CLAIMS.ordinaryMechanicalLater);
    const allocation = balancedAllocation(claim, await sandbox.sov(claim.contractId));
    page = await browser.context.newPage();
    const reconciliation = new ReconciliationPage(page);
    await reconciliation.goto(sandbox.url);
    // Someone else backfills it while this page still shows the old Difference.
    const lines = Object.entries(allocation).map(([sovLineId, amount]) => ({ sovLineId, amount }));
    const created = await sandbox.api(`/api/claims/${claim.id}/backfill`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'elsewhere' }, body: JSON.stringify({ lines }) });
    expect(created.status).toBe(201);
    await reconciliation.linkButtonOf(claim.id).click();
    await reconciliation.panelFrame();
    const panel = new PanelPage(reconciliation.panel());
    await panel.frame.locator('[data-rule="CLAIM_ALREADY_BACKFILLED"]').waitFor();
    expect(await panel.button('Build the Procore version').isDisabled()).toBe(true);
  });

  it('refuses a second backfill of a claim submitted from another tab', async () => {
    await fresh();
    const claim = await sandbox.claim(SEED_CLAIMS.credit);
    const allocation = balancedAllocation(claim, await sandbox.sov(claim.contractId));
    const first = await openClaim(SEED_CLAIMS.credit);
    const firstPage = page;
    await first.panel.button('Build the Procore version').click();
    const [lineId, amount] = Object.entries(allocation)[0]!;
    await first.panel.typeAmount(lineId, amount);
    for (const [id, value] of Object.entries(allocation).slice(1)) await first.panel.typeAmount(id, value);
    await first.panel.button('Review and submit').click();

    const second = await openClaim(SEED_CLAIMS.credit); // a second tab, same draft
    await second.panel.button('Review and submit').click();
    await second.panel.heading('Confirm the backfill').waitFor();

    await first.panel.submit();
    await first.panel.heading('Synced and Approved').waitFor({ timeout: 20_000 });
    await second.panel.heading('Synced and Approved').waitFor({ timeout: 20_000 }); // the other tab follows the draft live
    expect(await (await sandbox.api(`/api/reconciliation`)).json()).toEqual(
      expect.arrayContaining([expect.objectContaining({ claimId: claim.id, difference: '0.00' })]),
    );
    const retry = await sandbox.api(`/api/claims/${claim.id}/backfill`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'another' }, body: JSON.stringify({ lines: [{ sovLineId: lineId, amount }] }) });
    expect(retry.status).toBe(409);
    expect(firstPage.isClosed()).toBe(false);
  });
});

describe('a covered panel', () => {
  /** Counts the backfill requests the panel sends for a claim, as the host would see them. */
  function countBackfillPosts(claimId: string): string[] {
    const posts: string[] = [];
    browser.context.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith(`/api/claims/${claimId}/backfill`)) posts.push(request.headers()['idempotency-key'] ?? '');
    });
    return posts;
  }

  /** A page's own popover, shown after our panel so it is drawn over it, over `box` only. */
  /** A fresh host and a claim allocated to the confirm step, Submit seen visible, backfill requests counted. */
  async function atConfirmStep() {
    await fresh();
    const { claim, panel } = await openAllocated(SEED_CLAIMS.ordinaryConcreteLater);
    await panel.frame.locator('button[data-visible="true"]').waitFor();
    return { claim, panel, submit: panel.button('Submit backfill'), posts: countBackfillPosts(claim.id) };
  }

  /** Once the guard says hidden, a real click on Submit is refused in words, and nothing is sent. */
  async function clickRefused(panel: PanelPage, submit: Locator, claimId: string, posts: string[]) {
    await panel.frame.locator('button[data-visible="false"]').waitFor();
    const button = await boxOf(submit);
    await page.mouse.click(button.x + button.width / 2, button.y + button.height / 2);
    await panel.frame.getByText('partly covered or hidden').waitFor();
    expect(posts).toEqual([]);
    expect((await sandbox.api(`/api/claims/${claimId}/backfill`)).status).toBe(404);
  }

  async function pagePopoverOver(box: { x: number; y: number; width: number; height: number }) {
    await page.evaluate(({ x, y, width, height }) => {
      const cover = document.createElement('div');
      cover.id = 'cover';
      cover.popover = 'manual';
      cover.textContent = 'Total $1.00';
      cover.style.cssText = `position:fixed;inset:auto;margin:0;padding:0;border:0;left:${x}px;top:${y}px;width:${width}px;height:${height}px;background:#fff;pointer-events:none`;
      document.body.append(cover);
      cover.showPopover();
    }, box);
  }

  async function boxOf(locator: Locator) {
    const box = await locator.boundingBox();
    if (box === null) throw new Error('Not on screen');
    return box;
  }

  it('refuses to submit while the page draws over it, and submits once uncovered', async () => {
    await fresh();
    const { claim, panel } = await openAllocated(SEED_CLAIMS.ordinaryConcreteLater);
    await panel.frame.locator('button[data-visible="true"]').waitFor();
    // A page trying to trick the user: a see-through layer over the panel, clicks passing through.
    await pagePopoverOver({ x: 0, y: 0, ...page.viewportSize()! });
    await page.evaluate(() => (document.getElementById('cover')!.style.background = 'rgba(255,255,255,0.02)'));
    await panel.frame.locator('button[data-visible="false"]').waitFor();
    await panel.button('Submit backfill').focus();
    await page.keyboard.press('Enter');
    await panel.frame.getByText('partly covered or hidden').waitFor();
    expect((await sandbox.api(`/api/claims/${claim.id}/backfill`)).status).toBe(404);
    await page.evaluate(() => document.getElementById('cover')!.remove());
    await panel.submit();
    await panel.heading('Synced and Approved').waitFor({ timeout: 20_000 });
  });

  // Fake totals or a fake confirm text over the real ones; the button stays in plain view.
  it.each([
    ['the totals', (panel: PanelPage) => panel.frame.getByRole('table', { name: 'What will be created' })],
    ['the confirm text', (panel: PanelPage) => panel.frame.getByText('This creates Procore progress claim')],
  ])('refuses Submit while the page covers %s, though not the button, and sends nothing', async (_what, covered) => {
    const { claim, panel, submit, posts } = await atConfirmStep();
    await pagePopoverOver(await boxOf(covered(panel)));
    // The guard hears of it within a frame or two (IntersectionObserver v2 delay); a user reads longer.
    await clickRefused(panel, submit, claim.id, posts);
  });

  it('refuses Submit while the confirm text is scrolled out of view, though the button shows', async () => {
    const { claim, panel, submit, posts } = await atConfirmStep();
    // A short window, the panel scrolled to its end: the user sees Submit without what it creates.
    await page.setViewportSize({ width: 1280, height: 200 });
    await panel.frame.locator('html').evaluate((root) => root.scrollTo(0, root.scrollHeight));
    await submit.scrollIntoViewIfNeeded();
    expect(await panel.frame.locator('p', { hasText: 'This creates Procore progress claim' }).evaluate((text) => text.getBoundingClientRect().top)).toBeLessThan(0);
    await clickRefused(panel, submit, claim.id, posts);
  });

  // Clickjacking by clipping: the page shows only the Submit button's rectangle, hoping for a click on
  // a button whose confirm text and totals the user never saw. The panel must stay wholly painted.
  it.each([
    ['clip-path', (box: Rect, view: Size) => `clip-path: inset(${box.y}px ${view.width - box.x - box.width}px ${view.height - box.y - box.height}px ${box.x}px) !important;`],
    ['mask', (box: Rect) => `mask: linear-gradient(#000 0 0) ${box.x}px ${box.y}px / ${box.width}px ${box.height}px no-repeat !important;`],
  ])('keeps the whole panel painted when the page sets %s on html, body and our dock, and a real click submits what was shown', async (_property, hide) => {
    const { panel, submit, posts } = await atConfirmStep();
    await panel.waitSaved(); // the save status must not change between the two pictures
    const panelBox = await boxOf(reconciliation.panelIframe());
    const totalsBox = await boxOf(panel.frame.getByRole('table', { name: 'What will be created' }));
    const plainPanel = await page.screenshot({ clip: panelBox });
    const plainTotals = await page.screenshot({ clip: totalsBox });

    const button = await boxOf(submit);
    const style = hide(button, page.viewportSize()!);
    await page.evaluate((css) => {
      const sheet = document.createElement('style');
      sheet.textContent = `html, body, backfill-panel-dock { ${css} }`;
      document.head.append(sheet);
      document.querySelector('backfill-panel-dock')!.setAttribute('style', css);
    }, style);
    await reconciliation.settle();
    // The page did hide itself: html and body carry the style.
    const applied = await page.evaluate(() => [document.documentElement, document.body].map((element) => [getComputedStyle(element).clipPath, getComputedStyle(element).maskImage]));
    for (const [clipPath, maskImage] of applied) expect([clipPath, maskImage]).not.toEqual(['none', 'none']);

    // What the user confirms is on screen, pixel for pixel as without the page's styles.
    expect((await page.screenshot({ clip: totalsBox })).equals(plainTotals)).toBe(true);
    expect((await page.screenshot({ clip: panelBox })).equals(plainPanel)).toBe(true);

    // All of it is in view, so the guard rightly lets the click through.
    await panel.frame.locator('button[data-visible="true"]').waitFor();
    await page.mouse.click(button.x + button.width / 2, button.y + button.height / 2);
    await panel.heading('Synced and Approved').waitFor({ timeout: 20_000 });
    expect(posts).toHaveLength(1);
  });
});

describe('exactly once when the network misbehaves', () => {
  it('a dropped response after the host committed still makes exactly one backfill', async () => {
    await fresh({ dropAfterCommit: true });
    const { claim, allocation, panel } = await openAllocated(SEED_CLAIMS.tightFit);
    const keys: string[] = [];
    browser.context.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith(`/api/claims/${claim.id}/backfill`)) keys.push(request.headers()['idempotency-key'] ?? '');
    });
    await panel.submit();
    await panel.heading('Synced and Approved').waitFor({ timeout: 30_000 });
    const backfill = await (await sandbox.api(`/api/claims/${claim.id}/backfill`)).json();
    expect(backfill.lines).toHaveLength(Object.keys(allocation).length);
    // The reply to the first request was lost: the claim was re-read, found Synced and Approved
    // under our key, and nothing was sent again.
    expect(keys).toEqual([backfill.idempotencyKey]);
  });

  it('a 201 is success: when the read of the claim after it fails, the panel shows Synced and Approved and reads the claim again', async () => {
    await fresh();
    const { claim, panel } = await openAllocated(SEED_CLAIMS.ordinaryMechanical);
    let created = false;
    let failedReads = 0;
    await browser.context.route(`**/api/claims/${claim.id}/backfill`, async (route) => {
      const response = await route.fetch();
      if (response.status() === 201) created = true;
      await route.fulfill({ response });
    });
    // The host fails the next two reads of the claim, as it may at --fail-rate 0.5.
    await browser.context.route(`**/api/claims/${claim.id}`, async (route) => {
      if (!created || failedReads >= 2) return route.continue();
      failedReads++;
      await route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: 'The sandbox failed.' }) });
    });
    await panel.submit();
    await panel.heading('Synced and Approved').waitFor({ timeout: 20_000 });
    expect(await panel.frame.getByText('Nothing more was sent').count()).toBe(0);
    // Read again in the background: the host's own percent complete replaces the worked-out one.
    await panel.frame.getByText('reading the claim back from the host').waitFor({ state: 'detached', timeout: 20_000 });
    expect(failedReads).toBe(2);
    expect((await sandbox.api(`/api/claims/${claim.id}/backfill`)).status).toBe(200);
  });
});
