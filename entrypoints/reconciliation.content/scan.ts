import { identityKey, type ClaimIdentity } from '@/lib/claim-identity';
import { rememberingClassifier } from '@/lib/reconciliation-row';
import type { LinkButtons } from './link-buttons';
import { logOnce } from './log';
import { reconciliationRows, type ReconciliationRowReading } from './reconciliation-table';

/** The name of the User Timing measure each finished scan leaves (the latest only) for the bench to read. */
export const SCAN_MEASURE = 'backfill:scan';

/** What the measure of a finished scan carries, besides its start and end. */
export interface ScanDetail {
  rows: number;
  buttons: number;
  /** How many times the scan ran before giving the main thread back. */
  slices: number;
  /** Main-thread time of all slices together, and of the longest one. */
  workMs: number;
  longestSliceMs: number;
}

// Time is read every few rows, not after each: reading the clock costs about as much as a row.
const ROWS_BETWEEN_CLOCK_READS = 16;

interface Pass {
  rows: Generator<ReconciliationRowReading, void, undefined>;
  start: number;
  read: number;
  slices: number;
  workMs: number;
  longestSliceMs: number;
}

/**
 * Passes over the page: a button on every mismatched reconciliation row that names a claim, none
 * anywhere else. A pass can be run in slices of a few milliseconds, so a page with thousands of rows
 * never waits long for us. Claims the panel just submitted show as backfilled until their row shows
 * matched, even while the page still shows the old amounts.
 */
export class ReconciliationScan {
  /** Identity keys (`identityKey`) of the claims submitted from this page. */
  readonly #submitted = new Set<string>();
  readonly #classify = rememberingClassifier();
  #pass: Pass | undefined;

  constructor(
    private readonly root: Document,
    private readonly buttons: LinkButtons,
  ) {}

  /**
   * Scans for about `budgetMs` of main-thread time, starting a pass when none is under way; true once
   * the pass is finished (with the default budget, always: the whole pass runs now).
   */
  run(budgetMs = Infinity): boolean {
    const sliceStart = performance.now();
    const pass = (this.#pass ??= this.#begin(sliceStart));
    const deadline = sliceStart + budgetMs;
    let finished = false;
    for (let count = 1; ; count++) {
      const next = pass.rows.next();
      if (next.done === true) {
        finished = true;
        break;
      }
      this.#take(next.value);
      pass.read++;
      if (count % ROWS_BETWEEN_CLOCK_READS === 0 && performance.now() >= deadline) break;
    }
    if (finished) this.buttons.endScan();
    const sliceEnd = performance.now();
    pass.slices++;
    pass.workMs += sliceEnd - sliceStart;
    pass.longestSliceMs = Math.max(pass.longestSliceMs, sliceEnd - sliceStart);
    if (finished) this.#finish(pass, sliceEnd);
    return finished;
  }

  #begin(start: number): Pass {
    this.buttons.beginScan();
    // A row without a claim id is known by what it shows, which for a matched row is read only while
    // a submitted claim waits for its row to show matched.
    const rows = reconciliationRows(this.root, this.#classify, this.#submitted.size > 0);
    return { rows, start, read: 0, slices: 0, workMs: 0, longestSliceMs: 0 };
  }

  #take({ row, lastCell, amounts, identity }: ReconciliationRowReading): void {
    if (amounts.status === 'unreadable') {
      logOnce(`No button on a reconciliation row: ${amounts.reason}.`);
    } else if (amounts.status === 'matched') {
      if (identity !== null && this.#submitted.size > 0) this.#submitted.delete(identityKey(identity));
    } else if (identity === null) {
      logOnce('No button on a mismatched reconciliation row: it shows no claim id, no contract and invoice number, and no vendor, invoice number and date.');
    } else if (row !== null && lastCell !== undefined) {
      const key = identityKey(identity);
      this.buttons.place(row, lastCell, identity, key, this.#submitted.has(key));
    }
  }

  #finish(pass: Pass, end: number): void {
    this.#pass = undefined;
    const detail: ScanDetail = {
      rows: pass.read,
      buttons: this.buttons.count,
      slices: pass.slices,
      workMs: pass.workMs,
      longestSliceMs: pass.longestSliceMs,
    };
    // Keep one measure, so a page open all day does not collect thousands of entries.
    performance.clearMeasures(SCAN_MEASURE);
    performance.measure(SCAN_MEASURE, { start: pass.start, end, detail });
  }

  /**
   * The panel submitted the claim of the row identified as `identity`: the row says so now, in place
   * of its button, and until the row is matched.
   */
  markSubmitted(identity: ClaimIdentity): void {
    const key = identityKey(identity);
    this.#submitted.add(key);
    this.buttons.showBackfilled(key);
  }
}
