/**
 * Money at every boundary: a canonical decimal string of dollars with exactly two decimals
 * (`"1234.50"`, `"-12.00"`, never `"-0.00"`). Arithmetic happens on `Decimal`, never on JS numbers.
 * Amounts are bounded by `MAX_MONEY`, so every sum the product shows stays exact (see `lib/decimal.ts`).
 *
 * Reading money text needs no arithmetic, so it lives here, apart from `money.ts`: the content script
 * compares a row's amounts with `parseMoney` alone, without carrying decimal.js onto every host page.
 */
export type Money = string;

/**
 * The largest amount Backfill takes, either sign: under a trillion dollars, far past any contract
 * and within what finance hosts store. Bounded at input, so a total is never rounded: 20,000 such
 * amounts add up to 17 integer digits, well inside the core's 40 significant digits.
 */
export const MAX_MONEY: Money = '999999999999.99';
const MAX_WHOLE_DIGITS = 12;

// Up to MAX_WHOLE_DIGITS (12) digits before the point.
export const MONEY_PATTERN = /^-?(0|[1-9]\d{0,11})\.\d{2}$/;

/** True for a canonical money string within `MAX_MONEY` (what schemas, storage and messages carry). */
export function isMoney(value: string): value is Money {
  return MONEY_PATTERN.test(value) && value !== '-0.00';
}

export type ParseMoneyError = 'EMPTY' | 'INVALID' | 'PRECISION' | 'TOO_LARGE';

export type ParseMoneyResult = { ok: true; value: Money } | { ok: false; error: ParseMoneyError };

// Spaces users and finance pages put around amounts: ordinary, non-breaking, narrow and figure spaces.
const SPACES = /^[\s\u00a0\u2007\u202f]+|[\s\u00a0\u2007\u202f]+$/g;
const MINUS_SIGNS = /[-\u2212\u2012\u2013]/;
// Digits with correctly placed thousands separators (or none), then an optional fraction.
const BODY = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/;

/**
 * Reads an amount the way users paste it from Excel or see it on finance pages.
 *
 * Grammar (spaces allowed around the amount and after `(`, a sign or `$`, nowhere else): optional `(`…`)` wrapping the whole amount as a negative, or one
 * minus sign (`-` or the Unicode minus `−`) before or after an optional `$`; then digits with
 * thousands separators in groups of three (or none) and an optional decimal point with digits.
 * Decimals past the second must be zeros (`1.230` is exactly `1.23`); any other third decimal is
 * `PRECISION`, because an amount is never rounded behind the user's back. An amount past `MAX_MONEY`
 * is `TOO_LARGE`.
 */
export function parseMoney(text: string): ParseMoneyResult {
  // Already canonical (what the grid copies, and many exports): itself, without the grammar's work.
  if (isMoney(text)) return { ok: true, value: text };
  let rest = trimSpaces(text);
  if (rest === '') return { ok: false, error: 'EMPTY' };

  let negative = false;
  if (rest.startsWith('(') && rest.endsWith(')')) {
    negative = true;
    rest = trimSpaces(rest.slice(1, -1));
  }
  if (!negative && MINUS_SIGNS.test(rest[0] ?? '')) {
    negative = true;
    rest = trimSpaces(rest.slice(1));
  }
  if (rest.startsWith('$')) rest = trimSpaces(rest.slice(1));
  if (!negative && MINUS_SIGNS.test(rest[0] ?? '')) {
    negative = true;
    rest = trimSpaces(rest.slice(1));
  }

  const match = BODY.exec(rest);
  if (!match || rest === '' || rest === '.') return { ok: false, error: 'INVALID' };
  const whole = (match[1] ?? '0').replaceAll(',', '');
  const fraction = match[2] ?? '';
  if (/[1-9]/.test(fraction.slice(2))) return { ok: false, error: 'PRECISION' };
  if (whole.replace(/^0+/, '').length > MAX_WHOLE_DIGITS) return { ok: false, error: 'TOO_LARGE' };

  // Canonical without arithmetic: no leading zeros, exactly two decimals, no negative zero.
  const value = `${whole.replace(/^0+(?=\d)/, '')}.${fraction.slice(0, 2).padEnd(2, '0')}`;
  return { ok: true, value: negative && value !== '0.00' ? `-${value}` : value };
}

function trimSpaces(text: string): string {
  return text.replace(SPACES, '');
}
