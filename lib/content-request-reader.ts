import { fieldsOf } from './canonical-records';
import { IDENTITY_LIMITS, readIdentityValue, type ClaimIdentity } from './claim-identity';
import { MAX_MARKED_ROWS } from './draft-marks-reply';
import type { ClaimOpenMessage, DraftMarksRequest } from './protocol';

/**
 * What the content script asks of the background (`ContentRequestSchema`), checked by hand so the
 * service worker carries no schema library: `claim/open` by claim id or by row, or `drafts/marks`.
 * Null for anything else. The unit tests hold the reader to the schema.
 */
export function readContentRequest(value: unknown): ClaimOpenMessage | DraftMarksRequest | null {
  const request = fieldsOf(value);
  if (request === null || Object.keys(request).length !== 2) return null;
  if (request.type === 'drafts/marks') {
    if (!Array.isArray(request.rows) || request.rows.length > MAX_MARKED_ROWS) return null;
    const rows: ClaimIdentity[] = [];
    for (const row of request.rows as unknown[]) {
      const identity = readIdentityValue(row);
      if (identity === null) return null;
      rows.push(identity);
    }
    return { type: 'drafts/marks', rows };
  }
  if (request.type !== 'claim/open') return null;
  if (Object.hasOwn(request, 'row')) {
    const row = readIdentityValue(request.row);
    return row === null ? null : { type: 'claim/open', row };
  }
  const claimId = typeof request.claimId === 'string' ? request.claimId.trim() : '';
  return claimId === '' || claimId.length > IDENTITY_LIMITS.text ? null : { type: 'claim/open', claimId };
}
