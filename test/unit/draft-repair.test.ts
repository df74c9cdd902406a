import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repairDraft } from '../../lib/draft-repair';
import { DraftSchema } from '../../lib/schemas';

const NOW = '2026-12-01T12:00:00.000Z';
const draft = {
  claimId: 'YC-1',
  contractId: 'C-1',
  header: { number: 'INV-100', title: 'Backfill', payPeriod: '2026-03-31' },
  allocations: { L1: '600.00', L2: '400.00' },
  revision: 3,
  updatedAt: '2026-11-25T10:00:00.000Z',
  focusedSovLineId: 'L2',
  submission: { state: 'ready' },
};

describe('repairDraft', () => {
  it('keeps a readable draft as it is, with nothing to report', () => {
    expect(repairDraft(draft, NOW)).toEqual({ draft, repairs: [] });
  });

  it('keeps every amount it can and names each one it cannot', () => {
    const repaired = repairDraft({ ...draft, allocations: { L1: '600.00', L2: 400, L3: 'x'.repeat(101), '': '1.00' } }, NOW);
    expect(repaired?.draft.allocations).toEqual({ L1: '600.00' });
    expect(repaired?.repairs).toHaveLength(3);
  });

  it('never lets a key spelled __proto__ become the prototype', () => {
    const record = JSON.parse('{"allocations": {"__proto__": "1.00", "L1": "2.00"}}') as { allocations: object };
    const repaired = repairDraft({ ...draft, allocations: record.allocations, revision: -1 }, NOW);
    expect(Object.getPrototypeOf(repaired!.draft.allocations)).toBe(Object.prototype);
    expect(repaired!.draft.allocations.L1).toBe('2.00');
    expect(({} as Record<string, unknown>).L1).toBeUndefined();
  });

  it('never guesses a submission state or a claim to attach the draft to', () => {
    expect(repairDraft({ ...draft, submission: { state: 'submitting' } }, NOW)).toBeNull();
    expect(repairDraft({ ...draft, claimId: '' }, NOW)).toBeNull();
    expect(repairDraft('a draft', NOW)).toBeNull();
  });

  it('returns a draft its schema reads, or null, and never throws, whatever was stored', () => {
    const field = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constant(undefined), fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer())));
    const record = fc.record({
      claimId: fc.oneof(fc.constant('YC-1'), field),
      contractId: fc.oneof(fc.constant('C-1'), field),
      header: fc.oneof(fc.record({ number: field, title: field, payPeriod: fc.oneof(fc.constant('2026-03-31'), field) }), field),
      allocations: field,
      revision: field,
      updatedAt: field,
      focusedSovLineId: field,
      hostOrigin: field,
      submission: fc.oneof(fc.constant({ state: 'ready' }), field),
    });
    fc.assert(
      fc.property(record, (stored) => {
        const repaired = repairDraft(stored, NOW);
        if (repaired) expect(DraftSchema.safeParse(repaired.draft).success).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
