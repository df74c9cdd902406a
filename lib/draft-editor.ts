import {
  AllocationHistory,
  BackfillValidator,
  amountForPercentComplete,
  clearCode,
  fillRemaining,
  isPercentEntry,
  spreadEveryCode,
  spreadRemaining,
  type AllocationPatch,
  type BackfillValidation,
  type HelperResult,
  type Projection,
  type SpreadEveryCodeResult,
  type ValidateBackfillInput,
} from './backfill';
import { allocationRows, pasteTargets, rowPlaces, rowsAt, rowsForLines, totalRow, type AllocationRow, type CodeRow, type LineRow, type RowPlace, type TotalRow } from './allocation-rows';
import { AllocationJournal } from './allocation-journal';
import { planPaste, type PastePlan, type PasteTarget } from './paste';
import { MONEY_REFUSAL, parseMoney } from './money';
import type { Allocations } from './schemas';

/** What the draft's amounts are checked against: the claim, its SOV, and the claims already backfilled. */
export type DraftEditorBasis = Omit<ValidateBackfillInput, 'allocations'>;

/**
 * The allocations of one draft as the user edits them, with no browser or UI code: typed amounts,
 * pasted blocks, the helpers, undo and redo, the validation after each change and the grid's rows.
 * Every change is one undoable step, applied whole or not at all, and only while `editable()` says so
 * (a draft being submitted or submitted is read-only history). Amounts are canonical money strings.
 */
export class DraftEditor {
  /** Their validation, a new object after each change; null until `reset`. */
  validation: BackfillValidation | null = null;
  private validator: BackfillValidator | null = null;
  /** The allocations as last copied out, until they change. */
  private copied: Allocations | undefined;
  private readonly history = new AllocationHistory();
  /** The grid's rows as paste reads them: they change only with the claim and SOV. */
  private targets: PasteTarget[] | null = null;
  private projection: Projection = new Map();

  constructor(
    private readonly editable: () => boolean = () => true,
    /** Every change of the allocations, numbered (`version`), and what it changed. */
    readonly journal = new AllocationJournal(),
  ) {}

  /** Starts on this claim and SOV with these allocations; the undo history is kept (see `clearHistory`). */
  reset(basis: DraftEditorBasis, allocations: Allocations): void {
    this.validator = new BackfillValidator(basis);
    this.targets = null;
    this.validator.setProjection(this.projection);
    this.validator.setMany(allocations);
    this.copied = undefined;
    this.journal.restart();
    this.validation = this.validator.result();
  }

  /**
   * The allocations as they stand, a new object after each change (nothing before `reset`). Copied
   * out when asked for, not on every change: a keystroke on a 5,000-line draft has no use for a copy.
   */
  get allocations(): Allocations {
    return (this.copied ??= this.validator?.allocations() ?? {});
  }

  /**
   * Takes what the contract's other unsubmitted drafts put on each line (`projectLines`): amounts are
   * checked against it from now on. Returns the SOV line ids whose rows changed.
   */
  setProjection(projection: Projection): string[] {
    this.projection = projection;
    if (!this.validator) return [];
    const moved = this.validator.setProjection(projection);
    this.validation = this.validator.result();
    return moved;
  }

  /** Forgets every undo step (undo must never bring back what another tab's draft replaced). */
  clearHistory(): void {
    this.history.clear();
  }

  get canUndo(): boolean {
    return this.history.canUndo;
  }

  get canRedo(): boolean {
    return this.history.canRedo;
  }

  /**
   * Records what the user typed on a line, an amount or a percent complete to date (`45%`, see
   * `amountForPercentComplete`): why it was refused (`MONEY_REFUSAL`), or the SOV line ids it changed
   * (none when the amount was already there or the draft is read-only).
   */
  type(sovLineId: string, text: string): { refused: string } | { changed: string[] } {
    if (isPercentEntry(text)) {
      const line = this.validator?.line(sovLineId);
      const entry = line ? amountForPercentComplete(line, text) : { ok: false as const, message: 'This line takes no percent complete.' };
      return entry.ok ? { changed: this.edit({ [sovLineId]: entry.amount }) } : { refused: entry.message };
    }
    const parsed = parseMoney(text);
    if (!parsed.ok && parsed.error !== 'EMPTY') return { refused: MONEY_REFUSAL[parsed.error] };
    return { changed: this.edit({ [sovLineId]: parsed.ok ? parsed.value : '' }) };
  }

  /**
   * Pastes a block of cells (see `planPaste`) at the focused grid row: applied whole as one undo step,
   * or not at all. The plan's summary is what the user is told.
   */
  paste(cells: readonly (readonly string[])[], focusedRowId: string): PastePlan & { changed: string[] } {
    if (!this.targets && this.validator) this.targets = pasteTargets(this.validator);
    const targets = this.targets ?? [];
    const plan = planPaste(targets, cells, targets.findIndex((target) => target.id === focusedRowId));
    return { ...plan, changed: plan.ok ? this.edit(plan.patch) : [] };
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

  /** Spreads every code's remaining over its lines, in one undo step (see `spreadEveryCode`). */
  spreadEveryCode(): SpreadEveryCodeResult & { changed: string[] } {
    if (!this.validator) return { patch: {}, spread: [], refused: [], changed: [] };
    const result = spreadEveryCode(this.validator);
    return { ...result, changed: this.edit(result.patch) };
  }

  /** Puts amounts from elsewhere (an allocation prepared in the workbench) on their lines, as one undo step. */
  apply(patch: AllocationPatch): string[] {
    return this.edit(patch);
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

  /** Where every row of the allocation grid stands, in display order, with nothing worked out yet. */
  rowPlaces(showOtherLines: boolean): RowPlace[] {
    return this.validator ? rowPlaces(this.validator, { showOtherLines }) : [];
  }

  /** The rows at these places, as they stand now. */
  rowsAt(places: readonly RowPlace[]): AllocationRow[] {
    return this.validator ? rowsAt(this.validator, places) : [];
  }

  /** The rows an edit of these lines changed: the lines and their codes' header rows. */
  rowsFor(sovLineIds: readonly string[]): (LineRow | CodeRow)[] {
    return this.validator ? rowsForLines(this.validator, sovLineIds) : [];
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
    if (!validator || !this.editable()) return [];
    const changed = Object.keys(patch).filter((id) => validator.valueOf(id) !== patch[id]);
    if (changed.length === 0) return [];
    if (record) this.history.record(patch, (id) => validator.valueOf(id));
    validator.setMany(patch);
    this.copied = undefined;
    this.journal.record(Object.fromEntries(changed.map((id) => [id, patch[id] === '' ? null : patch[id]!])));
    this.validation = validator.result();
    return changed;
  }
}
