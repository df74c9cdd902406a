import { fieldsOf } from './canonical-records';
import { IDENTITY_LIMITS, readIdentityValue } from './claim-identity';
import type { PageMessage, PageReply } from './protocol';

/**
 * Page messages as the content script reads them: the protocol's `PageMessageSchema` checked by hand,
 * so a script running on every host page carries no schema library. The unit tests hold the two to
 * the same answers.
 */
export function readPageMessage(value: unknown): { ok: true; message: PageMessage } | { ok: false; reason: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !('type' in value)) return { ok: false, reason: 'not a message with a type' };
  const keys = Object.keys(value);
  switch (value.type) {
    case 'panel/close':
    case 'drafts/changed':
      return keys.length === 1 ? { ok: true, message: { type: value.type } } : { ok: false, reason: `${value.type} carries nothing else` };
    case 'claim/submitted': {
      if (keys.some((key) => key !== 'type' && key !== 'claimId' && key !== 'row')) return { ok: false, reason: 'claim/submitted has an unknown field' };
      const claimId = 'claimId' in value && typeof value.claimId === 'string' ? value.claimId.trim() : '';
      if (claimId === '' || claimId.length > IDENTITY_LIMITS.text) return { ok: false, reason: 'claim/submitted needs a claim id of 1 to 200 characters' };
      if (!('row' in value) || value.row === undefined) return { ok: true, message: { type: 'claim/submitted', claimId } };
      const row = readIdentityValue(value.row);
      return row === null ? { ok: false, reason: 'claim/submitted names its row by no accepted fields' } : { ok: true, message: { type: 'claim/submitted', claimId, row } };
    }
    default:
      return { ok: false, reason: 'not a page message type' };
  }
}

/** The content script's answer to a page message (`PageReplySchema`), checked by hand; null for anything else. */
export function readPageReply(value: unknown): PageReply | null {
  const reply = fieldsOf(value);
  if (reply === null) return null;
  const keys = Object.keys(reply).length;
  if (reply.ok === true && keys === 1) return { ok: true };
  return reply.ok === false && keys === 2 && typeof reply.reason === 'string' && reply.reason.length <= 500 ? { ok: false, reason: reply.reason } : null;
}
