import { describe, expect, it } from 'vitest';
import { importYardiCsv, YARDI_COLUMNS, type ImportedClaim, type YardiImport } from '../../../lib/import';
import { YARDI_HEADER, yardiCsv } from '../../support/yardi-csv';

const HEADER = 'Contract,Vendor,Invoice #,Invoice Date,Category Code,Amount,Allocated';

const acmeClaim: ImportedClaim = {
  invoiceNumber: 'INV-1',
  invoiceDate: '2026-03-31',
  vendorName: 'Acme, Inc.',
  contractNumber: 'SC-1042',
  allocated: false,
  codes: [
    { categoryCode: '03-300', amount: '1234.56' },
    { categoryCode: '09-900', amount: '-10.00' },
  ],
  total: '1224.56',
};
const acmeRows = ['SC-1042,"Acme, Inc.",INV-1,3/31/2026,03-300,"$1,234.56",N', 'SC-1042,"Acme, Inc.",INV-1,3/31/2026,09-900,(10.00),N'];

function imported(result: YardiImport) {
  if (!result.ok) throw new Error(`expected the file to import: ${result.error}`);
  return result;
}

function file(...lines: string[]): string {
  return [HEADER, ...lines].join('\r\n') + '\r\n';
}

describe('importYardiCsv: reading the file', () => {
  it('reads one row per claim line into one claim, amounts exact two-decimal strings', () => {
    expect(importYardiCsv(file(...acmeRows))).toEqual({ ok: true, claims: [acmeClaim], refused: [] });
  });

  it.each([
    ['CRLF', '\r\n'],
    ['LF', '\n'],
    ['CR', '\r'],
  ])('reads %s line ends alike', (_name, newline) => {
    expect(importYardiCsv([HEADER, ...acmeRows].join(newline))).toEqual({ ok: true, claims: [acmeClaim], refused: [] });
  });

  it('reads a file with a BOM as one without', () => {
    expect(importYardiCsv(`\ufeff${file(...acmeRows)}`)).toEqual(importYardiCsv(file(...acmeRows)));
  });

  it('reads quoted cells holding commas, doubled quotes and line breaks', () => {
    const vendor = 'The "Best", Ltd.\r\nDivision 2\nEast';
    const { claims } = imported(importYardiCsv(yardiCsv([['SC-1', vendor, 'INV-1', '2026-01-02', '01', '5', 'N']])));
    expect(claims[0]?.vendorName).toBe(vendor);
  });

  it.each([
    ['$1,234,567.89', '1234567.89'],
    ['1,234', '1234.00'],
    ['(1,234.56)', '-1234.56'],
    ['($1,234.56)', '-1234.56'],
    ['-$12.5', '-12.50'],
    ['\u00a0$ 7.10 ', '7.10'],
    ['0', '0.00'],
  ])('reads the amount %j as %s', (amount, expected) => {
    const { claims } = imported(importYardiCsv(yardiCsv([['SC-1', 'Acme', 'INV-1', '2026-01-02', '01', amount, 'N']])));
    expect(claims[0]?.codes).toEqual([{ categoryCode: '01', amount: expected }]);
    expect(claims[0]?.total).toBe(expected);
  });

  it.each([
    ['3/31/2026', '2026-03-31'],
    ['03/05/2026', '2026-03-05'],
    ['3/5/2026', '2026-03-05'],
    ['2026-03-05', '2026-03-05'],
    ['2/29/2028', '2028-02-29'],
  ])('reads the date %j as %s', (date, iso) => {
    const { claims } = imported(importYardiCsv(yardiCsv([['SC-1', 'Acme', 'INV-1', date, '01', '5', 'N']])));
    expect(claims[0]?.invoiceDate).toBe(iso);
  });

  it.each([
    ['2/30/2026', 'no such day'],
    ['2/29/2026', 'not a leap year'],
    ['13/1/2026', 'no month 13: a day-first date'],
    ['2026-04-31', 'April has 30 days'],
    ['3/31/26', 'two-digit year'],
    ['31.03.2026', 'dotted, day first'],
  ])('refuses the date %j (%s)', (date) => {
    const { claims, refused } = imported(importYardiCsv(yardiCsv([['SC-1', 'Acme', 'INV-1', date, '01', '5', 'N']])));
    expect(claims).toEqual([]);
    expect(refused).toEqual([{ row: 2, reason: expect.stringContaining('write M/D/YYYY or YYYY-MM-DD') }]);
  });

  it.each([
    ['Y', true],
    ['yes', true],
    ['TRUE', true],
    [' n ', false],
    ['No', false],
    ['false', false],
    ['', false],
  ])('reads Allocated %j as %s', (cell, allocated) => {
    const { claims } = imported(importYardiCsv(yardiCsv([['SC-1', 'Acme', 'INV-1', '2026-01-02', '01', '5', cell]])));
    expect(claims[0]?.allocated).toBe(allocated);
  });

  it('takes a file without the Allocated column as not allocated', () => {
    const header = YARDI_HEADER.slice(0, -1);
    const { claims } = imported(importYardiCsv(yardiCsv([['SC-1', 'Acme', 'INV-1', '2026-01-02', '01', '5']], header)));
    expect(claims[0]?.allocated).toBe(false);
  });

  it('refuses an Allocated cell it cannot read as yes or no', () => {
    const { refused } = imported(importYardiCsv(yardiCsv([['SC-1', 'Acme', 'INV-1', '2026-01-02', '01', '5', 'maybe']])));
    expect(refused).toEqual([{ row: 2, reason: 'Allocated "maybe" is not Y or N (yes or no, true or false).' }]);
  });

  it('ignores columns it does not know, and blank lines', () => {
    const text = 'Notes,Contract,Vendor,Invoice #,Invoice Date,Category Code,Amount,Check #\n\nhello,SC-1,Acme,INV-1,2026-01-02,01,5,1001\n , ,,,,,,\n';
    expect(imported(importYardiCsv(text)).claims).toHaveLength(1);
  });
});

describe('importYardiCsv: headers', () => {
  // Where each field sits in YARDI_HEADER.
  const columnOf: Record<keyof typeof YARDI_COLUMNS, number> = { contractNumber: 0, vendorName: 1, invoiceNumber: 2, invoiceDate: 3, categoryCode: 4, amount: 5, allocated: 6 };
  const fields = Object.keys(YARDI_COLUMNS) as (keyof typeof YARDI_COLUMNS)[];
  const aliasCases = fields.flatMap((field) => YARDI_COLUMNS[field].aliases.map((alias) => [field, alias] as const));

  it.each(aliasCases)('finds %s under %j, in any case and spacing', (field, alias) => {
    const header = [...YARDI_HEADER];
    for (const written of [alias, alias.toUpperCase(), ` ${alias.toLowerCase().replaceAll(' ', '   ')} `, alias.replaceAll(' ', '')]) {
      header[columnOf[field]] = written;
      const result = importYardiCsv(yardiCsv([['SC-1', 'Acme', 'INV-1', '2026-01-02', '01', '5', 'Y']], header));
      expect(result.ok && result.claims).toEqual([expect.objectContaining({ contractNumber: 'SC-1', vendorName: 'Acme', invoiceNumber: 'INV-1', allocated: true, total: '5.00' })]);
      if (result.ok) expect(result.claims[0]?.codes).toEqual([{ categoryCode: '01', amount: '5.00' }]);
    }
  });

  it('says which columns are missing, and what it found, when the header is not recognised', () => {
    const result = importYardiCsv('Job,Payee,Reference,Posted,Account,Debit\nSC-1,Acme,INV-1,2026-01-02,01,5\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.header).toEqual({
      cells: ['Job', 'Payee', 'Reference', 'Posted', 'Account', 'Debit'],
      found: { contractNumber: 0, vendorName: 1 },
      missing: ['invoiceNumber', 'invoiceDate', 'categoryCode', 'amount'],
      ambiguous: [],
    });
    expect(result.error).toBe(
      'No column found for invoice number (Invoice Number, Invoice #, Inv No or Invoice); invoice date (Invoice Date, Inv Date or Date); ' +
        'category code (Category Code, Category or Cost Code); amount (Amount Paid, Paid Amount or Amount). ' +
        'The header row has "Job", "Payee", "Reference", "Posted", "Account", "Debit".',
    );
  });

  it('takes the better-named of two columns for one field', () => {
    const text = 'Job,Contract,Vendor,Invoice,Invoice Number,Date,Invoice Date,Category Code,Amount,Amount Paid\nJ-9,SC-1,Acme,X,INV-1,2020-01-01,2026-01-02,01,999,5\n';
    expect(imported(importYardiCsv(text)).claims).toEqual([
      { invoiceNumber: 'INV-1', invoiceDate: '2026-01-02', vendorName: 'Acme', contractNumber: 'SC-1', allocated: false, codes: [{ categoryCode: '01', amount: '5.00' }], total: '5.00' },
    ]);
  });

  it('refuses to guess between two columns with the same name', () => {
    const result = importYardiCsv('Contract,Vendor,Invoice #,Invoice Date,Category Code,Amount,AMOUNT\nSC-1,Acme,INV-1,2026-01-02,01,5,6\n');
    expect(result).toMatchObject({ ok: false, header: { ambiguous: ['amount'], missing: [] } });
    expect(!result.ok && result.error).toContain('Several columns could be the amount');
  });

  it('reads the columns the user chose where the header names none, or two (the column-mapping step)', () => {
    const text = 'Contract,Vendor,Ref,Invoice Date,Category Code,Amount,AMOUNT\nSC-1,Acme,INV-1,2026-01-02,01,5,6\n';
    expect(importYardiCsv(text)).toMatchObject({ ok: false, header: { missing: ['invoiceNumber'], ambiguous: ['amount'] } });
    expect(imported(importYardiCsv(text, { columns: { invoiceNumber: 2, amount: 6 } })).claims).toMatchObject([{ invoiceNumber: 'INV-1', total: '6.00' }]);
    // A column the header row does not have is no choice at all.
    expect(importYardiCsv(text, { columns: { invoiceNumber: 7, amount: 6 } })).toMatchObject({ ok: false, header: { missing: ['invoiceNumber'] } });
  });

  it.each(['', '\ufeff', '\r\n\r\n', ' , \n'])('says a file with no header row (%j) is empty', (text) => {
    expect(importYardiCsv(text)).toMatchObject({ ok: false, error: 'The file is empty: it has no header row and no rows.', header: { cells: [], missing: expect.arrayContaining(['amount']) } });
  });

  it('imports nothing, and refuses nothing, from a header alone', () => {
    expect(importYardiCsv(HEADER)).toEqual({ ok: true, claims: [], refused: [] });
  });
});

describe('importYardiCsv: claims', () => {
  it('groups rows by contract, vendor and invoice number, sums repeated codes, keeps codes in first-seen order', () => {
    const { claims } = imported(
      importYardiCsv(
        file(
          'SC-1,Acme,INV-1,2026-01-02,09,1.10,N',
          'SC-1,Acme,INV-2,2026-01-03,01,7,N',
          'SC-1,Acme,INV-1,2026-01-02,01,2.20,N',
          'SC-2,Acme,INV-1,2026-01-02,01,100,N',
          'SC-1,Acme,INV-1,2026-01-02,09,3.30,N',
          'SC-1,Bolt,INV-1,2026-01-02,01,1000,N',
        ),
      ),
    );
    expect(claims.map(({ contractNumber, vendorName, invoiceNumber, codes, total }) => ({ contractNumber, vendorName, invoiceNumber, codes, total }))).toEqual([
      {
        contractNumber: 'SC-1',
        vendorName: 'Acme',
        invoiceNumber: 'INV-1',
        codes: [
          { categoryCode: '09', amount: '4.40' },
          { categoryCode: '01', amount: '2.20' },
        ],
        total: '6.60',
      },
      { contractNumber: 'SC-1', vendorName: 'Acme', invoiceNumber: 'INV-2', codes: [{ categoryCode: '01', amount: '7.00' }], total: '7.00' },
      { contractNumber: 'SC-2', vendorName: 'Acme', invoiceNumber: 'INV-1', codes: [{ categoryCode: '01', amount: '100.00' }], total: '100.00' },
      { contractNumber: 'SC-1', vendorName: 'Bolt', invoiceNumber: 'INV-1', codes: [{ categoryCode: '01', amount: '1000.00' }], total: '1000.00' },
    ]);
  });

  it('compares contract, vendor and invoice as the rest of Backfill does (case, spaces and dashes aside), keeping the first spelling', () => {
    const { claims } = imported(importYardiCsv(file('SC-1,Acme Inc,INV-1,2026-01-02,01,1,N', 'sc 1,ACME INC.,inv1,1/2/2026,01,2,N')));
    expect(claims).toEqual([expect.objectContaining({ contractNumber: 'SC-1', vendorName: 'Acme Inc', invoiceNumber: 'INV-1', total: '3.00' })]);
  });

  it('sums exactly where binary floats would not', () => {
    const rows = Array.from({ length: 10 }, () => 'SC-1,Acme,INV-1,2026-01-02,01,0.10,N');
    expect(imported(importYardiCsv(file(...rows))).claims[0]?.total).toBe('1.00');
  });

  it('refuses a claim whole when one of its rows is refused, listing each of its rows', () => {
    const result = imported(
      importYardiCsv(file('SC-1,Acme,INV-1,2026-01-02,01,5,N', 'SC-1,Acme,INV-2,2026-01-02,01,6,N', 'SC-1,Acme,INV-1,2026-01-02,02,12.345,N', 'SC-1,Acme,INV-1,2026-01-02,03,7,N')),
    );
    expect(result.claims.map((claim) => claim.invoiceNumber)).toEqual(['INV-2']);
    const whole = 'Not imported: row 4 of the same claim (invoice "INV-1" of contract "SC-1", vendor "Acme") was refused, and a claim is imported whole or not at all.';
    expect(result.refused).toEqual([
      { row: 2, reason: whole },
      { row: 4, reason: 'The amount "12.345" has more than two decimals, and amounts are never rounded for you.' },
      { row: 5, reason: whole },
    ]);
  });

  it('gives the line where a row starts, after quoted cells that span lines', () => {
    const text = file('SC-1,"Acme\r\nNorth\r\nDivision",INV-1,2026-01-02,01,5,N', 'SC-1,"Bolt\nCo",INV-2,2026-01-02,01,abc,N', 'SC-1,Cord,INV-3,2026-02-30,01,1,N');
    expect(imported(importYardiCsv(text)).refused).toEqual([
      { row: 5, reason: 'The amount "abc" is not an amount.' },
      { row: 7, reason: 'The invoice date "2026-02-30" is not a date that can be read for sure: write M/D/YYYY or YYYY-MM-DD.' },
    ]);
  });

  it('lists every problem of a row in one reason', () => {
    expect(imported(importYardiCsv(file('SC-1,,INV-1,,,x,N'))).refused).toEqual([
      { row: 2, reason: 'No vendor. No invoice date. No category code. The amount "x" is not an amount.' },
    ]);
  });

  it('refuses a claim whose rows disagree on its date or on allocation', () => {
    const { claims, refused } = imported(
      importYardiCsv(file('SC-1,Acme,INV-1,2026-01-02,01,5,N', 'SC-1,Acme,INV-1,2026-01-03,02,5,N', 'SC-1,Acme,INV-2,2026-01-02,01,5,N', 'SC-1,Acme,INV-2,2026-01-02,02,5,Y')),
    );
    expect(claims).toEqual([]);
    expect(refused).toEqual([
      { row: 2, reason: expect.stringContaining('Not imported: row 3 of the same claim (invoice "INV-1"') },
      { row: 3, reason: 'The invoice date 2026-01-03 differs from 2026-01-02 on row 2, for the same invoice.' },
      { row: 4, reason: expect.stringContaining('Not imported: row 5 of the same claim (invoice "INV-2"') },
      { row: 5, reason: 'Allocated says yes where row 4 says no, for the same invoice.' },
    ]);
  });

  it('refuses a claim that adds up past the largest amount, rather than round it', () => {
    const { claims, refused } = imported(importYardiCsv(file('SC-1,Acme,INV-1,2026-01-02,01,999999999999.99,N', 'SC-1,Acme,INV-1,2026-01-02,02,0.01,N')));
    expect(claims).toEqual([]);
    expect(refused.map((refusal) => refusal.row)).toEqual([2, 3]);
    expect(refused[0]?.reason).toContain('adds up to more than the largest amount Backfill takes, $999,999,999,999.99');
  });

  it('refuses a row with more cells than the header (an unquoted comma), and the claim it names', () => {
    const { claims, refused } = imported(importYardiCsv(file('SC-1,Acme,INV-1,2026-01-02,01,5,N', 'SC-1,Acme, Inc,INV-1,2026-01-02,02,1,234.00,N', 'SC-1,Acme,INV-2,2026-01-02,01,5')));
    expect(claims).toEqual([]);
    expect(refused).toEqual([
      { row: 2, reason: 'Not imported: row 3, refused, names the same invoice (invoice "INV-1" of contract "SC-1", vendor "Acme"), and a claim is imported whole or not at all.' },
      { row: 3, reason: 'This row has 9 cells where the header has 7: a cell holding a comma must be in quotes.' },
      { row: 4, reason: 'This row has 6 cells where the header has 7.' },
    ]);
  });

  it('refuses a quote left open, and every claim the swallowed rows name', () => {
    const { claims, refused } = imported(importYardiCsv(file('SC-1,Acme,INV-1,2026-01-02,01,5,N', 'SC-1,Acme,INV-2,2026-01-02,01,5,N', 'SC-1,"Acme,INV-3,2026-01-02,01,5,N', 'SC-1,Acme,INV-1,2026-01-02,02,5,N')));
    expect(claims.map((claim) => claim.invoiceNumber)).toEqual(['INV-2']);
    expect(refused).toEqual([
      { row: 2, reason: expect.stringContaining('Not imported: row 4, refused, names the same invoice (invoice "INV-1"') },
      { row: 4, reason: 'A quote opened here is never closed, so the rest of the file was read as one cell.' },
    ]);
  });

  it('refuses a row without a contract or vendor together with the claims of its invoice number', () => {
    const { claims, refused } = imported(importYardiCsv(file('SC-1,Acme,INV-1,2026-01-02,01,5,N', ',Acme,INV-1,2026-01-02,02,5,N')));
    expect(claims).toEqual([]);
    expect(refused).toEqual([
      { row: 2, reason: expect.stringContaining('Not imported: row 3, refused, names the same invoice') },
      { row: 3, reason: 'No contract.' },
    ]);
  });

  it('refuses a total row, which names no claim, without touching the claims above it', () => {
    const { claims, refused } = imported(importYardiCsv(file('SC-1,Acme,INV-1,2026-01-02,01,5,N', ',,,,,5.00,')));
    expect(claims).toHaveLength(1);
    expect(refused).toEqual([{ row: 3, reason: 'This row names no claim (no contract, vendor or invoice number): a total or a note is not imported.' }]);
  });

  it('refuses an identity with no letter or digit to tell it by', () => {
    expect(imported(importYardiCsv(file('SC-1,Acme,—,2026-01-02,01,5,N'))).refused).toEqual([{ row: 2, reason: 'The invoice number "—" has no letter or digit to tell it by.' }]);
  });
});

describe('importYardiCsv: hostile text is only text', () => {
  it.each([
    ['a formula', '=HYPERLINK("http://evil.example","click")'],
    ['a DDE payload', '@SUM(1+1)*cmd|\' /C calc\'!A0'],
    ['a right-to-left override', 'Acme \u202eKCOL\u202c'],
    ['a script tag', '<script>alert(1)</script>'],
    ['an image with a handler', '<img src=x onerror=alert(1)>'],
  ])('keeps %s in a vendor name verbatim', (_name, vendor) => {
    const { claims } = imported(importYardiCsv(yardiCsv([['SC-1', vendor, 'INV-1', '2026-01-02', '01', '5', 'N']])));
    expect(claims[0]?.vendorName).toBe(vendor);
  });

  it('refuses a formula in the amount column as not an amount, never evaluating it', () => {
    expect(imported(importYardiCsv(yardiCsv([['SC-1', 'Acme', 'INV-1', '2026-01-02', '01', '=1+2', 'N']]))).refused).toEqual([
      { row: 2, reason: 'The amount "=1+2" is not an amount.' },
    ]);
  });

  it('shows invisible and direction-changing characters of a quoted cell as \uFFFD in a reason', () => {
    expect(imported(importYardiCsv(yardiCsv([['SC-1', 'Acme', 'INV-1', '2026-01-02', '01', '5\u202e00', 'N']]))).refused[0]?.reason).toBe(
      'The amount "5\uFFFD00" is not an amount.',
    );
  });

  it('ignores a 100 kB cell in a column it does not read', () => {
    const huge = 'x'.repeat(100_000);
    const text = yardiCsv([['SC-1', 'Acme', 'INV-1', '2026-01-02', '01', '5', 'N', huge]], [...YARDI_HEADER, 'Notes']);
    expect(imported(importYardiCsv(text)).claims).toHaveLength(1);
  });

  it('refuses a 100 kB vendor name with its length, quoting only the start of it', () => {
    const { refused } = imported(importYardiCsv(yardiCsv([['SC-1', 'A'.repeat(100_000), 'INV-1', '2026-01-02', '01', '5', 'N']])));
    expect(refused).toEqual([{ row: 2, reason: 'The vendor is 100,000 characters long; at most 500 are taken.' }]);
  });

  it('quotes at most 40 characters of a cell in a reason', () => {
    const { refused } = imported(importYardiCsv(yardiCsv([['SC-1', 'Acme', 'INV-1', '2026-01-02', '01', '9'.repeat(100_000), 'N']])));
    expect(refused[0]?.reason).toBe(`The amount "${'9'.repeat(40)}…" is larger than the largest amount Backfill takes, $999,999,999,999.99.`);
  });
});
