import { readDraftEdits } from './canonical-records';
import type { DraftEdits } from './schemas';

/**
 * Whether two drafts hold the same edits: header, amounts, focused line and where they belong.
 * Revision, time and submission state are left out. Both are read by one reader (`readDraftEdits`),
 * so their fields come in one order; amounts keep the order the user typed them, so the same amounts
 * typed in another order count as different (a conflict the user resolves, never a silent loss). A
 * draft that does not read is the same as nothing.
 */
export function sameDraftEdits(a: DraftEdits, b: DraftEdits): boolean {
  const [left, right] = [readDraftEdits(a), readDraftEdits(b)];
  return left !== null && right !== null && JSON.stringify(left) === JSON.stringify(right);
}
