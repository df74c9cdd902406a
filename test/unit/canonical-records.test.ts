import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { readDraftBasis, readDraftEdits, readDraftHead, readMarkedDraft, readRowLink } from '../../lib/canonical-records';
import { readContentRequest } from '../../lib/content-request-reader';
import { isIsoDate, isIsoDateTime } from '../../lib/dates';
import { readDraftGuardMessage } from '../../lib/draft-guard-reader';
import { ContentRequestSchema, DraftGuardMessageSchema } from '../../lib/protocol';
import { DraftBasisSchema, DraftEditsSchema, DraftSchema, RowLinkSchema } from '../../lib/schemas';
import { makeClaim, makeSov } from '../support/fixtures';

// Values around every edge the schemas care about: padded, blank, too long, path-like, wrong types.
const id = fc.oneof(fc.constantFrom('YC-1', 'L1', ' L2', 'L3 ', '', '.', '..', 'x'.repeat(200), 'x'.repeat(201)), fc.string({ maxLength: 4 }), fc.integer());
const text = (max: number) => fc.oneof(fc.string({ maxLength: 5 }), fc.constantFrom('y'.repeat(max), 'y'.repeat(max + 1), ' padded '), fc.integer());
const money = fc.oneof(fc.constantFrom('1.00', '-12.50', '0.00', '-0.00', '1', '1.5', ' 1.00', '1,000.00', '(1.00)'), fc.integer(), fc.bigInt(-(10n ** 12n), 10n ** 12n).map((cents) => `${cents < 0n ? '-' : ''}${(cents < 0n ? -cents : cents) / 100n}.${String((cents < 0n ? -cents : cents) % 100n).padStart(2, '0')}`));
const date = fc.oneof(
  fc.constantFrom('2026-03-31', '2024-02-29', '2023-02-29', '2026-04-31', '2026-13-01', '2026-1-5', ''),
  fc.date({ min: new Date('1000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }).map((day) => day.toISOString().slice(0, 10)),
);
const dateTime = fc.oneof(
  fc.date({ min: new Date('1000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }).map((at) => at.toISOString()),
  fc.constantFrom('2026-01-01T00:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01T00:00Z', '2026-01-01T00:00:00+01:00', '2026-01-01 00:00:00Z', '2026-01-01T00:00:00.1234567Z', '2023-02-29T00:00:00Z', 'yesterday'),
);
const lineId = fc.oneof(fc.constantFrom('L1', 'L2', ' L3', '', '__proto__', 'x'.repeat(201)), fc.string({ maxLength: 3 }));
const allocations = fc.oneof(
  { weight: 4, arbitrary: fc.dictionary(lineId, fc.oneof(fc.string({ maxLength: 4 }), fc.constant('9'.repeat(101)), fc.constant(null), fc.integer()), { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.anything() },
);
const header = fc.oneof({ weight: 4, arbitrary: fc.record({ number: text(200), title: text(500), payPeriod: date }) }, { weight: 1, arbitrary: fc.anything() });
const extra = fc.oneof(fc.string(), fc.integer());
const edits = fc.record(
  {
    claimId: id,
    contractId: id,
    header,
    allocations,
    focusedSovLineId: fc.oneof(id, fc.constant(null)),
    hostOrigin: fc.constantFrom('https://pf.example.com', 'chrome-extension://abc/', 'not a url', `https://${'h'.repeat(300)}.com`),
    revision: fc.oneof(fc.nat(), fc.constant(-1), fc.constant(1.5), fc.string()),
    extra,
  },
  { requiredKeys: ['claimId', 'contractId', 'header', 'allocations', 'focusedSovLineId'] },
);
const claimLine = fc.record({ categoryCode: fc.oneof(id, fc.constant('c'.repeat(101))), description: text(1000), amount: money }, { requiredKeys: ['categoryCode', 'amount'] });
const claim = fc.oneof(
  { weight: 5, arbitrary: fc.record({ id, contractId: id, vendorName: text(500), invoiceNumber: text(200), invoiceDate: date, total: money, allocated: fc.oneof(fc.boolean(), fc.constant('yes')), lines: fc.array(claimLine, { maxLength: 3 }), extra }, { requiredKeys: ['id', 'contractId', 'vendorName', 'invoiceNumber', 'invoiceDate', 'total', 'allocated', 'lines'] }) },
  { weight: 1, arbitrary: fc.constant(makeClaim()) },
);
const sovLine = fc.record({ id, lineNumber: fc.oneof(fc.nat(), fc.constant(-1), fc.constant(2.5)), categoryCode: fc.oneof(id, fc.constant(null)), description: text(1000), scheduledValue: money, claimedToDate: money, note: extra }, { requiredKeys: ['id', 'lineNumber', 'categoryCode', 'description', 'scheduledValue', 'claimedToDate'] });
const basis = fc.record({
  claimId: id,
  claim,
  sov: fc.oneof({ weight: 5, arbitrary: fc.record({ contractId: id, lines: fc.array(sovLine, { maxLength: 3 }) }) }, { weight: 1, arbitrary: fc.constant(makeSov()) }, { weight: 1, arbitrary: fc.anything() }),
  recordedAt: dateTime,
});

/**
 * A reader agrees with its schema: whatever it accepts, the schema accepts and returns the same (fields
 * and their order, which `sameDraftEdits` compares as JSON); whatever the schema returns, the reader
 * accepts as it is.
 */
function agrees<T>(read: (value: unknown) => T | null, schema: z.ZodType<T>) {
  return (value: unknown) => {
    const parsed = schema.safeParse(value);
    const own = read(value);
    if (own !== null) {
      expect(parsed.success).toBe(true);
      expect(own).toStrictEqual(parsed.data);
      expect(JSON.stringify(own)).toBe(JSON.stringify(parsed.data));
    }
    if (parsed.success) expect(read(parsed.data)).toStrictEqual(parsed.data);
  };
}

describe('records checked by hand agree with their schemas', () => {
  it('dates and times: exactly what z.iso.date() and z.iso.datetime() accept', () => {
    fc.assert(fc.property(date, (value) => {
      expect(isIsoDate(value)).toBe(z.iso.date().safeParse(value).success);
    }), { numRuns: 2000 });
    fc.assert(fc.property(fc.oneof(dateTime, fc.string({ maxLength: 30 })), (value) => {
      expect(isIsoDateTime(value)).toBe(z.iso.datetime().safeParse(value).success);
    }), { numRuns: 2000 });
  });

  it('a draft’s edits (DraftEditsSchema)', () => {
    fc.assert(fc.property(edits, agrees(readDraftEdits, DraftEditsSchema)), { numRuns: 3000 });
  });

  it('a draft’s basis (DraftBasisSchema)', () => {
    fc.assert(fc.property(basis, agrees(readDraftBasis, DraftBasisSchema)), { numRuns: 3000 });
  });

  it('a row link (RowLinkSchema)', () => {
    const link = fc.record({ key: fc.oneof(fc.string({ maxLength: 3 }), fc.constant('k'.repeat(2001))), claimId: id, at: dateTime, extra }, { requiredKeys: ['key', 'claimId', 'at'] });
    fc.assert(fc.property(link, agrees(readRowLink, RowLinkSchema)), { numRuns: 2000 });
  });

  it('a stored draft: the fields its mark and its compare-and-swap need are read as DraftSchema reads them', () => {
    const submission = fc.oneof(fc.constant({ state: 'ready' }), fc.constant({ state: 'lost' }), fc.anything());
    const stored = fc.tuple(edits, fc.nat(), submission, dateTime, fc.oneof(fc.constant(['0123456789abcdef']), fc.constant(['nope']), fc.constant(undefined))).map(([draft, revision, state, updatedAt, lineage]) => ({ ...draft, revision, submission: state, updatedAt, ...(lineage && { lineage }) }));
    fc.assert(
      fc.property(stored, (value) => {
        const parsed = DraftSchema.safeParse(value);
        if (!parsed.success) return;
        const { claimId, submission, allocations, revision, lineage } = parsed.data;
        // Canonical records only: the schema returns a draft as it was stored.
        if (JSON.stringify(readDraftEdits(value)) !== JSON.stringify(DraftEditsSchema.parse(value))) return;
        expect(readMarkedDraft(value)).toEqual({ claimId, submission: { state: submission.state }, allocations });
        expect(readDraftHead(value)).toEqual({ revision, state: submission.state, ...(lineage && { lineage }) });
      }),
      { numRuns: 2000 },
    );
  });
});

describe('messages checked by hand agree with the protocol’s schemas', () => {
  it('draft guard messages (DraftGuardMessageSchema), with a reason for each refusal', () => {
    const message = fc.record(
      {
        type: fc.constantFrom('draft/unsaved', 'draft/unsaved-changes', 'draft/saved', 'panel/close'),
        edits: fc.oneof(edits, edits.map(({ allocations: _amounts, ...rest }) => rest)),
        changes: allocations,
        basis,
        baseRevision: fc.oneof(fc.nat(), fc.constant(-1), fc.constant(1.5)),
        writing: fc.oneof(fc.boolean(), fc.constant('yes')),
        extra,
      },
      { requiredKeys: ['type'] },
    );
    fc.assert(
      fc.property(message, (value) => {
        agrees((candidate) => {
          const read = readDraftGuardMessage(candidate);
          if (!read.ok) expect(read.reason.length).toBeGreaterThan(0);
          return read.ok ? read.message : null;
        }, DraftGuardMessageSchema)(value);
      }),
      { numRuns: 4000 },
    );
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
