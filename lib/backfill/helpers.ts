import { Decimal } from '../decimal';
import { formatMoney, toMoney, type Money } from '../money';
import { distributeProRata } from './distribute';
import type { BackfillValidator } from './validate';

/** New values per SOV line id; an empty string clears the line. One patch is one undo step. */
export type AllocationPatch = Record<string, string>;

export type HelperResult = { ok: true; patch: AllocationPatch } | { ok: false; message: string };

/** Puts the code's whole remaining on one of its lines (added to what that line already has). */
export function fillRemaining(validation: BackfillValidator, sovLineId: string): HelperResult {
  const line = validation.line(sovLineId);
  if (!line || !validation.isClaimCode(line.categoryCode)) {
    return { ok: false, message: 'Only a line whose category code is on the claim can take its remaining.' };
  }
  const remaining = validation.balanceOf(line.categoryCode!)!.remaining;
  if (new Decimal(remaining).isZero()) return { ok: true, patch: {} };
  return { ok: true, patch: { [sovLineId]: toMoney(validation.amountOn(sovLineId).plus(remaining)) } };
}

/**
 * Spreads the code's remaining over its lines in proportion to the room each line has, so no line goes
 * past its scheduled value (or, for a credit, below zero): room is scheduled − claimed to date − already
 * allocated when adding, claimed to date + allocated when taking away. Refuses when it cannot fit.
 */
export function spreadRemaining(validation: BackfillValidator, categoryCode: string): HelperResult {
  const balance = validation.balanceOf(categoryCode);
  const lines = validation.linesOf(categoryCode);
  if (!balance || lines.length === 0) return { ok: false, message: `${categoryCode} has no SOV lines on this claim.` };
  const remaining = new Decimal(balance.remaining);
  if (remaining.isZero()) return { ok: true, patch: {} };

  const current = lines.map((line) => validation.amountOn(line.id));
  const rooms = lines.map((line, index) => {
    const claimed = new Decimal(line.claimedToDate).plus(current[index]!);
    const room = remaining.isPositive() ? new Decimal(line.scheduledValue).minus(claimed) : claimed;
    return Decimal.max(room, 0);
  });
  const totalRoom = rooms.reduce((sum, room) => sum.plus(room), new Decimal(0));
  if (totalRoom.lessThan(remaining.abs())) {
    const direction = remaining.isPositive() ? 'left to claim before their scheduled values' : 'claimed that a credit could take back';
    return {
      ok: false,
      message: `${formatMoney(remaining)} does not fit on ${categoryCode}: its lines have only ${formatMoney(totalRoom)} ${direction}.`,
    };
  }
  const split = distributeProRata(toMoney(remaining), rooms.map((room) => room.toFixed()));
  if (!split.ok) return { ok: false, message: `${categoryCode} has no line with room left.` };
  const patch: AllocationPatch = {};
  split.shares.forEach((share: Money, index) => {
    if (new Decimal(share).isZero()) return;
    patch[lines[index]!.id] = toMoney(current[index]!.plus(share));
  });
  return { ok: true, patch };
}

/** Clears every line of the code. */
export function clearCode(validation: BackfillValidator, categoryCode: string): HelperResult {
  const patch: AllocationPatch = {};
  for (const line of validation.linesOf(categoryCode)) patch[line.id] = '';
  return { ok: true, patch };
}
