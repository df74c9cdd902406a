import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DraftGuard } from '../../../lib/extension/draft-guard';
import type { DraftEdits } from '../../../lib/schemas';
import { fakePort } from '../../support/fake-port';

const edits: DraftEdits = {
  claimId: 'YC-1',
  contractId: 'C-1',
  header: { number: 'INV-100', title: 'Backfill', payPeriod: '2026-03-31' },
  allocations: { L1: '1.00' },
  focusedSovLineId: 'L1',
};

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
    expect(ports[0]!.port.postMessage.mock.calls.map(([message]) => message)).toEqual([
      { type: 'draft/unsaved', edits, baseRevision: 0 },
      { type: 'draft/unsaved', edits, baseRevision: 0, writing: true },
      { type: 'draft/saved' },
    ]);
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
