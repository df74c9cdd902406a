import type { ClaimIdentity } from '@/lib/claim-identity';
import type { ClaimMatch, HostAdapter } from '@/lib/host/host-adapter';
import type { ClaimRead } from './claim-loader';

/**
 * What is read ahead is used only by an open this soon after: a claim opened later is read again, so
 * that what it shows is no older than an open's own read would be.
 */
export const READ_AHEAD_FRESH_MS = 10_000;

/** What a panel reads first for a claim (its `ClaimFinder` and `BackfillSession.load`), started ahead of the open. */
export interface EarlyRead {
  /** The host's answer to which claim the row is (a row that shows no claim id). */
  match?: Promise<ClaimMatch>;
  /** The claim, its SOV and its saved draft, when this claim's read was started. */
  readOf(claimId: string): Promise<ClaimRead> | undefined;
}

/**
 * Reads, in a panel page standing by, the claim of a row the user is about to open (the pointer rests
 * on its button, or presses it): the host's answers and the saved draft, the slowest part of opening a
 * large claim, are then under way or done when the click comes. Only reads: nothing is shown, saved or
 * sent. One claim at a time, the last named; the open takes it only when it names the same claim.
 */
export class ClaimReadAhead {
  #ahead: { hash: string; at: number; early: EarlyRead } | undefined;

  constructor(
    /** Reads a claim on a host as an open does (`ClaimLoader.read`). */
    private readonly readClaim: (claimId: string, host: HostAdapter) => Promise<ClaimRead>,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Starts reading the claim of the panel fragment `hash` (identifying it as `identity`) on `host`, unless it already is. */
  start(hash: string, identity: ClaimIdentity, host: HostAdapter): void {
    if (this.#ahead?.hash === hash && this.#fresh(this.#ahead.at)) return;
    this.#ahead = { hash, at: this.now(), early: this.#read(identity, host) };
  }

  /** What was read ahead for the panel fragment `hash`, if it is that claim's and fresh; taken once. */
  take(hash: string): EarlyRead | undefined {
    const ahead = this.#ahead;
    this.#ahead = undefined;
    return ahead?.hash === hash && this.#fresh(ahead.at) ? ahead.early : undefined;
  }

  #fresh(at: number): boolean {
    return this.now() - at <= READ_AHEAD_FRESH_MS;
  }

  #read(identity: ClaimIdentity, host: HostAdapter): EarlyRead {
    const reading = (claimId: string) => {
      const read = this.readClaim(claimId, host);
      read.catch(() => undefined); // a failure counts only if the claim is opened: it is then read again
      return { claimId, read };
    };
    if (identity.claimId !== undefined) {
      const { claimId, read } = reading(identity.claimId);
      return { readOf: (id) => (id === claimId ? read : undefined) };
    }
    let found: { claimId: string; read: Promise<ClaimRead> } | undefined;
    const match = host.findClaim(identity);
    // Attached before the finder awaits `match`, so the read is started by the time the finder opens the claim.
    match.then((answer) => {
      if (answer.kind === 'one') found = reading(answer.claimId);
    }, () => undefined);
    return { match, readOf: (id) => (found?.claimId === id ? found.read : undefined) };
  }
}
