import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { totalRow } from '../../lib/allocation-rows';
import { BackfillValidator } from '../../lib/backfill';
import { MAX_MONEY, parseMoney, sumMoney } from '../../lib/money';
import { makeClaim, makeSov } from '../support/fixtures';

const MAX_CENTS = BigInt(MAX_MONEY.replace('.', ''));
const cents = (money: string) => BigInt(money.replace('.', ''));
const fromCents = (value: bigint) => {
  const sign = value < 0n ? '-' : '';
  const digits = (value < 0n ? -value : value).toString().padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
};

/** `count` SOV lines of code 03-300, each scheduled at the largest amount. */
const largestLines = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    id: `L${index}`,
    lineNumber: index + 1,
    categoryCode: '03-300',
    description: `Line ${index}`,
    scheduledValue: MAX_MONEY,
    claimedToDate: '0.00',
  }));

// Any amount a user can type is bounded, so totals of many of them stay exact to the cent.
describe('totals of the largest amounts a user can enter', () => {
  it('sum exactly, compared with integer cents, for up to 20,000 amounts', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt(-MAX_CENTS, MAX_CENTS), { minLength: 1, maxLength: 50 }), fc.integer({ min: 1, max: 400 }), (amounts, copies) => {
        const values = Array.from({ length: copies }, () => amounts.map(fromCents)).flat();
        const expected = values.reduce((sum, value) => sum + cents(value), 0n);
        expect(cents(sumMoney(values))).toBe(expected);
      }),
      { numRuns: 50 },
    );
  });

  it('show exactly in the totals row of the grid', () => {
    const lines = largestLines(300);
    const validator = new BackfillValidator({ claim: makeClaim(), sov: makeSov({ lines }), backfilledClaimIds: [] });
    const typed = parseMoney('999,999,999,999.99');
    expect(typed.ok).toBe(true);
    validator.setMany(Object.fromEntries(lines.map((line) => [line.id, typed.ok ? typed.value : ''])));
    expect(totalRow(validator, validator.result().codes).allocated).toBe(fromCents(MAX_CENTS * 300n));
  });

  it('keep a code exact through any edits near the largest amount, read between edits or not', () => {
    const lines = largestLines(100);
    // Every line filled near the largest amount (the code's sum passes 2^53 cents), then any edits,
    // the code's balance read now and then.
    const nearMax = fc.bigInt(MAX_CENTS - 1000n, MAX_CENTS);
    const edit = fc.record({ line: fc.integer({ min: 0, max: 99 }), cents: fc.oneof(nearMax, fc.bigInt(-MAX_CENTS, MAX_CENTS)), read: fc.boolean() });
    fc.assert(
      fc.property(fc.array(nearMax, { minLength: 100, maxLength: 100 }), fc.boolean(), fc.array(edit, { maxLength: 100 }), (filled, readFilled, edits) => {
        const validator = new BackfillValidator({ claim: makeClaim(), sov: makeSov({ lines }), backfilledClaimIds: [] });
        const typed = new Map<string, bigint>();
        const type = (line: number, amount: bigint, read: boolean) => {
          validator.set(`L${line}`, fromCents(amount));
          typed.set(`L${line}`, amount);
          if (read) validator.result();
        };
        filled.forEach((amount, line) => type(line, amount, readFilled && line % 10 === 0));
        for (const { line, cents: amount, read } of edits) type(line, amount, read);
        const expected = [...typed.values()].reduce((sum, amount) => sum + amount, 0n);
        expect(validator.balanceOf('03-300')?.allocated).toBe(fromCents(expected));
      }),
      { numRuns: 100, endOnFailure: true },
    );
  });

  it('cannot take a 45-digit amount, so no total is ever rounded', () => {
    const validator = new BackfillValidator({ claim: makeClaim(), sov: makeSov(), backfilledClaimIds: [] });
    const huge = '1' + '0'.repeat(44) + '.01';
    validator.setMany({ L1: huge, L2: '1.00' });
    const result = validator.result();
    expect(result.issues.some((issue) => issue.sovLineId === 'L1' && /larger than the largest amount/.test(issue.message))).toBe(true);
    expect(totalRow(validator, result.codes).allocated).toBe('1.00');
  });
});
