import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { DraftSchema } from '../../../lib/schemas';
import { BALANCED, makeClaim, makeSov } from '../../support/fixtures';
import { edits, freshStorage } from '../../support/storage';

describe('Drafts', () => {
  it('records the claim and SOV a draft was built against, with the edits', async () => {
    const { drafts, bases } = freshStorage();
    const basis = { claimId: 'YC-1', claim: makeClaim(), sov: makeSov(), recordedAt: '2026-11-25T10:00:00.000Z' };
    await drafts.saveEdits(edits, 0, basis);
    expect(await bases.get('YC-1')).toEqual(basis);
    expect(await bases.get('YC-2')).toBeUndefined();
  });

  it("names a draft's contract from the contract index alone, without reading the draft", async () => {
    const { drafts } = freshStorage();
    await drafts.saveEdits(edits, 0);
    await drafts.saveEdits({ ...edits, claimId: 'YC-9', contractId: 'C-9' }, 0);
    const read = vi.spyOn(DraftSchema, 'safeParse');
    expect(await drafts.contractOf('YC-1')).toBe('C-1');
    expect(await drafts.contractOf('YC-9')).toBe('C-9');
    expect(await drafts.contractOf('YC-2')).toBeUndefined();
    expect(read).not.toHaveBeenCalled();
    read.mockRestore();
  });

  it("names one draft's contract among many by reading its index entry alone, not walking the others", async () => {
    const { drafts } = freshStorage();
    for (let n = 10; n < 40; n++) await drafts.saveEdits({ ...edits, claimId: `YC-${n}`, contractId: `C-${50 - n}` }, 0);
    const walked = vi.spyOn(IDBCursor.prototype, 'continue');
    expect(await drafts.contractOf('YC-25')).toBe('C-25');
    expect(await drafts.contractOf('YC-39')).toBe('C-11');
    expect(await drafts.contractOf('YC-4')).toBeUndefined();
    expect(walked).not.toHaveBeenCalled();
    walked.mockRestore();
  });

  it("follows the contract's other drafts, and a save of the claim's own draft reads no draft again", async () => {
    const { drafts } = freshStorage();
    const basis = (claimId: string) => ({ claimId, claim: makeClaim({ id: claimId }), sov: makeSov(), recordedAt: '2026-11-25T10:00:00.000Z' });
    await drafts.saveEdits(edits, 0, basis('YC-1'));
    await drafts.saveEdits({ ...edits, claimId: 'YC-2', allocations: { L1: '5.00' } }, 0, basis('YC-2'));
    await drafts.saveEdits({ ...edits, claimId: 'YC-9', contractId: 'C-9' }, 0);
    const seen: string[][] = [];
    const stop = drafts.watchOtherDrafts('C-1', 'YC-1', (entries) => seen.push(entries.map(({ draft, basis }) => `${draft.claimId}:${draft.revision}:${basis?.claim.id}`)));
    const settled = () => new Promise((resolve) => setTimeout(resolve, 50));
    await settled();
    expect(seen).toEqual([['YC-2:1:YC-2']]);

    // The claim's own draft is never read back by the watch (the panel saves it after every edit).
    const read = vi.spyOn(DraftSchema, 'safeParse');
    await drafts.saveEdits({ ...edits, allocations: { L1: '1.00' } }, 1);
    const checksBySave = read.mock.calls.length;
    await settled();
    expect(read.mock.calls.slice(checksBySave).map(([record]) => (record as { claimId?: string }).claimId)).not.toContain('YC-1');
    expect(seen.at(-1)).toEqual(['YC-2:1:YC-2']);
    read.mockRestore();

    await drafts.saveEdits({ ...edits, claimId: 'YC-2', allocations: { L1: '6.00' } }, 1);
    await settled();
    expect(seen.at(-1)).toEqual(['YC-2:2:YC-2']);
    stop();
  });

  it('saves edits and reads them back exactly, bumping the revision each time', async () => {
    const { drafts } = freshStorage();
    expect(await drafts.saveEdits(edits, 0)).toEqual({ ok: true, revision: 1 });
    expect(await drafts.saveEdits({ ...edits, allocations: { ...BALANCED, L2: '399.99' } }, 1)).toEqual({ ok: true, revision: 2 });
    const draft = await drafts.get('YC-1');
    expect(draft).toMatchObject({ ...edits, allocations: { ...BALANCED, L2: '399.99' }, revision: 2, submission: { state: 'ready' } });
  });

  it('never reports saved what it could not read back: such a draft is not written', async () => {
    const { drafts } = freshStorage();
    await drafts.saveEdits(edits, 0);
    await expect(drafts.saveEdits({ ...edits, header: { ...edits.header, title: 'T'.repeat(501) } }, 1)).rejects.toThrow(/could not read back \(header.title\)/);
    await expect(drafts.saveEdits({ ...edits, header: { ...edits.header, payPeriod: '20245-01-01' } }, 1)).rejects.toThrow(/header.payPeriod/);
    expect(await drafts.get('YC-1')).toMatchObject({ revision: 1, header: edits.header });
  });

  it('refuses a stale write: another tab saved since (compare-and-swap on the revision)', async () => {
    const { drafts } = freshStorage();
    await drafts.saveEdits(edits, 0);
    await drafts.saveEdits({ ...edits, allocations: { L1: '1.00' } }, 1); // the other tab
    const stale = await drafts.saveEdits({ ...edits, allocations: { L1: '2.00' } }, 1);
    expect(stale).toMatchObject({ ok: false, reason: 'conflict', stored: { revision: 2, allocations: { L1: '1.00' } } });
    expect((await drafts.get('YC-1'))!.allocations).toEqual({ L1: '1.00' });
    expect(await drafts.saveEdits({ ...edits, allocations: { L1: '2.00' } }, 2)).toEqual({ ok: true, revision: 3 });
  });
});
