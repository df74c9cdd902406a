import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { guarded } from './log';

const OBSERVED: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['data-claim-id', 'role', 'aria-colindex', 'aria-colspan', 'colspan'],
};

/**
 * Runs `scan` once now and again after the page changes: any number of DOM mutations within a frame
 * cost one scan in the next animation frame. Our own elements coming and going are not changes, or
 * every scan that places a button would schedule another.
 */
export function watchPage(ctx: ContentScriptContext, ownTags: ReadonlySet<string>, scan: () => void): void {
  let scheduled = false;
  const runScan = guarded('Scanning the reconciliation table', () => {
    scheduled = false;
    // Not listening while the scan places hundreds of buttons: their records would only be sifted
    // out again. Records the page left pending are dropped too, and this scan covers them.
    observer.disconnect();
    try {
      scan();
    } finally {
      if (ctx.isValid) observer.observe(document, OBSERVED);
    }
  });
  const scheduleScan = () => {
    if (scheduled || ctx.isInvalid) return;
    scheduled = true;
    ctx.requestAnimationFrame(runScan);
  };

  // Stops at the first node that is not ours: a re-render adds thousands, and one is enough to know.
  const changesPage = (record: MutationRecord) => {
    if (record.type !== 'childList') return true;
    for (const node of record.addedNodes) if (!ownTags.has(node.nodeName)) return true;
    for (const node of record.removedNodes) if (!ownTags.has(node.nodeName)) return true;
    return false;
  };
  const observer = new MutationObserver(
    guarded('Watching the page', (records: MutationRecord[]) => {
      if (records.some(changesPage)) scheduleScan();
    }),
  );
  observer.observe(document, OBSERVED);
  ctx.onInvalidated(() => observer.disconnect());
  // An SPA route change may reuse the table's nodes and change only what we do not observe: rescan.
  ctx.addEventListener(window, 'wxt:locationchange', scheduleScan);
  scheduleScan();
}
