import { describe, expect, it } from 'vitest';
import { BackfillValidator, validateBackfill, type Rule } from '../../../lib/backfill';
import type { Allocations } from '../../../lib/schemas';
import { BALANCED, makeClaim, makeSov } from '../../support/fixtures';

function check(options: { claim?: ReturnType<typeof makeClaim>; sov?: ReturnType<typeof makeSov>; allocations?: Allocations; backfilled?: string[] } = {}) {
  return validateBackfill({
    claim: options.claim ?? makeClaim(),
    sov: options.sov ?? makeSov(),
    allocations: options.allocations ?? BALANCED,
    backfilledClaimIds: options.backfilled ?? [],
  });
}

function rules(result: ReturnType<typeof check>): Rule[] {
  return result.issues.map((issue) => issue.rule);
}

describe('validateBackfill', () => {
  it('lets a balanced backfill through with every code at zero remaining', () => {
    const result = check();
    expect(result.issues).toEqual([]);
    expect(result.canSubmit).toBe(true);
    expect(result.codes).toEqual([
      { categoryCode: '03-300', target: '1000.00', allocated: '1000.00', remaining: '0.00' },
      { categoryCode: '09-900', target: '500.00', allocated: '500.00', remaining: '0.00' },
    ]);
  });

  describe('blockers', () => {
    it('CLAIM_ALLOCATED: refuses an allocated claim, allows an unallocated one', () => {
      expect(rules(check({ claim: makeClaim({ allocated: true }) }))).toEqual(['CLAIM_ALLOCATED']);
      expect(check({ claim: makeClaim({ allocated: true }) }).canSubmit).toBe(false);
      expect(rules(check({ claim: makeClaim({ allocated: false }) }))).toEqual([]);
    });

    it('CLAIM_ALREADY_BACKFILLED: refuses a claim the host already holds, not another one', () => {
      const twice = check({ backfilled: ['YC-9', 'YC-1'] });
      expect(rules(twice)).toEqual(['CLAIM_ALREADY_BACKFILLED']);
      expect(twice.issues[0]!.severity).toBe('blocker');
      expect(rules(check({ backfilled: ['YC-9'] }))).toEqual([]);
    });

    it('SOV_NOT_CODED: refuses an SOV without any category code (and so none of the claim\'s codes is on it)', () => {
      const uncoded = makeSov({ lines: makeSov().lines.map((line) => ({ ...line, categoryCode: null })) });
      const result = check({ sov: uncoded, allocations: {} });
      expect(rules(result)).toEqual(['SOV_NOT_CODED', 'CODE_NOT_ON_SOV', 'CODE_NOT_ON_SOV']);
      expect(result.canSubmit).toBe(false);
      expect(rules(check())).not.toContain('SOV_NOT_CODED');
    });

    it('CODE_NOT_ON_SOV: one blocker per claim code that no SOV line carries', () => {
      const claim = makeClaim({
        total: '1750.00',
        lines: [...makeClaim().lines, { categoryCode: '31-000', amount: '200.00' }, { categoryCode: '32-100', amount: '50.00' }],
      });
      const result = check({ claim });
      expect(result.issues.filter((issue) => issue.rule === 'CODE_NOT_ON_SOV').map((issue) => issue.categoryCode)).toEqual(['31-000', '32-100']);
      expect(result.canSubmit).toBe(false);
      expect(result.issues[0]!.message).toContain('31-000');
    });

    it('CLAIM_TOTAL_MISMATCH: refuses a claim whose lines do not add up to its total', () => {
      expect(rules(check({ claim: makeClaim({ total: '1500.01' }) }))).toEqual(['CLAIM_TOTAL_MISMATCH']);
      expect(rules(check({ claim: makeClaim({ total: '1500.00' }) }))).toEqual([]);
    });

    it('SOV_OTHER_CONTRACT: refuses an SOV of another contract', () => {
      expect(rules(check({ sov: makeSov({ contractId: 'C-2' }) }))).toEqual(['SOV_OTHER_CONTRACT']);
    });
  });

  describe('errors', () => {
    it('UNKNOWN_SOV_LINE: any amount, even zero, on a line that is not on the SOV; an empty one is nothing', () => {
      const result = check({ allocations: { ...BALANCED, GONE: '5.00' } });
      expect(result.issues).toMatchObject([{ rule: 'UNKNOWN_SOV_LINE', severity: 'error', sovLineId: 'GONE' }]);
      expect(result.canSubmit).toBe(false);
      expect(rules(check({ allocations: { ...BALANCED, GONE: '0.00' } }))).toEqual(['UNKNOWN_SOV_LINE']);
      expect(check({ allocations: { ...BALANCED, GONE: '' } }).canSubmit).toBe(true);
    });

    it('LINE_NOT_IN_CLAIM: amounts on uncoded lines or on codes the claim did not pay; zero is fine', () => {
      const result = check({ allocations: { ...BALANCED, L4: '1.00', L5: '2.00' } });
      expect(result.issues.map((issue) => [issue.rule, issue.sovLineId])).toEqual([
        ['LINE_NOT_IN_CLAIM', 'L4'],
        ['LINE_NOT_IN_CLAIM', 'L5'],
      ]);
      expect(result.issues[0]!.message).toMatch(/no category code/);
      expect(check({ allocations: { ...BALANCED, L4: '0.00', L5: '0' } }).canSubmit).toBe(true);
    });

    it.each(['12.345', 'abc', '1,000.00', '$5.00', '1e3', ' 5'])('AMOUNT_INVALID: %j is not an allocation', (value) => {
      const result = check({ allocations: { ...BALANCED, L2: value } });
      expect(result.issues.find((issue) => issue.sovLineId === 'L2')).toMatchObject({ rule: 'AMOUNT_INVALID', severity: 'error' });
      expect(result.canSubmit).toBe(false);
    });

    it.each(['400', '400.0', '400.00'])('AMOUNT_INVALID: %j with at most two decimals is accepted', (value) => {
      expect(check({ allocations: { ...BALANCED, L2: value } }).canSubmit).toBe(true);
    });

    it('an empty string or a missing line means nothing is allocated there', () => {
      const result = check({ allocations: { L1: '600.00', L2: '', L3: '500.00' } });
      expect(result.codes[0]).toEqual({ categoryCode: '03-300', target: '1000.00', allocated: '600.00', remaining: '400.00' });
      expect(rules(result)).toEqual(['CODE_UNDER_ALLOCATED']);
    });

    it('CODE_UNDER_ALLOCATED and CODE_OVER_ALLOCATED: each code must match Yardi to the cent', () => {
      const result = check({ allocations: { L1: '600.00', L2: '399.99', L3: '500.01' } });
      expect(result.issues.map((issue) => [issue.rule, issue.categoryCode])).toEqual([
        ['CODE_UNDER_ALLOCATED', '03-300'],
        ['CODE_OVER_ALLOCATED', '09-900'],
      ]);
      expect(result.codes.map((code) => code.remaining)).toEqual(['0.01', '-0.01']);
      expect(result.issues[0]!.message).toContain('$0.01');
    });

    it('credits: under means not yet reaching the negative target, over means past it', () => {
      const claim = makeClaim({ total: '-300.00', lines: [{ categoryCode: '03-300', amount: '-300.00' }] });
      const under = check({ claim, allocations: { L1: '-100.00' } });
      expect(under.issues.map((issue) => issue.rule)).toEqual(['CODE_UNDER_ALLOCATED']);
      expect(under.codes[0]!.remaining).toBe('-200.00');
      const over = check({ claim, allocations: { L1: '-400.00' } });
      expect(over.issues.map((issue) => issue.rule)).toEqual(['CODE_OVER_ALLOCATED']);
      const wrongWay = check({ claim, allocations: { L2: '50.00' } });
      expect(wrongWay.issues.map((issue) => issue.rule)).toEqual(['CODE_UNDER_ALLOCATED']);
      expect(check({ claim, allocations: { L1: '-300.00' } }).canSubmit).toBe(true);
    });

    it('a code with a zero target is over as soon as anything nets on it', () => {
      const claim = makeClaim({ total: '500.00', lines: [{ categoryCode: '03-300', amount: '0.00' }, { categoryCode: '09-900', amount: '500.00' }] });
      expect(rules(check({ claim, allocations: { L1: '1.00', L3: '500.00' } }))).toEqual(['CODE_OVER_ALLOCATED']);
      expect(check({ claim, allocations: { L1: '-1.00', L2: '1.00', L3: '500.00' } }).canSubmit).toBe(true);
    });

    it('LINE_OVER_SCHEDULED: claimed to date plus this claim may reach, not pass, the scheduled value', () => {
      const claim = makeClaim({ total: '2000.00', lines: [{ categoryCode: '03-300', amount: '1500.00' }, { categoryCode: '09-900', amount: '500.00' }] });
      expect(check({ claim, allocations: { L1: '1500.00', L3: '500.00' } }).canSubmit).toBe(true);
      const over = check({ claim, allocations: { L1: '1500.01', L2: '-0.01', L3: '500.00' } });
      expect(over.issues).toMatchObject([{ rule: 'LINE_OVER_SCHEDULED', sovLineId: 'L1', categoryCode: '03-300' }, { rule: 'LINE_BELOW_ZERO', sovLineId: 'L2' }]);
    });

    it('LINE_BELOW_ZERO: a credit may take a line back to zero, not below', () => {
      const claim = makeClaim({ total: '-500.00', lines: [{ categoryCode: '03-300', amount: '-500.00' }] });
      expect(check({ claim, allocations: { L1: '-500.00' } }).canSubmit).toBe(true);
      const below = check({ claim, allocations: { L1: '-500.01', L2: '0.01' } });
      expect(below.issues).toMatchObject([{ rule: 'LINE_BELOW_ZERO', sovLineId: 'L1', severity: 'error' }]);
      expect(below.issues[0]!.message).toContain('($0.01)');
    });
  });

  it('orders issues: blockers, then codes in claim order, then lines in SOV order', () => {
    const result = check({ claim: makeClaim({ allocated: true }), allocations: { L5: '1.00', L3: 'x', L1: '1000.00' } });
    expect(result.issues.map((issue) => issue.rule)).toEqual(['CLAIM_ALLOCATED', 'CODE_UNDER_ALLOCATED', 'AMOUNT_INVALID', 'LINE_NOT_IN_CLAIM']);
  });
});

describe('BackfillValidator (incremental)', () => {
  it('gives the same result after any sequence of edits as validating from scratch', () => {
    const validator = new BackfillValidator({ claim: makeClaim(), sov: makeSov(), backfilledClaimIds: [] });
    const edits: [string, string][] = [['L1', '600.00'], ['L2', 'oops'], ['L2', '400'], ['L5', '3.00'], ['L3', '500.00'], ['L5', ''], ['L1', '2000.00'], ['L1', '600.00']];
    for (const [line, value] of edits) {
      validator.set(line, value);
      const fresh = validateBackfill({ claim: makeClaim(), sov: makeSov(), allocations: validator.allocations(), backfilledClaimIds: [] });
      expect(validator.result()).toEqual(fresh);
    }
    expect(validator.result().canSubmit).toBe(true);
    expect(validator.allocations()).toEqual({ L1: '600.00', L2: '400', L3: '500.00' });
  });

  it('gives a code a new balance object only when its figures change (the reference formats only those again)', () => {
    const validator = new BackfillValidator({ claim: makeClaim(), sov: makeSov(), backfilledClaimIds: [] });
    validator.setMany(BALANCED);
    const [concrete, painting] = validator.result().codes;
    validator.set('L3', '450.00');
    const [concreteAfter, paintingAfter] = validator.result().codes;
    expect(concreteAfter).toBe(concrete);
    expect(paintingAfter).not.toBe(painting);
    expect(paintingAfter).toEqual({ categoryCode: '09-900', target: '500.00', allocated: '450.00', remaining: '50.00' });
    expect(validator.result().codes[1]).toBe(paintingAfter); // read again, nothing changed
  });
});
