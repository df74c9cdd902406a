import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../../lib/schemas';
import { BALANCED } from '../../support/fixtures';
import { edits, freshStorage, storage } from '../../support/storage';

describe('Quarantine', () => {
  it('quarantines a stored record whose submission state cannot be read, reports it, and keeps it', async () => {
    const { db, drafts, quarantine } = freshStorage();
    // Guessing a submission state could send a claim twice: such a record is never reused.
    const broken = { ...edits, revision: 1, updatedAt: '2026-11-25T10:00:00.000Z', submission: { state: 'half-sent' } } as unknown as Draft;
    await db.drafts.put(broken);
    expect(await drafts.get('YC-1')).toBeUndefined();
    expect(quarantine.reports).toEqual([expect.stringContaining('could not be read')]);
    const [kept] = await db.quarantine.toArray();
    expect(kept).toMatchObject({ table: 'drafts', key: 'YC-1', record: broken });
    expect(kept!.error).toContain('submission');
    expect(await db.drafts.count()).toBe(0);
  });

  it('repairs an unreadable draft instead of starting an empty one: every amount kept, the original quarantined', async () => {
    const { db, drafts, quarantine } = freshStorage();
    // What an earlier version let users save: a 600-character title, a six-digit year, an overlong amount.
    const broken = {
      ...edits,
      header: { number: 'N'.repeat(250), title: 'T'.repeat(600), payPeriod: '202024-03-31' },
      allocations: { ...BALANCED, L4: '1'.repeat(120) + '.00' },
      revision: 4,
      updatedAt: '2026-11-25T10:00:00.000Z',
      submission: { state: 'ready' as const },
    };
    await db.drafts.put(broken);
    const draft = await drafts.get('YC-1');
    expect(draft).toMatchObject({
      allocations: BALANCED,
      header: { number: 'N'.repeat(200), title: 'T'.repeat(500), payPeriod: '2026-11-25' },
      revision: 5,
      focusedSovLineId: 'L2',
    });
    expect(quarantine.reports).toHaveLength(1);
    expect(quarantine.reports[0]).toMatch(/repaired and every amount that could be read is kept/);
    expect(quarantine.reports[0]).toMatch(/title had 600 characters/);
    expect(quarantine.reports[0]).toMatch(/SOV line L4 held "1111/);
    expect((await db.quarantine.toArray())[0]).toMatchObject({ table: 'drafts', key: 'YC-1', record: broken });
    // Repaired on disk: the next read needs no repair, and saving goes on from the new revision.
    const again = storage(db);
    expect(await again.drafts.get('YC-1')).toEqual(draft);
    expect(again.quarantine.reports).toEqual([]);
    expect(await drafts.saveEdits({ ...edits, allocations: { ...BALANCED, L1: '1.00' } }, 5)).toEqual({ ok: true, revision: 6 });
  });
});
