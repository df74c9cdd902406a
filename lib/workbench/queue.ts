import { BackfillValidator, determinedAllocation } from '../backfill';
import { Decimal } from '../decimal';
import type { DraftEntry } from '../draft-marks';
import { allocatedOf } from '../draft-allocated';
import { formatMoney, type Money } from '../money';
import { isLocalClaimId } from '../local-source/claim-id';
import { hostSovCache, localHostClaim, localKey, type LocalClaim, type LocalSov } from '../local-source/records';
import { mayBeLocalClaim } from '../local-source/prepared';
import { buildAppHash, buildPanelHash } from '../panel-link';
import type { SeenRow, Sov } from '../schemas';

export const QUEUE_STATES = ['Not started', 'Draft', 'Blocked', 'Ready', 'Submitting', 'Submitted', 'Finished', 'Exported'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

/** One claim of the workbench's queue: whose it is, what Yardi paid, and where its backfill stands. */
export interface QueueEntry {
  claimId: string;
  /** Imported from the user's files, a host claim with a draft, or a row seen on a reconciliation page. */
  source: 'file' | 'host' | 'page';
  contractNumber: string;
  vendorName: string;
  invoiceNumber: string;
  /** ISO date, or '' when not recorded. */
  invoiceDate: string;
  total: Money | null;
  allocated: Money;
  state: QueueState;
  /** What the state means for this claim: allocated of target, why it is blocked. */
  detail: string;
  /** Where a host's claim opens: the panel's hash, on the host it was seen or drafted on. */
  panelHash: string | null;
  /** An imported claim each of whose codes is on one SOV line: its allocation is determined (`determinedAllocation`). */
  determined: boolean;
}

/** A row seen on a reconciliation page, with the claim id it shows or its panel resolved it to. */
export interface SeenClaim {
  row: SeenRow;
  claimId: string | undefined;
}

export interface QueueSources {
  localClaims: readonly LocalClaim[];
  localSovs: readonly LocalSov[];
  drafts: readonly DraftEntry[];
  /** Rows seen on reconciliation pages; none by default. */
  seen?: readonly SeenClaim[];
}

/**
 * Every claim the extension knows, imported or read through a host, with its state. An imported claim
 * is checked by the same rules as in the allocation view, against the SOV imported for its contract:
 * blocked (with the first reason), not started, a draft (allocated of target), ready (balanced),
 * finished, exported. A host claim is known by its draft, or else by the row a reconciliation page
 * showed it on (not started); a row that is an imported claim is that claim's entry, not another.
 *
 * The queue is rebuilt on every draft save: given the `cache` of the build before, only the claims
 * whose record, draft or SOV changed since are checked again (and each contract's SOV is indexed once
 * for all its claims, by the validator).
 */
export function buildQueue({ localClaims, localSovs, drafts, seen = [] }: QueueSources, cache: QueueCache = new Map()): QueueEntry[] {
  const draftOf = new Map(drafts.map((entry) => [entry.draft.claimId, entry]));
  const sovs = new Map(localSovs.map((sov) => [sov.contractKey, sov]));
  const hostSovOf = hostSovCache();

  const kept: QueueCache = new Map();
  const entries = localClaims.map((claim) => {
    const draft = draftOf.get(claim.id)?.draft;
    const sov = sovs.get(claim.contractKey);
    const basis = [claim.importedAt, claim.exportedAt, draft?.revision, draft?.updatedAt, draft?.submission.state, sov?.importedAt, sov?.lines.length].join('|');
    const cached = cache.get(claim.id);
    const entry = cached?.basis === basis ? cached.entry : localEntry(claim, draftOf.get(claim.id), sov, hostSovOf);
    kept.set(claim.id, { basis, entry });
    return entry;
  });
  cache.clear();
  for (const [claimId, cached] of kept) cache.set(claimId, cached);
  // A host claim's contract as the page shows it (`SC-1042` where the host's id is `C-1042`), where a
  // row seen names the claim: as the user reads it, and counted with the contract's other rows.
  const shownContract = new Map(seen.flatMap(({ row, claimId }) => (claimId !== undefined && row.identity.contractNumber ? [[claimId, row.identity.contractNumber] as const] : [])));
  for (const entry of drafts) if (!isLocalClaimId(entry.draft.claimId)) entries.push(hostEntry(entry, shownContract.get(entry.draft.claimId)));
  const listed = new Set(entries.map((entry) => entry.claimId));
  const localByInvoice = new Map<string, LocalClaim[]>();
  for (const local of localClaims) (localByInvoice.get(local.invoiceKey) ?? localByInvoice.set(local.invoiceKey, []).get(local.invoiceKey)!).push(local);
  for (const claim of seen) {
    const id = claim.claimId ?? claim.row.key;
    const sameInvoice = localByInvoice.get(localKey(claim.row.identity.invoiceNumber ?? '')) ?? [];
    if (listed.has(id) || sameInvoice.some((local) => mayBeLocalClaim(claim.row.identity, local))) continue;
    listed.add(id);
    entries.push(pageEntry(claim, id));
  }
  return entries;
}

/** The imported claims' entries of the last build, with what each was worked out from. */
export type QueueCache = Map<string, { basis: string; entry: QueueEntry }>;

function localEntry(claim: LocalClaim, entry: DraftEntry | undefined, sov: LocalSov | undefined, hostSovOf: (sov: LocalSov, contractId: string) => Sov): QueueEntry {
  const allocated = entry ? allocatedOf(entry.draft) : '0.00';
  const base = {
    claimId: claim.id,
    source: 'file' as const,
    contractNumber: claim.contractNumber,
    vendorName: claim.vendorName,
    invoiceNumber: claim.invoiceNumber,
    invoiceDate: claim.invoiceDate,
    total: claim.total,
    allocated,
    panelHash: null,
    determined: false,
  };
  if (entry?.draft.submission.state === 'submitted') {
    return claim.exportedAt
      ? { ...base, state: 'Exported', detail: `Exported ${claim.exportedAt.slice(0, 10)}; submit it from its reconciliation row.` }
      : { ...base, state: 'Finished', detail: 'Frozen: export it, or submit it from its reconciliation row.' };
  }
  if (!sov) return { ...base, state: 'Blocked', detail: `No SOV is imported for contract ${claim.contractNumber}.` };
  const validator = new BackfillValidator({ claim: localHostClaim(claim, false), sov: hostSovOf(sov, claim.contractNumber), backfilledClaimIds: [] });
  validator.setMany(entry?.draft.allocations ?? {});
  const validation = validator.result();
  const blocker = validation.issues.find((issue) => issue.severity === 'blocker');
  if (blocker) return { ...base, state: 'Blocked', detail: blocker.message };
  if (validation.canSubmit) return { ...base, state: 'Ready', detail: 'Balanced: review and finish.' };
  if (allocated === '0.00') {
    const determined = determinedAllocation(validator) !== null;
    return { ...base, state: 'Not started', determined, detail: determined ? 'Determined: each code is on one SOV line.' : '' };
  }
  return { ...base, state: 'Draft', detail: allocatedOfTarget(allocated, claim.total) };
}

function hostEntry({ draft, basis }: DraftEntry, shownContract: string | undefined): QueueEntry {
  const allocated = allocatedOf(draft);
  const total = basis?.claim.total ?? null;
  const state: QueueState = draft.submission.state === 'ready' ? 'Draft' : draft.submission.state === 'submitting' ? 'Submitting' : 'Submitted';
  return {
    claimId: draft.claimId,
    source: 'host',
    contractNumber: shownContract ?? basis?.claim.contractId ?? draft.contractId,
    vendorName: basis?.claim.vendorName ?? '',
    invoiceNumber: basis?.claim.invoiceNumber ?? '',
    invoiceDate: basis?.claim.invoiceDate ?? '',
    total,
    allocated,
    state,
    detail: state === 'Draft' ? allocatedOfTarget(allocated, total) : '',
    panelHash: draft.hostOrigin ? buildAppHash(draft.claimId, draft.hostOrigin) : null,
    determined: false,
  };
}

function pageEntry({ row, claimId }: SeenClaim, id: string): QueueEntry {
  const page = new URL(row.pageUrl);
  return {
    claimId: id,
    source: 'page',
    contractNumber: row.identity.contractNumber ?? '',
    vendorName: row.identity.vendorName ?? '',
    invoiceNumber: row.identity.invoiceNumber ?? '',
    invoiceDate: row.identity.invoiceDate ?? '',
    total: null,
    allocated: '0.00',
    state: 'Not started',
    detail: `Seen on ${page.host} on ${row.seenAt.slice(0, 10)}: link it from its row, or open it here.`,
    panelHash: buildPanelHash(claimId === undefined ? row.identity : { claimId }, page.origin),
    determined: false,
  };
}

/** "$600.00 of $1,500.00 allocated" (without the target when it is not known). */
function allocatedOfTarget(allocated: Money, target: Money | null): string {
  return `${formatMoney(allocated)}${target ? ` of ${formatMoney(target)}` : ''} allocated`;
}

export type QueueSortKey = 'contractNumber' | 'vendorName' | 'invoiceNumber' | 'invoiceDate' | 'total' | 'state';

export interface QueueView {
  /** Words every one of which must appear in the claim's contract, vendor, invoice number or date. */
  search: string;
  /** Only claims in this state; null for all. */
  state: QueueState | null;
  sort: QueueSortKey;
  descending: boolean;
}

/** The queue as the user filtered, searched and sorted it. Amounts sort by value, states in their order of work. */
export function viewQueue(entries: readonly QueueEntry[], view: QueueView): QueueEntry[] {
  const words = view.search.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = entries.filter((entry) => {
    if (view.state !== null && entry.state !== view.state) return false;
    const text = `${entry.contractNumber} ${entry.vendorName} ${entry.invoiceNumber} ${entry.invoiceDate}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
  const direction = view.descending ? -1 : 1;
  return shown.sort((a, b) => direction * compare(a, b, view.sort) || a.claimId.localeCompare(b.claimId));
}

function compare(a: QueueEntry, b: QueueEntry, key: QueueSortKey): number {
  if (key === 'total') return new Decimal(a.total ?? 0).comparedTo(b.total ?? 0);
  if (key === 'state') return QUEUE_STATES.indexOf(a.state) - QUEUE_STATES.indexOf(b.state);
  return a[key].localeCompare(b[key], undefined, { numeric: true, sensitivity: 'base' });
}
