import { describe, expect, it } from 'vitest';
import type { DraftEntry } from '../../../lib/draft-marks';
import { localClaim, localHostClaim, localHostSov, localSov } from '../../../lib/local-source/records';
import { buildQueue } from '../../../lib/workbench/queue';
import { prepareDetermined } from '../../../lib/workbench/prepare-determined';
import { G703_LINES, IMPORTED } from '../../support/local-source';

const AT = '2026-11-30T10:00:00.000Z';
// A G703 sheet: one line per code. 09-900 can take $600.00 more.
const g703 = localSov('SC-1042', G703_LINES, 'g703.csv', AT);
const claimOf = (invoiceNumber: string, invoiceDate: string, painting: string, extra: Partial<typeof IMPORTED> = {}) =>
  localClaim(
    { ...IMPORTED, invoiceNumber, invoiceDate, codes: [{ categoryCode: '03-300', amount: '1000.00' }, { categoryCode: '09-900', amount: painting }], total: (1000 + Number(painting)).toFixed(2), ...extra },
    'payments.csv',
    AT,
  );

describe('determined claims', () => {
  it('are marked in the queue when each code has one SOV line, and not when a code has several', () => {
    const claim = claimOf('INV-7', '2026-01-31', '500.00');
    expect(buildQueue({ localClaims: [claim], localSovs: [g703], drafts: [] })[0]!.determined).toBe(true);
    const twoPaintingLines = { ...g703, lines: [...g703.lines, { number: '3', description: 'Touch-up', categoryCode: '09-900', scheduledValue: '100.00', claimedToDate: '0.00' }] };
    expect(buildQueue({ localClaims: [claim], localSovs: [twoPaintingLines], drafts: [] })[0]!.determined).toBe(false);
  });

  it('are prepared in invoice order, each checked against the ones before it, and the others say why not', () => {
    const march = claimOf('INV-9', '2026-03-31', '300.00');
    const january = claimOf('INV-7', '2026-01-31', '400.00');
    const allocated = claimOf('INV-8', '2026-02-28', '10.00', { allocated: true });
    const result = prepareDetermined({ localClaims: [march, allocated, january], localSovs: [g703], drafts: [] }, new Set([march.id, january.id, allocated.id]), AT);
    expect(result.prepared.map(({ claim, edits }) => [claim.invoiceNumber, edits.allocations])).toEqual([
      ['INV-7', { 'item:1': '1000.00', 'item:2': '400.00' }],
      ['INV-9', { 'item:1': '1000.00', 'item:2': '300.00' }],
    ]);
    expect(result.prepared[0]!.warnings).toEqual([]);
    // March stacks on January: $700.00 on a $600.00 line. Prepared, with the warning to show.
    expect(result.prepared[1]!.warnings).toEqual(['Line 2 would be claimed to $700.00 with the earlier drafts Granite Ridge Concrete INV-7 for $400.00, past its scheduled value of $600.00.']);
    expect(result.notPrepared.map(({ claim, reason }) => [claim.invoiceNumber, reason])).toEqual([['INV-8', 'This claim is allocated in Yardi, and allocated claims cannot be backfilled.']]);
  });

  it('stack on the drafts already there, and are not prepared past a line alone', () => {
    const january = claimOf('INV-7', '2026-01-31', '400.00');
    const draft: DraftEntry = {
      draft: { claimId: january.id, contractId: 'SC-1042', header: { number: 'INV-7', title: 'x', payPeriod: '2026-01-31' }, allocations: { 'item:2': '250.00' }, revision: 3, updatedAt: AT, focusedSovLineId: null, submission: { state: 'ready' } },
      basis: { claimId: january.id, claim: localHostClaim(january, false), sov: localHostSov(g703), recordedAt: AT },
    };
    const february = claimOf('INV-8', '2026-02-28', '400.00');
    const tooMuch = claimOf('INV-10', '2026-04-30', '700.00');
    const result = prepareDetermined({ localClaims: [january, february, tooMuch], localSovs: [g703], drafts: [draft] }, new Set([february.id, tooMuch.id]), AT);
    expect(result.prepared[0]!.warnings[0]).toContain('with the earlier drafts Granite Ridge Concrete INV-7 for $250.00');
    expect(result.prepared[0]).toMatchObject({ baseRevision: 0, edits: { header: { number: 'INV-8', payPeriod: '2026-02-28' } }, basis: { claimId: february.id, recordedAt: AT } });
    expect(result.notPrepared.map(({ reason }) => reason)).toEqual(['Line 2 would be claimed to $700.00, past its scheduled value of $600.00.']);
  });
});
