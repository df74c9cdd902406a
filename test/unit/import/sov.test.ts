import { describe, expect, it } from 'vitest';
import { importSovCsv, SOV_COLUMNS, type SovImport } from '../../../lib/import';

const G703 = 'Item,Description,Cost Code,Scheduled Value,Completed Previous,Completed This Period,Materials Stored,Total Completed and Stored,% Complete,Balance to Finish';

function imported(result: SovImport) {
  if (!result.ok) throw new Error(`expected the file to import: ${result.error}`);
  return result;
}

function file(header: string, ...lines: string[]): string {
  return [header, ...lines].join('\r\n') + '\r\n';
}

describe('importSovCsv', () => {
  it('reads a G703 continuation sheet, ignoring percent complete and balance to finish', () => {
    const text = file(G703, '001,Footings,03-300,"$2,000.00",500,250.50,,750.50,37.5%,"1,249.50"', '2,"General conditions, site",,300,0,0,0,0,0,300');
    expect(importSovCsv(text)).toEqual({
      ok: true,
      lines: [
        { number: '001', description: 'Footings', categoryCode: '03-300', scheduledValue: '2000.00', claimedToDate: '750.50' },
        { number: '2', description: 'General conditions, site', categoryCode: null, scheduledValue: '300.00', claimedToDate: '0.00' },
      ],
      refused: [],
    });
  });

  it('reads claimed to date from its parts when the file has no total column, a blank part counting as zero', () => {
    const text = file('Line,Description,Code,Scheduled value,Completed previous,Completed this period,Materials stored', '1,Slab,03,"1,000",100,,(10.00)');
    expect(imported(importSovCsv(text)).lines).toEqual([{ number: '1', description: 'Slab', categoryCode: '03', scheduledValue: '1000.00', claimedToDate: '90.00' }]);
  });

  it.each(['Total completed and stored', 'Claimed to date', 'Billed to date'])('reads claimed to date from %j alone', (total) => {
    const text = file(`#,Description,Category Code,Scheduled Value,${total}`, '1,Slab,03,100,"$40.00"');
    expect(imported(importSovCsv(text)).lines[0]?.claimedToDate).toBe('40.00');
  });

  it('reads a blank total from its parts', () => {
    expect(imported(importSovCsv(file(G703, '1,Slab,03,100,10,20,5,,,'))).lines[0]?.claimedToDate).toBe('35.00');
  });

  it('refuses a row whose total disagrees with its parts', () => {
    expect(imported(importSovCsv(file(G703, '1,Slab,03,100,10,20,5,35,,', '2,Wall,03,100,10,20,5,36.00,,'))).refused).toEqual([
      { row: 3, reason: 'The total completed and stored, $36.00, differs from its parts: $10.00 previous + $20.00 this period + $5.00 stored = $35.00.' },
    ]);
  });

  it('keeps the item as written and leaves a blank cost code uncoded', () => {
    const { lines } = imported(importSovCsv(file(G703, '007,A,  ,1,0,0,0,0,,', '3.1,B, 09-900 ,1,0,0,0,0,,')));
    expect(lines.map(({ number, categoryCode }) => ({ number, categoryCode }))).toEqual([
      { number: '007', categoryCode: null },
      { number: '3.1', categoryCode: '09-900' },
    ]);
  });

  it('refuses rows with their row numbers, counting the lines of a quoted description', () => {
    const text = file(G703, '1,"Footings\nand\npiers",03,100,0,0,0,0,,', '2,Slab,03,abc,0,0,0,0,,', ',Subtotal,,100,0,0,0,0,,', '4,Wall,03,100,1.001,0,0,1,,');
    expect(imported(importSovCsv(text)).refused).toEqual([
      { row: 5, reason: 'The scheduled value "abc" is not an amount.' },
      { row: 6, reason: 'No item number.' },
      { row: 7, reason: 'The completed previous "1.001" has more than two decimals, and amounts are never rounded for you.' },
    ]);
  });

  it('refuses every row of an item that is on several rows', () => {
    const { lines, refused } = imported(importSovCsv(file(G703, '1,A,03,1,0,0,0,0,,', '2,B,03,1,0,0,0,0,,', '1,C,03,1,0,0,0,0,,')));
    expect(lines.map((line) => line.number)).toEqual(['2']);
    expect(refused).toEqual([
      { row: 2, reason: 'Item "1" is also on row 4: which line is meant cannot be told.' },
      { row: 4, reason: 'Item "1" is also on row 2: which line is meant cannot be told.' },
    ]);
  });

  it('refuses a row with another number of cells than the header', () => {
    expect(imported(importSovCsv(file(G703, '1,A,03,1,000.00,0,0,0,0,,'))).refused).toEqual([
      { row: 2, reason: 'This row has 11 cells where the header has 10: a cell holding a comma must be in quotes.' },
    ]);
  });

  it('refuses a description past 1,000 characters and keeps hostile text as text', () => {
    const { lines, refused } = imported(importSovCsv(file(G703, `1,${'d'.repeat(100_000)},03,1,0,0,0,0,,`, '2,"=cmd|\' /C calc\'!A0 <script>alert(1)</script> \u202eevil",03,1,0,0,0,0,,')));
    expect(refused).toEqual([{ row: 2, reason: 'The description is 100,000 characters long; at most 1000 are taken.' }]);
    expect(lines[0]?.description).toBe("=cmd|' /C calc'!A0 <script>alert(1)</script> \u202eevil");
  });

  it.each(Object.entries(SOV_COLUMNS).flatMap(([field, spec]) => spec.aliases.map((alias) => [field, alias])))('finds %s under %j', (field, alias) => {
    const names: Record<string, string> = { number: 'Item', description: 'Description', categoryCode: 'Cost Code', scheduledValue: 'Scheduled Value', completedPrevious: 'Completed Previous', completedThisPeriod: 'Completed This Period', materialsStored: 'Materials Stored', claimedToDate: 'Total Completed and Stored' };
    names[field] = ` ${alias.toUpperCase()} `;
    const text = file(Object.values(names).join(','), '1,Slab,03,100,10,20,5,35');
    expect(imported(importSovCsv(text)).lines).toEqual([{ number: '1', description: 'Slab', categoryCode: '03', scheduledValue: '100.00', claimedToDate: '35.00' }]);
  });

  it('says claimed to date is missing when neither its total nor all three parts are there', () => {
    const result = importSovCsv(file('Item,Description,Cost Code,Scheduled Value,Completed Previous,Completed This Period', '1,A,03,1,0,0'));
    expect(result).toMatchObject({ ok: false, header: { missing: ['claimedToDate'], found: { number: 0, completedPrevious: 4, completedThisPeriod: 5 } } });
    expect(!result.ok && result.error).toContain(
      'No column found for claimed to date (Total Completed and Stored, Total Completed and Stored to Date, Claimed to Date or Billed to Date), or else all three of Completed Previous, Completed This Period and Materials Stored.',
    );
  });

  it('says which columns are missing from a header it does not know', () => {
    expect(importSovCsv('Foo,Bar\n1,2\n')).toMatchObject({ ok: false, header: { cells: ['Foo', 'Bar'], found: {}, missing: ['number', 'description', 'categoryCode', 'scheduledValue', 'claimedToDate'] } });
  });
});
