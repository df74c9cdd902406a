import type { HostAdapter } from '@/lib/host/host-adapter';
import type { BackfillRequest, Submission } from '@/lib/schemas';
import { submitBackfill, type SubmitResult } from '@/lib/submission';
import { nowIso } from '@/lib/clock';
import type { DraftStore } from '@/lib/storage/draft-store';

export type SendResult =
  | SubmitResult
  /** The local ledger already holds a backfill of this claim: nothing was sent. */
  | { outcome: 'already-submitted' }
  /** Another tab or window holds the claim's lock and is submitting it: nothing was sent. */
  | { outcome: 'locked' };

/**
 * Sends one claim's backfill exactly once (`submitBackfill`'s state machine, its states saved with the
 * draft): the local ledger is asked first, a Web Lock per claim keeps other tabs out while this one
 * submits (E3), and how a submission ended without changing its state goes to the audit log.
 */
export class SubmitController {
  constructor(
    private readonly claimId: string,
    private readonly host: HostAdapter,
    private readonly store: DraftStore,
  ) {}

  /** Sends `request`, or resumes the stored submission (`current` is not ready); `onProgress` hears each state. */
  async send(current: Submission, request: BackfillRequest, onProgress: (submission: Submission) => void): Promise<SendResult> {
    if (current.state === 'ready' && (await this.store.submittedBackfill(this.claimId))) return { outcome: 'already-submitted' };
    const run = () =>
      submitBackfill(
        {
          host: this.host,
          store: this.store,
          newKey: () => crypto.randomUUID(),
          now: nowIso,
          sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
          random: Math.random,
          onProgress,
        },
        this.claimId,
        request,
      );
    const result = await navigator.locks.request(`backfill-submit:${this.claimId}`, { ifAvailable: true }, (lock) => (lock ? run() : null));
    if (result === null) return { outcome: 'locked' };
    if (result.outcome === 'refused') await this.store.audit(this.claimId, 'refused', result.error.error);
    if (result.outcome === 'backfilled-elsewhere') await this.store.audit(this.claimId, 'backfilled-elsewhere', 'The host holds a backfill made with another key.');
    return result;
  }
}
