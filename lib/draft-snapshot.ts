import type { AllocationJournal } from './allocation-journal';
import type { Allocations, DraftBasis, DraftEdits } from './schemas';

/** Where a snapshot's allocations stand among their editor's numbered changes. */
export interface JournalPlace {
  readonly journal: AllocationJournal;
  readonly version: number;
  /** The rest of the edits, read without copying the allocations. */
  readonly besideAllocations: Omit<DraftEdits, 'allocations'>;
}

/**
 * The draft as it stands, and its basis when that must be recorded (a new or rebased draft). With
 * `journaled`, what changed since an earlier snapshot of the same editor can be told from its journal
 * (the draft guard hands the background only that, D2).
 */
export interface DraftSnapshot {
  readonly edits: DraftEdits;
  readonly basis?: DraftBasis;
  readonly journaled?: JournalPlace;
}

/** What an editor snapshot reads: its allocations, copied on demand, and its journal. */
export interface JournaledAllocations {
  readonly allocations: Allocations;
  readonly journal: AllocationJournal;
}

/**
 * A snapshot of an editor's draft whose allocations are copied only when `edits` is first read: the
 * autosave reads it once per save, while the guard, which gets one on every keystroke, mostly needs
 * only the lines that changed. Its version is that of the allocations it holds: those of when it was
 * made, or, once copied, those copied.
 */
export class EditorSnapshot implements DraftSnapshot {
  private copied: DraftEdits | undefined;
  private version: number;

  constructor(
    private readonly besideAllocations: Omit<DraftEdits, 'allocations'>,
    private readonly editor: JournaledAllocations,
    readonly basis?: DraftBasis,
  ) {
    this.version = editor.journal.version;
  }

  get edits(): DraftEdits {
    if (!this.copied) {
      this.version = this.editor.journal.version;
      this.copied = { ...this.besideAllocations, allocations: this.editor.allocations };
    }
    return this.copied;
  }

  get journaled(): JournalPlace {
    return { journal: this.editor.journal, version: this.version, besideAllocations: this.besideAllocations };
  }
}
