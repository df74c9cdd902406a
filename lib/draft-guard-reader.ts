import { fieldsOf, isAllocationChanges, isWholeNumber, readDraftBasis, readDraftEdits, readDraftEditsHead } from './canonical-records';
import type { DraftGuardMessage } from './protocol';

/**
 * The panel's port to the background while a claim is open (D2). A docked frame can be destroyed with
 * no time left to save (host tab closed, dock closed, host navigated away); the background has that
 * time, so it keeps the panel's latest unsaved edits and saves them when the port disconnects.
 */
export const DRAFT_GUARD_PORT = 'draft-guard';

type Read = { ok: true; message: DraftGuardMessage } | { ok: false; reason: string };

const FIELDS: Record<DraftGuardMessage['type'], readonly string[]> = {
  'draft/unsaved': ['type', 'edits', 'basis', 'baseRevision', 'writing'],
  'draft/unsaved-changes': ['type', 'edits', 'changes', 'basis', 'baseRevision', 'writing'],
  'draft/saved': ['type'],
};

/**
 * Draft guard messages as the background reads them: the protocol's `DraftGuardMessageSchema` checked
 * by hand (`canonical-records.ts`), so the service worker carries no schema library. The panel sends
 * edits and a basis it read through the schemas, so they come canonical. The unit tests hold the reader
 * to the schema.
 */
export function readDraftGuardMessage(value: unknown): Read {
  const message = fieldsOf(value);
  if (message === null || !('type' in message)) return { ok: false, reason: 'not a message with a type' };
  const type = message.type;
  if (type !== 'draft/unsaved' && type !== 'draft/unsaved-changes' && type !== 'draft/saved') return { ok: false, reason: 'not a draft guard message type' };
  const unknown = Object.keys(message).find((key) => !FIELDS[type].includes(key));
  if (unknown !== undefined) return { ok: false, reason: `${type} has an unknown field: ${unknown.slice(0, 50)}` };
  if (type === 'draft/saved') return { ok: true, message: { type } };
  const { baseRevision, writing } = message;
  if (!isWholeNumber(baseRevision)) return { ok: false, reason: `${type} needs a base revision, a whole number of 0 or more` };
  if (writing !== undefined && typeof writing !== 'boolean') return { ok: false, reason: `${type}: writing is true or false` };
  const basis = message.basis === undefined ? undefined : readDraftBasis(message.basis);
  if (basis === null) return { ok: false, reason: `${type} carries a basis that does not read` };
  const rest = { ...(basis !== undefined && { basis }), baseRevision, ...(writing !== undefined && { writing }) };
  if (type === 'draft/unsaved') {
    const edits = readDraftEdits(message.edits);
    return edits === null ? { ok: false, reason: 'draft/unsaved carries edits that do not read' } : { ok: true, message: { type, edits, ...rest } };
  }
  const edits = readDraftEditsHead(message.edits);
  if (edits === null) return { ok: false, reason: 'draft/unsaved-changes carries edits that do not read' };
  if (!isAllocationChanges(message.changes)) return { ok: false, reason: 'draft/unsaved-changes carries changed amounts that do not read' };
  return { ok: true, message: { type, edits, changes: message.changes, ...rest } };
}
