/**
 * The panel on the largest contract we plan for (5,000 SOV lines, 300 codes), in Debian's Chromium
 * with the built extension against the sandbox at `--scale large`. Reads the User Timing entries the
 * panel leaves (backfill:grid-interactive, backfill:grid-render, :grid-rows, backfill:edit, backfill:paste,
 * backfill:save, backfill:resume:read, :compare and :validate) and compares the grid with a bare AG Grid given the same rows.
 */
import { performance } from 'node:perf_hooks';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Frame, Locator, Page } from 'playwright-core';
import { SovSchema, HostClaimSchema } from '../lib/schemas';
import { balancedAllocation } from '../sandbox/allocation';
import { SEED_CLAIMS } from '../sandbox/seed';
import { startSandbox } from '../sandbox/server';
import { launchWithExtension, type ExtensionBrowser } from '../test/e2e/browser';
import { serveFixtures } from '../test/e2e/fixture-server';
import { ReconciliationPage } from '../test/e2e/reconciliation-page';
import { PANEL_OPEN_MARK } from '../entrypoints/reconciliation.content/panel-dock';
import { median, report, reportQuantiles } from './bench-stats';
import { startFrameTrace } from './frame-trace';

const CLAIM = SEED_CLAIMS.large;

async function entries(frame: Frame, name: string): Promise<number[]> {
  return frame.evaluate((entryName) => performance.getEntriesByName(entryName).map((entry) => (entry.entryType === 'mark' ? entry.startTime : entry.duration)), name);
}

async function waitForEntry(frame: Frame, name: string, count = 1): Promise<number[]> {
  await frame.waitForFunction(([entryName, wanted]) => performance.getEntriesByName(entryName as string).length >= (wanted as number), [name, count] as const, { timeout: 60_000 });
  return entries(frame, name);
}

/**
 * Waits until the panel page standing by (loaded out of sight for the next claim) has loaded, and has
 * the script Playwright runs in a page to wait on it: put there on the first wait, it would otherwise be
 * compiled in the panel's thread as the panel opens (16 to 24 ms, in traces), and timed as the panel's.
 */
async function standbyLoaded(page: Page): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const standby = page.frames().find((frame) => frame.url().includes('#standby='));
    if (standby !== undefined) {
      await standby.waitForLoadState('load');
      await standby.waitForFunction(() => true);
      return;
    }
    if (Date.now() > deadline) throw new Error('No panel page stood by');
    await page.waitForTimeout(50);
  }
}

/**
 * From the click that opened the panel (the dock's mark in the page) to the grid being interactive,
 * or to the end of another entry of the panel's (every row in the grid).
 */
async function sinceClick(page: Page, frame: Frame, until = 'backfill:grid-interactive'): Promise<number> {
  await waitForEntry(frame, until);
  // Both on the epoch: the page and the panel have clocks of their own.
  const gridAt = await frame.evaluate((name) => {
    const entry = performance.getEntriesByName(name)[0]!;
    return performance.timeOrigin + entry.startTime + entry.duration;
  }, until);
  const clickedAt = await page.evaluate((mark) => performance.timeOrigin + performance.getEntriesByName(mark)[0]!.startTime, PANEL_OPEN_MARK);
  return gridAt - clickedAt;
}

/**
 * How the click that opens the panel reaches the button: at once (a scripted click, no time between
 * the pointer arriving and the release), pressed for 100 ms (a quick click: the claim is read ahead
 * from the press), or after the pointer rested 150 ms on the button (read ahead from 80 ms of rest).
 */
type Approach = 'at once' | 'pressed' | 'rested';

async function openPanel(page: Page, approach: Approach = 'at once'): Promise<Frame> {
  const reconciliation = new ReconciliationPage(page);
  const button = reconciliation.linkButtonOf(CLAIM);
  if (approach === 'rested') {
    await page.mouse.move(0, 0); // off any button, so that the pointer arrives on this one
    await button.hover();
    await page.waitForTimeout(150);
  }
  await button.click(approach === 'pressed' ? { delay: 100 } : {});
  return reconciliation.panelFrame();
}

async function closePanel(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.locator('backfill-panel-dock').waitFor({ state: 'detached' });
}

/** Pastes `text` at `cell`, as from Excel, and waits for the panel's paste entry number `count`. */
async function pasteAt(frame: Frame, cell: Locator, text: string, count: number): Promise<void> {
  await cell.click();
  await frame.evaluate((block) => {
    const data = new DataTransfer();
    data.setData('text/plain', block);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await waitForEntry(frame, 'backfill:paste', count);
}

/** What one round of typed edits measured, its first `WARM_EDITS` left out. */
interface EditRound {
  /**
   * To the frame that showed each edit (its commit, in the frame trace), and whether the grid scrolled
   * after it to keep two rows in view past the focus (in a frame of its own).
   */
  painted: { ms: number; scrolled: boolean }[];
  /** Those scrolls, each to its own frame (its commit). */
  scrolls: number[];
  validated: number[];
  standIn: number[];
  saves: number[];
  unsaved: number[];
}

const EDITS_PER_ROUND = 25;
const WARM_EDITS = 3;
/**
 * Rounds of typed edits, each in a browser of its own. Within one browser the edits' median holds
 * steady; from one browser to the next, one after another, it moved by 4 to 7 ms (four browsers of
 * one build, on one machine), more than the gap to the target.
 */
const EDIT_ROUNDS = 3;

/** The panel open in a page, and the cell where pastes go in and typing starts (`panelOnClaim`). */
interface OpenPanel {
  page: Page;
  frame: Frame;
  firstLine: Locator;
}

/**
 * Amounts typed one at a time from the first line on, in a panel just opened (its first edits) whose
 * draft holds an amount on every line: keystrokes, Enter, validated rows in the grid, then each saved.
 */
async function typeEdits(browser: ExtensionBrowser, { page, frame, firstLine }: OpenPanel, guard: StallGuard, round: number): Promise<EditRound> {
  await firstLine.click();
  // From the Enter that commits an edit to "Saved" (shown only once the write is on disk): the
  // window in which a killed browser would lose that edit.
  const unsaved: number[] = [];
  // Whether the grid scrolled after each edit, to keep two rows in view past the focus (once the focus
  // reaches the last rows in view, after every edit): a scroll costs the grid a row drawn.
  const scrolled: boolean[] = [];
  const scrolls = () => frame.evaluate(() => performance.getEntriesByName('backfill:rows-around-focus').length);
  const frameTrace = await startFrameTrace(browser.context.browser()!);
  for (let run = 0; run < EDITS_PER_ROUND; run++) {
    guard.at(`edit ${run + 1} of round ${round}`);
    await page.keyboard.type(`${run + 1}.25`);
    const scrollsBefore = await scrolls();
    const committed = performance.now();
    await page.keyboard.press('Enter');
    await waitForEntry(frame, 'backfill:edit:painted', run + 1);
    await frame.locator('[data-save-state="saved"]').waitFor();
    unsaved.push(performance.now() - committed);
    scrolled.push((await scrolls()) > scrollsBefore);
  }
  const [painted = [], scrollsPainted = []] = await frameTrace.stop('backfill:edit', 'backfill:rows-around-focus');
  return {
    painted: painted.flatMap((ms, run) => (ms === undefined || run < WARM_EDITS ? [] : [{ ms, scrolled: scrolled[run]! }])),
    scrolls: scrollsPainted.filter((ms) => ms !== undefined),
    validated: (await entries(frame, 'backfill:edit')).slice(WARM_EDITS),
    standIn: (await entries(frame, 'backfill:edit:painted')).slice(WARM_EDITS),
    // The last saves (the paste's was one, and a step onto a line saves where the user is too).
    saves: (await entries(frame, 'backfill:save')).slice(WARM_EDITS - EDITS_PER_ROUND),
    unsaved: unsaved.slice(WARM_EDITS),
  };
}

/** Prints the edits' figures over every round, and each round's median edit → painted. */
function reportEdits(rounds: readonly EditRound[]): void {
  const all = <T,>(pick: (round: EditRound) => T[]) => rounds.flatMap(pick);
  const painted = (keep: (edit: { scrolled: boolean }) => boolean) => all((round) => round.painted.filter(keep).map((edit) => edit.ms));
  reportQuantiles('keystroke → durable save (shown Saved)', all((round) => round.unsaved));
  report('one edit → validated rows in the grid', all((round) => round.validated));
  report('one edit → next painted frame (committed, in the frame trace)', painted(() => true), 16);
  console.log(`  each round's median, a browser each: ${rounds.map((round) => median(round.painted.map((edit) => edit.ms)).toFixed(1)).join(', ')} ms`);
  report('… edits with the rows past the focus in view', painted((edit) => !edit.scrolled));
  report('… edits the grid scrolled after (two rows kept past the focus)', painted((edit) => edit.scrolled));
  report('… that scroll → its own painted frame (committed)', all((round) => round.scrolls));
  // The stand-in this bench used before (animation frame, then a task): comparable with earlier runs.
  report('… as the page sees it (animation frame, then a task)', all((round) => round.standIn));
  report('save of the 5,000-line draft after one edit', all((round) => round.saves), 20);
}

/**
 * A page of the sandbox at 1600 × 1000 with the panel open on the large claim and its grid
 * interactive; `firstLineCell` is the selector of the cell where typing starts.
 */
async function panelOnClaim(browser: ExtensionBrowser, sandboxUrl: string, firstLineCell: string): Promise<OpenPanel> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto(sandboxUrl);
  const frame = await openPanel(page);
  await frame.getByRole('button', { name: 'Build the Procore version' }).click();
  await waitForEntry(frame, 'backfill:grid-interactive');
  return { page, frame, firstLine: frame.locator(firstLineCell) };
}

/** A bare AG Grid with the same 5,000 rows and columns: what the grid costs without Backfill. */
function barePage(rows: unknown[]): string {
  return `<!doctype html><html><head><meta charset="utf-8"></head><body>
<div id="grid" style="height: 600px; width: 900px"></div>
<script src="/ag-grid.js"></script>
<script>
  const rows = ${JSON.stringify(rows)};
  const columnDefs = ['lineNumber','categoryCode','description','scheduledValue','claimedToDate','remainingBalance','thisClaim','percentAfter'].map((field) => ({ field }));
  window.bench = {
    render: () => new Promise((done) => {
      const start = performance.now();
      const api = agGrid.createGrid(document.getElementById('grid'), { columnDefs, rowData: rows, getRowId: (p) => p.data.id, onFirstDataRendered: () => { done({ render: performance.now() - start }); window.api = api; } });
    }),
    edit: (i) => { const start = performance.now(); const row = { ...rows[i], thisClaim: String(i) }; window.api.applyTransaction({ update: [row] }); return performance.now() - start; },
    destroy: () => window.api.destroy(),
  };
</script></body></html>`;
}

/**
 * Where the bench is, for the stall guard: a step that takes more than two minutes (every wait in it
 * has a timeout, but a call into a page that stopped answering has none) ends the bench, naming the
 * step, instead of leaving it hanging (two runs in some twenty-five did, in the reopening, on a
 * loaded machine).
 */
interface StallGuard {
  at(step: string): void;
  stop(): void;
}

function stallGuard(): StallGuard {
  let step = 'starting';
  let since = Date.now();
  const timer = setInterval(() => {
    if (Date.now() - since < 120_000) return;
    console.error(`bench-panel: no progress for two minutes, at ${step}`);
    process.exit(1);
  }, 5_000);
  return {
    at(next) {
      step = next;
      since = Date.now();
    },
    stop: () => clearInterval(timer),
  };
}

/** Runs the panel benchmarks and prints one line per measurement. */
export async function benchPanel(): Promise<void> {
  const guard = stallGuard();
  const dataDir = await mkdtemp(join(tmpdir(), 'backfill-bench-'));
  const sandbox = await startSandbox({ port: 0, dataDir, reset: true, scale: 'large' });
  try {
    const claim = HostClaimSchema.parse(await (await fetch(`${sandbox.url}/api/claims/${CLAIM}`)).json());
    const sov = SovSchema.parse(await (await fetch(`${sandbox.url}/api/contracts/${claim.contractId}/sov`)).json());
    const allocation = balancedAllocation(claim, sov);
    console.log(`panel (Chromium, built extension): claim ${CLAIM}, ${sov.lines.length} SOV lines, ${claim.lines.length} category codes`);

    // The first line of the claim's first code: where pastes go in and typing starts.
    const firstLineCell = `.ag-row[row-id="${sov.lines.find((line) => line.categoryCode === claim.lines[0]!.categoryCode)!.id}"] [col-id="thisClaim"]`;

    // Paste every line's amount at once, as from an Excel column; then the same amounts as a (line
    // number, amount) block in another order, as from a sorted export: each row placed by its line number.
    // Every other paste puts 1.00 on every line, so that each paste changes every line.
    const ids = Object.keys(allocation);
    const pastes = 6;
    const lines = sov.lines.filter((line) => Object.hasOwn(allocation, line.id)).reverse();
    const pasteText = (run: number) => {
      const amount = (id: string) => (run % 2 ? '1.00' : allocation[id]!);
      return (run < pastes ? ids.map(amount) : lines.map((line) => `${line.lineNumber}\t${amount(line.id)}`)).join('\r\n');
    };

    const browser = await launchWithExtension();
    try {
      const { page, firstLine, ...opened } = await panelOnClaim(browser, sandbox.url, firstLineCell);
      let frame = opened.frame;

      for (let run = 0; run < 2 * pastes; run++) {
        guard.at(`paste ${run + 1}`);
        await pasteAt(frame, firstLine, pasteText(run), run + 1);
      }
      await frame.getByText(/placed by line number/).first().waitFor({ timeout: 5_000 }); // applied, not refused
      const [pasted, pastePainted] = await Promise.all([entries(frame, 'backfill:paste'), waitForEntry(frame, 'backfill:paste:painted', 2 * pastes)]);
      report(`paste of ${ids.length} values → validated rows`, pasted.slice(0, pastes));
      report(`paste of ${ids.length} values → next painted frame`, pastePainted.slice(0, pastes), 100);
      report(`… ${lines.length} rows keyed by line number, in another order → validated rows`, pasted.slice(pastes));
      report(`… ${lines.length} rows keyed by line number, in another order → next painted frame`, pastePainted.slice(pastes));
      await frame.locator('[data-save-state="saved"]').waitFor({ timeout: 30_000 });
      await closePanel(page);

      // Reopen: resume the saved draft and render the grid, from the click (the dock's mark in the page).
      // Usually the panel page has loaded out of sight by then; the first click on a page just shown
      // finds none ready, and the page loads with the claim.
      const standingBy: number[] = [];
      const pressed: number[] = [];
      const rested: number[] = [];
      const resume: number[] = [];
      const gridRender: number[] = [];
      const gridRows: number[] = [];
      const allRowsIn: number[] = [];
      const rowSteps: number[] = [];
      for (let run = 0; run < 7; run++) {
        guard.at(`reopening ${run + 1}`);
        await standbyLoaded(page);
        frame = await openPanel(page);
        standingBy.push(await sinceClick(page, frame));
        allRowsIn.push(await sinceClick(page, frame, 'backfill:grid-all-rows'));
        rowSteps.push(...(await entries(frame, 'backfill:grid-rows-added')));
        // Read while the host answers (so the read's time counts waits for the thread), compared with
        // what the host said, then validated: the parts of resuming.
        const parts = await Promise.all(['read', 'compare', 'validate'].map((part) => entries(frame, `backfill:resume:${part}`)));
        resume.push(parts.reduce((sum, [ms]) => sum + ms!, 0));
        gridRender.push((await entries(frame, 'backfill:grid-render'))[0]!);
        gridRows.push((await entries(frame, 'backfill:grid-rows'))[0]!);
        await closePanel(page);
        for (const [approach, times] of [['pressed', pressed], ['rested', rested]] as const) {
          await standbyLoaded(page);
          times.push(await sinceClick(page, await openPanel(page, approach)));
          await closePanel(page);
        }
      }
      const firstClick: number[] = [];
      for (let run = 0; run < 5; run++) {
        guard.at(`first click on a page just shown ${run + 1}`);
        await page.reload();
        frame = await openPanel(page);
        firstClick.push(await sinceClick(page, frame));
        await closePanel(page);
      }
      report('open panel → grid interactive (resumed draft), clicked at once', standingBy, 300);
      report('… pressed for 100 ms (read ahead from the press)', pressed, 300);
      report('… after the pointer rested 150 ms on the button', rested, 300);
      report('… → every row in the grid (added in steps after the first frame)', allRowsIn);
      reportQuantiles('… each step adding rows (a task of its own)', rowSteps);
      report('… the first click on a page just shown (no page standing by)', firstClick);
      report('resume of the 5,000-line draft (read, check, validate)', resume, 150);

      // The same rows in a bare AG Grid, for the grid's own cost.
      const bareRows = sov.lines.map((line) => ({ id: line.id, lineNumber: line.lineNumber, categoryCode: line.categoryCode, description: line.description, scheduledValue: line.scheduledValue, claimedToDate: line.claimedToDate, remainingBalance: line.scheduledValue, thisClaim: '', percentAfter: '0.00' }));
      const agGridScript = await readFile(resolve('node_modules/ag-grid-community/dist/ag-grid-community.min.js'), 'utf8');
      const server = await serveFixtures({ 'bare.html': barePage(bareRows) });
      try {
        const bare = await browser.context.newPage();
        await bare.route('**/ag-grid.js', (route) => route.fulfill({ body: agGridScript, contentType: 'text/javascript' }));
        const bareRender: number[] = [];
        const bareEdit: number[] = [];
        for (let run = 0; run < 5; run++) {
          guard.at(`bare grid ${run + 1}`);
          await bare.goto(`${server.url}/generated/bare.html`);
          bareRender.push((await bare.evaluate(() => (window as unknown as { bench: { render(): Promise<{ render: number }> } }).bench.render())).render);
          for (let i = 0; i < 10; i++) bareEdit.push(await bare.evaluate((index) => (window as unknown as { bench: { edit(i: number): number } }).bench.edit(index), i * 37));
        }
        // The panel makes its grid empty while the claim is read, draws its first rows, then adds the rest
        // in steps: its first render is not the bare grid's (every row at once, from nothing). The like
        // for like comparison, both grids drawing every row at once from nothing in a fresh context, is
        // the grid-features bench's below, which carries the target.
        report('grid first render, Backfill grid (first rows; made empty ahead)', gridRender);
        report('… of which building its first rows (and every row’s place)', gridRows);
        report('grid first render, bare AG Grid (same 5,000 rows at once)', bareRender);
        report('one row update, bare AG Grid applyTransaction', bareEdit);
      } finally {
        await server.close();
      }
    } finally {
      await browser.close();
    }

    // One edit at a time, in rounds, each in a browser of its own once the one above has closed (run
    // beside it, they took up to 8 ms an edit more: the machine has two cores). Each round's draft is
    // the pastes' last, an amount on every one of the 5,000 lines.
    const editRounds: EditRound[] = [];
    for (let round = 1; round <= EDIT_ROUNDS; round++) {
      guard.at(`edit round ${round}`);
      const own = await launchWithExtension();
      try {
        const panel = await panelOnClaim(own, sandbox.url, firstLineCell);
        await pasteAt(panel.frame, panel.firstLine, pasteText(2 * pastes - 1), 1);
        await panel.frame.locator('[data-save-state="saved"]').waitFor({ timeout: 30_000 });
        editRounds.push(await typeEdits(own, panel, guard, round));
      } finally {
        await own.close();
      }
    }
    reportEdits(editRounds);
  } finally {
    guard.stop();
    await sandbox.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchPanel();
