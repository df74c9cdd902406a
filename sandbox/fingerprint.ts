import { createHash } from 'node:crypto';
import type { BackfillLine, ClaimHeader } from '../lib/schemas';

/**
 * What makes two backfill requests "the same" for an idempotency key: the claim, its lines in order
 * and its header, as parsed (so whitespace and key order in the JSON do not matter).
 */
export function requestFingerprint(claimId: string, lines: readonly BackfillLine[], header?: ClaimHeader): string {
  const head = header ? [header.number, header.title, header.payPeriod] : null;
  const canonical = JSON.stringify([claimId, lines.map((line) => [line.sovLineId, line.amount]), head]);
  return createHash('sha256').update(canonical).digest('hex');
}
