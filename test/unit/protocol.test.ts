import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDraftGuardMessage } from '../../lib/draft-guard-reader';
import { readPageMessage, readPageReply } from '../../lib/page-message-reader';
import { PageMessageSchema, PageReplySchema } from '../../lib/protocol';
import { makeClaim, makeSov } from '../support/fixtures';

describe('page messages', () => {
  it.each([
    [{ type: 'panel/close' }],
    [{ type: 'claim/submitted', claimId: 'C-1001' }],
    [{ type: 'claim/submitted', claimId: 'YC-1001', row: { contractNumber: 'SC-1042', invoiceNumber: 'GRC-3357' } }],
  ])('accepts %j', (message) => {
    expect(readPageMessage(message)).toEqual({ ok: true, message });
  });

  it('trims the claim id', () => {
    expect(readPageMessage({ type: 'claim/submitted', claimId: ' C-1 ' })).toEqual({
      ok: true,
      message: { type: 'claim/submitted', claimId: 'C-1' },
    });
  });

  it.each([
    [null],
    ['panel/close'],
    [{}],
    [{ type: 'claim/open', claimId: 'C-1' }],
    [{ type: 'panel/close', extra: 1 }],
    [{ type: 'claim/submitted' }],
    [{ type: 'claim/submitted', claimId: '' }],
    [{ type: 'claim/submitted', claimId: 42 }],
    [{ type: 'claim/submitted', claimId: 'x'.repeat(201) }],
    [{ type: 'claim/submitted', claimId: 'C-1', amount: '1.00' }],
    [{ type: 'claim/submitted', claimId: 'C-1', row: { vendorName: 'Acme', invoiceNumber: 'A-1' } }],
    [{ type: 'claim/submitted', claimId: 'C-1', row: { contractNumber: 'SC-1', invoiceNumber: 'A-1', url: 'https://evil.example.com' } }],
  ])('drops %j with a reason', (message) => {
    const parsed = readPageMessage(message);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason.length).toBeGreaterThan(0);
  });

  it('rejects or parses arbitrary values, never throws', () => {
    fc.assert(
      fc.property(fc.anything({ withObjectString: true, withNullPrototype: true, withBigInt: true, withMap: true }), (value) => {
        const parsed = readPageMessage(value);
        if (parsed.ok) expect(PageMessageSchema.parse(parsed.message)).toEqual(parsed.message);
      }),
    );
  });

  it('rejects or parses near-miss messages, never throws', () => {
    const message = fc.record(
      {
        type: fc.oneof(fc.constantFrom('panel/close', 'claim/submitted', '__proto__', 'constructor'), fc.string()),
        claimId: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.object()),
        extra: fc.anything(),
      },
      { requiredKeys: ['type'] },
    );
    fc.assert(
      fc.property(message, (value) => {
        const parsed = readPageMessage(value);
        if (parsed.ok) expect(['panel/close', 'claim/submitted']).toContain(parsed.message.type);
      }),
    );
  });
});

describe('page replies', () => {
  it.each([[{ ok: true }], [{ ok: false, reason: 'unexpected sender' }]])('accepts %j', (reply) => {
    expect(PageReplySchema.parse(reply)).toEqual(reply);
    expect(readPageReply(reply)).toEqual(reply);
  });

  it.each([[{ ok: 'yes' }], [{ ok: false }], [{ ok: true, reason: 'x' }], [undefined]])('rejects %j', (reply) => {
    expect(PageReplySchema.safeParse(reply).success).toBe(false);
    expect(readPageReply(reply)).toBeNull();
  });
});

describe('draft guard messages', () => {
  const edits = { claimId: 'YC-1', contractId: 'C-1', header: { number: 'INV-1', title: 'Backfill', payPeriod: '2026-03-31' }, allocations: { L1: '1.00' }, focusedSovLineId: null };
  const basis = { claimId: 'YC-1', claim: makeClaim(), sov: makeSov(), recordedAt: '2026-11-25T10:00:00.000Z' };
  const { allocations: _allocations, ...changedEdits } = edits;

  it.each([
    [{ type: 'draft/unsaved', edits, baseRevision: 0 }],
    [{ type: 'draft/unsaved', edits, basis, baseRevision: 0, writing: true }],
    [{ type: 'draft/unsaved-changes', edits: changedEdits, changes: { L1: '2.00', L2: null }, baseRevision: 1 }],
    [{ type: 'draft/unsaved-changes', edits: changedEdits, changes: {}, basis, baseRevision: 0, writing: true }],
    [{ type: 'draft/saved' }],
  ])('accepts %j', (message) => {
    expect(readDraftGuardMessage(message)).toEqual({ ok: true, message });
  });

  it.each([
    [{ type: 'draft/unsaved-changes', edits: changedEdits, changes: { L1: 2 }, baseRevision: 0 }],
    [{ type: 'draft/unsaved-changes', edits: changedEdits, changes: { ' L1': '2.00' }, baseRevision: 0 }],
    [{ type: 'draft/unsaved-changes', edits: changedEdits, changes: { L1: '9'.repeat(101) }, baseRevision: 0 }],
    [{ type: 'draft/unsaved-changes', edits: changedEdits, changes: [['L1', '2.00']], baseRevision: 0 }],
    [{ type: 'draft/unsaved-changes', edits: changedEdits, baseRevision: 0 }],
    [{ type: 'draft/unsaved', edits, baseRevision: -1 }],
    [{ type: 'draft/unsaved', edits, baseRevision: 1.5 }],
    [{ type: 'draft/unsaved', edits: { ...edits, allocations: { L1: 1 } }, baseRevision: 0 }],
    [{ type: 'draft/unsaved', edits: { ...edits, claimId: '' }, baseRevision: 0 }],
    [{ type: 'draft/unsaved', edits, baseRevision: 0, revision: 3 }],
    [{ type: 'draft/unsaved', edits, basis: { ...basis, sov: null }, baseRevision: 0 }],
    [{ type: 'draft/saved', claimId: 'YC-1' }],
    [{ type: 'panel/close' }],
  ])('drops %j with a reason', (message) => {
    const parsed = readDraftGuardMessage(message);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason.length).toBeGreaterThan(0);
  });
});
