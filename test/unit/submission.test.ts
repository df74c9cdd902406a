import { describe, expect, it, vi } from 'vitest';
import { backoffDelay, buildBackfillRequest, canonicalBackfillRequest, payloadHash, submitBackfill, type SubmitDependencies } from '../../lib/submission';
import type { Submission } from '../../lib/schemas';
import { BALANCED } from '../support/fixtures';
import { makeFakeHost, makeMemoryStore } from '../support/fake-host';

const request = buildBackfillRequest(BALANCED);

function deps(host: SubmitDependencies['host'], store: SubmitDependencies['store'], extra: Partial<SubmitDependencies> = {}): SubmitDependencies {
  let keys = 0;
  return { host, store, newKey: () => `key-${++keys}`, now: () => '2026-11-25T12:00:00.000Z', sleep: async () => {}, random: () => 0.5, ...extra };
}

describe('buildBackfillRequest', () => {
  it('sends every non-zero line in canonical money and leaves out blanks and zeros', () => {
    expect(buildBackfillRequest({ L1: '600', L2: '0.00', L3: '', L4: '-2.5' })).toEqual({
      lines: [
        { sovLineId: 'L1', amount: '600.00' },
        { sovLineId: 'L4', amount: '-2.50' },
      ],
    });
  });

  it('carries the claim header when given', () => {
    const header = { number: 'INV-100', title: 'Backfill', payPeriod: '2026-03-31' };
    expect(buildBackfillRequest({ L1: '1' }, header)).toEqual({ lines: [{ sovLineId: 'L1', amount: '1.00' }], header });
  });

  it('has one canonical JSON, pinned: stored submissions carry its hash', async () => {
    const header = { number: 'INV-100', title: 'Backfill', payPeriod: '2026-03-31' };
    const lines = [{ sovLineId: 'L2', amount: '-12.00' }, { sovLineId: 'L1', amount: '1234.50' }];
    expect(canonicalBackfillRequest({ lines })).toBe('[[["L2","-12.00"],["L1","1234.50"]],null]');
    expect(canonicalBackfillRequest({ header, lines })).toBe('[[["L2","-12.00"],["L1","1234.50"]],["INV-100","Backfill","2026-03-31"]]');
    expect(await payloadHash({ lines })).toBe('2222517c83650077d04f887609bf1ee446fd734a34e293fd3e9db2229fb25e14'); // SHA-256 of the first
  });

  it('hashes equal bodies equally and different bodies differently', async () => {
    expect(await payloadHash(request)).toBe(await payloadHash(buildBackfillRequest({ ...BALANCED })));
    expect(await payloadHash(request)).not.toBe(await payloadHash(buildBackfillRequest({ ...BALANCED, L1: '600.01' })));
    const header = { number: 'INV-100', title: 'Backfill', payPeriod: '2026-03-31' };
    expect(await payloadHash({ ...request, header })).not.toBe(await payloadHash({ ...request, header: { ...header, title: 'Other' } }));
  });
});

describe('submitBackfill', () => {
  it('stores the key and body before the first request, then marks the draft submitted', async () => {
    const fake = makeFakeHost();
    const memory = makeMemoryStore();
    const order: string[] = [];
    const store = { load: memory.store.load, save: async (id: string, s: Submission) => (order.push(`save:${s.state}`), memory.store.save(id, s)) };
    const host = { ...fake.host, submitBackfill: (...args: Parameters<typeof fake.host.submitBackfill>) => (order.push('submit'), fake.host.submitBackfill(...args)) };
    const result = await submitBackfill(deps(host, store), 'YC-1', request);
    expect(result.outcome).toBe('submitted');
    expect(order).toEqual(['save:submitting', 'submit', 'save:submitted']);
    expect(memory.current()).toMatchObject({ state: 'submitted', idempotencyKey: 'key-1' });
  });

  it('retries a 5xx with the same key and body, making one backfill', async () => {
    const fake = makeFakeHost(['unavailable', 'unavailable']);
    const sleep = vi.fn(async () => {});
    const result = await submitBackfill(deps(fake.host, makeMemoryStore().store, { sleep }), 'YC-1', request);
    expect(result.outcome).toBe('submitted');
    expect(fake.calls.map((call) => call.key)).toEqual(['key-1', 'key-1', 'key-1']);
    expect(new Set(fake.calls.map((call) => JSON.stringify(call.request))).size).toBe(1);
    expect(sleep).toHaveBeenCalledTimes(2);
    expect(fake.commits()).toBe(1);
  });

  it('after a dropped response re-reads the claim and does not resend what the host committed', async () => {
    const fake = makeFakeHost(['commit-then-drop']);
    const result = await submitBackfill(deps(fake.host, makeMemoryStore().store), 'YC-1', request);
    expect(result).toMatchObject({ outcome: 'submitted', backfill: { idempotencyKey: 'key-1' } });
    expect(fake.calls).toHaveLength(1);
    expect(fake.reads).toEqual(['claim']);
  });

  it('resumes a submission interrupted by a reload: reads the claim first, then resends with the stored key', async () => {
    const fake = makeFakeHost();
    const interrupted: Submission = { state: 'submitting', idempotencyKey: 'stored-key', lines: request.lines, payloadHash: await payloadHash(request), startedAt: '2026-11-25T11:00:00.000Z', attempts: 1 };
    const result = await submitBackfill(deps(fake.host, makeMemoryStore(interrupted).store), 'YC-1', { lines: [] });
    expect(result.outcome).toBe('submitted');
    expect(fake.reads).toEqual(['claim']);
    expect(fake.calls).toEqual([{ key: 'stored-key', request }]);
  });

  it('never resends a stored body that no longer matches its fingerprint', async () => {
    const fake = makeFakeHost();
    const tampered: Submission = { state: 'submitting', idempotencyKey: 'stored-key', lines: request.lines, payloadHash: 'not-the-hash', startedAt: '2026-11-25T11:00:00.000Z', attempts: 1 };
    await expect(submitBackfill(deps(fake.host, makeMemoryStore(tampered).store), 'YC-1', request)).rejects.toThrow(/fingerprint/);
    expect(fake.calls).toEqual([]);
  });

  it('after an unknown outcome, finds the claim backfilled under another key and sends nothing', async () => {
    const fake = makeFakeHost();
    fake.commitElsewhere();
    const interrupted: Submission = { state: 'submitting', idempotencyKey: 'ours', lines: request.lines, payloadHash: await payloadHash(request), startedAt: '2026-11-25T11:00:00.000Z', attempts: 1 };
    const memory = makeMemoryStore(interrupted);
    expect(await submitBackfill(deps(fake.host, memory.store), 'YC-1', request)).toEqual({ outcome: 'backfilled-elsewhere' });
    expect(fake.calls).toEqual([]);
    expect(memory.current()).toEqual({ state: 'ready' });
  });

  it('goes back to ready when the host refuses, having created nothing', async () => {
    const fake = makeFakeHost();
    const refusing = { ...fake.host, submitBackfill: async () => ({ kind: 'refused' as const, status: 422, error: { error: 'CODE_OVER_ALLOCATED' } }) };
    const memory = makeMemoryStore();
    expect(await submitBackfill(deps(refusing, memory.store), 'YC-1', request)).toEqual({ outcome: 'refused', error: { error: 'CODE_OVER_ALLOCATED' } });
    expect(memory.current()).toEqual({ state: 'ready' });
  });

  it('does nothing more for a draft already submitted', async () => {
    const fake = makeFakeHost();
    await submitBackfill(deps(fake.host, makeMemoryStore().store), 'YC-1', request);
    const done = makeMemoryStore({ state: 'submitted', idempotencyKey: 'key-1', backfill: (await fake.host.readBackfill('YC-1'))! });
    fake.calls.length = 0;
    expect((await submitBackfill(deps(fake.host, done.store), 'YC-1', request)).outcome).toBe('submitted');
    expect(fake.calls).toEqual([]);
  });

  it('goes back to ready when the claim was backfilled elsewhere', async () => {
    const fake = makeFakeHost();
    fake.commitElsewhere();
    const memory = makeMemoryStore();
    expect(await submitBackfill(deps(fake.host, memory.store), 'YC-1', request)).toEqual({ outcome: 'backfilled-elsewhere' });
    expect(memory.current()).toEqual({ state: 'ready' });
  });

  it('waits out a request still in flight and then gets the replay', async () => {
    const fake = makeFakeHost(['in-flight']);
    expect((await submitBackfill(deps(fake.host, makeMemoryStore().store), 'YC-1', request)).outcome).toBe('submitted');
    expect(fake.calls.map((call) => call.key)).toEqual(['key-1', 'key-1']);
  });

  it('keeps the key and says so when the host stays unreachable', async () => {
    const fake = makeFakeHost(Array(5).fill('unavailable'));
    const memory = makeMemoryStore();
    const result = await submitBackfill(deps(fake.host, memory.store, { maxAttempts: 3 }), 'YC-1', request);
    expect(result).toEqual({ outcome: 'unconfirmed', message: '503' });
    expect(memory.current()).toMatchObject({ state: 'submitting', idempotencyKey: 'key-1', attempts: 3, lastError: '503' });
  });
});

describe('backoffDelay', () => {
  it('grows exponentially, is capped, and is jittered', () => {
    expect(backoffDelay(1, () => 0.999)).toBe(999);
    expect(backoffDelay(3, () => 0.999)).toBe(3996);
    expect(backoffDelay(20, () => 0.999)).toBe(7992);
    expect(backoffDelay(3, () => 0)).toBe(0);
  });
});
