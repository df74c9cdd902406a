import { withAllocationChanges } from '@/lib/allocation-changes';
import type { DraftGuardMessage } from '@/lib/protocol';
import { sameDraftEdits } from '@/lib/draft-edits';
import type { DraftBasis, DraftEdits } from '@/lib/schemas';
import type { WorkerSaveResult } from '@/lib/storage/worker-store';

/** Where a closed panel's edits are saved: the service worker's store (`WorkerStore`). */
export interface LeftEditsStore {
  saveEdits(edits: DraftEdits, baseRevision: number, basis?: DraftBasis): Promise<WorkerSaveResult>;
  setAside(edits: DraftEdits, reason: string): Promise<void>;
}

/** What became of a panel's unsaved edits once it went away. */
export type LeftEditsOutcome =
  | 'nothing-unsaved'
  | 'saved'
  /** The panel's own write landed just before it went away, and nothing newer was left. */
  | 'saved-by-the-panel'
  /** Another tab saved since: its draft stands, and these edits are set aside in the quarantine. */
  | 'conflict'
  | 'frozen';

/**
 * One panel's edits not yet on disk, as it reported them over its draft guard port, kept by the
 * background to save when the panel goes away without the time to save them itself (D2). Only this
 * short window lives in the service worker's memory: the panel still saves normally (D8).
 */
export class UnsavedEdits {
  /** The panel's edits as it last told them, saved or not: what its next changes apply to. */
  private latest: { edits: DraftEdits; basis?: DraftBasis } | undefined;
  /** The revision the latest edits are built on, while they are not on disk. */
  private unsavedOn: number | undefined;
  /** What the panel's latest write puts on disk, if it lands. */
  private ownWrite: { revision: number; edits: DraftEdits } | undefined;

  constructor(private readonly store: LeftEditsStore) {}

  /** Takes in a message of the panel's; false for changes that came with no edits to apply them to. */
  follow(message: DraftGuardMessage): boolean {
    if (message.type === 'draft/saved') {
      this.unsavedOn = this.ownWrite = undefined;
      // Its basis is on disk with it.
      if (this.latest) this.latest = { edits: this.latest.edits };
      return true;
    }
    const { baseRevision, writing } = message;
    if (message.type === 'draft/unsaved') this.latest = { edits: message.edits, basis: message.basis };
    else if (this.latest) {
      const allocations = withAllocationChanges(this.latest.edits.allocations, message.changes);
      this.latest = { edits: { ...message.edits, allocations }, basis: message.basis ?? this.latest.basis };
    } else return false;
    this.unsavedOn = baseRevision;
    if (writing) this.ownWrite = { revision: baseRevision + 1, edits: this.latest.edits };
    return true;
  }

  /**
   * The panel went away: saves what it left unsaved with the same compare-and-swap it uses (D7). When
   * the stored draft moved on, it is overwritten only if it is what the panel's own write put there
   * (the panel may not have lived to hear that it landed); another tab's draft is never overwritten,
   * and the edits that lost are kept aside rather than dropped.
   */
  async save(): Promise<LeftEditsOutcome> {
    const { latest, unsavedOn, ownWrite } = this;
    this.unsavedOn = this.ownWrite = undefined;
    if (!latest || unsavedOn === undefined) return 'nothing-unsaved';
    const { edits, basis } = latest;
    const result = await this.store.saveEdits(edits, unsavedOn, basis);
    if (result.ok) return 'saved';
    if (result.reason === 'frozen') return 'frozen';
    const { stored } = result;
    // By content, not by who wrote it: a draft identical to ours holds no other tab's work to lose.
    if (stored === null || ownWrite?.revision !== stored.revision || !sameDraftEdits(stored, ownWrite.edits)) {
      await this.store.setAside(edits, 'Left unsaved by a panel that went away after another tab had saved a newer draft.');
      return 'conflict';
    }
    if (sameDraftEdits(edits, ownWrite.edits)) return 'saved-by-the-panel';
    const onOwnWrite = await this.store.saveEdits(edits, stored.revision, basis);
    return onOwnWrite.ok ? 'saved' : onOwnWrite.reason;
  }
}
