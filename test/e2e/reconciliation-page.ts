import type { Frame, FrameLocator, Locator, Page } from 'playwright-core';
import { STANDBY_PARAM } from '../../lib/panel-link';

export const LINK_BUTTON_NAME = 'Link Progress Claim';

/**
 * The host's reconciliation page as a user sees it with Backfill: rows, their "Link Progress Claim"
 * buttons (in open shadow roots, which Playwright's CSS and role locators pierce) and the docked panel.
 */
export class ReconciliationPage {
  constructor(readonly page: Page) {}

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
    await this.settle();
  }

  /** Waits until mutations made so far have been scanned: scans run in the next animation frame. */
  async settle(): Promise<void> {
    await this.page.evaluate(
      () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
    );
  }

  linkButtons(): Locator {
    return this.page.getByRole('button', { name: LINK_BUTTON_NAME, exact: true });
  }

  /** The row (a `<tr>` or an ARIA row) whose `data-claim-id` or `data-row-key` is `key`. */
  row(key: string): Locator {
    return this.page.locator(`[data-claim-id="${key}"], [data-row-key="${key}"]`);
  }

  linkButtonOf(key: string): Locator {
    return this.row(key).getByRole('button', { name: LINK_BUTTON_NAME, exact: true });
  }

  /**
   * The rows that have a button, by key, one entry per button host (so a duplicate shows twice),
   * sorted. Also checks each host has an open shadow root holding exactly one button. Rows showing
   * they were backfilled (`rowsBackfilled`) have no button.
   */
  async rowsWithButtons(): Promise<string[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('backfill-link-claim')]
        .filter((host) => host.shadowRoot?.querySelector('button')?.hidden !== true)
        .map((host) => {
          const row = host.closest('tr, [role="row"]');
          const key = row?.getAttribute('data-claim-id') ?? row?.getAttribute('data-row-key') ?? '?';
          const buttons = host.shadowRoot?.querySelectorAll('button').length ?? 0;
          return buttons === 1 ? key : `${key} (${buttons} buttons, shadow root ${host.shadowRoot ? 'open' : 'missing'})`;
        })
        .sort(),
    );
  }

  /** The rows saying "Backfilled — refresh to see it" in place of their button, by key, sorted. */
  async rowsBackfilled(): Promise<string[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('backfill-link-claim')]
        .filter((host) => host.shadowRoot?.querySelector<HTMLElement>('.backfilled')?.hidden === false)
        .map((host) => host.closest('tr, [role="row"]')?.getAttribute('data-claim-id') ?? '?')
        .sort(),
    );
  }

  dock(): Locator {
    return this.page.locator('backfill-panel-dock');
  }

  panelIframe(): Locator {
    return this.dock().locator('iframe');
  }

  panel(): FrameLocator {
    return this.page.frameLocator('backfill-panel-dock iframe');
  }

  closeButton(): Locator {
    return this.dock().getByRole('button', { name: 'Close the Backfill panel' });
  }

  resizeHandle(): Locator {
    return this.dock().getByRole('separator', { name: 'Resize the Backfill panel' });
  }

  /** The panel's frame once its extension page has loaded. */
  async panelFrame(): Promise<Frame> {
    const element = await this.panelIframe().elementHandle({ timeout: 10_000 });
    if (element === null) throw new Error('No panel iframe');
    const frame = await element.contentFrame();
    if (frame === null) throw new Error('The panel iframe has no frame');
    // The iframe starts at about:blank, then the dynamic URL lands on the extension's origin.
    await frame.waitForURL(/^chrome-extension:\/\/[a-p]{32}\/panel\.html#/, { waitUntil: 'load' });
    return frame;
  }

  /**
   * The claim the panel page opened, as the fields of its URL's fragment: the URL it was loaded at, or
   * the one it took when the dock named the claim to a page that stood by.
   */
  async panelLink(): Promise<Record<string, string>> {
    const frame = await this.panelFrame();
    const hash = await frame.waitForFunction((standby) => (new URLSearchParams(location.hash.slice(1)).has(standby) ? undefined : location.hash), STANDBY_PARAM, { timeout: 10_000 });
    return Object.fromEntries(new URLSearchParams(((await hash.jsonValue()) as string).slice(1)));
  }

  /** What the panel itself would send: runs `chrome.runtime.sendMessage` inside the panel frame. */
  async sendFromPanel(message: unknown): Promise<unknown> {
    const frame = await this.panelFrame();
    return frame.evaluate((body) => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(body: unknown): Promise<unknown> } } };
      return chrome.runtime.sendMessage(body);
    }, message);
  }

  /** `panel/close` as the panel sends it; not awaiting the reply, which dies with the closed frame. */
  async closeFromPanel(): Promise<void> {
    const frame = await this.panelFrame();
    await frame.evaluate(() => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(body: unknown): Promise<unknown> } } };
      void chrome.runtime.sendMessage({ type: 'panel/close' });
    });
  }

  /** The claim key of the row whose button has focus (in its shadow root), or null. */
  async focusedButtonRow(): Promise<string | null> {
    return this.page.evaluate(() => {
      const host = document.activeElement;
      if (host?.tagName !== 'BACKFILL-LINK-CLAIM' || host.shadowRoot?.activeElement?.tagName !== 'BUTTON') return null;
      const row = host.closest('tr, [role="row"]');
      return row?.getAttribute('data-claim-id') ?? row?.getAttribute('data-row-key') ?? null;
    });
  }
}
