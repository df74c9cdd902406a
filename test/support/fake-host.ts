import { HostUnavailableError, findClaimWith, type HostAdapter, type SubmitOutcome } from '../../lib/host/host-adapter';
import type { Backfill, BackfillRequest, HostClaim, Submission } from '../../lib/schemas';
import type { SubmissionStore } from '../../lib/submission';
import { makeClaim, makeSov } from './fixtures';

type Fault = 'unavailable' | 'commit-then-drop' | 'in-flight';

/**
 * An in-memory host that keeps one backfill per claim and replays by idempotency key, like the
 * sandbox; `faults` are consumed one per submit call so a test can script what goes wrong.
 */
export function makeFakeHost(faults: Fault[] = []) {
  const claim: HostClaim = { ...makeClaim(), status: 'Unlinked', backfilled: false };
  let stored: Backfill | null = null;
  let commits = 0;
  const calls: { key: string; request: BackfillRequest }[] = [];
  const reads: string[] = [];

  function commit(request: BackfillRequest, key: string): Backfill {
    commits++;
    stored = {
      id: `BF-${claim.id}`,
      claimId: claim.id,
      contractId: claim.contractId,
      idempotencyKey: key,
      lines: request.lines,
      total: claim.total,
      status: 'Synced and Approved',
      createdAt: '2026-11-25T12:00:00.000Z',
    };
    claim.backfilled = true;
    claim.status = 'Synced and Approved';
    return stored;
  }

  const host: HostAdapter = {
    findClaim: async (identity) => findClaimWith(identity, async () => []),
    readClaim: async () => {
      reads.push('claim');
      return { ...claim };
    },
    readSov: async () => makeSov(),
    readBackfill: async () => stored,
    async submitBackfill(_claimId, request, key): Promise<SubmitOutcome> {
      calls.push({ key, request });
      const fault = faults.shift();
      if (fault === 'unavailable') throw new HostUnavailableError('503');
      if (fault === 'in-flight') return { kind: 'in-flight' };
      if (stored) {
        return stored.idempotencyKey === key
          ? { kind: 'accepted', backfill: stored }
          : { kind: 'already-backfilled', error: { error: 'already', rule: 'CLAIM_ALREADY_BACKFILLED' } };
      }
      const backfill = commit(request, key);
      if (fault === 'commit-then-drop') throw new HostUnavailableError('connection reset');
      return { kind: 'accepted', backfill };
    },
  };
  return { host, calls, reads, commitElsewhere: () => commit({ lines: [] }, 'other-key'), commits: () => commits };
}

/** A submission store that records every state it was asked to keep, in order. */
export function makeMemoryStore(initial: Submission = { state: 'ready' }) {
  let current = initial;
  const store: SubmissionStore = {
    load: async () => current,
    save: async (_claimId, submission) => {
      current = submission;
    },
  };
  return { store, current: () => current };
}
