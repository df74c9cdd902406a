import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BackfillValidator, comesBefore, projectLines, type OtherDraft } from '../../../lib/backfill';
import { lineRow } from '../../../lib/allocation-rows';
import { Decimal } from '../../../lib/decimal';
import { BALANCED, makeClaim, makeSov } from '../../support/fixtures';

const self = { claimId: 'YC-1', invoiceDate: '2026-03-31', invoiceNumber: 'INV-100' };

function other(claimId: string, invoiceDate: string, invoiceNumber: string, allocations: Record<string, string>): OtherDraft {
  return { claimId, invoiceDate, invoiceNumber, label: `Acme ${invoiceNumber}`, allocations };
}

describe('the order of a contract’s claims', () => {
  it('is by invoice date, then invoice number as a number, then claim id', () => {
    expect(comesBefore({ ...self, invoiceDate: '2026-02-28' }, self)).toBe(true);
    expect(comesBefore({ ...self, invoiceNumber: 'INV-99' }, self)).toBe(true);
    expect(comesBefore({ ...self, invoiceNumber: 'INV-101' }, self)).toBe(false);
    expect(comesBefore({ ...self, claimId: 'YC-0' }, self)).toBe(true);
    expect(comesBefore(self, self)).toBe(false);
  });

  it('puts every two different claims one way round, never both', () => {
    const claim = fc.record({ claimId: fc.constantFrom('A', 'B', 'C'), invoiceDate: fc.constantFrom('2026-01-31', '2026-02-28'), invoiceNumber: fc.constantFrom('INV-9', 'INV-10', 'inv-10') });
    fc.assert(
      fc.property(claim, claim, (a, b) => {
        if (a.claimId === b.claimId) return;
        expect(comesBefore(a, b)).toBe(!comesBefore(b, a));
      }),
    );
  });
});

describe('projectLines', () => {
  it('adds the earlier drafts to a line and keeps the later ones apart, credits included, leaving this claim out', () => {
    const projection = projectLines(self, [
      other('YC-3', '2026-04-30', 'INV-120', { L1: '300.00' }),
      other('YC-2', '2026-02-28', 'INV-90', { L1: '250.00', L3: '-100.00', L2: 'abc', L4: '0.00' }),
      other('YC-4', '2026-03-31', 'INV-99', { L1: '50.05' }),
      other('YC-1', '2026-03-31', 'INV-100', { L1: '999.00' }),
    ]);
    expect([...projection.keys()].sort()).toEqual(['L1', 'L3']);
    const line = projection.get('L1')!;
    expect([line.earlier, line.later]).toEqual(['300.05', '300.00']);
    expect(line.drafts.map((draft) => [draft.label, draft.amount, draft.earlier])).toEqual([
      ['Acme INV-90', '250.00', true],
      ['Acme INV-99', '50.05', true],
      ['Acme INV-120', '300.00', false],
    ]);
    expect(projection.get('L3')!.earlier).toBe('-100.00');
  });

  it('reads amounts as stored drafts may hold them, to the cent', () => {
    const line = projectLines(self, [other('YC-2', '2026-01-31', 'INV-1', { L1: '1.5' }), other('YC-3', '2026-01-31', 'INV-2', { L1: '-0.05' }), other('YC-4', '2026-01-31', 'INV-3', { L1: '999999999999.99' })]).get('L1')!;
    expect(line.earlier).toBe('1000000000001.44');
    expect(line.drafts.map((draft) => draft.amount)).toEqual(['1.50', '-0.05', '999999999999.99']);
  });

  it('loses no cent: earlier plus later is every other draft’s amount on the line', () => {
    const cents = fc.integer({ min: -10_000_00, max: 10_000_00 }).map((value) => new Decimal(value).dividedBy(100).toFixed(2));
    const draft = fc.record({ date: fc.constantFrom('2026-01-31', '2026-03-31', '2026-05-31'), number: fc.nat(300), amount: cents });
    fc.assert(
      fc.property(fc.array(draft, { maxLength: 30 }), (drafts) => {
        const others = drafts.map((each, index) => other(`YC-${index + 10}`, each.date, `INV-${each.number}`, { L1: each.amount }));
        const line = projectLines(self, others).get('L1');
        const expected = drafts.reduce((sum, each) => sum.plus(each.amount), new Decimal(0));
        expect((line ? new Decimal(line.earlier).plus(line.later) : new Decimal(0)).equals(expected)).toBe(true);
      }),
    );
  });
});

describe('validation with the contract’s other drafts', () => {
  // L3: scheduled 600, nothing claimed; this claim puts 500 on it.
  function validator(others: OtherDraft[]) {
    const checker = new BackfillValidator({ claim: makeClaim(), sov: makeSov(), backfilledClaimIds: [] });
    checker.setMany(BALANCED);
    checker.setProjection(projectLines(self, others));
    return checker;
  }

  it('warns when this amount on top of the earlier drafts passes the scheduled value, naming them, and still lets it submit', () => {
    const checker = validator([other('YC-2', '2026-02-28', 'INV-90', { L3: '150.00' })]);
    const result = checker.result();
    expect(result.canSubmit).toBe(true);
    expect(result.issues).toEqual([
      {
        rule: 'LINE_OVER_PROJECTED',
        severity: 'warning',
        sovLineId: 'L3',
        categoryCode: '09-900',
        message: 'Line 3 would be claimed to $650.00 with the earlier drafts Acme INV-90 for $150.00, past its scheduled value of $600.00.',
      },
    ]);
    const row = lineRow(checker, makeSov().lines[2]!);
    expect(row).toMatchObject({ projectedToDate: '150.00', remainingBalance: '-50.00', otherDrafts: 'earlier: Acme INV-90 for $150.00', problems: [] });
    expect(row.warnings).toHaveLength(1);
  });

  it('warns the earlier draft too when a later one would overrun the line once both are in', () => {
    const [issue] = validator([other('YC-3', '2026-04-30', 'INV-120', { L3: '150.00' })]).result().issues;
    expect(issue).toMatchObject({ rule: 'LINE_OVER_WITH_LATER_DRAFTS', severity: 'warning', sovLineId: 'L3' });
    expect(issue!.message).toBe('Line 3 would be claimed to $650.00 once the later drafts Acme INV-120 for $150.00 are submitted too, past its scheduled value of $600.00: one of them must change.');
  });

  it('warns when credits of earlier drafts would take a line below zero', () => {
    const [issue] = validator([other('YC-2', '2026-02-28', 'INV-90', { L1: '-1200.00' })]).result().issues;
    expect(issue).toMatchObject({ rule: 'LINE_OVER_PROJECTED', sovLineId: 'L1' });
    expect(issue!.message).toBe('Line 1 would be claimed to ($100.00) with the earlier drafts Acme INV-90 for ($1,200.00), below zero.');
  });

  it('says nothing when the drafts fit, and forgets a warning once the other draft moves away', () => {
    const checker = validator([other('YC-2', '2026-02-28', 'INV-90', { L3: '100.00' })]);
    expect(checker.result().issues).toEqual([]);
    expect(checker.setProjection(projectLines(self, [other('YC-2', '2026-02-28', 'INV-90', { L3: '200.00' })]))).toEqual(['L3']);
    expect(checker.result().issues.map((issue) => issue.rule)).toEqual(['LINE_OVER_PROJECTED']);
    // The same projection again moves no line; another line's draft does not touch L3's check.
    expect(checker.setProjection(projectLines(self, [other('YC-2', '2026-02-28', 'INV-90', { L3: '200.00' })]))).toEqual([]);
    expect(checker.setProjection(projectLines(self, [other('YC-2', '2026-02-28', 'INV-90', { L2: '10.00' })]))).toEqual(['L3', 'L2']);
    expect(checker.result().issues).toEqual([]);
  });
});
