import { applyBackfill, projectLines, type AppliedSov, type BackfillValidation, type HelperResult, type Issue, type SpreadEveryCodeResult } from '@/lib/backfill';
import type { AllocationRow, CodeRow, LineRow, RowPlace, TotalRow } from '@/lib/allocation-rows';
import type { PastePlan } from '@/lib/paste';
import type { HostAdapter } from '@/lib/host/host-adapter';
import { claimHeaderProblem, defaultClaimHeader } from '@/lib/claim-header';
import { DraftEditor } from '@/lib/draft-editor';
import { EditorSnapshot, type DraftSnapshot } from '@/lib/draft-snapshot';
import { hasAmounts } from '@/lib/draft-allocated';
import type { MarkEntry } from '@/lib/draft-marks';
import { otherDrafts } from '@/lib/contract-drafts';
import type { Allocations, ClaimHeader, Draft, DraftBasis, DraftEdits, HostClaim, Sov, Submission } from '@/lib/schemas';
import { buildBackfillRequest } from '@/lib/submission';
import { nowIso } from '@/lib/clock';
import type { DraftStore } from '@/lib/storage/draft-store';
import { carryAllocation } from '@/lib/local-source/prepared';
import type { LocalSource } from '@/lib/storage/local-source';
import { ClaimLoader, type ClaimRead, type PreparedAllocation } from './claim-loader';
import { DraftAutosave, type UnsavedEditsGuard } from './draft-autosave.svelte';
import { SubmitController } from './submit-controller';

export type Step = 'claim' | 'allocate' | 'confirm' | 'done';

/**
 * One claim being backfilled in the panel: the state components read and the methods they call, over
 * a pure draft editor (amounts, undo, validation, rows: `lib/draft-editor.ts`), a claim loader (host,
 * cache, saved draft), the autosave and a submit controller (ledger, lock, exactly-once, audit).
 */
export class BackfillSession {
  loadError = $state<string | null>(null);
  claim = $state.raw<HostClaim | null>(null);
  sov = $state.raw<Sov | null>(null);
  header = $state<ClaimHeader>({ number: '', title: '', payPeriod: '2000-01-01' });
  /** Header fields the user typed that could not be kept, with why. */
  headerProblems = $state.raw<Partial<Record<keyof ClaimHeader, string>>>({});
  /** The editor's allocations version (`AllocationJournal`) last shown: what makes `allocations` reactive. */
  private allocationsVersion = $state(0);
  validation = $state.raw<BackfillValidation | null>(null);
  submission = $state.raw<Submission>({ state: 'ready' });
  step = $state<Step>('claim');
  submitMessage = $state<string | null>(null);
  /** A submission is being sent or confirmed right now. */
  submitting = $state(false);
  /** When the host did not answer: the time of the cached claim and SOV the panel shows instead. */
  offlineSince = $state<string | null>(null);
  /** Records set aside because they failed their schema, in plain words. */
  quarantined = $state.raw<string[]>([]);
  /** What changed on the host since the draft was built (the draft is stale when not empty). */
  changes = $state.raw<string[]>([]);
  /** Bumped when the whole draft was replaced (another tab's version): views reload every row. */
  draftVersion = $state(0);
  /** The line the user was on, restored when the draft is resumed. */
  focusedSovLineId = $state<string | null>(null);
  /** The SOV as the host holds it after our backfill (percent complete moved up). */
  sovAfter = $state.raw<AppliedSov | null>(null);
  /** The contract's page on the host, for the done step to link to; null where the host has none. */
  readonly contractPage: (contractId: string) => string | null;
  /** Submitted, and the host's own view of the claim afterwards has not been read yet. */
  awaitingHost = $state(false);
  canUndo = $state(false);
  canRedo = $state(false);
  /** Allocations of this claim prepared in the workbench (usually one), offered while this draft has no amounts. */
  prepared = $state.raw<PreparedAllocation[]>([]);
  /** What carrying the prepared allocation over to the host's SOV could not do as it was (see `carryAllocation`). */
  preparedNotes = $state.raw<string[]>([]);
  /** Bumped when the contract's other drafts changed what lies on some lines (`projectionMoved`). */
  projectionVersion = $state(0);
  projectionMoved: string[] = [];
  /** The claim comes from the user's own files (the workbench): it is finished here, not submitted. */
  readonly local: boolean;

  readonly autosave: DraftAutosave;
  private readonly editor = new DraftEditor(() => this.submission.state === 'ready');
  private readonly loader: ClaimLoader;
  private readonly submitter: SubmitController;
  private ledgerBackfilled = false;
  private stopWatchingContract: (() => void) | null = null;
  private closed = false;
  /** The draft is new or the host changed under it: record the claim and SOV with the next save. */
  private basisPending = true;
  /**
   * The basis to record, made once for the claim and SOV shown: every snapshot until it is saved gives
   * the same one, so the draft guard hands a 5,000-line SOV to the background once, not per edit.
   */
  private basisToRecord: { claim: HostClaim; sov: Sov; basis: DraftBasis } | null = null;

  constructor(
    readonly claimId: string,
    /** Where the claim is read from and the backfill sent: recorded so the draft can reopen in a tab (null: the local source). */
    readonly hostOrigin: string | null,
    host: HostAdapter,
    private readonly drafts: DraftStore,
    private readonly onSubmitted: (claimId: string) => void,
    /** Saves what this panel leaves unsaved if its frame goes away first (the background). */
    guard: UnsavedEditsGuard,
    /** Where an allocation prepared in the workbench is looked for. */
    localSource?: LocalSource,
  ) {
    this.local = host.local === true;
    this.loader = new ClaimLoader(claimId, host, drafts, localSource);
    this.contractPage = (contractId) => host.contractPage?.(contractId) ?? null;
    this.submitter = new SubmitController(claimId, host, drafts);
    this.autosave = new DraftAutosave(
      drafts,
      claimId,
      () => this.edits(),
      (draft) => this.adopt(draft),
      () => {
        this.basisPending = false;
        this.basisToRecord = null;
      },
      guard,
    );
  }

  /** The allocations as they stand (copied out of the editor only when read). */
  get allocations(): Allocations {
    void this.allocationsVersion;
    return this.editor.allocations;
  }

  get blockers() {
    return this.validation?.issues.filter((issue) => issue.severity === 'blocker') ?? [];
  }

  /** What stops the submit, as listed under the grid: text refused in a cell, then every error. */
  get problems(): Issue[] {
    return [...this.refusedEntries, ...(this.validation?.issues.filter((issue) => issue.severity !== 'warning') ?? [])];
  }

  /** SOV lines the backfill will change (non-zero amounts). */
  get linesTouched(): number {
    return buildBackfillRequest(this.allocations).lines.length;
  }

  get canSubmit(): boolean {
    return this.validation?.canSubmit === true && this.submission.state === 'ready' && this.refusedEntries.length === 0;
  }

  /**
   * Text typed on a line that was not taken as an amount (the grid keeps showing it, with why): until
   * the line gets an amount again, it stops the submit and is listed with what else must be fixed.
   */
  refusedEntries = $state.raw<Issue[]>([]);

  /**
   * Reads the claim and SOV from the host (never from the page), then resumes any saved draft. `early`:
   * that read, started before the open (`ClaimReadAhead`); read again if it failed.
   */
  async load(early?: Promise<ClaimRead>): Promise<void> {
    try {
      const { host, saved } = await (early?.catch(() => this.loader.read()) ?? this.loader.read());
      const { claim, sov, offlineSince } = host;
      if (offlineSince !== null) this.offlineSince = offlineSince;
      const { draft, changes, basisPending, ledgerBackfilled } = saved;
      const resumeStarted = performance.now();
      this.ledgerBackfilled = ledgerBackfilled;
      this.claim = claim;
      this.sov = sov;
      this.changes = changes;
      this.basisPending = basisPending;
      this.header = draft?.header ?? defaultClaimHeader(claim);
      this.rebuildEditor(draft?.allocations ?? {});
      this.submission = draft?.submission ?? { state: 'ready' };
      this.focusedSovLineId = draft?.focusedSovLineId ?? null;
      this.autosave.start(draft?.revision ?? 0);
      if (draft) performance.measure('backfill:resume:validate', { start: resumeStarted, end: performance.now() });
      this.quarantined = [...this.drafts.quarantined];
      if (!claim.backfilled && this.submission.state === 'ready' && !hasAmounts(this.allocations)) this.prepared = await this.loader.readPrepared(claim);
      // Not once closed (the workbench may move to another claim while this one still loads).
      if (!this.closed) this.stopWatchingContract ??= this.drafts.watchOtherDrafts(claim.contractId, this.claimId, (entries) => this.project(entries));
      if (this.submission.state === 'submitted') this.showSubmitted();
      else if (this.submission.state === 'submitting') {
        this.step = 'confirm';
        await this.submit(); // resumes with the stored key, re-reading the claim first (E2)
      } else if (draft && this.blockers.length === 0) this.step = 'allocate';
    } catch (error) {
      this.loadError = error instanceof Error ? error.message : String(error);
    }
  }

  /** Records what the user typed on a line; returns why it was refused (`MONEY_REFUSAL`), or null when taken. */
  setAllocation(sovLineId: string, text: string): string | null {
    const typed = this.editor.type(sovLineId, text);
    this.refusedEntries = this.refusedEntries.filter((entry) => entry.sovLineId !== sovLineId);
    if ('refused' in typed) {
      const lineNumber = this.sov?.lines.find((line) => line.id === sovLineId)?.lineNumber;
      const message = `Line ${lineNumber ?? sovLineId}: "${text}" ${typed.refused} and was not stored.`;
      this.refusedEntries = [...this.refusedEntries, { rule: 'AMOUNT_INVALID', severity: 'error', sovLineId, message }];
      return typed.refused;
    }
    this.edited(typed.changed);
    return null;
  }

  /**
   * Pastes a block of cells (see `planPaste`) at the focused grid row: applied whole as one undo step,
   * or not at all. The plan's summary is what the user is told.
   */
  paste(cells: readonly (readonly string[])[], focusedRowId: string): PastePlan & { changed: string[] } {
    return this.edited(this.editor.paste(cells, focusedRowId));
  }

  /** Puts the code's remaining on this line. */
  fillRemaining(sovLineId: string): HelperResult & { changed?: string[] } {
    return this.edited(this.editor.fillRemaining(sovLineId));
  }

  /** Spreads the code's remaining over its lines in proportion to their remaining balance. */
  spreadRemaining(categoryCode: string): HelperResult & { changed?: string[] } {
    return this.edited(this.editor.spreadRemaining(categoryCode));
  }

  clearCode(categoryCode: string): HelperResult & { changed?: string[] } {
    return this.edited(this.editor.clearCode(categoryCode));
  }

  /** Spreads every code's remaining over its lines, in one undo step. */
  spreadEveryCode(): SpreadEveryCodeResult & { changed: string[] } {
    return this.edited(this.editor.spreadEveryCode());
  }

  /**
   * Carries the allocation prepared in the workbench over to the host's SOV, with its claim header, as
   * one undo step; checked by every rule as typed amounts are. Balanced, it goes straight to Submit.
   */
  usePrepared(claimId: string): void {
    const prepared = this.prepared.find((each) => each.claimId === claimId);
    if (!prepared || !this.sov) return;
    const carried = carryAllocation(prepared.sov, prepared.allocations, this.sov);
    this.prepared = [];
    this.preparedNotes = carried.notes;
    this.header = { ...prepared.header };
    this.edited(this.editor.apply(carried.allocations));
    this.autosave.changed(); // the header is saved even when no amount changed
    this.step = this.canSubmit ? 'confirm' : 'allocate';
  }

  undo(): string[] {
    return this.edited(this.editor.undo());
  }

  redo(): string[] {
    return this.edited(this.editor.redo());
  }

  /** Remembers where the user is, so a resumed draft opens there. */
  focusLine(sovLineId: string): void {
    if (this.focusedSovLineId === sovLineId || this.submission.state !== 'ready') return;
    this.focusedSovLineId = sovLineId;
    this.autosave.changed();
  }

  /**
   * Takes the header fields the user typed that the draft can hold; one that it cannot (too long, not
   * a date) is not kept and its problem is shown instead, so what is saved always reads back.
   */
  updateHeader(header: Partial<ClaimHeader>): void {
    const problems = { ...this.headerProblems };
    const taken: Partial<ClaimHeader> = {};
    for (const field of Object.keys(header) as (keyof ClaimHeader)[]) {
      const value = header[field]!;
      const problem = claimHeaderProblem(field, value);
      if (problem) problems[field] = problem;
      else {
        delete problems[field];
        taken[field] = value;
      }
    }
    this.headerProblems = problems;
    if (Object.keys(taken).length === 0) return;
    this.header = { ...this.header, ...taken };
    this.autosave.changed();
  }

  /** Every row of the allocation grid, in display order. */
  rows(showOtherLines: boolean): AllocationRow[] {
    return this.editor.rows(showOtherLines);
  }

  /** Where every row of the allocation grid stands, in display order (`rowPlaces`). */
  rowPlaces(showOtherLines: boolean): RowPlace[] {
    return this.editor.rowPlaces(showOtherLines);
  }

  /** The rows at these places, as they stand now. */
  rowsAt(places: readonly RowPlace[]): AllocationRow[] {
    return this.editor.rowsAt(places);
  }

  /** The rows an edit of these lines changed: the lines and their codes' header rows. */
  rowsFor(sovLineIds: readonly string[]): (LineRow | CodeRow)[] {
    return this.editor.rowsFor(sovLineIds);
  }

  totalRow(): TotalRow | null {
    return this.editor.totalRow();
  }

  /** The draft as JSON, for the user to keep when it cannot be saved (D4). */
  exportDraft(): string {
    return JSON.stringify({ exportedAt: nowIso(), ...this.edits()?.edits }, null, 2);
  }

  flush(): Promise<void> {
    return this.autosave.flush();
  }

  /** Saves what is pending and lets the claim go (the workbench opens another). */
  close(): Promise<void> {
    this.closed = true;
    this.stopWatchingContract?.();
    this.stopWatchingContract = null;
    return this.autosave.close();
  }

  goTo(step: Step): void {
    if (step !== 'claim' && this.blockers.length > 0) return;
    if (step === 'confirm' && !this.canSubmit) return;
    this.step = step;
  }

  /** One click, one backfill: a Web Lock per claim keeps other tabs out while this one submits (E3). */
  async submit(): Promise<void> {
    if (this.submitting || (this.submission.state === 'ready' && !this.canSubmit)) return;
    this.submitting = true;
    this.submitMessage = null;
    try {
      await this.submitOnce();
    } catch (error) {
      this.submitMessage = `Nothing more was sent: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      this.submitting = false;
    }
  }

  private async submitOnce(): Promise<void> {
    await this.flush();
    if (this.autosave.hasUnsavedEdits) {
      this.submitMessage = 'Your latest edits are not saved yet, so nothing was sent. Resolve the saving problem above first.';
      return;
    }
    const request = buildBackfillRequest(this.allocations, $state.snapshot(this.header));
    const result = await this.submitter.send(this.submission, request, (submission) => (this.submission = submission));
    switch (result.outcome) {
      case 'already-submitted':
        this.submitMessage = 'This claim was already submitted from this computer; a claim is never backfilled twice.';
        break;
      case 'locked':
        this.submitMessage = 'This claim is being submitted in another tab or window.';
        break;
      case 'submitted':
        this.showSubmitted();
        this.onSubmitted(this.claimId);
        break;
      case 'refused':
        this.submitMessage = `The host refused this backfill: ${result.error.error}`;
        break;
      case 'backfilled-elsewhere':
        this.submitMessage = 'This claim was backfilled elsewhere in the meantime; it cannot be backfilled twice.';
        await this.reloadClaim();
        break;
      case 'unconfirmed':
        this.submitMessage = `Not confirmed yet: ${result.message} Your submission is kept; Retry sends the very same one.`;
        break;
    }
  }

  /** Starts the editor on the claim and SOV shown, with these allocations. */
  private rebuildEditor(allocations: Allocations): void {
    const claim = this.claim!;
    const backfilled = claim.backfilled || this.ledgerBackfilled ? [claim.id] : [];
    this.editor.reset({ claim, sov: this.sov!, backfilledClaimIds: backfilled }, allocations);
    this.sync();
  }

  /** Takes another tab's version of this draft as the current one. */
  private adopt(draft: Draft): void {
    if (!this.claim) return;
    this.editor.clearHistory(); // undo must never bring back what this tab had over the other tab's work
    this.refusedEntries = []; // the grid reloads every line from the draft taken: no refused text is left on any
    this.header = draft.header;
    this.submission = draft.submission;
    this.rebuildEditor(draft.allocations);
    this.draftVersion++;
    // Another tab's submission: this tab shows where it stands and never offers a second one.
    if (draft.submission.state === 'submitted') this.showSubmitted();
    else if (draft.submission.state === 'submitting' && !this.submitting) {
      this.step = 'confirm';
      this.submitMessage = 'This claim is being submitted from another tab or window.';
    }
  }

  /** Checks this draft against what the contract's other drafts, not yet in its SOV, put on its lines (`otherDrafts`). */
  private project(entries: readonly MarkEntry[]): void {
    if (!this.claim) return;
    const { invoiceDate, invoiceNumber } = this.claim;
    let moved: string[];
    try {
      moved = this.editor.setProjection(projectLines({ claimId: this.claimId, invoiceDate, invoiceNumber }, otherDrafts(this.claimId, entries)));
    } catch (error) {
      console.warn('Backfill: the contract’s other drafts could not be counted', error); // beyond exact counting: no projection rather than a wrong one
      return;
    }
    if (moved.length === 0) return;
    this.sync();
    this.projectionMoved = moved;
    this.projectionVersion++;
  }

  /** Shows the editor's allocations, validation and undo state. */
  private sync(): void {
    this.allocationsVersion = this.editor.journal.version;
    this.validation = this.editor.validation;
    this.canUndo = this.editor.canUndo;
    this.canRedo = this.editor.canRedo;
  }

  /** After an edit: shows it and saves it when it changed anything. */
  private edited<T extends string[] | { changed?: string[] }>(result: T): T {
    const changed = Array.isArray(result) ? result : (result.changed ?? []);
    if (changed.length > 0) {
      // A line given an amount no longer shows the text it refused.
      if (this.refusedEntries.length > 0) this.refusedEntries = this.refusedEntries.filter((entry) => !changed.includes(entry.sovLineId!));
      this.sync();
      this.autosave.changed();
    }
    return result;
  }

  private edits(): DraftSnapshot | null {
    if (!this.claim || !this.sov) return null;
    const besideAllocations: Omit<DraftEdits, 'allocations'> = {
      claimId: this.claimId,
      contractId: this.claim.contractId,
      header: $state.snapshot(this.header),
      focusedSovLineId: this.focusedSovLineId,
      ...(this.hostOrigin !== null && { hostOrigin: this.hostOrigin }),
    };
    if (!this.basisPending) return new EditorSnapshot(besideAllocations, this.editor);
    if (this.basisToRecord?.claim !== this.claim || this.basisToRecord.sov !== this.sov) {
      const { status: _status, backfilled: _backfilled, ...claim } = this.claim;
      this.basisToRecord = { claim: this.claim, sov: this.sov, basis: { claimId: this.claimId, claim, sov: this.sov, recordedAt: nowIso() } };
    }
    return new EditorSnapshot(besideAllocations, this.editor, this.basisToRecord.basis);
  }

  private async reloadClaim(): Promise<void> {
    this.claim = await this.loader.readClaim();
    this.rebuildEditor(this.allocations);
    this.step = 'claim';
  }

  /**
   * Shows the backfill at once, as the host accepted it (a 201 is success whatever follows): Synced
   * and Approved, and percent complete worked out from the SOV this draft was built on. Then the claim
   * and SOV are re-read from the host in the background, and its own figures replace ours.
   */
  private showSubmitted(): void {
    if (this.step === 'done' || this.submission.state !== 'submitted' || !this.claim || !this.sov) return;
    const { backfill } = this.submission;
    // A claim the host already reports backfilled came with the SOV after it: nothing to add again.
    const added = this.claim.backfilled ? {} : Object.fromEntries(backfill.lines.map((line) => [line.sovLineId, line.amount]));
    this.sovAfter = applyBackfill(this.sov, added);
    this.claim = { ...this.claim, status: backfill.status, backfilled: true };
    this.step = 'done';
    this.awaitingHost = true;
    void this.loader.rereadAfterSubmit((claim, sov) => {
      this.claim = claim;
      this.sovAfter = applyBackfill(sov, {});
      this.awaitingHost = false;
    });
  }
}
