import { identityKey, type ClaimIdentity } from '@/lib/claim-identity';
import { rememberingClassifier } from '@/lib/reconciliation-row';
import type { LinkButtons } from './link-buttons';
import { logOnce } from './log';
import { readReconciliationRows } from './reconciliation-table';

/** The name of the User Timing measure each scan leaves (the latest only) for the bench to read. */
export const SCAN_MEASURE = 'backfill:scan';

/**
 * One pass over the page: a button on every mismatched reconciliation row that names a claim, none
 * anywhere else. Claims the panel just submitted stay without a button until their row shows matched,
 * even while the page still shows the old amounts.
 */
export class ReconciliationScan {
  /** Identity keys (`identityKey`) of the claims submitted from this page. */
  readonly #submitted = new Set<string>();
  readonly #classify = rememberingClassifier();

  constructor(
    private readonly root: Document,
    private readonly buttons: LinkButtons,
  ) {}

  run(): void {
    const start = performance.now();
    this.buttons.beginScan();
    // A row without a claim id is known by what it shows, which for a matched row is read only while
    // a submitted claim waits for its row to show matched.
    const readings = readReconciliationRows(this.root, this.#classify, this.#submitted.size > 0);
    for (const { row, lastCell, amounts, identity } of readings) {
      if (amounts.status === 'unreadable') {
        logOnce(`No button on a reconciliation row: ${amounts.reason}.`);
      } else if (amounts.status === 'matched') {
        if (identity !== null && this.#submitted.size > 0) this.#submitted.delete(identityKey(identity));
      } else if (identity === null) {
        logOnce('No button on a mismatched reconciliation row: it shows no claim id, no contract and invoice number, and no vendor, invoice number and date.');
      } else if (lastCell !== undefined && !this.#wasSubmitted(identity)) {
        this.buttons.place(row, lastCell, identity);
      }
    }
    this.buttons.endScan();
    // Keep one measure, so a page open all day does not collect thousands of entries.
    performance.clearMeasures(SCAN_MEASURE);
    performance.measure(SCAN_MEASURE, { start, detail: { rows: readings.length, buttons: this.buttons.count } });
  }

  // Keys are built only while a submission waits for its row: most scans have none to look for.
  #wasSubmitted(identity: ClaimIdentity): boolean {
    return this.#submitted.size > 0 && this.#submitted.has(identityKey(identity));
  }

  /**
   * The panel submitted the claim of the row identified as `identity`: its button goes now and stays
   * away until the row is matched.
   */
  markSubmitted(identity: ClaimIdentity): void {
    const key = identityKey(identity);
    this.#submitted.add(key);
    this.buttons.removeClaim(key);
  }
}
