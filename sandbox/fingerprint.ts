import { createHash } from 'node:crypto';
import type { BackfillRequest } from '../lib/schemas';
import { canonicalBackfillRequest } from '../lib/submission';

/**
 * What makes two backfill requests "the same" for an idempotency key: SHA-256 (hex) of the request's
 * canonical JSON as the core defines it (`canonicalBackfillRequest`), the very bytes the client hashes
 * into its own fingerprint. The claim is compared apart, with the backfill a key is stored with.
 */
export function requestFingerprint(request: BackfillRequest): string {
  return createHash('sha256').update(canonicalBackfillRequest(request)).digest('hex');
}
