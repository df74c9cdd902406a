import { createHash } from 'node:crypto';
import type { BackfillLine } from '../lib/schemas';

/**
 * What makes two backfill requests "the same" for an idempotency key: the claim and its lines in
 * order, as parsed (so whitespace and key order in the JSON do not matter).
 */
export function requestFingerprint(claimId: string, lines: readonly BackfillLine[]): string {
  const canonical = JSON.stringify([claimId, lines.map((line) => [line.sovLineId, line.amount])]);
  return createHash('sha256').update(canonical).digest('hex');
}
