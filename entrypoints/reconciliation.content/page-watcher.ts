import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { guarded } from './log';
import { GRID_SELECTOR } from './reconciliation-table';

const OBSERVED: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['data-claim-id', 'role', 'aria-colindex', 'aria-colspan', 'colspan'],
};

/**
 * Main-thread time a scan may take before it gives the page its turn (then it carries on). Generous
 * on purpose: a scan that finishes in the animation frame after the page's change places its buttons
 * before the browser lays the page out, so the page is laid out once. Scans cut into short slices
 * cost the page a layout per slice: measured on a 2,000-row table, 3 ms slices took twice the style
 * and layout time and 400 ms before every button showed. Only a table far larger than that is sliced.
 */
const SLICE_BUDGET_MS = 50;

export interface PageWatch {
  /** Our own elements, by node name (upper case): their coming and going is not a page change. */
  ownTags: ReadonlySet<string>;
  /** Scans for about `budgetMs`, carrying on from where the last slice stopped; true once the scan is done. */
  scan(budgetMs: number): boolean;
  /** After a scan finished. */
  scanned(): void;
  /** True when some of our buttons left the page (a removal outside any table took them). */
  buttonsRemoved(): boolean;
}

/**
 * Runs a scan now and again after the page changes in a way a scan could see: any number of DOM
 * mutations within a frame cost one scan in the next animation frame, and changes outside tables and
 * grids (a clock ticking, a menu opening) cost none. A very long scan runs in slices with the page's
 * turn between them; changes during a scan start another one after it.
 */
export function watchPage(ctx: ContentScriptContext, watch: PageWatch): void {
  let scheduled = false;
  let scanning = false;
  let changed = false;

  const runSlice = guarded('Scanning the reconciliation table', () => {
    scheduled = false;
    // Changes not yet delivered: a pass starting now covers them; one under way must run again after.
    const pending = observer.takeRecords();
    if (!scanning) {
      scanning = true;
      changed = false;
    } else if (changesScan(pending)) {
      changed = true;
    }
    // Not listening while a slice places hundreds of buttons: their records would only be sifted out.
    observer.disconnect();
    let finished = true;
    try {
      finished = watch.scan(SLICE_BUDGET_MS);
    } finally {
      if (ctx.isValid) observer.observe(document, OBSERVED);
    }
    if (!finished) {
      scheduled = true;
      // A task, not a frame: the scan finishes as soon as the page has had its turn.
      ctx.setTimeout(runSlice, 0);
      return;
    }
    scanning = false;
    watch.scanned();
    if (changed) scheduleScan();
  });
  const scheduleScan = () => {
    changed = true;
    if (scheduled || scanning || ctx.isInvalid) return;
    scheduled = true;
    ctx.requestAnimationFrame(runSlice);
  };

  /** Whether any of these records could change what a scan finds. */
  const changesScan = (records: MutationRecord[]): boolean => {
    let removals = false;
    for (const record of records) {
      const target = record.target instanceof Element ? record.target : record.target.parentElement;
      if (record.type === 'attributes') {
        if (record.attributeName === 'role' || inGrid(target)) return true;
      } else if (record.type === 'characterData') {
        if (inGrid(target)) return true;
      } else if (!onlyOurs(record, watch.ownTags)) {
        if (inGrid(target)) return true;
        // Added outside any grid: only a grid among what was added (not one already there) needs a scan.
        if (addsGrid(record.addedNodes)) return true;
        removals ||= hasElement(record.removedNodes);
      }
    }
    // Removed outside any grid: only a removal that took our buttons with it needs a scan.
    return removals && watch.buttonsRemoved();
  };
  const observer = new MutationObserver(
    guarded('Watching the page', (records: MutationRecord[]) => {
      if (changesScan(records)) scheduleScan();
    }),
  );
  observer.observe(document, OBSERVED);
  ctx.onInvalidated(() => observer.disconnect());
  // An SPA route change may reuse the table's nodes and change only what we do not observe: rescan.
  ctx.addEventListener(window, 'wxt:locationchange', scheduleScan);
  scheduleScan();
}

function inGrid(element: Element | null): boolean {
  return element !== null && element.closest(GRID_SELECTOR) !== null;
}

function addsGrid(nodes: NodeList): boolean {
  for (const node of nodes) if (node instanceof Element && (node.matches(GRID_SELECTOR) || node.querySelector(GRID_SELECTOR) !== null)) return true;
  return false;
}

function hasElement(nodes: NodeList): boolean {
  for (const node of nodes) if (node.nodeType === Node.ELEMENT_NODE) return true;
  return false;
}

// Stops at the first node that is not ours: a re-render adds thousands, and one is enough to know.
function onlyOurs(record: MutationRecord, ownTags: ReadonlySet<string>): boolean {
  for (const node of record.addedNodes) if (!ownTags.has(node.nodeName)) return false;
  for (const node of record.removedNodes) if (!ownTags.has(node.nodeName)) return false;
  return true;
}
