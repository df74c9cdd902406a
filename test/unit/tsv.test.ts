import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTsv, toTsv } from '../../lib/tsv';

describe('parseTsv', () => {
  it.each([
    ['1\n2\n3\n', [['1'], ['2'], ['3']]],
    ['1\r\n2\r\n', [['1'], ['2']]],
    ['1\r2', [['1'], ['2']]],
    ['\ufeff$1,234.50\t(12.00)\r\n', [['$1,234.50', '(12.00)']]],
    ['"multi\nline"\t5\n', [['multi\nline', '5']]],
    ['"has ""quotes"" and\ttab"\n', [['has "quotes" and\ttab']]],
    ['1\n\n3\n', [['1'], [''], ['3']]],
    ['0200\t-\n', [['0200', '-']]],
  ])('reads %j', (text, rows) => {
    expect(parseTsv(text)).toEqual(rows);
  });
});

describe('toTsv', () => {
  it('neutralises free text that a spreadsheet would run as a formula, not amounts', () => {
    expect(toTsv([[{ text: '=HYPERLINK("x")' }, { text: '-12.00', amount: true }, { text: '@SUM(A1)' }, { text: '+1' }]])).toBe(
      `"'=HYPERLINK(""x"")"\t-12.00\t'@SUM(A1)\t'+1`,
    );
  });

  it('round-trips any table of cells through parseTsv', () => {
    const cell = fc.string().filter((text) => !/^[=+\-@\t\r]/.test(text));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        expect(parseTsv(toTsv(rows.map((row) => row.map((text) => ({ text })))))).toEqual(rows);
      }),
    );
  });
});
