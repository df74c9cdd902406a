import { sameDraftEdits } from '@/lib/draft-edits';
import type { DraftSnapshot } from '@/lib/draft-snapshot';
import type { Draft } from '@/lib/schemas';
import type { DraftStore } from '@/lib/storage/draft-store';

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

const AUTOSAVE_DELAY_MS = 250;
const RETRY_DELAY_MS = 3_000;

/**
 * Told of every unsaved snapshot, of every write and of every completed save, so that edits outlive a
 * frame destroyed before it could save them (D2).
 */
export interface UnsavedEditsGuard {
  /**
   * Hands over the unsaved snapshot. False when it went over a line only just opened (the worker was
   * stopped and is starting again): if the frame went away now the snapshot could be lost, so the
   * autosave writes it at once instead of waiting.
   */
  unsaved(snapshot: DraftSnapshot, baseRevision: number): boolean;
  /** This snapshot is being written now, as revision `baseRevision + 1`. */
  writing(snapshot: DraftSnapshot, baseRevision: number): void;
  saved(): void;
  /** The claim is closed with every edit on disk: nothing more to guard. */
  close(): void;
}

const UNGUARDED: UnsavedEditsGuard = { unsaved: () => true, writing: () => {}, saved: () => {}, close: () => {} };

/** Why a save failed, in words a user can act on; the edits stay in memory either way (D4). */
export function saveFailureText(error: unknown): string {
  if (isQuotaError(error)) {
    return "Not saved: this computer's storage for Backfill is full. Your edits are kept in this panel and saving is retried; use Export to keep a copy.";
  }
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return `Not saved: ${message}. Your edits are kept in this panel and saving is retried.`;
}

/** Quota errors may arrive wrapped: Dexie's AbortError carries the cause in `inner`, at any depth. */
function isQuotaError(error: unknown): boolean {
  for (let cause = error as { name?: string; inner?: unknown } | null | undefined, depth = 0; cause && depth < 5; depth++) {
    if (cause.name === 'QuotaExceededError') return true;
    cause = cause.inner as typeof cause;
  }
  return false;
}

/**
 * Saves a draft within 250 ms of the last edit, and at once on flush (blur, pagehide, hidden tab).
 * "Saved" shows only after the transaction completed (D2). Each save is a compare-and-swap on the
 * draft's revision, so another tab's newer draft is never silently overwritten (D7): edits from other
 * tabs are taken live when this one has nothing unsaved, and shown as a conflict when it has.
 */
export class DraftAutosave {
  state = $state<SaveState>('idle');
  error = $state<string | null>(null);
  /** Another tab's draft, saved while this one had unsaved edits: the user picks which to keep. */
  conflict = $state.raw<Draft | null>(null);

  private revision = 0;
  private editsVersion = 0;
  private savedVersion = 0;
  private inFlight: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private latestSeen: Draft | undefined;
  private stopWatching: (() => void) | undefined;

  constructor(
    private readonly store: DraftStore,
    private readonly claimId: string,
    private readonly edits: () => DraftSnapshot | null,
    /** Called with another tab's draft when this tab adopts it. */
    private readonly adopt: (draft: Draft) => void,
    /** Called once a basis given by `edits` is on disk. */
    private readonly basisSaved: () => void = () => {},
    private readonly guard: UnsavedEditsGuard = UNGUARDED,
  ) {}

  /** Starts from the stored revision and follows other tabs' saves. */
  start(revision: number): void {
    this.revision = revision;
    this.stopWatching = this.store.watch(this.claimId, (draft) => {
      this.latestSeen = draft;
      if (!this.inFlight) this.considerExternal();
    });
  }

  /** Saves what is pending, then stops following the draft (the workbench moved to another claim). */
  async close(): Promise<void> {
    await this.flush();
    this.stopWatching?.();
    if (!this.hasUnsavedEdits) this.guard.close();
  }

  /** Something the user did changed the draft. */
  changed(): void {
    this.editsVersion++;
    if (this.conflict) return; // nothing is written until the user resolves the conflict
    const snapshot = this.edits();
    const guarded = snapshot ? this.guard.unsaved(snapshot, this.revision) : true;
    this.state = 'saving';
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), guarded ? AUTOSAVE_DELAY_MS : 0);
  }

  get hasUnsavedEdits(): boolean {
    return this.editsVersion !== this.savedVersion;
  }

  /** Writes pending edits now; resolves once they are on disk (or the failure is shown). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    while (this.inFlight) await this.inFlight;
    if (!this.hasUnsavedEdits || this.conflict) return;
    this.inFlight = this.write().finally(() => (this.inFlight = null));
    await this.inFlight;
    this.considerExternal();
    if (this.hasUnsavedEdits && this.state === 'saving') await this.flush();
  }

  /** Keep this tab's edits over the other tab's draft. */
  async keepMine(): Promise<void> {
    if (!this.conflict) return;
    this.revision = this.conflict.revision;
    this.conflict = null;
    this.state = 'saving';
    await this.flush();
  }

  /** Take the other tab's draft, dropping this tab's unsaved edits (the user chose so). */
  takeTheirs(): void {
    if (!this.conflict) return;
    const draft = this.conflict;
    this.conflict = null;
    this.revision = draft.revision;
    this.markSaved(this.editsVersion);
    this.state = 'saved';
    this.adopt(draft);
  }

  private async write(): Promise<void> {
    const snapshot = this.edits();
    if (!snapshot) return;
    const version = this.editsVersion;
    try {
      this.guard.writing(snapshot, this.revision);
      const started = performance.now();
      const result = await this.store.saveEdits(snapshot.edits, this.revision, snapshot.basis);
      performance.measure('backfill:save', { start: started, end: performance.now() });
      if (!result.ok && result.reason === 'conflict' && sameDraftEdits(result.stored, snapshot.edits)) {
        // Already on disk as this tab has it (the background saved it while this frame was away).
        this.settle(result.stored.revision, version);
        return;
      }
      if (!result.ok && result.reason === 'conflict') {
        this.conflict = result.stored;
        this.state = 'failed';
        this.error = 'Not saved: this draft was changed in another tab or window. Choose which version to keep.';
        return;
      }
      if (!result.ok && result.reason === 'frozen') {
        const stored = await this.store.get(this.claimId);
        if (stored) this.takeSubmitted(stored);
        return;
      }
      if (snapshot.basis) this.basisSaved();
      this.settle(result.revision, version);
    } catch (error) {
      this.state = 'failed';
      this.error = saveFailureText(error);
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.flush(), RETRY_DELAY_MS);
    }
  }

  /**
   * Another tab started or finished submitting this draft: what it sent stands, whatever this tab
   * holds, so there is no version to choose (and no choice could lead to a second submission). Edits
   * this tab had not saved are dropped, and it says so (until the user edits again, nothing else could).
   */
  private takeSubmitted(draft: Draft): void {
    if (this.hasUnsavedEdits) {
      this.state = 'failed';
      this.error = 'Not saved: this claim is being submitted (or was) from another tab or window, so its draft is read-only now.';
    }
    this.conflict = null;
    this.markSaved(this.editsVersion);
    this.revision = draft.revision;
    this.adopt(draft);
  }

  /** Edits up to `version` are on disk as `revision`. */
  private settle(revision: number, version: number): void {
    this.revision = revision;
    this.markSaved(version);
    this.state = version === this.editsVersion ? 'saved' : 'saving';
    this.error = null;
  }

  /** Edits up to `version` are settled; the guard lets go once nothing newer is pending. */
  private markSaved(version: number): void {
    this.savedVersion = version;
    if (!this.hasUnsavedEdits) this.guard.saved();
  }

  private considerExternal(): void {
    const draft = this.latestSeen;
    if (!draft || draft.revision <= this.revision) return;
    if (draft.submission.state !== 'ready') return this.takeSubmitted(draft);
    if (this.conflict) return;
    const mine = this.hasUnsavedEdits ? this.edits() : null;
    if (mine && sameDraftEdits(draft, mine.edits)) return this.settle(draft.revision, this.editsVersion);
    if (this.hasUnsavedEdits) {
      this.conflict = draft;
      this.state = 'failed';
      this.error = 'Not saved: this draft was changed in another tab or window. Choose which version to keep.';
      return;
    }
    this.revision = draft.revision;
    this.adopt(draft);
  }
}
