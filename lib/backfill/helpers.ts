import { Decimal } from '../decimal';
import { formatMoney, toMoney, type Money } from '../money';
import { distributeProRata } from './distribute';
import type { SovLine } from '../schemas';
import type { BackfillValidator } from './validate';

/** New values per SOV line id; an empty string clears the line. One patch is one undo step. */
export type AllocationPatch = Record<string, string>;

/** A patch to fill by assignment: with no prototype, a line id spelled `__proto__` is an entry like any other. */
export const emptyPatch = (): AllocationPatch => Object.create(null) as AllocationPatch;

export type HelperResult = { ok: true; patch: AllocationPatch } | { ok: false; message: string };

/** Puts the code's whole remaining on one of its lines (added to what that line already has). */
export function fillRemaining(validator: BackfillValidator, sovLineId: string): HelperResult {
  const line = validator.line(sovLineId);
  if (!line || !validator.isClaimCode(line.categoryCode)) {
    return { ok: false, message: 'Only a line whose category code is on the claim can take its remaining.' };
  }
  const remaining = validator.balanceOf(line.categoryCode!)!.remaining;
  if (new Decimal(remaining).isZero()) return { ok: true, patch: {} };
  return { ok: true, patch: { [sovLineId]: toMoney(validator.amountOn(sovLineId).plus(remaining)) } };
}

/**
 * Brings the code to what Yardi paid on it with every line within its bounds. First, what this claim
 * put past a line's scheduled value (or below zero) comes off that line: a mistyped amount is cut back
 * to what the line can take. Then what remains is spread over the lines in proportion to the room each
 * has in that direction, so no line goes past its scheduled value nor below zero. Moving toward the
 * Yardi amount, room is what the line can still take (scheduled − claimed to date − allocated; for a
 * credit, claimed to date + allocated). Moving back from an over-allocation, it is only what this claim
 * put on the line, so earlier claims are never undone. Refuses, saying so and changing nothing, when
 * the remaining does not fit.
 */
export function spreadRemaining(validator: BackfillValidator, categoryCode: string): HelperResult {
  const balance = validator.balanceOf(categoryCode);
  const lines = validator.linesOf(categoryCode);
  if (!balance || lines.length === 0) return { ok: false, message: `${categoryCode} has no SOV lines on this claim.` };
  const typed = lines.map((line) => validator.amountOn(line.id));
  const current = lines.map((line, index) => withinBounds(line, typed[index]!));
  const cutBack = typed.reduce((sum, amount, index) => sum.plus(amount.minus(current[index]!)), new Decimal(0));
  const remaining = new Decimal(balance.remaining).plus(cutBack);
  const shares = remaining.isZero() ? { ok: true as const, shares: current.map(() => new Decimal(0)) } : spreadShares(lines, current, remaining, new Decimal(balance.target));
  if (!shares.ok) {
    const preface = typed.some((amount, index) => !amount.equals(current[index]!)) ? 'Once every line is back within its bounds (zero to its scheduled value), ' : '';
    return { ok: false, message: `${preface}${formatMoney(remaining)} does not fit on ${categoryCode}: ${shares.why}` };
  }
  const patch = emptyPatch();
  lines.forEach((line, index) => {
    const amount = current[index]!.plus(shares.shares[index]!);
    if (!amount.equals(typed[index]!)) patch[line.id] = toMoney(amount);
  });
  return { ok: true, patch };
}

/**
 * The line's amount moved back within its bounds (claimed to date from zero to the scheduled value),
 * never across zero: only this claim's part gives way. A line already past its bounds before this
 * claim can take nothing more in that direction.
 */
function withinBounds(line: SovLine, amount: Decimal): Decimal {
  const claimed = new Decimal(line.claimedToDate);
  const after = claimed.plus(amount);
  if (amount.isPositive() && after.greaterThan(line.scheduledValue)) return Decimal.max(new Decimal(line.scheduledValue).minus(claimed), 0);
  if (amount.isNegative() && after.isNegative()) return Decimal.min(claimed.negated(), 0);
  return amount;
}

type Shares = { ok: true; shares: Decimal[] } | { ok: false; why: string };

/** `remaining` split over the lines (holding `current`) in proportion to the room each has in its direction. */
function spreadShares(lines: readonly SovLine[], current: readonly Decimal[], remaining: Decimal, target: Decimal): Shares {
  const towardTarget = target.isZero() ? false : remaining.isNegative() === target.isNegative();
  const rooms = lines.map((line, index) => {
    const claimed = new Decimal(line.claimedToDate).plus(current[index]!);
    let room: Decimal;
    if (!towardTarget) room = remaining.isNegative() ? current[index]! : current[index]!.negated();
    else room = remaining.isPositive() ? new Decimal(line.scheduledValue).minus(claimed) : claimed;
    return Decimal.max(room, 0);
  });
  const totalRoom = rooms.reduce((sum, room) => sum.plus(room), new Decimal(0));
  if (totalRoom.lessThan(remaining.abs())) {
    const direction = !towardTarget
      ? 'allocated by this claim to take back'
      : remaining.isPositive()
        ? 'left to claim before their scheduled values'
        : 'claimed that a credit could take back';
    return { ok: false, why: `its lines have only ${formatMoney(totalRoom)} ${direction}.` };
  }
  const split = distributeProRata(toMoney(remaining), rooms.map((room) => room.toFixed()));
  if (!split.ok) return { ok: false, why: 'no line has room left.' };
  return { ok: true, shares: split.shares.map((share: Money) => new Decimal(share)) };
}

/** Clears every line of the code. */
export function clearCode(validator: BackfillValidator, categoryCode: string): HelperResult {
  const patch = emptyPatch();
  for (const line of validator.linesOf(categoryCode)) patch[line.id] = '';
  return { ok: true, patch };
}

export interface SpreadEveryCodeResult {
  patch: AllocationPatch;
  /** The codes whose remaining was spread. */
  spread: string[];
  /** The codes whose remaining did not fit on their lines, each with why; their lines are left as they were. */
  refused: { categoryCode: string; message: string }[];
}

/**
 * `spreadRemaining` for every code of the claim with something remaining or a line past its bounds, in
 * one patch (one undo step), so a whole claim goes from empty to balanced in one action and is then
 * adjusted. A code whose remaining does not fit is left as it was and named: the others are still spread.
 */
export function spreadEveryCode(validator: BackfillValidator): SpreadEveryCodeResult {
  const result: SpreadEveryCodeResult = { patch: emptyPatch(), spread: [], refused: [] };
  const { codes, issues } = validator.result();
  const outOfBounds = new Set(issues.filter((issue) => issue.rule === 'LINE_OVER_SCHEDULED' || issue.rule === 'LINE_BELOW_ZERO').map((issue) => issue.categoryCode));
  for (const { categoryCode, remaining } of codes) {
    if (new Decimal(remaining).isZero() && !outOfBounds.has(categoryCode)) continue;
    const spread = spreadRemaining(validator, categoryCode);
    if (spread.ok) {
      Object.assign(result.patch, spread.patch);
      result.spread.push(categoryCode);
    } else {
      result.refused.push({ categoryCode, message: spread.message });
    }
  }
  return result;
}
