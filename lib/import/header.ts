import { joinList, quoteCell } from '../quote-text';

/** What a field is called in messages, and the header names it is recognised by, best first. */
export interface ColumnSpec {
  label: string;
  aliases: readonly string[];
  /** What can stand in for the column when it is missing, said when it is. */
  otherwise?: string;
}

/**
 * Where each field of an import was found in a file's header row, and what was not: what the page's
 * column-mapping step starts from when the header is not recognised.
 */
export interface HeaderMatch<F extends string> {
  /** The header row's cells as the file has them (empty for an empty file). */
  cells: string[];
  /** The 0-based column of each field found. */
  found: Partial<Record<F, number>>;
  /** Fields the import needs that no column names. */
  missing: F[];
  /** Fields that several columns name equally well (two `Amount` columns): which is meant cannot be told. */
  ambiguous: F[];
}

/** Header names compare case-insensitively and ignoring every space: `Invoice #` is `invoice#`. */
export function headerKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/**
 * Finds each field's column. When several columns name one field, the one named by the earlier alias
 * wins (`Invoice Date` over `Date`, `Contract` over `Job`); two columns with equally good names make
 * the field ambiguous rather than missing.
 */
export function matchHeader<F extends string>(cells: readonly string[], specs: Readonly<Record<F, ColumnSpec>>, required: readonly F[]): HeaderMatch<F> {
  const keys = cells.map(headerKey);
  const found: Partial<Record<F, number>> = {};
  const ambiguous: F[] = [];
  for (const field of Object.keys(specs) as F[]) {
    for (const alias of specs[field].aliases) {
      const aliasKey = headerKey(alias);
      const columns = keys.flatMap((key, column) => (key === aliasKey ? [column] : []));
      if (columns.length === 0) continue;
      if (columns.length === 1) found[field] = columns[0];
      else ambiguous.push(field);
      break;
    }
  }
  const missing = required.filter((field) => found[field] === undefined && !ambiguous.includes(field));
  return { cells: [...cells], found, missing, ambiguous };
}

/**
 * The header with the columns the user chose for some fields (the column-mapping step) in place of
 * what the names say. A column that is not in the header row is ignored.
 */
export function chooseColumns<F extends string>(match: HeaderMatch<F>, columns: Partial<Record<F, number>>): HeaderMatch<F> {
  const chosen = (Object.keys(columns) as F[]).filter((field) => {
    const column = columns[field];
    return Number.isInteger(column) && column! >= 0 && column! < match.cells.length;
  });
  const found = { ...match.found };
  for (const field of chosen) found[field] = columns[field];
  return { cells: match.cells, found, missing: match.missing.filter((field) => !chosen.includes(field)), ambiguous: match.ambiguous.filter((field) => !chosen.includes(field)) };
}

/** The sentence a person reads when the header is not recognised: what is missing or doubled, and what the file has. */
export function describeHeaderProblem<F extends string>(match: HeaderMatch<F>, specs: Readonly<Record<F, ColumnSpec>>): string {
  if (match.cells.length === 0) return 'The file is empty: it has no header row and no rows.';
  const sentences: string[] = [];
  if (match.missing.length > 0) {
    const wanted = match.missing.map((field) => {
      const { label, aliases, otherwise } = specs[field];
      return `${label} (${joinList(aliases, 'or')})${otherwise === undefined ? '' : `, or else ${otherwise}`}`;
    });
    sentences.push(`No column found for ${wanted.join('; ')}.`);
  }
  for (const field of match.ambiguous) {
    sentences.push(`Several columns could be the ${specs[field].label}: keep one, or rename the others.`);
  }
  const shown = match.cells.slice(0, 30).map((cell) => quoteCell(cell));
  const more = match.cells.length > shown.length ? ` and ${match.cells.length - shown.length} more` : '';
  sentences.push(`The header row has ${shown.join(', ')}${more}.`);
  return sentences.join(' ');
}

