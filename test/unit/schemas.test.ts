import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AllocationsSchema, DraftSchema, MoneySchema, SovLineSchema, SovSchema, YardiClaimLineSchema, YardiClaimSchema } from '../../lib/schemas';
import { makeClaim, makeSov } from '../support/fixtures';

describe('schemas', () => {
  it('accept the shapes the product exchanges', () => {
    expect(YardiClaimSchema.parse(makeClaim())).toEqual(makeClaim());
    expect(SovSchema.parse(makeSov())).toEqual(makeSov());
  });

  it.each([1234.5, '1234.5', '1,234.50', '-0.00', '$1.00', ''])('refuse %j as money: amounts cross boundaries as canonical strings', (value) => {
    expect(MoneySchema.safeParse(value).success).toBe(false);
  });

  it('refuse a claim with a float total, a bad date or no lines, naming the field', () => {
    const result = YardiClaimSchema.safeParse({ ...makeClaim(), total: 1500, invoiceDate: '31/03/2026', lines: [] });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['invoiceDate', 'lines', 'total']);
  });

  it('refuse a draft whose submission state is unknown', () => {
    const draft = {
      claimId: 'YC-1',
      contractId: 'C-1',
      header: { number: 'INV-100', title: 'Backfill INV-100', payPeriod: '2026-03-31' },
      allocations: { L1: '600.00' },
      revision: 1,
      updatedAt: '2026-11-25T10:00:00.000Z',
      focusedSovLineId: null,
      submission: { state: 'ready' },
    };
    expect(DraftSchema.parse(draft)).toEqual(draft);
    expect(DraftSchema.safeParse({ ...draft, submission: { state: 'sent' } }).success).toBe(false);
  });

  it('take the amounts typed per SOV line, and refuse what a draft could not hold, naming the field', () => {
    expect(AllocationsSchema.parse({ L1: '600.00', L2: '', L3: 'abc' })).toEqual({ L1: '600.00', L2: '', L3: 'abc' });
    for (const allocations of [{ ' L1': '1.00' }, { '': '1.00' }, { ['L'.repeat(201)]: '1.00' }, { L1: '1'.repeat(101) }, { L1: 1 }, ['1.00'], null, 'L1']) {
      expect(AllocationsSchema.safeParse(allocations).success).toBe(false);
    }
    const result = DraftSchema.safeParse({ allocations: { L1: 5 } });
    expect(result.error!.issues.map((issue) => issue.path.join('.'))).toContain('allocations');
  });
});

describe('SovSchema', () => {
  // What its quick loop must agree with: every line through the line schema.
  const LineByLine = z.object({ contractId: z.string(), lines: z.array(SovLineSchema) });
  const text = fc.oneof(fc.constantFrom('L1', ' L2 ', '', ' ', '03-300', 'x'.repeat(201), '__proto__'), fc.string({ maxLength: 6 }));
  const number = fc.oneof(fc.integer({ min: -2, max: 10_000 }), fc.constantFrom(1.5, Number.NaN, 2 ** 53, -0), fc.double());
  const money = fc.oneof(fc.constantFrom('1234.50', '-12.00', '0.00', '1,234.50', '1234.5', '999999999999.99', '1000000000000.00', ' 1.00'), text);
  const anything = fc.oneof(text, number, money, fc.constant(null), fc.constant(undefined), fc.boolean());
  const required = ['id', 'lineNumber', 'categoryCode', 'description', 'scheduledValue', 'claimedToDate'] as const;
  const withNote = { requiredKeys: [...required] };
  const validLine = fc.record(
    {
      id: fc.constantFrom('L1', 'A-2', ' L3 ', 'line 4'),
      lineNumber: fc.nat(10_000),
      categoryCode: fc.constantFrom('03-300', null, ' 09 '),
      description: fc.string({ maxLength: 12 }),
      scheduledValue: fc.constantFrom('1234.50', '-12.00', '0.00'),
      claimedToDate: fc.constantFrom('0.00', '999999999999.99'),
      note: anything,
    },
    withNote,
  );
  const line = fc.oneof(
    { weight: 6, arbitrary: validLine },
    { weight: 2, arbitrary: fc.record({ id: text, lineNumber: number, categoryCode: fc.oneof(text, fc.constant(null)), description: text, scheduledValue: money, claimedToDate: money, note: anything }, withNote) },
    { weight: 1, arbitrary: fc.record({ id: anything, lineNumber: anything, categoryCode: anything, description: anything, scheduledValue: anything, claimedToDate: anything }, { requiredKeys: [] }) },
    { weight: 1, arbitrary: anything },
  );

  it('reads any lines exactly as the line schema does: the same lines out, or the same errors', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
        const input = { contractId: 'C-1', lines };
        const quick = SovSchema.safeParse(input);
        const reference = LineByLine.safeParse(input);
        expect(quick.success).toBe(reference.success);
        if (quick.success && reference.success) expect(quick.data.lines).toStrictEqual(reference.data.lines);
        if (!quick.success && !reference.success) expect(z.prettifyError(quick.error)).toBe(z.prettifyError(reference.error));
      }),
      { numRuns: 500 },
    );
  });

  it('names the line and field it refuses, and trims what the line schema trims', () => {
    const lines = [{ id: ' L1 ', lineNumber: 1, categoryCode: ' 03-300 ', description: 'Footings', scheduledValue: '10.00', claimedToDate: '0.00', extra: 1 }];
    expect(SovSchema.parse({ contractId: 'C-1', lines }).lines).toStrictEqual([{ id: 'L1', lineNumber: 1, categoryCode: '03-300', description: 'Footings', scheduledValue: '10.00', claimedToDate: '0.00' }]);
    const refused = SovSchema.safeParse({ contractId: 'C-1', lines: [...lines, { ...lines[0], scheduledValue: '10.5' }] });
    expect(refused.success ? '' : z.prettifyError(refused.error)).toMatch(/at lines\[1\]\.scheduledValue/);
    // An array is no line, whatever properties it carries.
    expect(SovSchema.safeParse({ contractId: 'C-1', lines: [Object.assign([], makeSov().lines[0])] }).success).toBe(false);
  });
});

describe('YardiClaimSchema', () => {
  // What its quick loop must agree with: every line through the line schema, at least one.
  const LineByLine = z.object({ lines: z.array(YardiClaimLineSchema).min(1) });
  const text = fc.oneof(fc.constantFrom('03-300', ' 09 ', '', ' ', 'c'.repeat(101), '__proto__'), fc.string({ maxLength: 6 }));
  const money = fc.oneof(fc.constantFrom('1234.50', '-12.00', '0.00', '-0.00', '1,234.50', '1234.5', ' 1.00'), text, fc.integer());
  const line = fc.oneof(
    { weight: 6, arbitrary: fc.record({ categoryCode: fc.constantFrom('03-300', ' 09 '), description: fc.string({ maxLength: 12 }), amount: fc.constantFrom('1234.50', '-12.00'), note: text }, { requiredKeys: ['categoryCode', 'amount'] }) },
    { weight: 2, arbitrary: fc.record({ categoryCode: text, description: fc.oneof(text, fc.constant('d'.repeat(1001))), amount: money }, { requiredKeys: [] }) },
    { weight: 1, arbitrary: fc.anything() },
  );

  it('reads any lines exactly as the line schema does: the same lines out, or the same errors', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), (lines) => {
        const quick = YardiClaimSchema.shape.lines.safeParse(lines);
        const reference = LineByLine.shape.lines.safeParse(lines);
        expect(quick.success).toBe(reference.success);
        if (quick.success && reference.success) expect(quick.data).toStrictEqual(reference.data);
        if (!quick.success && !reference.success) expect(z.prettifyError(quick.error)).toBe(z.prettifyError(reference.error));
      }),
      { numRuns: 500 },
    );
  });
});
