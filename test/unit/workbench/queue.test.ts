import { describe, expect, it } from 'vitest';
import type { DraftEntry } from '../../../lib/draft-marks';
import { localClaim, localHostClaim, localHostSov, localSov } from '../../../lib/local-source/records';
import type { Draft } from '../../../lib/schemas';
import { identityKey } from '../../../lib/claim-identity';
import { buildQueue, viewQueue, type QueueEntry, type SeenClaim } from '../../../lib/workbench/queue';
import { makeClaim, makeSov } from '../../support/fixtures';
import { G703_LINES, IMPORTED } from '../../support/local-source';

const AT = '2026-11-30T10:00:00.000Z';
const sovLines = G703_LINES;
const sov = localSov('SC-1042', sovLines, 'g703.csv', AT);
const claim = localClaim(IMPORTED, 'payments.csv', AT);

function draftOf(claimId: string, allocations: Record<string, string>, submission: Draft['submission'] = { state: 'ready' }): DraftEntry {
  const draft: Draft = {
    claimId,
    contractId: 'SC-1042',
    header: { number: 'INV-7', title: 'Backfill', payPeriod: '2026-03-31' },
    allocations,
    revision: 1,
    updatedAt: AT,
    focusedSovLineId: null,
    submission,
  };
  return { draft, basis: { claimId, claim: localHostClaim(claim, false), sov: localHostSov(sov), recordedAt: AT } };
}

function stateOf(entries: QueueEntry[]) {
  return entries.map(({ state, detail }) => [state, detail]);
}

describe('the workbench queue', () => {
  it('blocks an imported claim until its contract’s SOV is imported, and by the same rules as the allocation view', () => {
    expect(stateOf(buildQueue({ localClaims: [claim], localSovs: [], drafts: [] }))).toEqual([['Blocked', 'No SOV is imported for contract SC-1042.']]);
    const uncoded = localSov('SC-1042', sovLines.slice(0, 1), 'g703.csv', AT);
    const [entry] = buildQueue({ localClaims: [claim], localSovs: [uncoded], drafts: [] });
    expect(entry).toMatchObject({ state: 'Blocked', detail: expect.stringContaining('09-900') });
    expect(buildQueue({ localClaims: [{ ...claim, allocated: true }], localSovs: [sov], drafts: [] })[0]!.state).toBe('Blocked');
  });

  it('says how far a draft is, when it balances, and when it is finished', () => {
    const queue = (entry?: DraftEntry) => stateOf(buildQueue({ localClaims: [claim], localSovs: [sov], drafts: entry ? [entry] : [] }));
    expect(queue()).toEqual([['Not started', 'Determined: each code is on one SOV line.']]);
    expect(queue(draftOf(claim.id, { 'item:1': '600.00' }))).toEqual([['Draft', '$600.00 of $1,500.00 allocated']]);
    expect(queue(draftOf(claim.id, { 'item:1': '1000.00', 'item:2': '500.00' }))).toEqual([['Ready', 'Balanced: review and finish.']]);
    const backfill = { id: 'f-1', claimId: claim.id, contractId: 'SC-1042', idempotencyKey: 'k', lines: [], total: '1500.00', status: 'Finished' as const, createdAt: AT };
    expect(queue(draftOf(claim.id, {}, { state: 'submitted', idempotencyKey: 'k', backfill }))[0]![0]).toBe('Finished');
  });

  it('says when a finished claim was exported, and checks it again once it was', () => {
    const backfill = { id: 'f-1', claimId: claim.id, contractId: 'SC-1042', idempotencyKey: 'k', lines: [], total: '1500.00', status: 'Finished' as const, createdAt: AT };
    const finished = draftOf(claim.id, {}, { state: 'submitted', idempotencyKey: 'k', backfill });
    const cache = new Map();
    expect(buildQueue({ localClaims: [claim], localSovs: [sov], drafts: [finished] }, cache)[0]!.state).toBe('Finished');
    const exported = { ...claim, exportedAt: '2026-12-01T09:00:00.000Z' };
    expect(stateOf(buildQueue({ localClaims: [exported], localSovs: [sov], drafts: [finished] }, cache))).toEqual([['Exported', 'Exported 2026-12-01; submit it from its reconciliation row.']]);
  });

  it('lists a host claim by its draft, with the host to reopen it on', () => {
    const host = makeClaim();
    const entry: DraftEntry = { ...draftOf('YC-1', { L1: '600.00', L2: '0.10' }), basis: { claimId: 'YC-1', claim: host, sov: makeSov(), recordedAt: AT } };
    entry.draft.hostOrigin = 'http://127.0.0.1:5180';
    expect(buildQueue({ localClaims: [], localSovs: [], drafts: [entry] })).toEqual([
      {
        claimId: 'YC-1',
        source: 'host',
        contractNumber: 'C-1',
        vendorName: 'Granite Ridge Concrete',
        invoiceNumber: 'INV-100',
        invoiceDate: '2026-03-31',
        total: '1500.00',
        allocated: '600.10',
        state: 'Draft',
        detail: '$600.10 of $1,500.00 allocated',
        panelHash: 'claim=YC-1&host=http%3A%2F%2F127.0.0.1%3A5180',
        determined: false,
      },
    ]);
  });

  it('lists rows seen on reconciliation pages as not started, once, and not the ones it knows otherwise', () => {
    const seenRow = (identity: SeenClaim['row']['identity']): SeenClaim['row'] => ({ key: identityKey(identity), identity, pageUrl: 'https://pf.example.com/reconciliation', seenAt: AT });
    const unopened = { row: seenRow({ contractNumber: 'SC-77', invoiceNumber: 'A-1', vendorName: 'Acme' }), claimId: undefined };
    // Opened in the panel (its row link names the claim), which has a draft: listed by its draft.
    const drafted = { row: seenRow({ contractNumber: 'SC 1', invoiceNumber: 'INV-100' }), claimId: 'YC-1' };
    // The imported claim SC-1042 / INV-7, as a page writes it: that claim's own entry.
    const imported = { row: seenRow({ contractNumber: 'sc 1042', invoiceNumber: 'inv 7' }), claimId: undefined };
    const host: DraftEntry = { ...draftOf('YC-1', { L1: '600.00' }), basis: { claimId: 'YC-1', claim: makeClaim(), sov: makeSov(), recordedAt: AT } };
    const queue = buildQueue({ localClaims: [claim], localSovs: [sov], drafts: [host], seen: [unopened, drafted, imported, unopened] });
    expect(queue.map((entry) => [entry.source, entry.invoiceNumber, entry.state])).toEqual([
      ['file', 'INV-7', 'Not started'],
      ['host', 'INV-100', 'Draft'],
      ['page', 'A-1', 'Not started'],
    ]);
    expect(queue[2]).toMatchObject({ contractNumber: 'SC-77', vendorName: 'Acme', total: null, detail: 'Seen on pf.example.com on 2026-11-30: link it from its row, or open it here.' });
    // The drafted claim's contract as its row shows it, not the host's id for it (C-1).
    expect(queue[1]).toMatchObject({ claimId: 'YC-1', contractNumber: 'SC 1' });
    // Opened from the workbench, the panel finds the claim the way the row would have.
    expect(new URLSearchParams(queue[2]!.panelHash!)).toEqual(new URLSearchParams({ contract: 'SC-77', invoice: 'A-1', vendor: 'Acme', host: 'https://pf.example.com' }));
  });

  it('filters by state, searches every word, and sorts amounts by value and invoices as numbers', () => {
    const paying = (total: string) => ({ total, codes: [{ categoryCode: '03-300', amount: total }] });
    const claims = [
      localClaim({ ...IMPORTED, ...paying('900.00'), invoiceNumber: 'INV-10', vendorName: 'Alpha Steel' }, 'a.csv', AT),
      localClaim({ ...IMPORTED, ...paying('1000.00'), invoiceNumber: 'INV-9' }, 'a.csv', AT),
      localClaim({ ...IMPORTED, ...paying('-50.00'), invoiceNumber: 'INV-11', contractNumber: 'SC-2000' }, 'a.csv', AT),
    ];
    const queue = buildQueue({ localClaims: claims, localSovs: [sov], drafts: [] });
    const invoices = (view: Partial<Parameters<typeof viewQueue>[1]>) =>
      viewQueue(queue, { search: '', state: null, sort: 'invoiceNumber', descending: false, ...view }).map((entry) => entry.invoiceNumber);
    expect(invoices({})).toEqual(['INV-9', 'INV-10', 'INV-11']);
    expect(invoices({ sort: 'total', descending: true })).toEqual(['INV-9', 'INV-10', 'INV-11']);
    expect(invoices({ sort: 'total' })).toEqual(['INV-11', 'INV-10', 'INV-9']);
    expect(invoices({ search: 'alpha inv-10' })).toEqual(['INV-10']);
    expect(invoices({ state: 'Blocked' })).toEqual(['INV-11']); // no SOV for SC-2000
  });
});

describe('rebuilding the queue after a save', () => {
  it('checks again only the claims whose record, draft or SOV changed, and gives the same states as a fresh build', () => {
    const other = localClaim({ ...IMPORTED, invoiceNumber: 'INV-8' }, 'payments.csv', AT);
    const cache = new Map();
    const first = buildQueue({ localClaims: [claim, other], localSovs: [sov], drafts: [] }, cache);
    const edited = { localClaims: [claim, other], localSovs: [sov], drafts: [draftOf(claim.id, { 'item:1': '600.00' })] };
    const second = buildQueue(edited, cache);
    expect(second[1]).toBe(first[1]); // untouched: the very same entry
    expect(second[0]).not.toBe(first[0]);
    expect(second).toEqual(buildQueue(edited));
    const resaved = { ...edited, drafts: [{ ...edited.drafts[0]!, draft: { ...edited.drafts[0]!.draft, revision: 2, allocations: { 'item:1': '1000.00', 'item:2': '500.00' } } }] };
    expect(buildQueue(resaved, cache)[0]!.state).toBe('Ready');
    const newSov = localSov('SC-1042', sovLines.slice(0, 1), 'g703.csv', '2026-12-01T10:00:00.000Z');
    expect(buildQueue({ ...resaved, localSovs: [newSov] }, cache)[0]!.state).toBe('Blocked');
  });
});
