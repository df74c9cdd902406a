/** The widest text `percentText` gives: the % after column is sized for it (`figureSamples`). */
export const WIDEST_PERCENT_TEXT = '-999.99%';

/**
 * A line's percent complete as the grid's % after shows it: `37.25%`. Past ±1,000% (a mistyped amount,
 * as a rule) the figure tells nothing more than that, so it reads `> 999%` (or `< -999%`): no wider
 * than the figures below it (`WIDEST_PERCENT_TEXT`), the column shows it in full, and the line's own
 * warning says what is wrong. `percent` is a canonical two-place decimal (`percentOfCents`).
 */
export function percentText(percent: string): string {
  const whole = percent.slice(percent.startsWith('-') ? 1 : 0, percent.indexOf('.'));
  if (whole.length <= 3) return `${percent}%`;
  return percent.startsWith('-') ? '< -999%' : '> 999%';
}
