import { defineContentScript } from 'wxt/utils/define-content-script';
import { HOST_MATCHES, isBuiltInHost } from '@/lib/hosts';
import { askDraftMarks, askToOpen, receivePageMessages } from './extension-messages';
import { LINK_BUTTON_EVENTS, LINK_BUTTON_TAG, LinkButtons } from './link-buttons';
import { guarded, logOnce } from './log';
import { watchPage } from './page-watcher';
import { PANEL_DOCK_TAG, PanelDock } from './panel-dock';
import { PANEL_STANDBY_TAG } from './panel-standby';
import { RowMarks } from './row-marks';
import { ReconciliationScan } from './scan';
import { showReloadNotice } from './reload-notice';
import { browser } from 'wxt/browser';

// "Link Progress Claim" beside each mismatched reconciliation row; the button opens the docked panel.
export default defineContentScript({
  matches: [...HOST_MATCHES],
  // Before the page has any DOM: `<form id="chrome">` shadows the extension API in a content script's
  // global scope (seen in Chromium 156), so `browser` must be captured before such an element exists.
  runAt: 'document_start',
  main(ctx) {
    const dock = new PanelDock(ctx, (key) => buttons.focusTargetFor(key));
    // The panel may be framed only on built-in hosts (S6); on a company host it opens in a tab.
    const docked = isBuiltInHost(location.origin);
    const buttons = new LinkButtons(
      document,
      guarded('Opening the panel', (claim) => {
        if (ctx.isInvalid) return; // cut off from the extension: the reload notice says so
        const opening = docked ? dock.open(claim) : askToOpen(claim);
        opening.catch((error: unknown) => logOnce(`Opening the panel failed: ${String(error)}`));
      }),
      guarded('Reading a claim ahead', (claim) => {
        // Not `ctx.isInvalid`, which would end this script: cut off from the extension, the click that
        // follows says so, not a pointer passing over a button.
        if (docked && !ctx.signal.aborted && browser.runtime?.id != null) dock.readAhead(claim);
      }),
    );
    // Now, at document_start, so these run before any listener a page script adds.
    const onButtonEvent = guarded('Handling a button event', buttons.handlePageEvent);
    for (const type of LINK_BUTTON_EVENTS) ctx.addEventListener(window, type, onButtonEvent, { capture: true });
    ctx.addEventListener(window, 'pointerover', guarded('Following the pointer', buttons.handleHover), { capture: true });
    const scan = new ReconciliationScan(document, buttons);
    const marks = new RowMarks(buttons, askDraftMarks);
    ctx.onInvalidated(() => {
      const hadButtons = buttons.count > 0;
      buttons.removeAll();
      // The extension itself is gone (updated, reloaded, turned off), not replaced by a newer copy of this script.
      if (hadButtons && browser.runtime?.id == null) showReloadNotice(document);
    });
    receivePageMessages(ctx, {
      'panel/close': () => void dock.close(),
      'claim/submitted': ({ claimId, row }) => scan.markSubmitted(row ?? { claimId }),
      'drafts/changed': () => marks.refresh(),
    });
    // Drafts saved in another tab meanwhile show when the user comes back to this one.
    ctx.addEventListener(document, 'visibilitychange', () => {
      if (document.visibilityState === 'visible') marks.refresh();
    });
    const ownTags = new Set([LINK_BUTTON_TAG, PANEL_DOCK_TAG, PANEL_STANDBY_TAG].map((tag) => tag.toUpperCase()));
    const start = () =>
      watchPage(ctx, {
        ownTags,
        scan: (budgetMs) => scan.run(budgetMs),
        scanned: () => {
          marks.follow();
          // A page with a row to link will likely open the panel: have its page ready by then.
          if (docked && buttons.count > 0) dock.prepare();
        },
        buttonsRemoved: () => buttons.anyRemoved(),
      });
    // Scanning a half-parsed page every frame would be wasted work: start once the DOM is complete.
    if (document.readyState === 'loading') ctx.addEventListener(document, 'DOMContentLoaded', start, { once: true });
    else start();
  },
});
