import type { ClaimIdentity } from '@/lib/claim-identity';
import { MAX_MARKED_ROWS, readDraftMarksReply, type DraftMark } from '@/lib/draft-marks-reply';
import type { LinkButtons } from './link-buttons';
import { logOnce } from './log';

/**
 * Keeps each row's draft badge current: asks the background (which reads the extension's own
 * storage) about rows it has not asked about yet after each scan, and about every row when drafts
 * changed. Nothing is read from or written to the page's storage.
 */
export class RowMarks {
  readonly #marks = new Map<string, DraftMark>();
  /** Claim keys asked about since the last refresh. */
  readonly #asked = new Set<string>();
  /** Bumped by each refresh: an answer to a question asked before it is out of date and dropped. */
  #generation = 0;

  constructor(
    private readonly buttons: LinkButtons,
    private readonly ask: (rows: ClaimIdentity[]) => Promise<unknown>,
  ) {}

  /** After a scan: asks about the rows with a button that were not asked about yet. */
  follow(): void {
    const fresh = [...this.buttons.claims()].filter(([key]) => !this.#asked.has(key));
    if (fresh.length > 0) void this.#request(fresh);
  }

  /** Drafts changed (saved here or in another tab): asks about every row again. */
  refresh(): void {
    this.#generation++;
    this.#asked.clear();
    void this.#request([...this.buttons.claims()]);
  }

  async #request(rows: Array<[string, ClaimIdentity]>): Promise<void> {
    const generation = this.#generation;
    for (const [key] of rows) this.#asked.add(key);
    for (let start = 0; start < rows.length; start += MAX_MARKED_ROWS) {
      const chunk = rows.slice(start, start + MAX_MARKED_ROWS);
      let marks: Array<DraftMark | null> | null;
      try {
        marks = readDraftMarksReply(await this.ask(chunk.map(([, claim]) => claim)), chunk.length);
      } catch (error) {
        logOnce(`Could not read the rows' drafts: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      if (marks === null) {
        logOnce("Could not read the rows' drafts: the answer was not a list of marks.");
        return;
      }
      if (generation !== this.#generation) return;
      chunk.forEach(([key], index) => {
        const mark = marks[index];
        if (mark) this.#marks.set(key, mark);
        else this.#marks.delete(key);
      });
    }
    this.buttons.setMarks(this.#marks);
  }
}
