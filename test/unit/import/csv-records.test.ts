import { describe, expect, it } from 'vitest';
import { readCsvRecords, type CsvRecord } from '../../../lib/import/csv-records';

function records(text: string): CsvRecord[] {
  const read: CsvRecord[] = [];
  readCsvRecords(text, (record) => {
    read.push(record);
  });
  return read;
}

describe('readCsvRecords', () => {
  it.each([
    ['LF', 'a,b\n1,2\n3,4\n'],
    ['CRLF', 'a,b\r\n1,2\r\n3,4\r\n'],
    ['CR', 'a,b\r1,2\r3,4'],
    ['BOM', '\ufeffa,b\n1,2\n3,4'],
  ])('numbers the records of a %s file by line', (_name, text) => {
    expect(records(text)).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['1', '2'] },
      { row: 3, cells: ['3', '4'] },
    ]);
  });

  it('gives the line a record starts on, after quoted cells holding CRLF, LF and CR', () => {
    const text = 'a,b\r\n"one\r\ntwo",1\r\n"x\ny\rz",2\r\n3,"""quoted"", with comma"\r\n';
    expect(records(text)).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['one\r\ntwo', '1'] },
      { row: 4, cells: ['x\ny\rz', '2'] },
      { row: 7, cells: ['3', '"quoted", with comma'] },
    ]);
  });

  it('skips blank records but keeps counting their lines', () => {
    expect(records('a\n\n , \n\nb\n')).toEqual([
      { row: 1, cells: ['a'] },
      { row: 5, cells: ['b'] },
    ]);
  });

  it('keeps every cell a string, never typed', () => {
    expect(records('0200,1e5,true,-0\n')[0]?.cells).toEqual(['0200', '1e5', 'true', '-0']);
  });

  it('tells how far it has read, in rising fractions, every thousand records', () => {
    const text = ['a,b', ...Array.from({ length: 5000 }, (_, index) => `${index},x`)].join('\n');
    const told: number[] = [];
    readCsvRecords(text, () => undefined, (fraction) => told.push(fraction));
    expect(told).toHaveLength(5);
    expect(told.every((fraction, index) => fraction > 0 && fraction <= 1 && (index === 0 || fraction > told[index - 1]!))).toBe(true);
  });

  it('never splits on semicolons or tabs', () => {
    expect(records('a;b\tc\n')[0]?.cells).toEqual(['a;b\tc']);
  });

  it('reads no further once told to stop', () => {
    const read: number[] = [];
    readCsvRecords('a\nb\nc\n', (record) => {
      read.push(record.row);
      return record.row === 2 ? 'stop' : undefined;
    });
    expect(read).toEqual([1, 2]);
  });

  it('says when a quote is never closed, or a quoted cell has text after its closing quote', () => {
    expect(records('a,b\n"open,1\n2,3\n')).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['open,1\n2,3\n'], quoteError: 'A quote opened here is never closed, so the rest of the file was read as one cell.' },
    ]);
    expect(records('"bad"x,1\n')[0]?.quoteError).toBe('A quoted cell here has text after its closing quote; a quote inside a cell must be doubled ("").');
  });
});
