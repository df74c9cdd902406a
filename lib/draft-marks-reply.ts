/**
 * The draft marks of reconciliation rows as they travel from the background to the content script
 * (`drafts/marks`): kept apart from `draft-marks.ts`, which computes them with decimal.js, so the
 * content script carries neither decimal.js nor a schema library.
 */

/**
 * What a reconciliation row shows about the extension's own work on its claim: a draft and how far it
 * is allocated, a submission under way, or a backfill the page does not show yet.
 */
export type DraftMark =
  /** `percent`: allocated of what Yardi paid, less any allocated beyond it, whole percent rounded down (100 only when exactly all of it); null when unknown. */
  | { state: 'draft'; percent: number | null }
  | { state: 'submitting' }
  | { state: 'submitted' }
  /** No draft on the host's claim, but the workbench holds an allocation prepared from the user's files. */
  | { state: 'prepared' };

/** At most this many rows in one `drafts/marks` request (a page with more asks in several). */
export const MAX_MARKED_ROWS = 2000;

/**
 * The background's answer to `drafts/marks`, checked by hand (the content script carries no schema
 * library): one mark or null per row asked about, or null when the answer is not that.
 */
export function readDraftMarksReply(reply: unknown, rows: number): Array<DraftMark | null> | null {
  if (typeof reply !== 'object' || reply === null || !('marks' in reply) || !Array.isArray(reply.marks)) return null;
  const marks: unknown[] = reply.marks;
  if (marks.length !== rows) return null;
  const read = marks.map(readMark);
  return read.every((mark) => mark !== undefined) ? read : null;
}

function readMark(mark: unknown): DraftMark | null | undefined {
  if (mark === null) return null;
  if (typeof mark !== 'object' || !('state' in mark)) return undefined;
  if (mark.state === 'submitting' || mark.state === 'submitted' || mark.state === 'prepared') return { state: mark.state };
  if (mark.state !== 'draft' || !('percent' in mark)) return undefined;
  const { percent } = mark;
  if (percent === null) return { state: 'draft', percent: null };
  return Number.isInteger(percent) && (percent as number) >= 0 && (percent as number) <= 100 ? { state: 'draft', percent: percent as number } : undefined;
}
