import { describe, expect, it } from 'vitest';
import { allocationRows, pasteTargets } from '../../lib/allocation-rows';
import { BackfillValidator } from '../../lib/backfill';
import { makeClaim, makeSov } from '../support/fixtures';

describe('pasteTargets', () => {
  it("lists the grid's rows in display order, the other SOV lines included and read-only", () => {
    const validator = new BackfillValidator({ claim: makeClaim(), sov: makeSov(), backfilledClaimIds: [] });
    const targets = pasteTargets(validator);
    expect(targets.map(({ id }) => id)).toEqual(allocationRows(validator, { showOtherLines: true }).map(({ id }) => id));
    expect(targets.filter(({ editable }) => editable).map(({ id }) => id)).toEqual(['L1', 'L2', 'L3']);
    expect(targets.find(({ id }) => id === 'L5')).toEqual({ id: 'L5', editable: false, line: { lineNumber: 5, categoryCode: '26-000', description: 'Electrical' } });
    expect(targets.find(({ id }) => id === 'code:03-300')).toEqual({ id: 'code:03-300', editable: false, line: null });
  });
});
