// liveQuery follows the global IndexedDB only, so tests share it and use a database name each.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackfillDatabase } from '../../../lib/storage/database';
import { DraftAutosave, saveFailureText, type UnsavedEditsGuard } from '../../../lib/panel/draft-autosave.svelte';
import { DraftStore } from '../../../lib/storage/draft-store';
import type { Draft, DraftEdits } from '../../../lib/schemas';
import { draftEdits } from '../../support/fixtures';


/** One tab: its current allocations, and what it adopted from other tabs. */
function tab(store: DraftStore, guard?: UnsavedEditsGuard) {
  const state = { allocations: {} as Record<string, string>, adopted: [] as Draft[] };
  const adopt = (draft: Draft) => {
    state.adopted.push(draft);
    state.allocations = draft.allocations;
  };
  const autosave = new DraftAutosave(store, 'YC-1', () => ({ edits: draftEdits(state.allocations) }), adopt, undefined, guard);
  const type = (allocations: Record<string, string>) => {
    state.allocations = allocations;
    autosave.changed();
  };
  return { autosave, state, type };
}

/** The store as a tab sees it, hearing other tabs' saves only while `hearing.live`. */
function deafenable(store: DraftStore, hearing: { live: boolean }): DraftStore {
  const seen: DraftStore = Object.create(store);
  seen.watch = (claimId, onChange) => store.watch(claimId, (draft) => hearing.live && onChange(draft));
  return seen;
}

const until = (check: () => boolean, timeout = 3000) => vi.waitFor(() => expect(check()).toBe(true), { timeout, interval: 10 });

describe('DraftAutosave', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  let databases = 0;
  function setup() {
    const db = new BackfillDatabase(`backfill-autosave-${++databases}`);
    const store = new DraftStore(db);
    cleanups.push(() => db.close());
    return { db, store };
  }

  it('shows Saving… at once and Saved only after the write, within 250 ms of the last edit', async () => {
    const { store } = setup();
    const one = tab(store);
    one.autosave.start(0);
    one.type({ L1: '1.00' });
    expect(one.autosave.state).toBe('saving');
    expect(await store.get('YC-1')).toBeUndefined();
    await until(() => one.autosave.state === 'saved');
    expect((await store.get('YC-1'))!.allocations).toEqual({ L1: '1.00' });
  });

  it('flush writes pending edits at once', async () => {
    const { store } = setup();
    const one = tab(store);
    one.autosave.start(0);
    one.type({ L1: '1.00' });
    one.type({ L1: '2.00' });
    await one.autosave.flush();
    expect(one.autosave.state).toBe('saved');
    expect((await store.get('YC-1'))!).toMatchObject({ allocations: { L1: '2.00' }, revision: 1 });
  });

  it("takes another tab's saves live when it has nothing unsaved", async () => {
    const { store } = setup();
    const [first, second] = [tab(store), tab(store)];
    for (const t of [first, second]) t.autosave.start(0);
    first.type({ L1: '5.00' });
    await first.autosave.flush();
    await until(() => second.state.adopted.length === 1);
    expect(second.state.allocations).toEqual({ L1: '5.00' });
    second.type({ L1: '5.00', L2: '7.00' });
    await second.autosave.flush();
    await until(() => first.state.allocations.L2 === '7.00');
  });

  it('never overwrites a newer draft silently: a conflicting tab asks, and either choice is kept', async () => {
    const { store } = setup();
    const [first, second] = [tab(store), tab(store)];
    for (const t of [first, second]) t.autosave.start(0);
    first.type({ L1: '1.00' });
    second.type({ L1: '2.00' }); // typed before it heard of the first tab's save
    await first.autosave.flush();
    await second.autosave.flush();
    await until(() => second.autosave.conflict !== null);
    expect(second.autosave.state).toBe('failed');
    expect((await store.get('YC-1'))!.allocations).toEqual({ L1: '1.00' });
    await second.autosave.keepMine();
    expect((await store.get('YC-1'))!.allocations).toEqual({ L1: '2.00' });
    await until(() => first.state.allocations.L1 === '2.00');
  });

  it('asks nothing when the draft on disk already holds exactly its unsaved edits (saved for it by the background)', async () => {
    const { store } = setup();
    const [revived, other] = [tab(store), tab(store)];
    for (const t of [revived, other]) t.autosave.start(0);
    revived.type({ L1: '4.00' });
    // The frame was frozen in the back/forward cache; the background saved what it left unsaved.
    await store.saveEdits(draftEdits({ L1: '4.00' }), 0);
    await revived.autosave.flush();
    expect(revived.autosave.conflict).toBeNull();
    expect(revived.autosave.state).toBe('saved');
    // A different draft from another tab is still a conflict.
    await until(() => other.state.adopted.length === 1); // the other tab is on the saved draft too
    revived.type({ L1: '5.00' });
    other.type({ L1: '6.00' });
    await other.autosave.flush();
    await revived.autosave.flush();
    await until(() => revived.autosave.conflict !== null);
  });

  it('keeps edits in memory when storage fails, says why, and saves them once it works again', async () => {
    const { db, store } = setup();
    const one = tab(store);
    one.autosave.start(0);
    const quota = Object.assign(new Error('AbortError'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } });
    const spy = vi.spyOn(db.drafts, 'put').mockRejectedValueOnce(quota);
    one.type({ L1: '3.00' });
    await one.autosave.flush();
    expect(one.autosave.state).toBe('failed');
    expect(one.autosave.error).toMatch(/storage for Backfill is full/);
    expect(one.autosave.hasUnsavedEdits).toBe(true);
    spy.mockRestore();
    await until(() => one.autosave.state === 'saved', 6000); // the retry, 3 s later
    expect((await store.get('YC-1'))!.allocations).toEqual({ L1: '3.00' });
  }, 10_000);

  it('never shows Saved for edits to a draft another tab started submitting; takes that draft instead', async () => {
    const { store } = setup();
    const hearing = { live: true };
    const [first, second] = [tab(store), tab(deafenable(store, hearing))];
    for (const t of [first, second]) t.autosave.start(0);
    first.type({ L1: '1.00' });
    await first.autosave.flush();
    await until(() => second.state.adopted.length === 1);
    hearing.live = false; // deaf to live updates, as a tab that has not heard yet
    const lines = [{ sovLineId: 'L1', amount: '1.00' }];
    await store.save('YC-1', { state: 'submitting', idempotencyKey: 'k', lines, payloadHash: 'h', startedAt: '2026-11-25T10:00:00.000Z', attempts: 0 });
    second.type({ L1: '9.00' });
    await second.autosave.flush();
    expect(second.autosave.state).toBe('failed');
    expect(second.autosave.error).toMatch(/read-only/);
    expect(second.state.adopted.at(-1)!.submission.state).toBe('submitting');
    expect((await store.get('YC-1'))!.allocations).toEqual({ L1: '1.00' });
  });

  it('writes at once, without waiting, when the guard could not hand the edits to a running worker', async () => {
    const { store } = setup();
    const one = tab(store, { unsaved: () => false, writing: () => {}, saved: () => {}, close: () => {} });
    one.autosave.start(0);
    one.type({ L1: '2.00' });
    await new Promise((resolve) => setTimeout(resolve, 60)); // well inside the 250 ms an edit otherwise waits
    expect((await store.get('YC-1'))?.allocations).toEqual({ L1: '2.00' });
  });

  it('tells the guard every unsaved snapshot at once, each write it starts, and only then that all is on disk', async () => {
    const { store } = setup();
    const told: string[] = [];
    const amounts = (snapshot: { edits: DraftEdits }) => Object.values(snapshot.edits.allocations).join(' ');
    const one = tab(store, {
      unsaved: (snapshot, baseRevision) => told.push(`unsaved ${amounts(snapshot)} on ${baseRevision}`) > 0,
      writing: (snapshot, baseRevision) => told.push(`writing ${amounts(snapshot)} on ${baseRevision}`),
      saved: () => told.push('saved'),
      close: () => told.push('closed'),
    });
    one.autosave.start(0);
    one.type({ L1: '1.00' });
    expect(told).toEqual(['unsaved 1.00 on 0']); // before any timer: the frame may have no time left
    await one.autosave.flush();
    expect(told.splice(0)).toEqual(['unsaved 1.00 on 0', 'writing 1.00 on 0', 'saved']);

    one.type({ L1: '2.00' });
    const writing = one.autosave.flush();
    one.type({ L1: '3.00' }); // while 2.00 is being written: not all is on disk when that lands
    await writing;
    await until(() => one.autosave.state === 'saved');
    expect(told).toEqual(['unsaved 2.00 on 1', 'writing 2.00 on 1', 'unsaved 3.00 on 1', 'writing 3.00 on 2', 'saved']);
  });

  it('explains other failures in plain words', () => {
    expect(saveFailureText(new Error('Database closed'))).toBe('Not saved: Database closed. Your edits are kept in this panel and saving is retried.');
  });
});
