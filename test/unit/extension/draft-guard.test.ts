import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { allocationChanges } from '../../../lib/allocation-changes';
import { AllocationJournal } from '../../../lib/allocation-journal';
import { EditorSnapshot, type DraftSnapshot } from '../../../lib/draft-snapshot';
import { DraftGuard } from '../../../lib/extension/draft-guard';
import { UnsavedEdits, type LeftEditsStore } from '../../../lib/extension/unsaved-edits';
import { readDraftGuardMessage } from '../../../lib/draft-guard-reader';
import type { Allocations, DraftBasis, DraftEdits } from '../../../lib/schemas';
import { fakePort } from '../../support/fake-port';
import { makeClaim, makeSov } from '../../support/fixtures';

const edits: DraftEdits = {
  claimId: 'YC-1',
  contractId: 'C-1',
  header: { number: 'INV-100', title: 'Backfill', payPeriod: '2026-03-31' },
  allocations: { L1: '1.00' },
  focusedSovLineId: 'L1',
};

const { allocations: _allocations, ...besideAllocations } = edits;

/**
 * Allocations as the draft editor keeps them: each change recorded in its journal (or a restart when
 * the lines come in another order), and copied out only when read.
 */
function journaledAllocations() {
  let current: Allocations = {};
  const source = {
    journal: new AllocationJournal(),
    copies: 0,
    get allocations() {
      source.copies++;
      return current;
    },
    set(next: Allocations, basis?: DraftBasis): DraftSnapshot {
      const changes = allocationChanges(current, next);
      if (changes) {
        if (Object.keys(changes).length > 0) source.journal.record(changes);
      } else source.journal.restart();
      current = next;
      return new EditorSnapshot(besideAllocations, source, basis);
    },
  };
  return source;
}

let ports: ReturnType<typeof fakePort>[];
let connect: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fakeBrowser.reset();
  ports = [];
  connect = vi.fn(({ name }: { name: string }) => {
    ports.push(fakePort(name));
    return ports.at(-1)!.asPort;
  });
  fakeBrowser.runtime.connect = connect as unknown as typeof fakeBrowser.runtime.connect;
});

afterEach(() => vi.restoreAllMocks());

describe('the panel’s draft guard', () => {
  it('opens its port to the background with the first message and keeps it', () => {
    const guard = new DraftGuard();
    expect(connect).not.toHaveBeenCalled();
    guard.unsaved({ edits }, 0);
    guard.writing({ edits }, 0);
    guard.saved();
    expect(connect).toHaveBeenCalledExactlyOnceWith({ name: 'draft-guard' });
    const { allocations: _allocations, ...rest } = edits;
    expect(ports[0]!.port.postMessage.mock.calls.map(([message]) => message)).toEqual([
      { type: 'draft/unsaved', edits, baseRevision: 0 },
      { type: 'draft/unsaved-changes', edits: rest, changes: {}, baseRevision: 0, writing: true },
      { type: 'draft/saved' },
    ]);
  });

  it('sends a snapshot after the first on a port as the lines that changed, and a basis once', () => {
    const guard = new DraftGuard();
    const basis = { claimId: 'YC-1', claim: makeClaim(), sov: makeSov(), recordedAt: '2026-11-25T10:00:00.000Z' };
    guard.unsaved({ edits: { ...edits, allocations: { L1: '1.00', L3: '3.00' } }, basis }, 0);
    guard.unsaved({ edits: { ...edits, allocations: { L1: '1.50', L2: '2.00' } }, basis }, 0);
    guard.saved();
    const newBasis = { ...basis, recordedAt: '2026-11-26T10:00:00.000Z' };
    guard.unsaved({ edits: { ...edits, allocations: { L1: '1.50', L2: '2.00' }, focusedSovLineId: 'L2' }, basis: newBasis }, 1);
    const [first, second, , third] = ports[0]!.port.postMessage.mock.calls.map(([message]) => message);
    expect(first).toMatchObject({ type: 'draft/unsaved', basis });
    expect(second).toEqual({ type: 'draft/unsaved-changes', edits: { ...edits, allocations: undefined }, changes: { L1: '1.50', L2: '2.00', L3: null }, baseRevision: 0 });
    expect(second).not.toHaveProperty('edits.allocations');
    expect(third).toMatchObject({ type: 'draft/unsaved-changes', edits: { focusedSovLineId: 'L2' }, changes: {}, basis: newBasis, baseRevision: 1 });
  });

  it('sends a snapshot whole when its lines come in another order, or its basis was saved meanwhile', () => {
    const guard = new DraftGuard();
    const basis = { claimId: 'YC-1', claim: makeClaim(), sov: makeSov(), recordedAt: '2026-11-25T10:00:00.000Z' };
    guard.unsaved({ edits: { ...edits, allocations: { L1: '1.00', L2: '2.00' } }, basis }, 0);
    // Another tab's draft taken: the same lines, in its order.
    guard.unsaved({ edits: { ...edits, allocations: { L2: '2.00', L1: '1.00' } }, basis }, 0);
    // The basis is on disk with a write that landed while the user typed on: no draft/saved came.
    guard.unsaved({ edits: { ...edits, allocations: { L2: '2.00', L1: '1.50' } } }, 1);
    guard.unsaved({ edits: { ...edits, allocations: { L2: '2.00', L1: '1.75' } } }, 1);
    expect(ports[0]!.port.postMessage.mock.calls.map(([message]) => [message.type, message.basis !== undefined])).toEqual([
      ['draft/unsaved', true],
      ['draft/unsaved', true],
      ['draft/unsaved', false],
      ['draft/unsaved-changes', false],
    ]);
  });

  it('starts whole again on a new port, after the extension was reloaded under it', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const guard = new DraftGuard();
    guard.unsaved({ edits }, 0);
    ports[0]!.port.postMessage.mockImplementationOnce(() => {
      throw new Error('Attempting to use a disconnected port object');
    });
    guard.unsaved({ edits: { ...edits, allocations: { L1: '2.00' } } }, 0);
    guard.unsaved({ edits: { ...edits, allocations: { L1: '3.00' } } }, 0);
    expect(ports[1]!.port.postMessage).toHaveBeenCalledExactlyOnceWith({ type: 'draft/unsaved', edits: { ...edits, allocations: { L1: '3.00' } }, baseRevision: 0 });
  });

  it('hands the unsaved snapshot to a new worker at once when the worker holding it stopped', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    try {
      const guard = new DraftGuard();
      guard.unsaved({ edits }, 1);
      vi.advanceTimersByTime(30_000);
      ports[0]!.drop();
      expect(connect).toHaveBeenCalledTimes(2);
      expect(ports[1]!.port.postMessage).toHaveBeenCalledWith({ type: 'draft/unsaved', edits, baseRevision: 1 });
      // Over a port opened just now the worker may still be starting: the autosave writes at once.
      expect(guard.unsaved({ edits }, 1)).toBe(false);
      vi.advanceTimersByTime(1_000);
      expect(guard.unsaved({ edits }, 1)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('stays closed when the worker stops with nothing unsaved, and opens a port with the next message', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    try {
      const guard = new DraftGuard();
      guard.unsaved({ edits }, 1);
      guard.saved();
      vi.advanceTimersByTime(30_000);
      ports[0]!.drop();
      expect(connect).toHaveBeenCalledOnce();
      expect(guard.unsaved({ edits }, 2)).toBe(false);
      expect(ports[1]!.port.postMessage).toHaveBeenCalledWith({ type: 'draft/unsaved', edits, baseRevision: 2 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not reconnect a port cut at once (refused), even with edits unsaved', () => {
    const guard = new DraftGuard();
    guard.unsaved({ edits }, 1);
    ports[0]!.drop();
    expect(connect).toHaveBeenCalledOnce();
  });

  it('hands over an editor’s keystrokes as the lines they changed, never copying its allocations again', () => {
    const guard = new DraftGuard();
    const editor = journaledAllocations();
    guard.unsaved(editor.set({ L1: '1.00', L2: '2.00' }), 0);
    expect(editor.copies).toBe(1); // the first snapshot on a port goes whole
    guard.unsaved(editor.set({ L1: '1.50', L2: '2.00' }), 0);
    guard.unsaved(editor.set({ L1: '1.50', L2: '2.00', L3: '3.00' }), 0);
    guard.writing(editor.set({ L2: '2.00', L3: '3.00' }), 0);
    expect(editor.copies).toBe(1);
    expect(ports[0]!.port.postMessage.mock.calls.slice(1).map(([message]) => [message.type, message.changes])).toEqual([
      ['draft/unsaved-changes', { L1: '1.50' }],
      ['draft/unsaved-changes', { L3: '3.00' }],
      ['draft/unsaved-changes', { L1: null }],
    ]);
    // Lines in another order (another tab's draft taken) restart the journal: that goes whole.
    guard.unsaved(editor.set({ L3: '3.00', L2: '2.00' }), 1);
    expect(ports[0]!.port.postMessage.mock.lastCall![0]).toEqual({ type: 'draft/unsaved', edits: { ...edits, allocations: { L3: '3.00', L2: '2.00' } }, baseRevision: 1 });
  });

  it('hands over with the next snapshot the changes it was not told of (made while a conflict stood)', () => {
    const guard = new DraftGuard();
    const editor = journaledAllocations();
    guard.unsaved(editor.set({ L1: '1.00' }), 0);
    editor.set({ L1: '1.00', L2: '2.00' }); // the autosave told the guard nothing: a conflict stood
    guard.unsaved(editor.set({ L1: '1.50', L2: '2.00' }), 0);
    expect(ports[0]!.port.postMessage.mock.lastCall![0]).toMatchObject({ type: 'draft/unsaved-changes', changes: { L2: '2.00', L1: '1.50' } });
  });

  it('hands a new worker the snapshot it holds as the editor has it then, and goes on from that', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    try {
      const guard = new DraftGuard();
      const editor = journaledAllocations();
      guard.unsaved(editor.set({ L1: '1.00' }), 0);
      guard.unsaved(editor.set({ L1: '2.00' }), 0); // sent as changes: not copied
      editor.set({ L1: '2.00', L2: '2.00' }); // not told (a conflict stood)
      vi.advanceTimersByTime(30_000);
      ports[0]!.drop();
      // Copied now, so with the line it was not told of.
      expect(ports[1]!.port.postMessage).toHaveBeenCalledExactlyOnceWith({ type: 'draft/unsaved', edits: { ...edits, allocations: { L1: '2.00', L2: '2.00' } }, baseRevision: 0 });
      guard.unsaved(editor.set({ L1: '2.00', L2: '2.00', L3: '3.00' }), 0);
      expect(ports[1]!.port.postMessage.mock.lastCall![0]).toMatchObject({ type: 'draft/unsaved-changes', changes: { L3: '3.00' } });
      expect(ports[1]!.port.postMessage.mock.lastCall![0].changes).toEqual({ L3: '3.00' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('never throws into the panel when the extension was reloaded under it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    connect.mockImplementationOnce(() => {
      throw new Error('Extension context invalidated.');
    });
    const guard = new DraftGuard();
    expect(() => guard.unsaved({ edits }, 0)).not.toThrow();
    expect(warn).toHaveBeenCalled();
    guard.unsaved({ edits }, 0); // and tries again with the next message
    expect(ports[0]!.port.postMessage).toHaveBeenCalledOnce();
  });
});

describe('the draft guard and the background together', () => {
  type Step =
    | { kind: 'unsaved' | 'writing'; allocations: Record<string, string>; withBasis: boolean; baseRevision: number }
    | { kind: 'saved' }
    | { kind: 'worker stopped' };
  const allocations = fc.dictionary(fc.constantFrom('L1', 'L2', 'L3', 'L4', '__proto__'), fc.constantFrom('1.00', '2.50', 'abc', ''), { noNullPrototype: true });
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ kind: fc.constantFrom('unsaved' as const, 'writing' as const), allocations, withBasis: fc.boolean(), baseRevision: fc.nat(5) }),
    fc.constant({ kind: 'saved' as const }),
    fc.constant({ kind: 'worker stopped' as const }),
  );

  it.each(['copies', 'an editor’s journal'])('leave the background holding exactly the panel’s last unsaved snapshot, whatever went before (snapshots as %s)', async (kind) => {
    const basis = { claimId: 'YC-1', claim: makeClaim(), sov: makeSov(), recordedAt: '2026-11-25T10:00:00.000Z' };
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 12 }), async (steps) => {
        vi.useFakeTimers({ toFake: ['performance'] });
        try {
          ports = [];
          const guard = new DraftGuard();
          const editor = journaledAllocations();
          // One background follower per port, as the background makes one per connection.
          const followers = new Map<number, UnsavedEdits>();
          let saved: { edits: DraftEdits; baseRevision: number; basis?: DraftBasis } | undefined;
          const store: LeftEditsStore = {
            saveEdits: async (edits: DraftEdits, baseRevision: number, basis?: DraftBasis) => {
              saved = { edits, baseRevision, basis };
              return { ok: true, revision: baseRevision + 1 };
            },
            setAside: async () => expect.fail('nothing is set aside: no other tab saves'),
          };
          let last: Extract<Step, { kind: 'unsaved' | 'writing' }> | undefined;
          for (const each of steps) {
            if (each.kind === 'saved') {
              guard.saved();
              last = undefined;
            } else if (each.kind === 'worker stopped') {
              vi.advanceTimersByTime(2_000);
              ports.at(-1)?.drop();
            } else {
              const snapshot =
                kind === 'copies'
                  ? { edits: { ...edits, allocations: each.allocations }, ...(each.withBasis && { basis }) }
                  : editor.set(each.allocations, each.withBasis ? basis : undefined);
              if (each.kind === 'unsaved') guard.unsaved(snapshot, each.baseRevision);
              else guard.writing(snapshot, each.baseRevision);
              last = each;
            }
          }
          // Every message as the background gets it: through JSON, read at the boundary.
          ports.forEach((port, index) => {
            const follower = new UnsavedEdits(store);
            followers.set(index, follower);
            for (const [message] of port.port.postMessage.mock.calls) {
              const parsed = readDraftGuardMessage(JSON.parse(JSON.stringify(message)));
              expect(parsed.ok && follower.follow(parsed.message)).toBe(true);
            }
          });
          const outcome = await followers.get(ports.length - 1)?.save();
          if (!last) expect(outcome ?? 'nothing-unsaved').toBe('nothing-unsaved');
          else {
            expect(outcome).toBe('saved');
            expect(saved?.edits).toStrictEqual({ ...edits, allocations: last.allocations });
            // Also as JSON: the order of the lines is part of a draft (`sameDraftEdits`).
            expect(JSON.stringify(saved?.edits.allocations)).toBe(JSON.stringify(last.allocations));
            expect(saved?.baseRevision).toBe(last.baseRevision);
            expect(saved?.basis).toStrictEqual(last.withBasis ? basis : undefined);
          }
        } finally {
          vi.useRealTimers();
        }
      }),
      { numRuns: 200 },
    );
  });
});
