import { DraftEditsSchema, type DraftEdits } from './schemas';

/**
 * Whether two drafts hold the same edits: header, amounts, focused line and where they belong.
 * Revision, time and submission state are left out. Both are read by one schema, so their fields come
 * in one order; amounts keep the order the user typed them, so the same amounts typed in another order
 * count as different (a conflict the user resolves, never a silent loss).
 */
export function sameDraftEdits(a: DraftEdits, b: DraftEdits): boolean {
  const [left, right] = [DraftEditsSchema.safeParse(a), DraftEditsSchema.safeParse(b)];
  return left.success && right.success && JSON.stringify(left.data) === JSON.stringify(right.data);
}
