import { describe, expect, it, vi } from 'vitest';
import { ClaimReadAhead, READ_AHEAD_FRESH_MS } from '../../../lib/panel/claim-read-ahead';
import type { ClaimRead } from '../../../lib/panel/claim-loader';
import type { ClaimMatch, HostAdapter } from '../../../lib/host/host-adapter';
import { makeFakeHost } from '../../support/fake-host';

/** A read ahead whose reads are recorded by claim id, on a clock the test moves. */
function readAheadWith(findClaim: HostAdapter['findClaim'] = async () => ({ kind: 'none' })) {
  const read = vi.fn(async (claimId: string) => ({ claimId }) as unknown as ClaimRead);
  let now = 1_000;
  const readAhead = new ClaimReadAhead(read, () => now);
  const host: HostAdapter = { ...makeFakeHost().host, findClaim: vi.fn(findClaim) };
  return { readAhead, read, host, later: (ms: number) => (now += ms) };
}

describe('ClaimReadAhead (a claim about to be opened, read in the panel page standing by)', () => {
  it('gives the open of the same claim what it read, once', async () => {
    const { readAhead, read, host } = readAheadWith();
    readAhead.start('claim=YC-1', { claimId: 'YC-1' }, host);
    const early = readAhead.take('claim=YC-1');
    expect(read).toHaveBeenCalledTimes(1);
    expect(await early?.readOf('YC-1')).toEqual({ claimId: 'YC-1' });
    expect(early?.readOf('YC-2')).toBeUndefined();
    expect(readAhead.take('claim=YC-1')).toBeUndefined();
  });

  it('gives nothing to the open of another claim than the last one named', () => {
    const { readAhead, read, host } = readAheadWith();
    readAhead.start('claim=YC-1', { claimId: 'YC-1' }, host);
    readAhead.start('claim=YC-2', { claimId: 'YC-2' }, host);
    expect(read.mock.calls.map(([claimId]) => claimId)).toEqual(['YC-1', 'YC-2']);
    expect(readAhead.take('claim=YC-1')).toBeUndefined();
  });

  it('reads a claim named again and again (the pointer back on its button) once while fresh, and again once stale', () => {
    const { readAhead, read, host, later } = readAheadWith();
    readAhead.start('claim=YC-1', { claimId: 'YC-1' }, host);
    later(READ_AHEAD_FRESH_MS);
    readAhead.start('claim=YC-1', { claimId: 'YC-1' }, host);
    expect(read).toHaveBeenCalledTimes(1);
    later(1);
    readAhead.start('claim=YC-1', { claimId: 'YC-1' }, host);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('gives nothing once stale: the open reads the claim as it is now', () => {
    const { readAhead, host, later } = readAheadWith();
    readAhead.start('claim=YC-1', { claimId: 'YC-1' }, host);
    later(READ_AHEAD_FRESH_MS + 1);
    expect(readAhead.take('claim=YC-1')).toBeUndefined();
  });

  it('finds the claim of a row without a claim id, and reads it when the host names exactly one', async () => {
    const row = { contractNumber: 'SC-1', invoiceNumber: 'GRC-1' };
    const one = readAheadWith(async () => ({ kind: 'one', claimId: 'YC-7' }));
    one.readAhead.start('contract=SC-1&invoice=GRC-1', row, one.host);
    const early = one.readAhead.take('contract=SC-1&invoice=GRC-1')!;
    expect(await early.match).toEqual({ kind: 'one', claimId: 'YC-7' });
    expect(one.host.findClaim).toHaveBeenCalledWith(row);
    expect(await early.readOf('YC-7')).toEqual({ claimId: 'YC-7' });

    const several: ClaimMatch = { kind: 'several', candidates: [] };
    const choice = readAheadWith(async () => several);
    choice.readAhead.start('contract=SC-1&invoice=GRC-1', row, choice.host);
    const chosen = choice.readAhead.take('contract=SC-1&invoice=GRC-1')!;
    expect(await chosen.match).toBe(several);
    expect(chosen.readOf('YC-7')).toBeUndefined();
    expect(choice.read).not.toHaveBeenCalled();
  });

  it('keeps a failed read to itself: nothing is thrown unless the claim is opened', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const readAhead = new ClaimReadAhead(() => Promise.reject(new Error('host down')));
      const host: HostAdapter = { ...makeFakeHost().host, findClaim: () => Promise.reject(new Error('host down')) };
      readAhead.start('claim=YC-1', { claimId: 'YC-1' }, host);
      readAhead.start('contract=SC-1&invoice=GRC-1', { contractNumber: 'SC-1', invoiceNumber: 'GRC-1' }, host);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
