import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identityKey, type ClaimIdentity } from '../../lib/claim-identity';
import { draftMarks, type DraftEntry } from '../../lib/draft-marks';
import { readDraftMarksReply } from '../../lib/draft-marks-reply';
import type { Draft } from '../../lib/schemas';
import { draftEdits, makeClaim, makeSov } from '../support/fixtures';

function entry(allocations: Record<string, string>, overrides: Partial<Draft> = {}, claim = makeClaim()): DraftEntry {
  const draft: Draft = { ...draftEdits(allocations), claimId: claim.id, revision: 1, updatedAt: '2026-04-01T00:00:00.000Z', submission: { state: 'ready' }, ...overrides };
  return { draft, basis: { claimId: claim.id, claim, sov: makeSov(), recordedAt: '2026-04-01T00:00:00.000Z' } };
}

// makeClaim(): contract C-1, Granite Ridge Concrete, invoice INV-100 of 2026-03-31, total 1,500.00.
const BY_CONTRACT: ClaimIdentity = { contractNumber: 'C-1', invoiceNumber: 'inv 100' };
const BY_VENDOR: ClaimIdentity = { contractNumber: 'SC-0001', invoiceNumber: 'INV-100', vendorName: 'GRANITE RIDGE CONCRETE', invoiceDate: '2026-03-31' };

describe('the draft mark of a row', () => {
  it('is the share of what Yardi paid that the draft allocates, rounded down, by claim id', () => {
    const marks = draftMarks([{ claimId: 'YC-1' }, { claimId: 'YC-2' }], [entry({ L1: '600.00', L3: '299.99' })], new Map());
    // 899.99 of 1,500.00 is 59.9993%.
    expect(marks).toEqual([{ state: 'draft', percent: 59 }, null]);
  });

  it('reads 100% only when exactly all of it is allocated', () => {
    expect(draftMarks([{ claimId: 'YC-1' }], [entry({ L1: '1000.00', L3: '499.99' })], new Map())).toEqual([{ state: 'draft', percent: 99 }]);
    expect(draftMarks([{ claimId: 'YC-1' }], [entry({ L1: '1000.00', L3: '500.00' })], new Map())).toEqual([{ state: 'draft', percent: 100 }]);
  });

  it('counts what is allocated beyond what Yardi paid against the draft: a mistyped amount never reads done', () => {
    // 2,000.00 of 1,500.00: 500.00 beyond it, so 1,000.00 counts (66.67%).
    expect(draftMarks([{ claimId: 'YC-1' }], [entry({ L1: '2000.00', L3: 'abc' })], new Map())).toEqual([{ state: 'draft', percent: 66 }]);
    expect(draftMarks([{ claimId: 'YC-1' }], [entry({ L1: '1000.00', L3: '500.01' })], new Map())).toEqual([{ state: 'draft', percent: 99 }]);
    // Twice what Yardi paid, or more, is as far from done as nothing at all.
    expect(draftMarks([{ claimId: 'YC-1' }], [entry({ L1: '999999.00' })], new Map())).toEqual([{ state: 'draft', percent: 0 }]);
  });

  it('says submitting or submitted as the draft does', () => {
    const submission: Draft['submission'] = {
      state: 'submitting',
      idempotencyKey: 'key-1',
      lines: [{ sovLineId: 'L1', amount: '1000.00' }],
      payloadHash: 'hash',
      startedAt: '2026-04-01T00:00:00.000Z',
      attempts: 1,
    };
    const submitting = entry({}, { submission });
    expect(draftMarks([{ claimId: 'YC-1' }], [submitting], new Map())).toEqual([{ state: 'submitting' }]);
  });

  it('finds the draft of a row without a claim id by the claim the panel opened for that row', () => {
    const row: ClaimIdentity = { contractNumber: 'SC-77', invoiceNumber: 'X-1' };
    expect(draftMarks([row], [entry({ L1: '150.00' })], new Map([[identityKey(row), 'YC-1']]))).toEqual([{ state: 'draft', percent: 10 }]);
  });

  it('else by the draft’s claim: invoice and contract id, or invoice, vendor and date, compared as matchKey does', () => {
    const entries = [entry({ L1: '150.00' })];
    expect(draftMarks([BY_CONTRACT, BY_VENDOR], entries, new Map())).toEqual([
      { state: 'draft', percent: 10 },
      { state: 'draft', percent: 10 },
    ]);
    // Another date, or no date: not this claim.
    expect(draftMarks([{ ...BY_VENDOR, invoiceDate: '2026-04-30' }, { ...BY_VENDOR, invoiceDate: undefined }], entries, new Map())).toEqual([null, null]);
  });

  it('gives no mark rather than a guess when a row’s words fit several drafts', () => {
    const twin = entry({}, {}, makeClaim({ id: 'YC-9', contractId: 'C-9' }));
    expect(draftMarks([BY_VENDOR], [entry({}), twin], new Map())).toEqual([null]);
  });
});

describe('reading the background’s answer', () => {
  it('takes one mark or null per row asked about', () => {
    const marks = [{ state: 'draft', percent: 60 }, null, { state: 'submitted' }, { state: 'draft', percent: null }];
    expect(readDraftMarksReply({ ok: true, marks }, 4)).toEqual(marks);
  });

  it.each([
    ['the wrong count', { ok: true, marks: [null] }, 2],
    ['a percent past 100', { ok: true, marks: [{ state: 'draft', percent: 101 }] }, 1],
    ['a fractional percent', { ok: true, marks: [{ state: 'draft', percent: 1.5 }] }, 1],
    ['an unknown state', { ok: true, marks: [{ state: 'approved' }] }, 1],
    ['a failure', { ok: false, reason: 'unexpected sender' }, 1],
    ['nothing', undefined, 1],
  ])('refuses %s', (_, reply, rows) => {
    expect(readDraftMarksReply(reply, rows)).toBeNull();
  });

  it('never throws on any value', () => {
    fc.assert(fc.property(fc.anything(), fc.nat(5), (reply, rows) => void readDraftMarksReply(reply, rows)));
  });
});

describe('a row whose claim was prepared in the workbench', () => {
  const local = (allocations: Record<string, string>): DraftEntry => {
    const prepared = entry(allocations, {}, makeClaim({ id: 'local-00000000000000aa', contractId: 'SC-0001' }));
    return { ...prepared, draft: { ...prepared.draft, claimId: 'local-00000000000000aa' } };
  };

  it('is marked prepared when it has no draft of its own, by id or by what it shows', () => {
    expect(draftMarks([{ claimId: 'YC-1' }, BY_VENDOR, { claimId: 'YC-9', invoiceNumber: 'INV-999' }], [local({ L1: '600.00' })], new Map())).toEqual([
      null, // a row with a claim id and no invoice shown cannot be matched to a file
      { state: 'prepared' },
      null,
    ]);
    expect(draftMarks([{ claimId: 'YC-7', invoiceNumber: 'INV-100', contractNumber: 'SC-0001' }], [local({ L1: '600.00' })], new Map())).toEqual([{ state: 'prepared' }]);
  });

  it('shows its own draft first, and nothing for a workbench draft without amounts', () => {
    expect(draftMarks([BY_CONTRACT], [local({ L1: '600.00' }), entry({ L1: '150.00' })], new Map())).toEqual([{ state: 'draft', percent: 10 }]);
    expect(draftMarks([BY_VENDOR], [local({ L1: '' })], new Map())).toEqual([null]);
  });
});
