import { describe, expect, it } from 'vitest';
import { draftChanges } from '../../lib/draft-changes';
import type { HostClaim } from '../../lib/schemas';
import { makeClaim, makeSov } from '../support/fixtures';

const hostClaim = (overrides: Partial<HostClaim> = {}): HostClaim => ({ ...makeClaim(), status: 'Unlinked', backfilled: false, ...overrides });

describe('draftChanges', () => {
  it('finds nothing when the host still has what the draft was built against', () => {
    expect(draftChanges({ claim: makeClaim(), sov: makeSov() }, { claim: hostClaim(), sov: makeSov() })).toEqual([]);
  });

  it('says which lines were added, removed or moved, and that the claim was backfilled', () => {
    const sov = makeSov();
    const [first, second, ...rest] = sov.lines;
    const now = {
      claim: hostClaim({ backfilled: true, status: 'Synced and Approved' }),
      sov: { ...sov, lines: [{ ...first!, claimedToDate: '700.00' }, ...rest, { ...second!, id: 'L9', lineNumber: 9, description: 'Curbs' }] },
    };
    expect(draftChanges({ claim: makeClaim(), sov }, now)).toEqual([
      'The claim has been backfilled since this draft was started.',
      "Line 1's claimed to date moved from $500.00 to $700.00.",
      'SOV line 9 (Curbs) was added.',
      'SOV line 2 (Slabs) was removed.',
    ]);
  });

  it('notices a changed claim amount per code', () => {
    const now = hostClaim({ total: '1600.00', lines: [{ categoryCode: '03-300', amount: '1100.00' }, { categoryCode: '09-900', amount: '500.00' }] });
    expect(draftChanges({ claim: makeClaim(), sov: makeSov() }, { claim: now, sov: makeSov() })).toEqual([
      "The claim's total changed from $1,500.00 to $1,600.00.",
      "The claim's amount on 03-300 changed from $1,000.00 to $1,100.00.",
    ]);
  });
});
