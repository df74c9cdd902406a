import { describe, expect, it } from 'vitest';
import { AllocationsSchema, DraftSchema, MoneySchema, SovSchema, YardiClaimSchema } from '../../lib/schemas';
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
