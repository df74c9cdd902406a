import { emptyPatch, type AllocationPatch } from './backfill';
import { MONEY_REFUSAL, formatMoney, parseMoney, type Money, type ParseMoneyError } from './money';
import { joinList, quoteCell } from './quote-text';

/** The SOV line a grid row shows: what a pasted key column is matched against. */
export interface PasteLine {
  lineNumber: number;
  description: string;
  categoryCode: string | null;
}

/** A row of the grid as paste sees it, in display order. */
export interface PasteTarget {
  id: string;
  /** Only SOV lines on the claim's codes take amounts; code headers and other lines never do. */
  editable: boolean;
  /** The SOV line the row shows; null for a code's header row. */
  line: PasteLine | null;
}

/** What a key column of the pasted block holds, to find each row's SOV line by. */
export type PasteKey = 'lineNumber' | 'categoryCode' | 'description';

/** Down the grid from the focused row, or on the lines that the key cells of each row name. */
export type PastePlacement = { by: 'position' } | { by: 'key'; keys: PasteKey[] };

/** A column of the pasted block, as messages name it: its number (from 1) and its heading, if any. */
export interface PasteColumn {
  number: number;
  heading: string | null;
}

/**
 * Why a paste was not applied. `row` is the row of the pasted block, from 1, header included (the row
 * the user sees in the spreadsheet selection); `lineNumber` the SOV line the row would have gone on.
 */
export type PasteRefusal =
  | { reason: 'EMPTY' }
  | { reason: 'NO_LINES' }
  | { reason: 'NO_AMOUNT_COLUMN' }
  /** Several columns could be the amounts: which one is meant is the user's call. */
  | { reason: 'AMOUNT_COLUMNS'; columns: PasteColumn[] }
  /** Several columns could be the same key (two columns of whole numbers that both read as line numbers). */
  | { reason: 'KEY_COLUMNS'; key: PasteKey; columns: PasteColumn[] }
  | { reason: 'RAN_PAST_END'; rows: number; lastLineNumber: number }
  | { reason: 'NOT_AN_AMOUNT'; row: number; text: string; error: Exclude<ParseMoneyError, 'EMPTY'>; lineNumber: number | null }
  | { reason: 'UNKNOWN_KEY'; row: number; key: string }
  | { reason: 'AMBIGUOUS_KEY'; row: number; key: string; lineNumbers: number[] }
  | { reason: 'SAME_LINE'; rows: number[]; lineNumber: number }
  /** The key names an SOV line on a code the claim did not pay, with an amount it cannot take. */
  | { reason: 'NOT_ON_CLAIM'; row: number; lineNumber: number; amount: Money }
  | { reason: 'NO_KEY'; row: number; text: string };

/**
 * A paste is applied whole or not at all. Applied: the patch (amounts as canonical money strings, ''
 * to clear a line) and how it was placed. Refused: every reason, and nothing changes. Either way
 * `summary` is the one line the user reads.
 */
export type PastePlan =
  | { ok: true; patch: AllocationPatch; placement: PastePlacement; headerSkipped: boolean; summary: string }
  | { ok: false; reasons: PasteRefusal[]; summary: string };

/**
 * Where a pasted block (cells as `parseTsv` reads them) lands on the grid's rows, all or nothing.
 *
 * - **Header row**: a first row with no amount in it, whose cell in the amount column reads as a
 *   column heading ("This claim", "Amount", "Line", "Description", "Cost code"...), is skipped.
 * - **One column** holds the amounts: they go down from the focused row (`startIndex`) onto the
 *   editable lines, skipping code headers and read-only lines, as Excel pastes down a column.
 * - **Several columns**: when one holds whole numbers that are mostly SOV line numbers, each row goes
 *   on the line its number names; otherwise columns holding category codes or descriptions of the
 *   SOV's lines are the key, and a row goes on the one line matching all its key cells. The amount
 *   column is the one column left that holds amounts (or the one headed like "This claim"); with no
 *   key column the amounts go down by position. Headings decide over content.
 * - Refused, with every reason: more than one column could be the amounts or the same key, rows past
 *   the last editable line, cells that are not amounts, keys matching no line or several lines, two
 *   rows for one line, an amount on a line of a code the claim did not pay.
 * - Blank amount cells clear their line. Blank rows, trailing blank rows past the end, and keyed rows
 *   with no amount for a line that cannot take one are skipped.
 *
 * @param targets every row of the grid in display order (see `pasteTargets`)
 * @param startIndex the focused row's index in `targets`; only position placement reads it
 */
export function planPaste(targets: readonly PasteTarget[], cells: readonly (readonly string[])[], startIndex: number): PastePlan {
  const block = readBlock(cells);
  if (!block) return refused([{ reason: 'EMPTY' }]);
  const lines = new LineIndex(targets);
  const layout = chooseLayout(block, lines);
  if (!layout.ok) return refused(layout.reasons);
  const body = block.slice(layout.header ? 1 : 0).map((cells, index) => ({ row: index + (layout.header ? 2 : 1), cells }));
  const placed = layout.keys.length > 0 ? placeByKey(body, layout, lines) : placeByPosition(body, layout.amount, targets, startIndex);
  if (placed.reasons.length > 0) return refused(placed.reasons);
  const placement: PastePlacement = layout.keys.length > 0 ? { by: 'key', keys: layout.keys.map(({ key }) => key) } : { by: 'position' };
  return { ok: true, patch: placed.patch, placement, headerSkipped: layout.header, summary: appliedSummary(placed, placement, layout.header) };
}

// ---------------------------------------------------------------------------------------------------
// The block and its columns

/** Pasted rows, each as wide as the widest. */
type Block = readonly (readonly string[])[];

/** The pasted rows, the short ones padded to the same width; null when there is not one cell. */
function readBlock(cells: readonly (readonly string[])[]): Block | null {
  const width = cells.reduce((widest, row) => Math.max(widest, row.length), 0);
  if (width === 0) return null;
  // Rows already as wide are kept as they are: a column of 5,000 amounts is pasted in one keystroke.
  return cells.map((row) => (row.length === width ? row : [...row, ...Array<string>(width - row.length).fill('')]));
}

const isBlank = (text: string) => text.trim() === '';

/** What a heading names: a key, the amounts, or another figure that is never taken as the amounts. */
export type HeadingRole = PasteKey | 'amount' | 'otherFigure';

interface Layout {
  header: boolean;
  /** Index of the amount column in the block. */
  amount: number;
  keys: { column: number; key: PasteKey }[];
}

type LayoutResult = ({ ok: true } & Layout) | { ok: false; reasons: PasteRefusal[] };

function chooseLayout(block: Block, lines: LineIndex): LayoutResult {
  const first = block[0]!;
  const roles = first.map(headingRole);
  const allHeadings = first.every((text, column) => isBlank(text) || roles[column] !== null);
  const mayBeHeader = block.length >= 2 && roles.some((role) => role !== null) && first.every((text) => !parseMoney(text).ok);
  if (mayBeHeader) {
    const headings = first.map((text) => (isBlank(text) ? null : text.trim()));
    const withHeader = columnsOf(block.slice(1), roles, headings, lines);
    const amountHeading = withHeader.ok ? first[withHeader.amount]! : '';
    const isHeader = withHeader.ok ? roles[withHeader.amount] !== null || (isBlank(amountHeading) && allHeadings) : allHeadings;
    if (isHeader) return withHeader.ok ? { ...withHeader, header: true } : withHeader;
  }
  const noRoles = first.map(() => null);
  const layout = columnsOf(block, noRoles, noRoles, lines);
  return layout.ok ? { ...layout, header: false } : layout;
}

interface ColumnStats {
  nonBlank: number;
  amounts: number;
  wholeNumbers: number;
  lineNumbers: number;
  categoryCodes: number;
  descriptions: number;
}

/**
 * Which columns are the keys and which the amounts: headings decide, then content. Columns of numbers
 * are amounts, except one that reads as line numbers when another holds the amounts; wherever a column
 * could be either, nothing is decided and the user is asked.
 */
function columnsOf(rows: Block, roles: (HeadingRole | null)[], headings: (string | null)[], lines: LineIndex): LayoutResult {
  const name = (column: number): PasteColumn => ({ number: column + 1, heading: headings[column] ?? null });
  const refuse = (...reasons: PasteRefusal[]): LayoutResult => ({ ok: false, reasons });
  if (roles.length === 1) {
    // One column is the amounts, whatever they look like, unless its heading says it is something else.
    return roles[0] === null || roles[0] === 'amount' ? { ok: true, header: false, amount: 0, keys: [] } : refuse({ reason: 'NO_AMOUNT_COLUMN' });
  }
  const columns = [...roles.keys()];
  const stats = columns.map((column) => columnStats(rows, column, lines));
  const headed = (role: HeadingRole) => columns.filter((column) => roles[column] === role);
  const unheaded = columns.filter((column) => roles[column] === null);
  const textKey = new Map(unheaded.flatMap((column) => (textKeyOf(stats[column]!) ? [[column, textKeyOf(stats[column]!)!] as const] : [])));
  // Unheaded columns of amounts (whole numbers included: line numbers look like amounts).
  const numeric = unheaded.filter((column) => !textKey.has(column) && atLeastHalf(stats[column]!.amounts, stats[column]!));
  const wholeNumbers = (column: number) => stats[column]!.wholeNumbers === stats[column]!.nonBlank;

  let lineColumn: number | null = null;
  let amountColumns = headed('amount');
  const headedLines = headed('lineNumber');
  if (headedLines.length > 1) return refuse({ reason: 'KEY_COLUMNS', key: 'lineNumber', columns: headedLines.map(name) });
  if (headedLines.length === 1) lineColumn = headedLines[0]!;
  else if (amountColumns.length > 0 || numeric.length >= 2) {
    // Which column of numbers names lines: the one whose whole numbers mostly are line numbers, or
    // failing that the one whose whole numbers are some.
    const strong = numeric.filter((column) => wholeNumbers(column) && atLeastHalf(stats[column]!.lineNumbers, stats[column]!));
    const weak = numeric.filter((column) => wholeNumbers(column) && stats[column]!.lineNumbers > 0);
    const candidates = strong.length > 0 ? strong : weak;
    if (candidates.length > 1) return refuse({ reason: 'KEY_COLUMNS', key: 'lineNumber', columns: candidates.map(name) });
    lineColumn = candidates[0] ?? null;
  }
  if (amountColumns.length === 0) amountColumns = numeric.filter((column) => column !== lineColumn);
  // Whole numbers that name lines, beside a column that is neither amounts nor a key (blank, or with
  // cells that are not amounts): line numbers, or the amounts? The user says which.
  const [only] = amountColumns;
  const unread = unheaded.filter((column) => !textKey.has(column) && !numeric.includes(column));
  if (lineColumn === null && only !== undefined && amountColumns.length === 1 && unread.length > 0 && roles[only] === null && wholeNumbers(only) && stats[only]!.lineNumbers > 0) {
    return refuse({ reason: 'KEY_COLUMNS', key: 'lineNumber', columns: [name(only)] });
  }
  if (amountColumns.length > 1) return refuse({ reason: 'AMOUNT_COLUMNS', columns: amountColumns.map(name) });
  const amount = amountColumns[0];
  if (amount === undefined) return refuse({ reason: 'NO_AMOUNT_COLUMN' });
  // Whole numbers on both sides, told apart by content alone: line numbers come first, as in a G703.
  if (lineColumn !== null && roles[lineColumn] === null && roles[amount] === null && wholeNumbers(amount) && lineColumn > amount) {
    return refuse({ reason: 'KEY_COLUMNS', key: 'lineNumber', columns: [amount, lineColumn].map(name) });
  }
  if (lineColumn !== null) return { ok: true, header: false, amount, keys: [{ column: lineColumn, key: 'lineNumber' }] };

  const keys: Layout['keys'] = [];
  for (const key of ['categoryCode', 'description'] as const) {
    const found = headed(key).length > 0 ? headed(key) : unheaded.filter((column) => textKey.get(column) === key);
    if (found.length > 1) return refuse({ reason: 'KEY_COLUMNS', key, columns: found.map(name) });
    if (found.length === 1) keys.push({ column: found[0]!, key });
  }
  return { ok: true, header: false, amount, keys };
}

const atLeastHalf = (count: number, stats: ColumnStats) => count > 0 && count * 2 >= stats.nonBlank;

/**
 * Whether a column reads as category codes or descriptions of the SOV's lines: mostly, or (for a
 * column that is not amounts) at least once; the kind it matches more often, codes on a tie.
 */
function textKeyOf(stats: ColumnStats): 'categoryCode' | 'description' | null {
  const notAmounts = !atLeastHalf(stats.amounts, stats);
  const reads = (matches: number) => atLeastHalf(matches, stats) || (matches > 0 && notAmounts);
  if (reads(stats.categoryCodes) && stats.categoryCodes >= stats.descriptions) return 'categoryCode';
  if (reads(stats.descriptions)) return 'description';
  return reads(stats.categoryCodes) ? 'categoryCode' : null;
}

function columnStats(rows: Block, column: number, lines: LineIndex): ColumnStats {
  const stats: ColumnStats = { nonBlank: 0, amounts: 0, wholeNumbers: 0, lineNumbers: 0, categoryCodes: 0, descriptions: 0 };
  for (const row of rows) {
    const text = row[column]!;
    if (isBlank(text)) continue;
    stats.nonBlank++;
    const parsed = parseMoney(text);
    // Too many decimals or too large is still an amount, refused with its reason once placed.
    if (parsed.ok || parsed.error !== 'INVALID') stats.amounts++;
    const number = wholeNumber(text);
    if (number !== null) stats.wholeNumbers++;
    if (lines.withNumber(number).length > 0) stats.lineNumbers++;
    // Read once for both keys of words: every cell of every column of a 5,000-row block is read here.
    const words = normalized(text);
    if (lines.withWords('categoryCode', words).length > 0) stats.categoryCodes++;
    if (lines.withWords('description', words).length > 0) stats.descriptions++;
  }
  return stats;
}

/**
 * What a heading cell names, or null when it does not read as a heading. Figures a G703 or our own
 * grid shows beside the amounts (scheduled value, to date, balance, %, retainage) are `otherFigure`:
 * never taken as the amounts.
 */
export function headingRole(text: string): HeadingRole | null {
  const words = ` ${text.normalize('NFKC').toLowerCase().replace(/\([^)]*\)/g, ' ').replace(/[^a-z%#]+/g, ' ').trim()} `;
  if (words.trim() === '') return null;
  const has = (pattern: string) => new RegExp(` (?:${pattern}) `).test(words);
  if (has('scheduled|previous|prior|to date|stored|balance|retainage|retention|remaining|percent|%|complete|after|budget|original|revised|variance|difference|ptd')) return 'otherFigure';
  if (has('this (?:claim|period|application|draw|invoice|month|billing)|current')) return 'amount';
  if (has('description|desc|work|scope|name|title')) return 'description';
  if (has('code|codes|category|cost category|phase|account')) return 'categoryCode';
  if (has('line|item|no|nr|number|num|ref|#')) return 'lineNumber';
  if (has('amount|amt|paid|billed|billing|claim|claimed|value|total|due|payment|net|gross|sum|usd|dollars')) return 'amount';
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Finding lines by key

/** A plain whole number, as a spreadsheet shows a line or item number ("12", "#12"); null otherwise. */
function wholeNumber(text: string): number | null {
  const match = /^#?\s*(\d{1,9})$/.exec(text.trim());
  return match ? Number(match[1]) : null;
}

/**
 * A key of words as it is compared: NFKC, spaces collapsed and trimmed, lower case. Most texts are
 * single-spaced already and skip the collapsing (every cell of a 5,000-row block is read here).
 */
function normalized(text: string): string {
  const form = text.normalize('NFKC');
  return (/^\S+(?: \S+)*$/.test(form) ? form : form.replace(/\s+/g, ' ').trim()).toLowerCase();
}

type WordKey = Exclude<PasteKey, 'lineNumber'>;

interface LinesByKey {
  lineNumber: Map<number, PasteTarget[]>;
  categoryCode: Map<string, PasteTarget[]>;
  description: Map<string, PasteTarget[]>;
}

/** The SOV lines by each key, built on first use (a one-column paste never needs it). */
class LineIndex {
  private byKey: LinesByKey | null = null;

  constructor(private readonly targets: readonly PasteTarget[]) {}

  /** The lines whose key reads as `text` (none, one, or several when the key is shared). */
  find(key: PasteKey, text: string): readonly PasteTarget[] {
    return key === 'lineNumber' ? this.withNumber(wholeNumber(text)) : this.withWords(key, normalized(text));
  }

  /** The lines numbered `number` (as `wholeNumber` reads a cell). */
  withNumber(number: number | null): readonly PasteTarget[] {
    return number === null ? [] : (this.index().lineNumber.get(number) ?? []);
  }

  /** The lines whose code or description is `words` (as `normalized` reads a cell). */
  withWords(key: WordKey, words: string): readonly PasteTarget[] {
    return this.index()[key].get(words) ?? [];
  }

  private index(): LinesByKey {
    return (this.byKey ??= this.build());
  }

  private build(): LinesByKey {
    const byKey: LinesByKey = { lineNumber: new Map(), categoryCode: new Map(), description: new Map() };
    // A code is read once, not once per line: 5,000 lines share 300 codes.
    const codeWords = new Map<string, string>();
    for (const target of this.targets) {
      const line = target.line;
      if (!line) continue;
      (byKey.lineNumber.get(line.lineNumber) ?? byKey.lineNumber.set(line.lineNumber, []).get(line.lineNumber)!).push(target);
      const code = line.categoryCode;
      if (code !== null) {
        let words = codeWords.get(code);
        if (words === undefined) codeWords.set(code, (words = normalized(code)));
        (byKey.categoryCode.get(words) ?? byKey.categoryCode.set(words, []).get(words)!).push(target);
      }
      if (isBlank(line.description)) continue;
      const description = normalized(line.description);
      (byKey.description.get(description) ?? byKey.description.set(description, []).get(description)!).push(target);
    }
    return byKey;
  }
}

// ---------------------------------------------------------------------------------------------------
// Placing the rows

interface BodyRow {
  row: number;
  cells: readonly string[];
}

interface Placed {
  patch: AllocationPatch;
  reasons: PasteRefusal[];
  /** Position placement: the numbers of the lines that took a value, in grid order. */
  lineNumbers: number[];
  /** Key placement: rows with no amount that name no line, or a line off the claim's codes. */
  skipped: number;
  /** How many lines of the patch take an amount and how many are cleared, counted as it is built. */
  amounts: number;
  cleared: number;
}

const nothingPlaced = (): Placed => ({ patch: emptyPatch(), reasons: [], lineNumbers: [], skipped: 0, amounts: 0, cleared: 0 });

/** Puts a value on a line; the counts follow (reading a 5,000-key patch back costs more than this). */
function place(placed: Placed, sovLineId: string, value: string): void {
  const previous = Object.hasOwn(placed.patch, sovLineId) ? placed.patch[sovLineId] : undefined;
  if (previous !== undefined) placed[previous === '' ? 'cleared' : 'amounts']--;
  placed.patch[sovLineId] = value;
  placed[value === '' ? 'cleared' : 'amounts']++;
}

function placeByPosition(body: BodyRow[], amount: number, targets: readonly PasteTarget[], startIndex: number): Placed {
  const placed = nothingPlaced();
  const lastEditable = targets.findLast((target) => target.editable);
  if (!lastEditable) return { ...placed, reasons: [{ reason: 'NO_LINES' }] };
  // Blank rows at the end of a selection are no part of the block when they have nowhere to go.
  const lastFilled = body.findLastIndex(({ cells }) => !isBlank(cells[amount]!));
  let index = Math.max(0, startIndex);
  let overflow = 0;
  body.forEach(({ row, cells }, position) => {
    while (index < targets.length && !targets[index]!.editable) index++;
    const target = targets[index++];
    if (!target) {
      if (position <= lastFilled) overflow++;
      return;
    }
    const lineNumber = target.line!.lineNumber;
    const text = cells[amount]!;
    const parsed = parseMoney(text);
    if (!parsed.ok && parsed.error !== 'EMPTY') placed.reasons.push({ reason: 'NOT_AN_AMOUNT', row, text, error: parsed.error, lineNumber });
    else place(placed, target.id, parsed.ok ? parsed.value : '');
    placed.lineNumbers.push(lineNumber);
  });
  if (overflow > 0) placed.reasons.unshift({ reason: 'RAN_PAST_END', rows: overflow, lastLineNumber: lastEditable.line!.lineNumber });
  return placed;
}

/** A row's key cells as a refusal quotes them: `12 / Footings`. */
function keyText(cells: readonly string[], keyed: Layout['keys']): string {
  return keyed.map(({ column }) => cells[column]!.trim()).join(' / ');
}

function placeByKey(body: BodyRow[], layout: Layout, lines: LineIndex): Placed {
  const placed = nothingPlaced();
  const rowsOfLine = new Map<PasteTarget, number[]>();
  for (const { row, cells } of body) {
    const text = cells[layout.amount]!;
    const keyed = layout.keys.filter(({ column }) => !isBlank(cells[column]!));
    const parsed = parseMoney(text);
    if (keyed.length === 0) {
      if (!isBlank(text)) placed.reasons.push({ reason: 'NO_KEY', row, text: text.trim() });
      continue;
    }
    // A row names the one line that every key cell it has agrees on.
    const found = keyed.map((keyColumn) => lines.find(keyColumn.key, cells[keyColumn.column]!));
    const matches = found.reduce((common, next) => common.filter((target) => next.includes(target)));
    if (matches.length === 0) {
      if (parsed.ok || parsed.error !== 'EMPTY') placed.reasons.push({ reason: 'UNKNOWN_KEY', row, key: keyText(cells, keyed) });
      else placed.skipped++;
      continue;
    }
    if (matches.length > 1) {
      placed.reasons.push({ reason: 'AMBIGUOUS_KEY', row, key: keyText(cells, keyed), lineNumbers: matches.map((target) => target.line!.lineNumber) });
      continue;
    }
    const target = matches[0]!;
    const lineNumber = target.line!.lineNumber;
    (rowsOfLine.get(target) ?? rowsOfLine.set(target, []).get(target)!).push(row);
    if (!parsed.ok && parsed.error !== 'EMPTY') placed.reasons.push({ reason: 'NOT_AN_AMOUNT', row, text, error: parsed.error, lineNumber });
    else if (target.editable) place(placed, target.id, parsed.ok ? parsed.value : '');
    else if (parsed.ok && parsed.value !== '0.00') placed.reasons.push({ reason: 'NOT_ON_CLAIM', row, lineNumber, amount: parsed.value });
    else placed.skipped++;
  }
  for (const [target, rows] of rowsOfLine) if (rows.length > 1) placed.reasons.push({ reason: 'SAME_LINE', rows, lineNumber: target.line!.lineNumber });
  return placed;
}

// ---------------------------------------------------------------------------------------------------
// The one line the user reads

const KEY_WORDS: Record<PasteKey, [string, string]> = {
  lineNumber: ['line number', 'line numbers'],
  categoryCode: ['category code', 'category codes'],
  description: ['description', 'descriptions'],
};

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function appliedSummary(placed: Placed, placement: PastePlacement, header: boolean): string {
  const { amounts, cleared } = placed;
  const did = [amounts > 0 ? `${count(amounts, 'amount')} placed` : '', cleared > 0 ? `${count(cleared, 'line')} cleared` : ''].filter(Boolean).join(' and ');
  const where = placement.by === 'key' ? ` by ${placement.keys.map((key) => KEY_WORDS[key][0]).join(' and ')}` : ` on ${lineRanges(placed.lineNumbers)}`;
  const parts = [did === '' ? 'Nothing to place' : `${did}${where}`];
  if (header) parts.push('header skipped');
  if (placed.skipped > 0) parts.push(`${count(placed.skipped, 'row')} with no amount for the claim's lines skipped`);
  return parts.join('; ');
}

/**
 * The lines a paste went down, as runs in grid order: "line 5", "lines 1–40", "lines 6–9, 4–5" (the
 * grid shows lines by code); past three runs, only where it began and ended.
 */
function lineRanges(lineNumbers: readonly number[]): string {
  const runs: [number, number][] = [];
  for (const number of lineNumbers) {
    const run = runs.at(-1);
    if (run && number === run[1] + 1) run[1] = number;
    else runs.push([number, number]);
  }
  if (lineNumbers.length === 1) return `line ${lineNumbers[0]}`;
  if (runs.length > 3) return `${lineNumbers.length} lines from line ${lineNumbers[0]} to line ${lineNumbers.at(-1)}`;
  return `lines ${runs.map(([first, last]) => (first === last ? String(first) : `${first}–${last}`)).join(', ')}`;
}

function refused(reasons: PasteRefusal[]): PastePlan {
  return { ok: false, reasons, summary: refusalSummary(reasons) };
}

/** "Nothing pasted: …" with every reason, grouped, each list cut after a few examples. */
function refusalSummary(reasons: readonly PasteRefusal[]): string {
  const of = <R extends PasteRefusal['reason']>(reason: R) => reasons.filter((item): item is Extract<PasteRefusal, { reason: R }> => item.reason === reason);
  const parts: string[] = [];
  for (const item of reasons) {
    if (item.reason === 'EMPTY') parts.push('the clipboard holds no cells');
    if (item.reason === 'NO_LINES') parts.push('this claim has no lines that take amounts');
    if (item.reason === 'NO_AMOUNT_COLUMN') parts.push('no pasted column holds amounts for "This claim"');
    if (item.reason === 'AMOUNT_COLUMNS') parts.push(`${columnList(item.columns)} could each be the amounts: copy only one amount column (with its line numbers if you like)`);
    if (item.reason === 'KEY_COLUMNS') {
      parts.push(
        item.key === 'lineNumber'
          ? `${columnList(item.columns)} could ${item.columns.length === 1 ? 'be' : 'each be'} line numbers or amounts: copy a header row with them (like Line and This claim), or only the amounts`
          : `${columnList(item.columns)} could each be the ${KEY_WORDS[item.key][1]}: copy only one of them`,
      );
    }
    if (item.reason === 'RAN_PAST_END') parts.push(`${count(item.rows, 'row')} ran past line ${item.lastLineNumber}, the claim's last line`);
  }
  const listed = <T>(items: T[], describe: (item: T) => string, rest: (n: number) => string) =>
    items.slice(0, 3).map(describe).join('; ') + (items.length > 3 ? `; and ${rest(items.length - 3)}` : '');
  const invalid = of('NOT_AN_AMOUNT');
  if (invalid.length > 0) {
    const where = (item: (typeof invalid)[number]) => `row ${item.row}${item.lineNumber === null ? '' : `, for line ${item.lineNumber}`}`;
    parts.push(listed(invalid, (item) => `${quote(item.text)} (${where(item)}) ${MONEY_REFUSAL[item.error]}`, (n) => `${count(n, 'more cell')} that ${n === 1 ? 'is' : 'are'} not amounts`));
  }
  const unknown = of('UNKNOWN_KEY');
  if (unknown.length > 0) {
    parts.push(`${count(unknown.length, 'row')} ${unknown.length === 1 ? 'matches' : 'match'} no SOV line: ${listed(unknown, (item) => `${quote(item.key)} (row ${item.row})`, (n) => `${n} more`)}`);
  }
  const ambiguous = of('AMBIGUOUS_KEY');
  if (ambiguous.length > 0) {
    const described = listed(ambiguous, (item) => `${quote(item.key)} (row ${item.row}) matches lines ${joinList(item.lineNumbers.map(String), 'and')}`, (n) => `${n} more`);
    parts.push(`${described}: paste with line numbers to tell them apart`);
  }
  const twice = of('SAME_LINE');
  if (twice.length > 0) parts.push(listed(twice, (item) => `line ${item.lineNumber} is given in rows ${joinList(item.rows.map(String), 'and')}`, (n) => `${count(n, 'more line')} given twice`));
  const notOnClaim = of('NOT_ON_CLAIM');
  if (notOnClaim.length > 0) {
    const described = listed(notOnClaim, (item) => `line ${item.lineNumber} (row ${item.row}) cannot take ${formatMoney(item.amount)}`, (n) => `${n} more`);
    parts.push(`${described}: only lines on the codes this claim paid take amounts`);
  }
  const noKey = of('NO_KEY');
  if (noKey.length > 0) parts.push(listed(noKey, (item) => `row ${item.row} has an amount (${quote(item.text)}) but names no line`, (n) => `${n} more such rows`));
  return `Nothing pasted: ${parts.join('; ')}.`;
}

/** Pasted text in a message: its spaces and line breaks as one space, quoted as a file's cell is. */
function quote(text: string): string {
  return quoteCell(text.trim().replace(/\s+/g, ' '));
}

function columnList(columns: PasteColumn[]): string {
  return `${columns.length === 1 ? 'column' : 'columns'} ${joinList(columns.map(({ number, heading }) => (heading === null ? String(number) : `${number} ("${heading}")`)), 'and')}`;
}
