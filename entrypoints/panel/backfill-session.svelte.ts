import {
  AllocationHistory,
  BackfillValidator,
  applyBackfill,
  clearCode,
  fillRemaining,
  spreadRemaining,
  type AllocationPatch,
  type AppliedSov,
  type BackfillValidation,
  type HelperResult,
} from '@/lib/backfill';
import { allocationRows, codeRow, lineRow, totalRow, type AllocationRow, type CodeRow, type LineRow, type TotalRow } from '@/lib/allocation-rows';
import { planPaste, type PastePlan, type PasteTarget } from '@/lib/paste';
import type { HostAdapter } from '@/lib/host/host-adapter';
import { parseMoney } from '@/lib/money';
import type { Allocations, ClaimHeader, HostClaim, Sov, Submission } from '@/lib/schemas';
import { buildBackfillRequest, submitBackfill } from '@/lib/submission';
import type { DraftEdits, DraftStore } from './draft-store';

export type Step = 'claim' | 'allocate' | 'confirm' | 'done';
export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

const PARSE_ERRORS = {
  INVALID: 'Not an amount. Type it like 1,234.56, $1,234.56 or (12.00).',
  PRECISION: 'More than two decimals: amounts are never rounded for you.',
} as const;

/**
 * One claim being backfilled in the panel: what the host says, the draft, its validation and its
 * submission. Components read its state and call its methods; all money work happens in lib/.
 */
export class BackfillSession {
  loadError = $state<string | null>(null);
  claim = $state.raw<HostClaim | null>(null);
  sov = $state.raw<Sov | null>(null);
  header = $state<ClaimHeader>({ number: '', title: '', payPeriod: '2000-01-01' });
  allocations = $state.raw<Allocations>({});
  validation = $state.raw<BackfillValidation | null>(null);
  submission = $state.raw<Submission>({ state: 'ready' });
  step = $state<Step>('claim');
  saveState = $state<SaveState>('idle');
  saveError = $state<string | null>(null);
  submitMessage = $state<string | null>(null);
  /** The SOV as the host holds it after our backfill (percent complete moved up). */
  sovAfter = $state.raw<AppliedSov | null>(null);

  canUndo = $state(false);
  canRedo = $state(false);

  private validator: BackfillValidator | null = null;
  private readonly history = new AllocationHistory();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly claimId: string,
    private readonly host: HostAdapter,
    private readonly drafts: DraftStore,
    private readonly onSubmitted: (claimId: string) => void,
  ) {}

  get blockers() {
    return this.validation?.issues.filter((issue) => issue.severity === 'blocker') ?? [];
  }

  /** SOV lines the backfill will change (non-zero amounts). */
  get linesTouched(): number {
    return buildBackfillRequest(this.allocations).lines.length;
  }

  get canSubmit(): boolean {
    return this.validation?.canSubmit === true && this.submission.state !== 'submitted';
  }

  /** Reads the claim and SOV from the host (never from the page), then resumes any saved draft. */
  async load(): Promise<void> {
    try {
      const claim = await this.host.readClaim(this.claimId);
      const sov = await this.host.readSov(claim.contractId);
      const draft = await this.drafts.get(this.claimId);
      this.claim = claim;
      this.sov = sov;
      this.validator = new BackfillValidator({ claim, sov, backfilledClaimIds: claim.backfilled ? [claim.id] : [] });
      this.header = draft?.header ?? { number: claim.invoiceNumber, title: `Backfill of Yardi invoice ${claim.invoiceNumber}`, payPeriod: claim.invoiceDate };
      this.submission = draft?.submission ?? { state: 'ready' };
      this.validator.setMany(draft?.allocations ?? {});
      this.allocations = this.validator.allocations();
      this.validation = this.validator.result();
      if (this.submission.state === 'submitted') await this.showSubmitted();
      else if (this.submission.state === 'submitting') {
        this.step = 'confirm';
        await this.submit(); // resumes with the stored key, re-reading the claim first (E2)
      } else if (draft) this.step = 'allocate';
    } catch (error) {
      this.loadError = error instanceof Error ? error.message : String(error);
    }
  }

  /** Records what the user typed on a line; returns why it was refused, or null when taken. */
  setAllocation(sovLineId: string, text: string): string | null {
    const parsed = parseMoney(text);
    if (!parsed.ok && parsed.error !== 'EMPTY') return PARSE_ERRORS[parsed.error];
    this.edit({ [sovLineId]: parsed.ok ? parsed.value : '' });
    return null;
  }

  /** Pastes a block of cells from the focused row on; one paste is one undo step. */
  paste(targets: readonly PasteTarget[], startIndex: number, cells: string[][], editableColumnOffset: number): PastePlan & { changed: string[] } {
    const plan = planPaste(targets, startIndex, cells, editableColumnOffset);
    return { ...plan, changed: this.edit(plan.patch) };
  }

  /** Puts the code's remaining on this line. */
  fillRemaining(sovLineId: string): HelperResult & { changed?: string[] } {
    return this.withValidator((validator) => fillRemaining(validator, sovLineId));
  }

  /** Spreads the code's remaining over its lines in proportion to their remaining balance. */
  spreadRemaining(categoryCode: string): HelperResult & { changed?: string[] } {
    return this.withValidator((validator) => spreadRemaining(validator, categoryCode));
  }

  clearCode(categoryCode: string): HelperResult & { changed?: string[] } {
    return this.withValidator((validator) => clearCode(validator, categoryCode));
  }

  undo(): string[] {
    return this.edit(this.history.undo() ?? {}, false);
  }

  redo(): string[] {
    return this.edit(this.history.redo() ?? {}, false);
  }

  /** Every row of the allocation grid, in display order. */
  rows(showOtherLines: boolean): AllocationRow[] {
    return this.validator ? allocationRows(this.validator, { showOtherLines }) : [];
  }

  /** The rows an edit of these lines changed: the lines and their codes' header rows. */
  rowsFor(sovLineIds: readonly string[]): (LineRow | CodeRow)[] {
    const validator = this.validator;
    if (!validator) return [];
    const rows: (LineRow | CodeRow)[] = [];
    const codes = new Set<string>();
    for (const id of sovLineIds) {
      const line = validator.line(id);
      if (!line) continue;
      rows.push(lineRow(validator, line));
      if (line.categoryCode !== null && validator.isClaimCode(line.categoryCode)) codes.add(line.categoryCode);
    }
    for (const code of codes) rows.push(codeRow(validator, code));
    return rows;
  }

  totalRow(): TotalRow | null {
    return this.validator && this.validation ? totalRow(this.validator, this.validation.codes) : null;
  }

  private withValidator(helper: (validator: BackfillValidator) => HelperResult): HelperResult & { changed?: string[] } {
    if (!this.validator) return { ok: false, message: 'The claim is not loaded yet.' };
    const result = helper(this.validator);
    return result.ok ? { ...result, changed: this.edit(result.patch) } : result;
  }

  /** Applies a patch as one undoable step; returns the SOV line ids it changed. */
  private edit(patch: AllocationPatch, record = true): string[] {
    const validator = this.validator;
    if (!validator || this.submission.state !== 'ready') return [];
    const changed = Object.keys(patch).filter((id) => validator.valueOf(id) !== patch[id]);
    if (changed.length === 0) return [];
    if (record) this.history.record(patch, (id) => validator.valueOf(id));
    validator.setMany(patch);
    this.allocations = validator.allocations();
    this.validation = validator.result();
    this.canUndo = this.history.canUndo;
    this.canRedo = this.history.canRedo;
    this.scheduleSave();
    return changed;
  }

  updateHeader(header: Partial<ClaimHeader>): void {
    this.header = { ...this.header, ...header };
    this.scheduleSave();
  }

  private edits(): DraftEdits {
    return {
      claimId: this.claimId,
      contractId: this.claim!.contractId,
      header: $state.snapshot(this.header),
      allocations: this.allocations,
      claim: this.claim!,
      sov: this.sov!,
      focusedSovLineId: null,
    };
  }

  private scheduleSave(): void {
    this.saveState = 'saving';
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.flush(), 250);
  }

  /** Writes the draft now; "Saved" is shown only once the transaction completed. */
  async flush(): Promise<void> {
    clearTimeout(this.saveTimer);
    if (!this.claim || this.saveState !== 'saving') return;
    try {
      await this.drafts.saveEdits(this.edits());
      this.saveState = 'saved';
      this.saveError = null;
    } catch (error) {
      this.saveState = 'failed';
      this.saveError = error instanceof Error ? error.message : String(error);
    }
  }

  goTo(step: Step): void {
    if (step !== 'claim' && this.blockers.length > 0) return;
    if (step === 'confirm' && !this.canSubmit) return;
    this.step = step;
  }

  /** One click, one backfill: a Web Lock per claim keeps other tabs out while this one submits (E3). */
  async submit(): Promise<void> {
    if (this.submission.state === 'ready' && !this.canSubmit) return;
    this.saveState = 'saving';
    await this.flush();
    const request = buildBackfillRequest(this.allocations);
    this.submitMessage = null;
    const run = () =>
      submitBackfill(
        {
          host: this.host,
          store: this.drafts,
          newKey: () => crypto.randomUUID(),
          now: () => new Date().toISOString(),
          sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
          random: Math.random,
          onProgress: (submission) => (this.submission = submission),
        },
        this.claimId,
        request,
      );
    const result = await navigator.locks.request(`backfill-submit:${this.claimId}`, { ifAvailable: true }, (lock) => (lock ? run() : null));
    if (result === null) {
      this.submitMessage = 'This claim is being submitted in another tab or window.';
      return;
    }
    switch (result.outcome) {
      case 'submitted':
        await this.showSubmitted();
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

  private async reloadClaim(): Promise<void> {
    const claim = await this.host.readClaim(this.claimId);
    this.claim = claim;
    this.validator = new BackfillValidator({ claim, sov: this.sov!, backfilledClaimIds: claim.backfilled ? [claim.id] : [] });
    this.validator.setMany(this.allocations);
    this.validation = this.validator.result();
    this.step = 'claim';
  }

  /** Shows the host's truth after the backfill: status and the SOV's new percent complete. */
  private async showSubmitted(): Promise<void> {
    this.claim = await this.host.readClaim(this.claimId);
    this.sovAfter = applyBackfill(await this.host.readSov(this.claim.contractId), {});
    this.step = 'done';
  }
}
