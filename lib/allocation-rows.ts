import { bigCentsOf, centsOf, centsOfAmount, moneyOfCents, percentOfCents } from './cents';
import type { Money } from './money';
import { describeDrafts, type BackfillValidator, type LineProjection } from './backfill';
import type { PasteTarget } from './paste';
import type { SovLine } from './schemas';

/** A category code's header row: what Yardi paid on it and what is left to allocate. */
export interface CodeRow {
  kind: 'code';
  id: string;
  categoryCode: string;
  description: string;
  target: Money;
  allocated: Money;
  remaining: Money;
  balanced: boolean;
}

/** The header of the read-only SOV lines whose codes the claim did not use. */
export interface OtherLinesRow {
  kind: 'other';
  id: string;
  count: number;
}

/** One SOV line; `thisClaim` is what the user allocated to it ('' for nothing). */
export interface LineRow {
  kind: 'line';
  id: string;
  lineNumber: number;
  categoryCode: string | null;
  description: string;
  scheduledValue: Money;
  claimedToDate: Money;
  /** Claimed to date plus the contract's earlier drafts on the line (`projectLines`): what this claim stacks on. */
  projectedToDate: Money;
  /** The other drafts on the line, in words ('' when none): "earlier: Acme INV-7 for $400.00". */
  otherDrafts: string;
  /** Scheduled value − projected to date − this claim: what the line can still take. */
  remainingBalance: Money;
  thisClaim: string;
  /** Percent complete once this claim is applied. */
  percentAfter: string;
  editable: boolean;
  /** The line's validation errors, plain sentences. */
  problems: readonly string[];
  /** Its warnings (the contract's other drafts would overrun it): worth a look, they do not stop a submit. */
  warnings: readonly string[];
}

export interface TotalRow {
  kind: 'total';
  id: 'total';
  target: Money;
  allocated: Money;
  remaining: Money;
}

export type AllocationRow = CodeRow | OtherLinesRow | LineRow;

export const codeRowId = (categoryCode: string) => `code:${categoryCode}`;
export const OTHER_LINES_ROW_ID = 'other-lines';

/** Where a row stands in the grid, before its figures are worked out: what focus and keys need. */
export interface RowPlace {
  kind: AllocationRow['kind'];
  id: string;
  /** A line's code (null when uncoded), or the code of a code's header row; null for the other lines' row. */
  categoryCode: string | null;
  /** A line of the claim's codes, which takes an amount. */
  editable: boolean;
}

/**
 * The allocation grid's rows in display order, as places: each claim code's header in claim order
 * followed by its SOV lines; with `showOtherLines`, the SOV lines the claim cannot touch, read-only,
 * at the end. Nothing is worked out yet, so a 5,000-line SOV gives its places at once and its rows a
 * step at a time (`rowsAt`).
 */
export function rowPlaces(validator: BackfillValidator, options: { showOtherLines: boolean }): RowPlace[] {
  const places: RowPlace[] = [];
  for (const { categoryCode, lines } of claimCodeLines(validator)) {
    places.push({ kind: 'code', id: codeRowId(categoryCode), categoryCode, editable: false });
    for (const line of lines) places.push({ kind: 'line', id: line.id, categoryCode: line.categoryCode, editable: true });
  }
  if (options.showOtherLines) {
    const others = otherLines(validator);
    if (others.length > 0) places.push({ kind: 'other', id: OTHER_LINES_ROW_ID, categoryCode: null, editable: false });
    for (const line of others) places.push({ kind: 'line', id: line.id, categoryCode: line.categoryCode, editable: false });
  }
  return places;
}

/** The rows at these places (`rowPlaces`), with their figures as they stand now: plain objects (the grid may mutate them). */
export function rowsAt(validator: BackfillValidator, places: readonly RowPlace[]): AllocationRow[] {
  return places.map((place) => {
    if (place.kind === 'code') return codeRow(validator, place.categoryCode!);
    if (place.kind === 'other') return { kind: 'other', id: OTHER_LINES_ROW_ID, count: otherLines(validator).length };
    return lineRow(validator, validator.line(place.id)!);
  });
}

/** Every row of the grid, in display order (see `rowPlaces`). */
export function allocationRows(validator: BackfillValidator, options: { showOtherLines: boolean }): AllocationRow[] {
  return rowsAt(validator, rowPlaces(validator, options));
}

/**
 * The grid's rows as paste reads them, in the same order as `allocationRows` with the other SOV lines
 * always included (a pasted key may name one even while they are hidden), and no money worked out.
 */
export function pasteTargets(validator: BackfillValidator): PasteTarget[] {
  return rowPlaces(validator, { showOtherLines: true }).map(({ kind, id, editable }) => {
    const line = kind === 'line' ? validator.line(id)! : null;
    return { id, editable, line: line && { lineNumber: line.lineNumber, description: line.description, categoryCode: line.categoryCode } };
  });
}

/** The claim's codes that have SOV lines, in claim order, each with its lines in SOV order. */
function claimCodeLines(validator: BackfillValidator): { categoryCode: string; lines: SovLine[] }[] {
  const codes = new Set(validator.claim.lines.map((line) => line.categoryCode));
  return [...codes].map((categoryCode) => ({ categoryCode, lines: validator.linesOf(categoryCode) })).filter(({ lines }) => lines.length > 0);
}

/** The SOV lines on codes the claim did not pay (uncoded lines too): shown read-only. */
function otherLines(validator: BackfillValidator): SovLine[] {
  return validator.sov.lines.filter((line) => !validator.isClaimCode(line.categoryCode));
}

export function codeRow(validator: BackfillValidator, categoryCode: string): CodeRow {
  const balance = validator.balanceOf(categoryCode)!;
  const description = validator.claim.lines.find((line) => line.categoryCode === categoryCode)?.description ?? '';
  return { kind: 'code', id: codeRowId(categoryCode), description, ...balance, balanced: balance.remaining === '0.00' };
}

function otherDrafts(projection: LineProjection): string {
  const earlier = describeDrafts(projection, true);
  const later = describeDrafts(projection, false);
  return [earlier && `earlier: ${earlier}`, later && `later: ${later}`].filter(Boolean).join('; ');
}

// A line with no issue (nearly every one) shares this.
const NO_MESSAGES: readonly string[] = Object.freeze([]);

// A line's scheduled value and claimed to date, in cents: read once per SOV line, not per row built.
const lineCents = new WeakMap<SovLine, { scheduled: number; claimed: number }>();

function centsOfLine(line: SovLine): { scheduled: number; claimed: number } {
  let cents = lineCents.get(line);
  if (!cents) lineCents.set(line, (cents = { scheduled: centsOfAmount(line.scheduledValue), claimed: centsOfAmount(line.claimedToDate) }));
  return cents;
}

/**
 * The line's figures after this claim, in integer cents: a paste or a resumed draft builds 5,000 rows at
 * once, where decimal.js objects (or bigints) cost several times more. Numbers while every sum is exact
 * (three amounts of at most 12 digits); other drafts adding up past 12 digits (they may, on paper) are
 * worked out in bigint.
 */
function lineFigures(line: SovLine, earlier: Money | undefined, thisClaim: number): { projected: number | bigint; remaining: Money; percentAfter: string } {
  const { scheduled, claimed } = centsOfLine(line);
  const drafts = earlier === undefined ? 0 : centsOf(earlier);
  if (drafts !== null) {
    const claimedAfter = claimed + drafts + thisClaim;
    return { projected: claimed + drafts, remaining: moneyOfCents(scheduled - claimedAfter), percentAfter: percentOfCents(claimedAfter, scheduled) };
  }
  const projected = BigInt(claimed) + bigCentsOf(earlier!);
  const claimedAfter = projected + BigInt(thisClaim);
  return { projected, remaining: moneyOfCents(BigInt(scheduled) - claimedAfter), percentAfter: percentOfCents(claimedAfter, BigInt(scheduled)) };
}

export function lineRow(validator: BackfillValidator, line: SovLine): LineRow {
  const projection = validator.projectionOf(line.id);
  const figures = lineFigures(line, projection?.earlier, validator.centsOn(line.id));
  const issues = validator.lineIssues(line.id);
  return {
    kind: 'line',
    id: line.id,
    lineNumber: line.lineNumber,
    categoryCode: line.categoryCode,
    description: line.description,
    scheduledValue: line.scheduledValue,
    claimedToDate: line.claimedToDate,
    // Canonical money strings both: with no other draft on the line, projected is claimed to date.
    projectedToDate: projection ? moneyOfCents(figures.projected) : line.claimedToDate,
    otherDrafts: projection ? otherDrafts(projection) : '',
    remainingBalance: figures.remaining,
    thisClaim: validator.valueOf(line.id),
    percentAfter: figures.percentAfter,
    editable: validator.isClaimCode(line.categoryCode),
    problems: issues.length === 0 ? NO_MESSAGES : issues.flatMap((issue) => (issue.severity === 'warning' ? [] : [issue.message])),
    warnings: issues.length === 0 ? NO_MESSAGES : issues.flatMap((issue) => (issue.severity === 'warning' ? [issue.message] : [])),
  };
}

/** The rows an edit of these lines changed: the lines, then their codes' header rows. */
export function rowsForLines(validator: BackfillValidator, sovLineIds: readonly string[]): (LineRow | CodeRow)[] {
  const rows: (LineRow | CodeRow)[] = [];
  const codes = new Set<string>();
  for (const id of sovLineIds) {
    const line = validator.line(id);
    if (!line) continue;
    rows.push(lineRow(validator, line));
    if (validator.isClaimCode(line.categoryCode)) codes.add(line.categoryCode!);
  }
  for (const code of codes) rows.push(codeRow(validator, code));
  return rows;
}

/** The pinned totals row: everything allocated against the Yardi claim's total. */
export function totalRow(validator: BackfillValidator, codes: { allocated: Money }[]): TotalRow {
  const allocated = codes.reduce((sum, code) => sum + bigCentsOf(code.allocated), 0n);
  return {
    kind: 'total',
    id: 'total',
    target: validator.claim.total,
    allocated: moneyOfCents(allocated),
    remaining: moneyOfCents(bigCentsOf(validator.claim.total) - allocated),
  };
}
