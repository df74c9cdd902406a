import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Browser, Window, type HTMLButtonElement, type HTMLInputElement, type HTMLSelectElement } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { StateSchema } from '../../sandbox/model';
import { GRID_COLUMNS, TABLE_COLUMNS } from '../../sandbox/pages/columns';
import { SEED_CLAIMS, SEED_CONTRACTS } from '../../sandbox/seed';
import { getText, postBackfill, useSandboxes, validLines } from './helpers';

const sandboxes = useSandboxes();
const browsers: Browser[] = [];
afterEach(async () => {
  await Promise.all(browsers.splice(0).map((browser) => browser.close()));
});

/** Parses HTML without running scripts, to read the server's markup as a browser would. */
function parse(html: string, url: string) {
  const window = new Window({ url });
  window.document.write(html);
  return window.document;
}

type Doc = ReturnType<typeof parse>;

/** Each data row as the extension reads it: its attributes and its cells' text and classes. */
function rowsOf(document: Doc) {
  return [...document.querySelectorAll('[data-rows] > *')].map((row) => ({
    tag: row.tagName,
    role: row.getAttribute('role'),
    claimId: row.getAttribute('data-claim-id'),
    contractId: row.getAttribute('data-contract-id'),
    cells: [...row.children].map((cell) => ({ tag: cell.tagName, role: cell.getAttribute('role'), className: cell.className, text: cell.textContent })),
  }));
}

function cellText(document: Doc, claimId: string, column: number): string | null {
  return document.querySelector(`[data-claim-id="${claimId}"]`)!.children[column]!.textContent;
}

describe('reconciliation page', () => {
  it('renders a table with the reconciliation columns and one row per payment', async () => {
    const { url } = await sandboxes.start();
    const { status, text, headers } = await getText(url, '/');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
    const document = parse(text, url);
    expect([...document.querySelectorAll('table thead th')].map((th) => th.textContent)).toEqual([
      'Contract', 'Vendor', 'Invoice #', 'Invoice date', 'Yardi PTD', 'Procore', 'Difference', 'Status',
    ]);
    const rows = [...document.querySelectorAll('table tbody tr')];
    expect(rows.map((row) => row.getAttribute('data-claim-id'))).toContain(SEED_CLAIMS.ordinary);
    expect(rows).toHaveLength(14);
    expect(rows.every((row) => row.getAttribute('data-contract-id'))).toBe(true);
    expect(document.querySelector('.topbar')!.textContent).toContain('Riverside Medical Office Building');
    expect(document.querySelector('.card table')).not.toBeNull();
  });

  it('shows amounts as $12,345.00, credits in parentheses, a dash for nothing in Procore', async () => {
    const { url } = await sandboxes.start();
    const document = parse((await getText(url, '/')).text, url);
    const yardi = cellText(document, SEED_CLAIMS.ordinary, 4)!;
    expect(yardi).toMatch(/^\$\d{1,3}(,\d{3})*\.\d{2}$/);
    expect(cellText(document, SEED_CLAIMS.ordinary, 5)).toBe('—');
    expect(cellText(document, SEED_CLAIMS.ordinary, 6)).toBe(yardi);
    expect(cellText(document, SEED_CLAIMS.credit, 4)).toMatch(/^\(\$[\d,]+\.\d{2}\)$/);
    expect(cellText(document, SEED_CLAIMS.alreadyBackfilled, 5)).toBe(cellText(document, SEED_CLAIMS.alreadyBackfilled, 4));
    expect(cellText(document, SEED_CLAIMS.alreadyBackfilled, 6)).toBe('$0.00');
    expect(cellText(document, SEED_CLAIMS.alreadyBackfilled, 7)).toBe('Synced and Approved');
  });

  it('shows a backfilled claim as matched', async () => {
    const { url } = await sandboxes.start();
    await postBackfill(url, SEED_CLAIMS.ordinary, { lines: await validLines(url, SEED_CLAIMS.ordinary) }, 'k');
    const document = parse((await getText(url, '/')).text, url);
    expect(cellText(document, SEED_CLAIMS.ordinary, 5)).toBe(cellText(document, SEED_CLAIMS.ordinary, 4));
    expect(cellText(document, SEED_CLAIMS.ordinary, 6)).toBe('$0.00');
  });

  it('filters by contract and differences from the query', async () => {
    const { url } = await sandboxes.start();
    const document = parse((await getText(url, `/?contract=${SEED_CONTRACTS.finishes}&differences=1`)).text, url);
    expect(rowsOf(document).map((row) => row.claimId)).toEqual([SEED_CLAIMS.credit]);
    // Attributes rather than .value: happy-dom does not honour `selected` when parsing.
    expect(document.querySelector('#contract-filter option[selected]')!.getAttribute('value')).toBe(SEED_CONTRACTS.finishes);
    expect(document.querySelector('#only-differences')!.hasAttribute('checked')).toBe(true);
  });

  it('renders an ARIA grid with reordered, oddly written headers at ?layout=grid', async () => {
    const { url } = await sandboxes.start();
    const { status, text } = await getText(url, '/?layout=grid');
    expect(status).toBe(200);
    const document = parse(text, url);
    expect(document.querySelector('table')).toBeNull();
    const grid = document.querySelector('div[role="grid"]')!;
    expect([...grid.querySelectorAll('[role="columnheader"]')].map((cell) => cell.textContent)).toEqual(GRID_COLUMNS.map((column) => column.header));
    expect(GRID_COLUMNS.map((column) => column.header)).toContain('  yardi   PTD ');
    const rows = grid.querySelectorAll('[data-rows] > div[role="row"]');
    expect(rows).toHaveLength(14);
    const row = grid.querySelector(`[role="row"][data-claim-id="${SEED_CLAIMS.ordinary}"]`)!;
    expect(row.getAttribute('data-contract-id')).toBe(SEED_CONTRACTS.concrete);
    expect([...row.querySelectorAll('[role="gridcell"]')]).toHaveLength(GRID_COLUMNS.length);
    expect(GRID_COLUMNS.map((column) => column.key)).not.toEqual(TABLE_COLUMNS.map((column) => column.key));
  });

  it('allows only its own nonce-carrying script', async () => {
    const { url } = await sandboxes.start();
    const { text, headers } = await getText(url, '/');
    const nonce = /script-src 'nonce-([^']+)'/.exec(headers.get('content-security-policy') ?? '')?.[1];
    expect(nonce).toBeTruthy();
    const scripts = [...parse(text, url).querySelectorAll('script')];
    expect(scripts.map((script) => script.getAttribute('nonce'))).toEqual([nonce]);
    expect(text).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)[a-z]/i);
  });

  it.each(['/', '/?layout=grid'])('re-creates the rows from the API on filter change and Refresh (%s), as the server renders them', async (path) => {
    const { url } = await sandboxes.start();
    const browser = new Browser({ settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true } });
    browsers.push(browser);
    const page = browser.newPage();
    const errors: string[] = [];
    page.virtualConsolePrinter.addEventListener('print', () => {
      for (const entry of page.virtualConsolePrinter.read()) if (entry.level >= 3) errors.push(String(entry.message));
    });
    await page.goto(new URL(path, url).href);
    await page.waitUntilComplete();
    const document = page.mainFrame.document;
    const window = page.mainFrame.window;
    const firstRow = document.querySelector('[data-rows] > *');

    const select = document.querySelector<HTMLSelectElement>('#contract-filter')!;
    select.value = SEED_CONTRACTS.mechanical;
    select.dispatchEvent(new window.Event('change', { bubbles: true }));
    await page.waitUntilComplete();
    const separator = path.includes('?') ? '&' : '?';
    const expected = parse((await getText(url, `${path}${separator}contract=${SEED_CONTRACTS.mechanical}`)).text, url);
    expect(rowsOf(document)).toEqual(rowsOf(expected));
    expect(rowsOf(document).map((row) => row.contractId)).toEqual([SEED_CONTRACTS.mechanical, SEED_CONTRACTS.mechanical, SEED_CONTRACTS.mechanical]);
    expect(window.location.search).toContain(`contract=${SEED_CONTRACTS.mechanical}`);

    const differences = document.querySelector<HTMLInputElement>('#only-differences')!;
    differences.checked = true;
    differences.dispatchEvent(new window.Event('change', { bubbles: true }));
    await page.waitUntilComplete();
    const beforeRefresh = document.querySelector('[data-rows] > *');
    expect(rowsOf(document).map((row) => row.claimId)).toEqual([SEED_CLAIMS.ordinaryMechanical, SEED_CLAIMS.ordinaryMechanicalLater]);

    // A backfill elsewhere, then Refresh: the row goes (it no longer differs) and rows are new elements.
    await postBackfill(url, SEED_CLAIMS.ordinaryMechanical, { lines: await validLines(url, SEED_CLAIMS.ordinaryMechanical) }, 'refresh');
    document.querySelector<HTMLButtonElement>('#refresh')!.click();
    await page.waitUntilComplete();
    expect(rowsOf(document).map((row) => row.claimId)).toEqual([SEED_CLAIMS.ordinaryMechanicalLater]);
    expect(document.querySelector('#row-count')!.textContent).toBe('Showing 1 of 14 payments');
    expect(document.querySelector('[data-rows] > *')).not.toBe(beforeRefresh);
    expect(firstRow!.isConnected).toBe(false);
    expect(errors).toEqual([]);
  });
});

describe('contract room', () => {
  it('shows the SOV with codes, percent complete, balance to finish and totals', async () => {
    const { url } = await sandboxes.start();
    const { status, text } = await getText(url, `/contracts/${SEED_CONTRACTS.concrete}`);
    expect(status).toBe(200);
    const document = parse(text, url);
    expect([...document.querySelectorAll('#sov thead th')].map((th) => th.textContent)).toEqual([
      'Line #', 'Category code', 'Description', 'Scheduled value', 'Claimed to date', '% complete', 'Balance to finish',
    ]);
    const rows = document.querySelectorAll('#sov tbody tr');
    expect(rows).toHaveLength(10);
    const cells = [...rows[5]!.querySelectorAll('td')].map((cell) => cell.textContent);
    expect(cells.slice(0, 4)).toEqual(['6', '03-300', 'Footings and grade beams', '$126,400.00']);
    expect(cells[5]).toMatch(/^\d+\.\d{2}%$/);
    expect(document.querySelector('#sov tfoot')!.textContent).toContain('Contract totals');
    expect(document.querySelector('#total-scheduled')!.textContent).toBe('$832,500.00');
  });

  it('shows percent complete moving up after a backfill', async () => {
    const { url } = await sandboxes.start();
    const before = parse((await getText(url, `/contracts/${SEED_CONTRACTS.nearlyFullGlazing}`)).text, url);
    expect(before.querySelector('#total-percent')!.textContent).not.toBe('100.00%');
    await postBackfill(url, SEED_CLAIMS.tightFit, { lines: await validLines(url, SEED_CLAIMS.tightFit) }, 'k');
    const after = parse((await getText(url, `/contracts/${SEED_CONTRACTS.nearlyFullGlazing}`)).text, url);
    expect(after.querySelector('#total-percent')!.textContent).toBe('100.00%');
    expect(after.querySelector('#total-balance')!.textContent).toBe('$0.00');
  });

  it('warns on an uncoded SOV and lists contracts', async () => {
    const { url } = await sandboxes.start();
    expect((await getText(url, `/contracts/${SEED_CONTRACTS.uncodedSitework}`)).text).toContain('no category codes');
    const list = parse((await getText(url, '/contracts')).text, url);
    expect(list.querySelectorAll('#contracts tbody tr')).toHaveLength(6);
  });

  it.each([
    ['/contracts/C-9999', 404],
    ['/nothing', 404],
  ])('answers %s with %i', async (path, code) => {
    const { url } = await sandboxes.start();
    const { status, text } = await getText(url, path);
    expect(status).toBe(code);
    expect(text).toContain('Page not found');
  });

  it('answers 405 to a POST on a page', async () => {
    const { url } = await sandboxes.start();
    const response = await fetch(new URL('/', url), { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('hostile data', () => {
  const VENDOR = `<script>alert("pwned")</script> O'Brien & "Sons" <img src=x onerror=alert(1)>`;
  const CLAIM_ID = `YC-1001" onmouseover="alert(1)`;
  const TITLE = '</title><style>body{display:none}</style>';

  it('is escaped everywhere it is shown and reads back exactly', async () => {
    const dataDir = await sandboxes.dataDir();
    const seeded = await sandboxes.start({ dataDir });
    await seeded.close();
    // The test hook: edit the data file, then start again on it.
    const file = join(dataDir, 'sandbox.json');
    const state = StateSchema.parse(JSON.parse(await readFile(file, 'utf8')));
    const claim = state.claims.find((candidate) => candidate.id === SEED_CLAIMS.ordinary)!;
    claim.vendorName = VENDOR;
    claim.id = CLAIM_ID;
    const contract = state.contracts.find((candidate) => candidate.id === SEED_CONTRACTS.concrete)!;
    contract.title = TITLE;
    contract.vendorName = VENDOR;
    contract.number = '<b>SC-1042</b>';
    await writeFile(file, JSON.stringify(state));

    const { url } = await sandboxes.start({ dataDir });
    for (const path of ['/', '/?layout=grid', `/contracts/${SEED_CONTRACTS.concrete}`, '/contracts']) {
      const { text } = await getText(url, path);
      expect(text).not.toContain('<script>alert');
      expect(text).not.toContain('<img src=x');
      expect(text).not.toContain('<b>SC-1042');
      expect(text).not.toContain('<style>body');
      expect(text).not.toContain('" onmouseover="');
      const document = parse(text, url);
      expect(document.querySelectorAll('script')).toHaveLength(path.startsWith('/contracts') ? 0 : 1);
      expect(document.querySelector('img')).toBeNull();
      if (path.startsWith('/contracts/')) {
        expect(document.querySelector('h1')!.textContent).toBe(`<b>SC-1042</b> · ${TITLE}`);
        expect(document.querySelector('.sub')!.textContent).toBe(VENDOR);
      } else if (path === '/' || path === '/?layout=grid') {
        const row = [...document.querySelectorAll('[data-rows] > *')].find((candidate) => candidate.getAttribute('data-claim-id') === CLAIM_ID)!;
        expect(row.textContent).toContain(VENDOR);
        expect(row.getAttribute('onmouseover')).toBeNull();
      }
    }
  });
});

describe('reconciliation page without claim ids (?ids=none)', () => {
  it.each(['/?ids=none', '/?layout=grid&ids=none'])('%s shows the same rows with no id anywhere', async (path) => {
    const { url } = await sandboxes.start();
    const { text } = await getText(url, path);
    const document = parse(text, url);
    const rows = rowsOf(document);
    expect(rows).toHaveLength(14);
    expect(rows.every((row) => row.claimId === null && row.contractId === null)).toBe(true);
    expect(document.querySelectorAll('[data-claim-id], [data-contract-id]')).toHaveLength(0);
    expect([...document.querySelectorAll('th, [role="columnheader"]')].map((cell) => cell.textContent!.trim().toLowerCase())).not.toContain('claim');
    expect(text).not.toMatch(/YC-\d+/);
    const withIds = rowsOf(parse((await getText(url, path.replace(/[?&]ids=none/, ''))).text, url));
    expect(rows.map((row) => row.cells)).toEqual(withIds.map((row) => row.cells));
    expect(document.querySelector('input[type="hidden"][name="ids"]')!.getAttribute('value')).toBe('none');
  });

  it('re-creates its rows without ids after a filter change', async () => {
    const { url } = await sandboxes.start();
    const browser = new Browser({ settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true } });
    browsers.push(browser);
    const page = browser.newPage();
    await page.goto(new URL('/?ids=none', url).href);
    await page.waitUntilComplete();
    const { document, window } = page.mainFrame;
    const select = document.querySelector<HTMLSelectElement>('#contract-filter')!;
    select.value = SEED_CONTRACTS.mechanical;
    select.dispatchEvent(new window.Event('change', { bubbles: true }));
    await page.waitUntilComplete();
    expect(rowsOf(document)).toEqual(rowsOf(parse((await getText(url, `/?ids=none&contract=${SEED_CONTRACTS.mechanical}`)).text, url)));
    expect(rowsOf(document)).toHaveLength(3);
    expect(document.querySelectorAll('[data-claim-id]')).toHaveLength(0);
    expect(window.location.search).toContain('ids=none');
  });
});
