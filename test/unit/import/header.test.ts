import { describe, expect, it } from 'vitest';
import { describeHeaderProblem, headerKey, matchHeader, type ColumnSpec } from '../../../lib/import/header';

const specs: Record<'invoice' | 'date' | 'note', ColumnSpec> = {
  invoice: { label: 'invoice number', aliases: ['Invoice Number', 'Invoice'] },
  date: { label: 'invoice date', aliases: ['Invoice Date', 'Date'] },
  note: { label: 'note', aliases: ['Note'] },
};

describe('headerKey', () => {
  it.each([
    ['Invoice #', 'invoice#'],
    ['  INVOICE\u00a0 # ', 'invoice#'],
    ['ｉｎｖｏｉｃｅ', 'invoice'],
    ['Inv\tNo', 'invno'],
  ])('reads %j as %j', (text, key) => expect(headerKey(text)).toBe(key));
});

describe('matchHeader', () => {
  it('finds fields by any alias, the earlier alias winning', () => {
    expect(matchHeader(['date', 'INVOICE', 'Invoice Date', 'other'], specs, ['invoice', 'date'])).toEqual({
      cells: ['date', 'INVOICE', 'Invoice Date', 'other'],
      found: { invoice: 1, date: 2 },
      missing: [],
      ambiguous: [],
    });
  });

  it('reports needed fields it did not find, and fields named twice, apart', () => {
    const match = matchHeader(['Date', ' date ', 'Notes'], specs, ['invoice', 'date']);
    expect(match).toEqual({ cells: ['Date', ' date ', 'Notes'], found: {}, missing: ['invoice'], ambiguous: ['date'] });
    expect(describeHeaderProblem(match, specs)).toBe(
      'No column found for invoice number (Invoice Number or Invoice). Several columns could be the invoice date: keep one, or rename the others. The header row has "Date", " date ", "Notes".',
    );
  });

  it('lists at most 30 header cells, each cut to 40 characters', () => {
    const cells = Array.from({ length: 1000 }, (_, index) => `${'x'.repeat(50)}${index}`);
    const message = describeHeaderProblem(matchHeader(cells, specs, ['invoice']), specs);
    expect(message).toContain(`"${'x'.repeat(40)}…", `);
    expect(message.endsWith('and 970 more.')).toBe(true);
    expect(message.length).toBeLessThan(2000);
  });
});
