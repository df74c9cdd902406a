import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { readDraftBasis, readDraftEdits, readDraftHead, readMarkedDraft, readRowLink } from '../../lib/canonical-records';
import { readContentRequest } from '../../lib/content-request-reader';
import { isIsoDate, isIsoDateTime } from '../../lib/dates';
import { readDraftGuardMessage } from '../../lib/draft-guard-reader';
import { ContentRequestSchema, DraftGuardMessageSchema } from '../../lib/protocol';
import { DraftBasisSchema, DraftEditsSchema, DraftSchema, RowLinkSchema } from '../../lib/schemas';

// Odd values around every edge the schemas care about: padded, blank, too long, path-like, wrong types.
const oddId = fc.oneof(fc.constantFrom(' L2', 'L3 ', '', '.', '..', 'x'.repeat(201)), fc.string({ maxLength: 4 }), fc.integer());
const oddText = (max: number) => fc.oneof(fc.constantFrom('y'.repeat(max + 1)), fc.integer(), fc.constant(null));
const oddMoney = fc.oneof(fc.constantFrom('-0.00', '1', '1.5', ' 1.00', '1,000.00', '(1.00)'), fc.integer());
const oddDate = fc.constantFrom('2023-02-29', '2026-04-31', '2026-13-01', '2026-1-5', '', '2026-03-31T00:00:00Z');
const oddDateTime = fc.constantFrom('2026-01-01T24:00:00Z', '2026-01-01T00:00Z', '2026-01-01T00:00:00+01:00', '2026-01-01 00:00:00Z', '2023-02-29T00:00:00Z', 'yesterday');
const oddAmounts = fc.oneof(fc.constantFrom({ ' L1': '1.00' }, { '': '1.00' }, { L1: '9'.repeat(101) }, { L1: 1 }, { L1: null }, ['1.00']), fc.anything());
/** Deletes the field instead of setting it. */
const MISSING = Symbol('missing');

/**
 * Mostly valid values, as Backfill writes them; half of them with one field swapped for an odd value
 * (often one the schema refuses or would change) or deleted. Most runs reach a reader's answer either way.
 */
function nearValid(valid: fc.Arbitrary<object>, odd: { [field: string]: fc.Arbitrary<unknown> }): fc.Arbitrary<unknown> {
  const swaps = Object.entries(odd).map(([field, value]) => fc.oneof(value, fc.constant(MISSING)).map((oddValue) => [field, oddValue] as const));
  const swapped = fc.tuple(valid, fc.oneof(...swaps)).map(([value, [field, oddValue]]) => {
    const copy: Record<string, unknown> = { ...value };
    if (oddValue === MISSING) delete copy[field];
    else copy[field] = oddValue;
    return copy;
  });
  return fc.oneof({ weight: 4, arbitrary: valid }, { weight: 3, arbitrary: swapped }, { weight: 1, arbitrary: fc.oneof(fc.constant(null), fc.string(), fc.array(fc.nat())) });
}

const id = fc.constantFrom('YC-1', 'L1', 'x'.repeat(200), 'C 7');
const text = (max: number) => fc.oneof(fc.string({ maxLength: 5 }), fc.constantFrom('y'.repeat(max), ' padded '));
const money = fc.bigInt(-(10n ** 12n) + 1n, 10n ** 12n - 1n).map((cents) => {
  const whole = cents < 0n ? -cents : cents;
  return `${cents < 0n ? '-' : ''}${whole / 100n}.${String(whole % 100n).padStart(2, '0')}`;
}).filter((amount) => amount !== '-0.00');
const date = fc.date({ min: new Date('1000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }).map((day) => day.toISOString().slice(0, 10));
const dateTime = fc.date({ min: new Date('1000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }).map((at) => at.toISOString());
const allocations = fc.dictionary(fc.constantFrom('L1', 'L2', 'L 3', '__proto__', 'x'.repeat(200)), fc.oneof(fc.string({ maxLength: 4 }), fc.constant('9'.repeat(100))), { maxKeys: 4 });
const validHeader = fc.record({ number: text(200), title: text(500), payPeriod: date });
const header = nearValid(validHeader, { number: oddText(200), title: oddText(500), payPeriod: oddDate });
const extra = fc.oneof(fc.string(), fc.integer());
const validEdits = fc.record(
    {
      claimId: id,
      contractId: id,
      header: validHeader,
      allocations,
      focusedSovLineId: fc.oneof(id, fc.constant(null)),
      hostOrigin: fc.constantFrom('https://pf.example.com', 'chrome-extension://abc/', `https://${'h'.repeat(280)}.com`),
      extra,
    },
    { requiredKeys: ['claimId', 'contractId', 'header', 'allocations', 'focusedSovLineId'] },
  );
const edits = nearValid(validEdits, {
    claimId: oddId,
    contractId: oddId,
    header,
    allocations: oddAmounts,
    focusedSovLineId: oddId,
    hostOrigin: fc.constantFrom('not a url', ' https://pf.example.com', 'https://pf.exa\tmple.com', `https://${'h'.repeat(300)}.com`),
  },
);
const validClaimLine = fc.record({ categoryCode: id, description: text(1000), amount: money, extra }, { requiredKeys: ['categoryCode', 'amount'] });
const claimLine = nearValid(validClaimLine, {
  categoryCode: fc.oneof(oddId, fc.constant('c'.repeat(101))),
  description: oddText(1000),
  amount: oddMoney,
});
const validClaim = fc.record({ id, contractId: id, vendorName: text(500), invoiceNumber: text(200), invoiceDate: date, total: money, allocated: fc.boolean(), lines: fc.array(validClaimLine, { minLength: 1, maxLength: 3 }), extra }, { requiredKeys: ['id', 'contractId', 'vendorName', 'invoiceNumber', 'invoiceDate', 'total', 'allocated', 'lines'] });
const claim = nearValid(validClaim, { id: oddId, contractId: oddId, vendorName: oddText(500), invoiceNumber: oddText(200), invoiceDate: oddDate, total: oddMoney, allocated: fc.constant('yes'), lines: fc.oneof(fc.constantFrom([], {}, 'lines'), fc.array(claimLine, { minLength: 1, maxLength: 3 })) });
const validSovLine = fc.record({ id, lineNumber: fc.nat(), categoryCode: fc.oneof(id, fc.constant(null)), description: text(1000), scheduledValue: money, claimedToDate: money, note: extra }, { requiredKeys: ['id', 'lineNumber', 'categoryCode', 'description', 'scheduledValue', 'claimedToDate'] });
const sovLine = nearValid(validSovLine, { id: oddId, lineNumber: fc.constantFrom(-1, 2.5, 2 ** 53, '3'), categoryCode: oddId, description: oddText(1000), scheduledValue: oddMoney, claimedToDate: oddMoney });
const validSov = fc.record({ contractId: id, lines: fc.array(validSovLine, { maxLength: 3 }) });
const sov = nearValid(validSov, { contractId: oddId, lines: fc.oneof(fc.constantFrom({}, 'lines'), fc.array(sovLine, { minLength: 1, maxLength: 3 })) });
const validBasis = fc.record({ claimId: id, claim: validClaim, sov: validSov, recordedAt: dateTime });
const basis = nearValid(validBasis, { claimId: oddId, claim, sov, recordedAt: oddDateTime });

/**
 * A reader agrees with its schema on `runs` values: whatever it accepts, the schema accepts and returns
 * the same (fields and their order, which `sameDraftEdits` compares as JSON); whatever the schema
 * returns, the reader accepts as it is. Both answers must come often, or the runs prove little.
 */
function agreesOften<T>(values: fc.Arbitrary<unknown>, read: (value: unknown) => T | null, schema: z.ZodType<T>, runs = 3000): void {
  let accepted = 0;
  fc.assert(
    fc.property(values, (value) => {
      const parsed = schema.safeParse(value);
      const own = read(value);
      if (own !== null) {
        expect(parsed.success).toBe(true);
        expect(own).toStrictEqual(parsed.data);
        expect(JSON.stringify(own)).toBe(JSON.stringify(parsed.data));
      }
      if (parsed.success) {
        accepted += 1;
        expect(read(parsed.data)).toStrictEqual(parsed.data);
      }
    }),
    { numRuns: runs },
  );
  expect(accepted).toBeGreaterThan(runs / 10);
  expect(accepted).toBeLessThan(runs * 0.9);
}

describe('records checked by hand agree with their schemas', () => {
  it('dates and times: exactly what z.iso.date() and z.iso.datetime() accept', () => {
    fc.assert(fc.property(fc.oneof(date, oddDate, fc.string({ maxLength: 10 })), (value) => {
      expect(isIsoDate(value)).toBe(z.iso.date().safeParse(value).success);
    }), { numRuns: 2000 });
    fc.assert(fc.property(fc.oneof(dateTime, oddDateTime, fc.string({ maxLength: 30 })), (value) => {
      expect(isIsoDateTime(value)).toBe(z.iso.datetime().safeParse(value).success);
    }), { numRuns: 2000 });
  });

  it('a draft’s edits (DraftEditsSchema)', () => {
    agreesOften(edits, readDraftEdits, DraftEditsSchema);
  });

  it('a draft’s basis (DraftBasisSchema)', () => {
    agreesOften(basis, readDraftBasis, DraftBasisSchema);
  });

  it('a row link (RowLinkSchema)', () => {
    const link = nearValid(fc.record({ key: fc.string({ minLength: 1, maxLength: 3 }), claimId: id, at: dateTime, extra }, { requiredKeys: ['key', 'claimId', 'at'] }), {
      key: fc.constantFrom('', 'k'.repeat(2001)),
      claimId: oddId,
      at: oddDateTime,
    });
    agreesOften(link, readRowLink, RowLinkSchema, 2000);
  });

  it('a stored draft: the fields its mark and its compare-and-swap need are read as DraftSchema reads them', () => {
    const submission = fc.oneof({ weight: 4, arbitrary: fc.constant({ state: 'ready' }) }, { weight: 1, arbitrary: fc.constant({ state: 'lost' }) }, { weight: 1, arbitrary: fc.anything() });
    const lineage = fc.oneof(fc.constant(['0123456789abcdef']), fc.constant(['nope']), fc.constant(undefined));
    const stored = fc.tuple(validEdits, fc.nat(), submission, dateTime, lineage).map(([draft, revision, state, updatedAt, prints]) => ({ ...draft, revision, submission: state, updatedAt, ...(prints && { lineage: prints }) }));
    let read = 0;
    fc.assert(
      fc.property(stored, (value) => {
        const parsed = DraftSchema.safeParse(value);
        if (!parsed.success) return;
        read += 1;
        const { claimId, submission, allocations, revision, lineage } = parsed.data;
        expect(readMarkedDraft(value)).toEqual({ claimId, submission: { state: submission.state }, allocations });
        expect(readDraftHead(value)).toEqual({ revision, state: submission.state, ...(lineage && { lineage }) });
      }),
      { numRuns: 2000 },
    );
    expect(read).toBeGreaterThan(500);
  });
});

describe('the head of a stored draft', () => {
  it.each([
    ['a negative revision', { revision: -1, submission: { state: 'ready' } }],
    ['a fractional revision', { revision: 1.5, submission: { state: 'ready' } }],
    ['a revision in words', { revision: '2', submission: { state: 'ready' } }],
    ['an unknown submission state', { revision: 2, submission: { state: 'lost' } }],
    ['no submission', { revision: 2 }],
  ])('does not read with %s: the draft is then never overwritten', (_name, record) => {
    expect(readDraftHead(record)).toBeNull();
  });

  it('keeps a lineage that reads and drops one that does not, as the schema’s catch does', () => {
    expect(readDraftHead({ revision: 2, submission: { state: 'ready' }, lineage: ['0123456789abcdef'] })).toEqual({ revision: 2, state: 'ready', lineage: ['0123456789abcdef'] });
    expect(readDraftHead({ revision: 2, submission: { state: 'submitting' }, lineage: ['nope'] })).toEqual({ revision: 2, state: 'submitting' });
  });
});

describe('messages checked by hand agree with the protocol’s schemas', () => {
  it('draft guard messages (DraftGuardMessageSchema), with a reason for each refusal', () => {
    const withoutAmounts = validEdits.map(({ allocations: _amounts, ...rest }) => rest);
    const odd = { edits, basis, baseRevision: fc.constantFrom(-1, 1.5, '2'), writing: fc.constant('yes'), changes: fc.oneof(allocations, oddAmounts), type: fc.constant('panel/close'), extra };
    const message = fc.oneof(
      nearValid(fc.record({ type: fc.constant('draft/unsaved'), edits: validEdits, basis: validBasis, baseRevision: fc.nat(), writing: fc.boolean() }, { requiredKeys: ['type', 'edits', 'baseRevision'] }), odd),
      nearValid(fc.record({ type: fc.constant('draft/unsaved-changes'), edits: withoutAmounts, changes: fc.dictionary(fc.constantFrom('L1', 'L2'), fc.oneof(fc.string({ maxLength: 4 }), fc.constant(null))), basis: validBasis, baseRevision: fc.nat(), writing: fc.boolean() }, { requiredKeys: ['type', 'edits', 'changes', 'baseRevision'] }), odd),
      nearValid(fc.constant({ type: 'draft/saved' }), { extra }),
    );
    const readMessage = (candidate: unknown) => {
      const read = readDraftGuardMessage(candidate);
      if (!read.ok) expect(read.reason.length).toBeGreaterThan(0);
      return read.ok ? read.message : null;
    };
    agreesOften(message, readMessage, DraftGuardMessageSchema, 4000);
  });

  it('what the content script asks (ContentRequestSchema), trimmed alike', () => {
    const identity = fc.oneof(fc.record({ claimId: text(200), contractNumber: text(200), invoiceNumber: text(200), vendorName: text(500), invoiceDate: date }, { requiredKeys: [] }), fc.anything());
    const request = fc.oneof(
      fc.record({ type: fc.constantFrom('claim/open', 'drafts/marks', 'panel/close'), claimId: text(200), row: identity, rows: fc.oneof(fc.array(identity, { maxLength: 3 }), fc.anything()), extra }, { requiredKeys: ['type'] }),
      fc.anything(),
    );
    fc.assert(
      fc.property(request, (value) => {
        const parsed = ContentRequestSchema.safeParse(value);
        expect(readContentRequest(value)).toEqual(parsed.success ? parsed.data : null);
      }),
      { numRuns: 4000 },
    );
  });
});
