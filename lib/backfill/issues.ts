/** Stable rule ids: the UI, the host and tests key on these, so they never change meaning. */
export const RULES = [
  'CLAIM_ALLOCATED',
  'CLAIM_ALREADY_BACKFILLED',
  'SOV_NOT_CODED',
  'SOV_OTHER_CONTRACT',
  'CODE_NOT_ON_SOV',
  'CLAIM_TOTAL_MISMATCH',
  'UNKNOWN_SOV_LINE',
  'LINE_NOT_IN_CLAIM',
  'AMOUNT_INVALID',
  'CODE_UNDER_ALLOCATED',
  'CODE_OVER_ALLOCATED',
  'LINE_OVER_SCHEDULED',
  'LINE_BELOW_ZERO',
  'LINE_OVER_PROJECTED',
  'LINE_OVER_WITH_LATER_DRAFTS',
] as const;
export type Rule = (typeof RULES)[number];

/**
 * blocker: the claim cannot be backfilled to this SOV whatever is typed.
 * error: the allocation as typed cannot be submitted yet.
 * warning: worth a look, does not stop submission.
 */
export type Severity = 'blocker' | 'error' | 'warning';

export interface Issue {
  rule: Rule;
  severity: Severity;
  categoryCode?: string;
  sovLineId?: string;
  /** A plain sentence a project accountant understands. */
  message: string;
}
