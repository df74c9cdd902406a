import type { CodeBalance } from './backfill';
import { formatMoney } from './money';

/** A category code's figures as the Yardi reference shows them. */
export interface CodeFigures {
  code: string;
  target: string;
  allocated: string;
  remaining: string;
  balanced: boolean;
}

// Weak: a balance no longer shown lets go of its figures.
const shown = new WeakMap<CodeBalance, CodeFigures>();

/**
 * A code's figures for the reference, worked out once per balance. The validator gives a code a new
 * balance object only when its figures change, so after an edit one code is formatted again and every
 * other row stays the same object (its part of the page is left alone). Formatting all 300 codes of a
 * large claim again took a few milliseconds of every keystroke.
 */
export function codeFigures(balance: CodeBalance): CodeFigures {
  let figures = shown.get(balance);
  if (figures === undefined) {
    const balanced = balance.remaining === '0.00';
    figures = {
      code: balance.categoryCode,
      target: formatMoney(balance.target),
      allocated: formatMoney(balance.allocated),
      balanced,
      remaining: balanced ? '✓ Balanced' : formatMoney(balance.remaining),
    };
    shown.set(balance, figures);
  }
  return figures;
}
