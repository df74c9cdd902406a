import { HostUnavailableError, type HostAdapter } from '@/lib/host/host-adapter';
import { draftChanges } from '@/lib/draft-changes';
import { hasAmounts } from '@/lib/draft-allocated';
import type { Money } from '@/lib/money';
import type { Draft, DraftBasis, HostClaim, Sov } from '@/lib/schemas';
import type { DraftStore } from '@/lib/storage/draft-store';
import { localKey, type LocalClaim } from '@/lib/local-source/records';
import { preparedCandidates } from '@/lib/local-source/prepared';
import type { LocalSource } from '@/lib/storage/local-source';

// Re-reading the claim after a backfill: 1, 2, 4, 8 then 16 s apart, then the panel stops asking.
const REREAD_ATTEMPTS = 5;
const REREAD_DELAY_MS = 1_000;

/** Runs a task once the page is idle (within 2 s); in a task of its own where there is no idle callback. */
function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 2_000 });
  else setTimeout(task);
}

/** What the host says about a claim (or the cache, while it does not answer). */
export interface HostReading {
  claim: HostClaim;
  sov: Sov;
  /** When the host did not answer: the time of the cached claim and SOV used instead. */
  offlineSince: string | null;
}

/** The saved draft of a claim, as it stands against what the host says now. */
export interface SavedDraft {
  draft: Draft | undefined;
  /** What changed on the host since the draft was built (the draft is stale when not empty). */
  changes: string[];
  /** The draft is new or the host changed under it: record the claim and SOV with the next save. */
  basisPending: boolean;
  /** The local ledger holds a backfill of this claim. */
  ledgerBackfilled: boolean;
}

/** What an open reads first: the host's claim and SOV, and the saved draft against them (`ClaimLoader.read`). */
export interface ClaimRead {
  host: HostReading;
  saved: SavedDraft;
}

/** An allocation of this claim prepared in the workbench from the user's files, to carry over to the host's SOV. */
export interface PreparedAllocation {
  /** The local claim's id and file, and what tells it from another imported claim of the same invoice. */
  claimId: string;
  fileName: string;
  contractNumber: string;
  vendorName: string;
  invoiceDate: string;
  total: Money;
  /** Finished in the workbench (frozen), or still a draft there. */
  finished: boolean;
  /** The imported SOV it was prepared against, and its amounts per line of that SOV. */
  sov: Sov;
  allocations: Record<string, string>;
  header: Draft['header'];
}

/** Reads a claim for the panel: from the host (never the page), falling back on the cache, and its draft. */
export class ClaimLoader {
  constructor(
    private readonly claimId: string,
    private readonly host: HostAdapter,
    private readonly drafts: DraftStore,
    /** Where an allocation prepared in the workbench is looked for; none in the workbench itself. */
    private readonly localSource?: LocalSource,
  ) {}

  /**
   * The claim and SOV from the host, cached for later; when the host does not answer, the cached copy
   * (local-first: the draft can still be worked on, and is submitted once the host answers).
   * `savedContractId`: the contract of the saved draft, once read (none without one).
   */
  async readHost(savedContractId: Promise<string | undefined>): Promise<HostReading> {
    try {
      const { claim, sov } = await this.readClaimAndSov(savedContractId);
      // Kept for a later visit while the host is down, and written once the panel is idle: copying a
      // large SOV into the database before its grid is drawn would hold up the panel's opening.
      if (!this.host.local) {
        whenIdle(() => {
          this.drafts.cacheHostData(claim, sov).catch((error: unknown) => console.warn('[Backfill] Could not keep a copy of the claim for when the host is down:', error));
        });
      }
      return { claim, sov, offlineSince: null };
    } catch (error) {
      const cached = error instanceof HostUnavailableError ? await this.drafts.cachedHostData(this.claimId) : undefined;
      if (!cached) throw error;
      return { claim: cached.claim, sov: cached.sov, offlineSince: cached.fetchedAt };
    }
  }

  /**
   * The claim, and the SOV of its contract. A saved draft names the contract before the host has
   * answered for the claim: its SOV is asked for at once, alongside the claim, and used when the claim
   * is still on that contract, so that resuming waits for one round trip to the host, not two.
   */
  private async readClaimAndSov(savedContractId: Promise<string | undefined>): Promise<{ claim: HostClaim; sov: Sov }> {
    let early: { contractId: string; sov: Promise<Sov> } | undefined;
    let claimRead = false;
    void savedContractId.then((contractId) => {
      if (contractId === undefined || claimRead) return;
      // A refusal (an id the host's address cannot hold) is a rejection too, never an exception here.
      const sov = (async () => this.host.readSov(contractId))();
      sov.catch(() => undefined); // its failure counts only where it is used, below
      early = { contractId, sov };
    });
    const claim = await this.host.readClaim(this.claimId).finally(() => (claimRead = true));
    const sov = early?.contractId === claim.contractId ? await early.sov : await this.host.readSov(claim.contractId);
    return { claim, sov };
  }

  /**
   * What the host says and the saved draft against it. The draft, its basis and the ledger's word are
   * read from this computer while the host answers, not after.
   */
  async read(): Promise<ClaimRead> {
    const savedContractId = this.drafts.contractOf(this.claimId).catch(() => undefined);
    const [host, { draft, basis, ledgerBackfilled }] = await Promise.all([this.readHost(savedContractId), this.readStored(savedContractId)]);
    const compared = performance.now();
    const changes = basis ? draftChanges(basis, host) : [];
    if (draft) performance.measure('backfill:resume:compare', { start: compared, end: performance.now() });
    return { host, saved: { draft, changes, basisPending: !basis || changes.length > 0, ledgerBackfilled } };
  }

  /**
   * The draft, its basis and the ledger's word, read side by side. The basis is read where the drafts'
   * index names a draft (`savedContractId`), or after the draft where the index did not (a draft whose
   * contract was unreadable, repaired as it is read): a basis left without a draft is not read.
   */
  private async readStored(savedContractId: Promise<string | undefined>): Promise<{ draft: Draft | undefined; basis: DraftBasis | undefined; ledgerBackfilled: boolean }> {
    const started = performance.now();
    const basisRead = savedContractId.then((contractId) => (contractId === undefined ? undefined : this.drafts.basis(this.claimId)));
    const [draft, savedBasis, backfill, indexedContract] = await Promise.all([this.drafts.get(this.claimId), basisRead, this.drafts.submittedBackfill(this.claimId), savedContractId]);
    // Read again only where the index named no contract: a draft without a basis is not read twice for one.
    const basis = draft && (indexedContract !== undefined ? savedBasis : await this.drafts.basis(this.claimId));
    if (draft) performance.measure('backfill:resume:read', { start: started, end: performance.now() });
    return { draft, basis, ledgerBackfilled: backfill !== undefined };
  }

  /**
   * The allocations prepared for this claim in the workbench: every imported claim that may be this one
   * (`preparedCandidates`) and has amounts. Several (an invoice number reused across contracts) are
   * all offered, for the user to say which; none is chosen for them.
   */
  async readPrepared(claim: HostClaim): Promise<PreparedAllocation[]> {
    if (!this.localSource || this.host.local) return [];
    const candidates = preparedCandidates(claim, await this.localSource.claimsWithInvoice(localKey(claim.invoiceNumber)));
    const prepared = await Promise.all(candidates.map((local) => this.readPreparedOf(local)));
    return prepared.filter((each) => each !== null);
  }

  private async readPreparedOf(local: LocalClaim): Promise<PreparedAllocation | null> {
    const [draft, basis, finished] = await Promise.all([this.drafts.get(local.id), this.drafts.basis(local.id), this.drafts.submittedBackfill(local.id)]);
    if (!draft || !basis) return null;
    const allocations = finished ? Object.fromEntries(finished.lines.map((line) => [line.sovLineId, line.amount])) : draft.allocations;
    if (!hasAmounts(allocations)) return null;
    const { contractNumber, vendorName, invoiceDate, total, fileName } = local;
    return { claimId: local.id, fileName, contractNumber, vendorName, invoiceDate, total, finished: finished !== undefined, sov: basis.sov, allocations, header: draft.header };
  }

  /** The claim as the host holds it now (no cache: after a refusal its word is what counts). */
  readClaim(): Promise<HostClaim> {
    return this.host.readClaim(this.claimId);
  }

  /**
   * The host's view after a backfill, handed to `show` and cached; retried with back-off while it does
   * not answer, until the panel stops asking.
   */
  async rereadAfterSubmit(show: (claim: HostClaim, sov: Sov) => void): Promise<void> {
    for (let attempt = 0; attempt < REREAD_ATTEMPTS; attempt++) {
      try {
        const claim = await this.host.readClaim(this.claimId);
        const sov = await this.host.readSov(claim.contractId);
        show(claim, sov);
        if (!this.host.local) await this.drafts.cacheHostData(claim, sov);
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, REREAD_DELAY_MS * 2 ** attempt));
      }
    }
  }
}
