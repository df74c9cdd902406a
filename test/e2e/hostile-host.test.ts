import type { BrowserContext, Frame, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { buildPanelHash } from '../../lib/panel-link';
import { DECOY_ROW, HOSTILE_TEXT } from '../../sandbox/hostile';
import { SEED_CLAIMS, SEED_CONTRACTS } from '../../sandbox/seed';
import { PanelPage } from './panel-page';
import { LINK_BUTTON_NAME, ReconciliationPage } from './reconciliation-page';
import { hostAndBrowserPerTest } from './sandbox-session';

// The hostile sandbox (`--scale hostile`, `/?hostile=1`): a claim whose every text is an attack, on a
// page that clobbers globals, floods every frame with forged messages, presses our buttons from script,
// frames the panel page itself nearly transparent, and adds a row whose claim id is `..`.
const start = hostAndBrowserPerTest();

/** Every request the browser makes (pages, panel, worker), the backfill posts with their frame, and every dialog a page opens. */
function watch(context: BrowserContext, page: Page) {
  const requests: URL[] = [];
  const posts: { url: string; frame: Frame | null }[] = [];
  const dialogs: string[] = [];
  context.on('request', (request) => {
    requests.push(new URL(request.url()));
    if (request.method() !== 'POST') return;
    let frame: Frame | null = null;
    try {
      frame = request.frame();
    } catch {
      // A request of the service worker has no frame.
    }
    posts.push({ url: request.url(), frame });
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { requests, posts, dialogs };
}

/** The host paths requested, with their query: only the page's own, and the claim's and its SOV's. */
function hostRequests(requests: URL[], origin: string): string[] {
  const elsewhere = requests.filter((url) => url.protocol !== 'chrome-extension:' && url.protocol !== 'data:' && url.origin !== origin);
  expect(elsewhere.map(String)).toEqual([]);
  return [...new Set(requests.filter((url) => url.origin === origin).map((url) => url.pathname + url.search))];
}

/**
 * What hostile text would have left had it been parsed as markup anywhere: `window.__xss` set (were
 * a CSP ever loosened), or the elements and handlers themselves (which a CSP would not remove).
 */
async function markupMarks(page: Page, panel?: Frame) {
  const marks = () => {
    const xss = (window as unknown as { __xss?: unknown }).__xss;
    const elements = document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload]').length;
    return xss === undefined && elements === 0 ? null : { xss, elements };
  };
  return [await page.evaluate(marks), panel ? await panel.evaluate(marks) : null];
}

it('on the hostile claim and page: texts shown literally, nothing runs, forged messages and clicks change nothing, no request leaves for another path, and only a visible confirm submits', async () => {
  const { sandbox, browser } = await start({ scale: 'hostile' });
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  const { requests, posts, dialogs } = watch(browser.context, page);
  const reconciliation = new ReconciliationPage(page);
  // The page frames the panel page at this claim's panel address, whether or not a page stood by.
  const hostilePage = `/?hostile=1&ids=none&frame=${encodeURIComponent(buildPanelHash({ claimId: SEED_CLAIMS.hostile }))}`;
  await reconciliation.goto(new URL(hostilePage, sandbox.url).href);

  // Found by what the row shows: contract and the path-shaped invoice number, sent only as a query.
  await page.locator('tbody tr', { hasText: 'SC-6660' }).getByRole('button', { name: LINK_BUTTON_NAME, exact: true }).click();
  const panel = new PanelPage(reconciliation.panel());
  await panel.heading('Yardi claim').waitFor();
  const frame = await reconciliation.panelFrame();
  expect(await panel.frame.locator('dd', { hasText: 'SREDLIUB' }).textContent()).toBe(HOSTILE_TEXT.vendorName);
  expect(await panel.frame.locator('dd', { hasText: '../../api' }).textContent()).toBe(HOSTILE_TEXT.invoiceNumber);
  await panel.button('Build the Procore version').click();
  for (const description of HOSTILE_TEXT.descriptions.slice(0, 3)) {
    await panel.frame.locator('.ag-cell').filter({ hasText: description }).first().waitFor();
  }

  // The page frames the panel page at the claim's panel address, nearly transparent: there a
  // claim can be allocated, but a click on Submit is refused, and nothing is sent.
  const stolen = page.frameLocator('#stolen-panel');
  const inStolen = new PanelPage(stolen);
  await inStolen.button('Build the Procore version').click();
  await inStolen.button('Spread every code').click();
  await inStolen.button('Review and submit').click();
  await stolen.locator('button[data-visible="false"]', { hasText: 'Submit backfill' }).click();
  await stolen.getByText('partly covered or hidden').waitFor();

  // Forged messages by the thousand, and script clicks on every button: the panel stays open on its
  // claim, the row never says backfilled, and the host has no backfill.
  await expect.poll(() => page.evaluate(() => Number(document.documentElement.dataset.forged)), { timeout: 10_000 }).toBeGreaterThan(1000);
  expect(await reconciliation.panelIframe().isVisible()).toBe(true);
  expect((await reconciliation.panelLink()).contract).toBe('SC-6660');
  expect(await reconciliation.rowsBackfilled()).toEqual([]);
  expect(posts).toEqual([]);
  expect((await sandbox.api(`/api/claims/${SEED_CLAIMS.hostile}/backfill`)).status).toBe(404);

  // The deliberate way: the docked panel, seen, confirmed. One request, from the docked panel.
  await panel.button('Review and submit').click();
  await panel.submit();
  await panel.heading('Synced and Approved').waitFor({ timeout: 20_000 });
  expect(posts.map(({ url, frame: from }) => [new URL(url).pathname, from === frame])).toEqual([[`/api/claims/${SEED_CLAIMS.hostile}/backfill`, true]]);
  expect((await sandbox.api(`/api/claims/${SEED_CLAIMS.hostile}/backfill`)).status).toBe(200);

  expect(await markupMarks(page, frame)).toEqual([null, null]);
  expect(dialogs).toEqual([]);
  const paths = hostRequests(requests, sandbox.url);
  const ownPages = paths.filter((path) => !path.startsWith('/api/'));
  expect(ownPages).toEqual([hostilePage]);
  const api = paths.filter((path) => path.startsWith('/api/')).map((path) => path.replace(/\?.*/, '?…'));
  expect(new Set(api)).toEqual(
    new Set([
      '/api/claims?…',
      `/api/claims/${SEED_CLAIMS.hostile}`,
      `/api/contracts/${SEED_CONTRACTS.hostile}/sov`,
      `/api/claims/${SEED_CLAIMS.hostile}/backfill`,
    ]),
  );
});

it('a row whose claim id is ".." opens a panel that says it cannot be read there, and sends nothing to another path', async () => {
  const { sandbox, browser } = await start({ scale: 'hostile' });
  const page = await browser.context.newPage();
  const { requests, dialogs } = watch(browser.context, page);
  const reconciliation = new ReconciliationPage(page);
  await reconciliation.goto(new URL('/?hostile=1', sandbox.url).href);

  const decoy = page.locator('[data-decoy]');
  expect(await decoy.getAttribute('data-claim-id')).toBe(DECOY_ROW.claimId);
  await decoy.getByRole('button', { name: LINK_BUTTON_NAME, exact: true }).click();
  const panel = new PanelPage(reconciliation.panel());
  await panel.frame.getByText('it would point at another address. Nothing was sent.').waitFor();

  expect(await markupMarks(page, await reconciliation.panelFrame())).toEqual([null, null]);
  expect(dialogs).toEqual([]);
  expect(hostRequests(requests, sandbox.url).filter((path) => path.startsWith('/api/'))).toEqual([]);
});
