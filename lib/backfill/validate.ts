import { centsOf, centsOfAmount, moneyOfCents } from '../cents';
import { Decimal } from '../decimal';
import { MONEY_REFUSAL, formatMoney, parseMoney, type Money } from '../money';
import type { Allocations, Sov, SovLine, YardiClaim } from '../schemas';
import type { Issue } from './issues';
import { describeDrafts, sameLineProjection, type LineProjection, type Projection } from './projection';

export interface ValidateBackfillInput {
  claim: YardiClaim;
  sov: Sov;
  allocations: Allocations;
  /** Claims the host (or the local ledger) already holds a backfill for. */
  backfilledClaimIds: Iterable<string>;
}

export interface CodeBalance {
  categoryCode: string;
  target: Money;
  allocated: Money;
  remaining: Money;
}

export interface BackfillValidation {
  canSubmit: boolean;
  issues: Issue[];
  /** Every claim code in claim order, with what is allocated and what remains (target − allocated). */
  codes: CodeBalance[];
}

// Amounts are worked in exact integer cents (`lib/cents.ts`): the loop over a 5,000-line SOV runs on
// every paste and load, and decimal.js objects cost it several times more. A code's sum is a plain
// number while it is exact, and a bigint past that.
const ZERO = new Decimal(0);
/** Shared by every line without issues: a paste of 5,000 lines allocates no empty list per line. */
const NO_ISSUES: readonly Issue[] = Object.freeze([]);

interface CodeState {
  categoryCode: string;
  target: bigint;
  /** The code's allocated cents are `allocated + pending`: `set` adds to `pending` (a safe integer), a refresh folds it in. */
  allocated: bigint;
  pending: number;
  lineIds: readonly string[];
  balance: CodeBalance;
  issues: Issue[];
}

/** An SOV line with its place in the SOV, and its scheduled value and claimed to date in cents. */
interface IndexedLine {
  line: SovLine;
  index: number;
  scheduled: number;
  claimed: number;
}

interface SovIndex {
  linesById: ReadonlyMap<string, IndexedLine>;
  /** Each category code's line ids, in SOV order. */
  lineIdsByCode: ReadonlyMap<string, readonly string[]>;
  /** Each category code's lines by their place in the SOV. */
  placesByCode: ReadonlyMap<string, readonly number[]>;
}

// SOV records are never mutated (edits make new objects), so an index can be kept per SOV object:
// the workbench checks hundreds of claims against one 5,000-line SOV and indexes it once.
const sovIndexes = new WeakMap<Sov, SovIndex>();

function sovIndex(sov: Sov): SovIndex {
  const known = sovIndexes.get(sov);
  if (known) return known;
  const linesById = new Map<string, IndexedLine>();
  const lineIdsByCode = new Map<string, string[]>();
  const placesByCode = new Map<string, number[]>();
  sov.lines.forEach((line, index) => {
    linesById.set(line.id, { line, index, scheduled: centsOfAmount(line.scheduledValue), claimed: centsOfAmount(line.claimedToDate) });
    if (line.categoryCode === null) return;
    (lineIdsByCode.get(line.categoryCode) ?? lineIdsByCode.set(line.categoryCode, []).get(line.categoryCode)!).push(line.id);
    (placesByCode.get(line.categoryCode) ?? placesByCode.set(line.categoryCode, []).get(line.categoryCode)!).push(index);
  });
  const index = { linesById, lineIdsByCode, placesByCode };
  sovIndexes.set(sov, index);
  return index;
}

/**
 * Checks a backfill incrementally: built once per claim and SOV, then `set` re-checks only the changed
 * line and its category code, so validation can run on every keystroke of a 5,000-line contract.
 * `validateBackfill` is the one-shot form.
 */
export class BackfillValidator {
  readonly claim: YardiClaim;
  readonly sov: Sov;
  private readonly blockers: Issue[];
  private readonly linesById: ReadonlyMap<string, IndexedLine>;
  private readonly codes = new Map<string, CodeState>();
  /**
   * By each line's place in the SOV: the claim's code the line counts toward (none when the claim did
   * not pay the line's code), and the whole cents it counts. Arrays by place, not maps by id: setting a
   * line costs two map lookups (its entry, its value as typed), not eight (a third off a full
   * validation of 5,000 lines).
   */
  private readonly codeAt: (CodeState | undefined)[];
  private readonly amountAt: Float64Array;
  /** Lines (and unknown ids) that currently carry issues, so the result never scans every line. */
  private readonly issuesByLine = new Map<string, readonly Issue[]>();
  private readonly values = new Map<string, string>();
  /** Codes whose balance moved since their issues were last worked out. */
  private readonly staleCodes = new Set<CodeState>();
  /** What the contract's other drafts put on each line (`projectLines`). */
  private projection: Projection = new Map();

  constructor(input: Omit<ValidateBackfillInput, 'allocations'>) {
    this.claim = input.claim;
    this.sov = input.sov;
    const index = sovIndex(input.sov);
    this.linesById = index.linesById;
    for (const claimLine of input.claim.lines) {
      const code = this.codes.get(claimLine.categoryCode) ?? this.newCode(claimLine.categoryCode, index.lineIdsByCode.get(claimLine.categoryCode) ?? []);
      code.target += BigInt(centsOfAmount(claimLine.amount));
      this.codes.set(code.categoryCode, code);
    }
    this.codeAt = new Array<CodeState | undefined>(input.sov.lines.length).fill(undefined);
    this.amountAt = new Float64Array(input.sov.lines.length);
    for (const code of this.codes.values()) {
      this.staleCodes.add(code);
      for (const place of index.placesByCode.get(code.categoryCode) ?? []) this.codeAt[place] = code;
    }

    this.blockers = findBlockers(input.claim, input.sov, new Set(input.backfilledClaimIds), [...this.codes.values()]);
  }

  /** The category code's lines in SOV order; empty for a code the claim does not use. */
  linesOf(categoryCode: string): SovLine[] {
    return (this.codes.get(categoryCode)?.lineIds ?? []).map((id) => this.linesById.get(id)!.line);
  }

  line(sovLineId: string): SovLine | undefined {
    return this.linesById.get(sovLineId)?.line;
  }

  /** The amount on a line as the validator reads it (zero when empty or invalid). */
  amountOn(sovLineId: string): Decimal {
    const cents = this.centsOn(sovLineId);
    return cents === 0 ? ZERO : new Decimal(moneyOfCents(cents));
  }

  /** The amount on a line in whole cents (zero when empty or invalid): for rows built in bulk. */
  centsOn(sovLineId: string): number {
    const entry = this.linesById.get(sovLineId);
    return entry === undefined ? 0 : this.amountAt[entry.index]!;
  }

  /** The line's own issues (invalid amount, wrong code, past its scheduled value...). */
  lineIssues(sovLineId: string): readonly Issue[] {
    return this.issuesByLine.get(sovLineId) ?? NO_ISSUES;
  }

  /** The value as typed for the line ('' when nothing is allocated). */
  valueOf(sovLineId: string): string {
    return this.values.get(sovLineId) ?? '';
  }

  /** Whether the claim uses this code: only such lines can take an allocation. */
  isClaimCode(categoryCode: string | null): boolean {
    return categoryCode !== null && this.codes.has(categoryCode);
  }

  balanceOf(categoryCode: string): CodeBalance | undefined {
    this.refreshStaleCodes();
    return this.codes.get(categoryCode)?.balance;
  }

  /**
   * Takes what the contract's other drafts now put on each line, and re-checks this draft's amounts on
   * the lines that moved. Returns the SOV line ids whose projection changed (their rows show it).
   */
  setProjection(projection: Projection): string[] {
    const before = this.projection;
    const moved = [...new Set([...before.keys(), ...projection.keys()])].filter((id) => !sameLineProjection(before.get(id), projection.get(id)));
    this.projection = projection;
    for (const sovLineId of moved) {
      const value = this.values.get(sovLineId);
      if (value !== undefined) this.set(sovLineId, value);
    }
    return moved;
  }

  /** What the other drafts put on the line, when any does. */
  projectionOf(sovLineId: string): LineProjection | undefined {
    return this.projection.get(sovLineId);
  }

  /** Records many lines at once (a paste, a loaded draft); each touched code is re-checked once. */
  setMany(allocations: Allocations): void {
    // A plain `for…in`: `Object.entries` of a 5,000-line draft costs more than checking its lines.
    for (const sovLineId in allocations) if (Object.hasOwn(allocations, sovLineId)) this.set(sovLineId, allocations[sovLineId]!);
  }

  /**
   * Records one line's value and re-checks that line; its code's balance is re-checked when next read,
   * so a batch of edits works each code out once. An empty value clears the line.
   */
  set(sovLineId: string, value: string): void {
    const entry = this.linesById.get(sovLineId);
    const code = entry === undefined ? undefined : this.codeAt[entry.index];
    const cents = value === '' ? 0 : centsOf(value);
    const issues = value === '' ? NO_ISSUES : this.checkLine(sovLineId, value, cents, entry, code !== undefined);
    if (value === '') this.values.delete(sovLineId);
    else this.values.set(sovLineId, value);
    if (issues.length > 0) this.issuesByLine.set(sovLineId, issues);
    else if (this.issuesByLine.size > 0) this.issuesByLine.delete(sovLineId);

    // Only a valid amount on a line of one of the claim's codes counts toward that code (a line's code
    // never changes: every other line counts nothing, always).
    if (!code) return;
    const amount = cents ?? 0; // an amount that is not one counts nothing
    const change = amount - this.amountAt[entry!.index]!;
    this.amountAt[entry!.index] = amount;
    if (change === 0) return;
    // Sums stay in plain numbers while they are exact; a sum past 2^53 goes to the bigint exactly.
    const pending = code.pending + change;
    if (Number.isSafeInteger(pending)) code.pending = pending;
    else {
      code.allocated += BigInt(code.pending) + BigInt(change);
      code.pending = 0;
    }
    this.staleCodes.add(code);
  }

  /** The allocations as last set, without empty values. */
  allocations(): Allocations {
    return Object.fromEntries(this.values);
  }

  result(): BackfillValidation {
    this.refreshStaleCodes();
    const issues = [...this.blockers];
    const codes: CodeBalance[] = [];
    for (const code of this.codes.values()) {
      codes.push(code.balance);
      issues.push(...code.issues);
    }
    const lineIds = [...this.issuesByLine.keys()].sort((a, b) => this.positionOf(a) - this.positionOf(b));
    for (const id of lineIds) issues.push(...this.issuesByLine.get(id)!);
    return { canSubmit: !issues.some((issue) => issue.severity !== 'warning'), issues, codes };
  }

  private positionOf(sovLineId: string): number {
    return this.linesById.get(sovLineId)?.index ?? Number.MAX_SAFE_INTEGER;
  }

  private newCode(categoryCode: string, lineIds: readonly string[]): CodeState {
    const balance = { categoryCode, target: '0.00', allocated: '0.00', remaining: '0.00' };
    return { categoryCode, target: 0n, allocated: 0n, pending: 0, lineIds, balance, issues: [] };
  }

  private refreshStaleCodes(): void {
    for (const code of this.staleCodes) this.refreshCode(code);
    this.staleCodes.clear();
  }

  private refreshCode(code: CodeState): void {
    code.allocated += BigInt(code.pending);
    code.pending = 0;
    const remaining = code.target - code.allocated;
    code.balance = {
      categoryCode: code.categoryCode,
      target: moneyOfCents(code.target),
      allocated: moneyOfCents(code.allocated),
      remaining: moneyOfCents(remaining),
    };
    code.issues = [];
    if (remaining === 0n || code.lineIds.length === 0) return; // a code not on the SOV is a blocker
    // Under: still short of the target in the target's direction; over: past it (credits included).
    const under = code.target === 0n ? false : remaining < 0n === code.target < 0n;
    const { categoryCode, balance } = code;
    code.issues.push(
      under
        ? {
            rule: 'CODE_UNDER_ALLOCATED',
            severity: 'error',
            categoryCode,
            message: `${categoryCode} still needs ${formatMoney(balance.remaining)}: ${formatMoney(balance.allocated)} of ${formatMoney(balance.target)} is allocated.`,
          }
        : {
            rule: 'CODE_OVER_ALLOCATED',
            severity: 'error',
            categoryCode,
            message: `${categoryCode} is over by ${formatMoney(moneyOfCents(-remaining))}: ${formatMoney(balance.allocated)} is allocated against ${formatMoney(balance.target)} paid in Yardi.`,
          },
    );
  }

  /**
   * A non-empty value's issues on its line. `amount` is the value in cents, null when it is not an
   * amount with at most two decimals within MAX_MONEY (typing goes through parseMoney, so only drafts
   * saved by older versions can fail this). `claimCode`: the line is coded with one of the claim's codes.
   */
  private checkLine(sovLineId: string, value: string, amount: number | null, entry: IndexedLine | undefined, claimCode: boolean): readonly Issue[] {
    if (amount === null) {
      const label = entry ? `Line ${entry.line.lineNumber}` : `SOV line ${sovLineId}`;
      return [{ rule: 'AMOUNT_INVALID', severity: 'error', sovLineId, message: `${label} has "${value}", which ${refusal(value)}.` }];
    }
    if (!entry) {
      return [{ rule: 'UNKNOWN_SOV_LINE', severity: 'error', sovLineId, message: `An amount of ${formatMoney(moneyOfCents(amount))} is on SOV line ${sovLineId}, which is no longer on this contract's SOV.` }];
    }
    const { line } = entry;
    if (amount === 0) return NO_ISSUES;
    if (!claimCode) {
      const why = line.categoryCode === null ? 'has no category code' : `is coded ${line.categoryCode}, which this claim did not pay`;
      return [{ rule: 'LINE_NOT_IN_CLAIM', severity: 'error', sovLineId, message: `Line ${line.lineNumber} ${why}, so it cannot take part of this claim.` }];
    }
    const issues: Issue[] = [];
    // Both at most 10^14 cents: the sum is exact.
    const after = amount + entry.claimed;
    const projected = this.projection.size === 0 ? undefined : this.projection.get(sovLineId);
    if (after > entry.scheduled) {
      issues.push({
        rule: 'LINE_OVER_SCHEDULED',
        severity: 'error',
        sovLineId,
        categoryCode: line.categoryCode!,
        message: `Line ${line.lineNumber} would be claimed to ${formatMoney(moneyOfCents(after))}, past its scheduled value of ${formatMoney(line.scheduledValue)}.`,
      });
    }
    if (after < 0) {
      issues.push({
        rule: 'LINE_BELOW_ZERO',
        severity: 'error',
        sovLineId,
        categoryCode: line.categoryCode!,
        message: `Line ${line.lineNumber} would be claimed to ${formatMoney(moneyOfCents(after))}, below zero.`,
      });
    }
    if (projected && issues.length === 0) return projectedIssues(line, new Decimal(moneyOfCents(after)), projected);
    return issues.length === 0 ? NO_ISSUES : issues;
  }
}

/**
 * Warnings from the contract's other drafts (see `projectLines`): this amount on top of the earlier
 * drafts overruns the line, or the later drafts would overrun it once this one is in. They do not stop
 * a submit (the host checks its own figures), but name the drafts to look at.
 */
function projectedIssues(line: SovLine, after: Decimal, projected: LineProjection): Issue[] {
  const categoryCode = line.categoryCode!;
  const withEarlier = after.plus(new Decimal(projected.earlier));
  const beyond = (claimed: Decimal) =>
    claimed.greaterThan(line.scheduledValue) ? `past its scheduled value of ${formatMoney(line.scheduledValue)}` : claimed.isNegative() ? 'below zero' : null;
  const pastWithEarlier = beyond(withEarlier);
  if (pastWithEarlier) {
    const message = `Line ${line.lineNumber} would be claimed to ${formatMoney(withEarlier)} with the earlier drafts ${describeDrafts(projected, true)}, ${pastWithEarlier}.`;
    return [{ rule: 'LINE_OVER_PROJECTED', severity: 'warning', sovLineId: line.id, categoryCode, message }];
  }
  const withAll = withEarlier.plus(projected.later);
  const pastWithAll = beyond(withAll);
  if (!pastWithAll) return [];
  const message = `Line ${line.lineNumber} would be claimed to ${formatMoney(withAll)} once the later drafts ${describeDrafts(projected, false)} are submitted too, ${pastWithAll}: one of them must change.`;
  return [{ rule: 'LINE_OVER_WITH_LATER_DRAFTS', severity: 'warning', sovLineId: line.id, categoryCode, message }];
}

function refusal(value: string): string {
  const parsed = parseMoney(value);
  return parsed.ok || parsed.error === 'EMPTY' ? MONEY_REFUSAL.INVALID : MONEY_REFUSAL[parsed.error];
}

function findBlockers(claim: YardiClaim, sov: Sov, backfilled: Set<string>, codes: CodeState[]): Issue[] {
  const blockers: Issue[] = [];
  if (claim.allocated) {
    blockers.push({ rule: 'CLAIM_ALLOCATED', severity: 'blocker', message: 'This claim is allocated in Yardi, and allocated claims cannot be backfilled.' });
  }
  if (backfilled.has(claim.id)) {
    blockers.push({ rule: 'CLAIM_ALREADY_BACKFILLED', severity: 'blocker', message: 'This claim has already been backfilled; a claim is never backfilled twice.' });
  }
  if (sov.contractId !== claim.contractId) {
    blockers.push({ rule: 'SOV_OTHER_CONTRACT', severity: 'blocker', message: "This SOV belongs to another contract than the claim's." });
  }
  if (!sov.lines.some((line) => line.categoryCode !== null)) {
    blockers.push({ rule: 'SOV_NOT_CODED', severity: 'blocker', message: "No line of this contract's SOV has a category code, and only a coded SOV can take a backfill." });
  }
  for (const code of codes) {
    if (code.lineIds.length > 0) continue;
    blockers.push({
      rule: 'CODE_NOT_ON_SOV',
      severity: 'blocker',
      categoryCode: code.categoryCode,
      message: `Yardi paid ${formatMoney(moneyOfCents(code.target))} on ${code.categoryCode}, but no SOV line carries that code, so this claim cannot be backfilled to this SOV.`,
    });
  }
  const linesTotal = claim.lines.reduce((sum, line) => sum + BigInt(centsOfAmount(line.amount)), 0n);
  if (linesTotal !== BigInt(centsOfAmount(claim.total))) {
    blockers.push({
      rule: 'CLAIM_TOTAL_MISMATCH',
      severity: 'blocker',
      message: `The claim's lines add up to ${formatMoney(moneyOfCents(linesTotal))}, not its total of ${formatMoney(claim.total)}.`,
    });
  }
  return blockers;
}

/** Checks a whole backfill against every rule; see `RULES` for what each issue means. */
export function validateBackfill(input: ValidateBackfillInput): BackfillValidation {
  const validator = new BackfillValidator(input);
  validator.setMany(input.allocations);
  return validator.result();
}
