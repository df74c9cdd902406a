import { describeIdentity, type ClaimIdentity } from '@/lib/claim-identity';
import type { ClaimMatch, HostAdapter } from '@/lib/host/host-adapter';
import type { ReconciliationRow } from '@/lib/schemas';

export type FinderState =
  | { kind: 'finding' }
  | { kind: 'none' }
  | { kind: 'several'; candidates: ReconciliationRow[] }
  | { kind: 'failed'; message: string };

/**
 * Finds the claim of a row that shows no claim id, through the host (`findClaim`): exactly one match
 * opens it; none, several or a failure is shown until the user picks a candidate. The page's words
 * are only what is looked for: the claim opened is one the host named.
 */
export class ClaimFinder {
  state = $state.raw<FinderState>({ kind: 'finding' });
  /** What was looked for, in words, for the user to check against the row. */
  readonly lookedFor: string;

  constructor(
    readonly identity: ClaimIdentity,
    private readonly host: HostAdapter,
    private readonly open: (claimId: string) => void,
    /** The host's answer, asked before the open (`ClaimReadAhead`); asked again if it failed. */
    private readonly early?: Promise<ClaimMatch>,
  ) {
    this.lookedFor = describeIdentity(identity);
  }

  async find(): Promise<void> {
    try {
      const match = await (this.early?.catch(() => this.host.findClaim(this.identity)) ?? this.host.findClaim(this.identity));
      if (match.kind === 'one') this.open(match.claimId);
      else this.state = match;
    } catch (error) {
      this.state = { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
  }

  /** The user picked one of the candidates; only those the host offered can be opened this way. */
  choose(claimId: string): void {
    if (this.state.kind === 'several' && this.state.candidates.some((candidate) => candidate.claimId === claimId)) this.open(claimId);
  }
}
