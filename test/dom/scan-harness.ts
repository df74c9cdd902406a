import { afterEach, beforeEach, vi } from 'vitest';
import { LINK_BUTTON_EVENTS, type LinkButtons } from '../../entrypoints/reconciliation.content/link-buttons';
import type { ReconciliationScan } from '../../entrypoints/reconciliation.content/scan';
import type { ClaimIdentity } from '../../lib/claim-identity';

export interface ScanHarness {
  /** The identities handed to the panel opener, in click order. */
  linked: ClaimIdentity[];
  buttons: LinkButtons;
  scan: ReconciliationScan;
}

/**
 * The content script's scan and buttons wired as `index.ts` wires them (listeners on window, capture
 * phase, before the page's own), fresh for each test: modules are reloaded because the content script
 * logs each reason once per page, and each test is a new page. Load the fixture before this runs.
 */
export function useScan(): ScanHarness {
  const harness = {} as ScanHarness;
  beforeEach(async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.resetModules();
    const { LinkButtons } = await import('../../entrypoints/reconciliation.content/link-buttons');
    const { ReconciliationScan } = await import('../../entrypoints/reconciliation.content/scan');
    harness.linked = [];
    harness.buttons = new LinkButtons(document, (claim) => harness.linked.push(claim));
    harness.scan = new ReconciliationScan(document, harness.buttons);
    for (const type of LINK_BUTTON_EVENTS) window.addEventListener(type, harness.buttons.handlePageEvent, { capture: true });
  });
  afterEach(() => {
    for (const type of LINK_BUTTON_EVENTS) window.removeEventListener(type, harness.buttons.handlePageEvent, { capture: true });
    vi.restoreAllMocks();
  });
  return harness;
}

/** A click as the user makes it: trusted, unlike one a page script dispatches. */
export function userClick(target: Element): void {
  const event = new MouseEvent('click', { bubbles: true, composed: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
}
