import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { matchKey } from '../../../lib/claim-identity';
import { backfillExport, backfillRequestJson, writeBackfillCsv, type BackfillExport } from '../../../lib/export/backfill-csv';
import { importYardiCsv } from '../../../lib/import';
import { sumMoney } from '../../../lib/money';
import { neutraliseFormula } from '../../../lib/spreadsheet-formula';
import { moneyArb } from '../../support/arbitraries';
import { makeSov } from '../../support/fixtures';

const backfill: BackfillExport = {
  contractNumber: 'SC-1042',
  vendorName: 'Granite Ridge, "GRC"',
  invoiceNumber: 'INV-100',
  invoiceDate: '2026-03-31',
  lines: [
    { number: '001', description: 'Footings', categoryCode: '03-300', amount: '600.00' },
    { number: '2', description: 'Slabs\nand piers', categoryCode: '03-300', amount: '400.00' },
    { number: '3', description: 'Painting', categoryCode: '09-900', amount: '-12.50' },
  ],
};

function rowsOf(csv: string): string[][] {
  return Papa.parse<string[]>(csv.replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
}

describe('writeBackfillCsv', () => {
  it('writes one row per SOV line and a total row, with a BOM and CRLF line ends', () => {
    expect(writeBackfillCsv([backfill])).toBe(
      '\ufeffContract,Vendor,Invoice #,Invoice Date,Line,Description,Category Code,Amount\r\n' +
        'SC-1042,"Granite Ridge, ""GRC""",INV-100,2026-03-31,001,Footings,03-300,600.00\r\n' +
        'SC-1042,"Granite Ridge, ""GRC""",INV-100,2026-03-31,2,"Slabs\nand piers",03-300,400.00\r\n' +
        'SC-1042,"Granite Ridge, ""GRC""",INV-100,2026-03-31,3,Painting,09-900,-12.50\r\n' +
        ',,,,,Total,,987.50\r\n',
    );
  });

  it.each(['=1+2', '+1', '-1', '@SUM(A1)', '\tTAB', '\rCR', '=HYPERLINK("http://evil.example")'])('neutralises the text cell %j, never the amount', (text) => {
    const hostile: BackfillExport = {
      contractNumber: text,
      vendorName: text,
      invoiceNumber: text,
      invoiceDate: '2026-03-31',
      lines: [{ number: text, description: text, categoryCode: text, amount: '-5.00' }],
    };
    const [, line, total] = rowsOf(writeBackfillCsv([hostile]));
    expect(line).toEqual([...Array(3).fill(`'${text}`), '2026-03-31', ...Array(3).fill(`'${text}`), '-5.00']);
    expect(total?.at(-1)).toBe('-5.00');
  });

  it('leaves text that starts safely, markup and direction overrides as they are', () => {
    const [, line] = rowsOf(writeBackfillCsv([{ ...backfill, vendorName: "<script>alert('x')</script>\u202e", lines: [backfill.lines[0]!] }]));
    expect(line?.[1]).toBe("<script>alert('x')</script>\u202e");
  });

  it('writes several backfills in one file, each followed by its total', () => {
    const other: BackfillExport = { ...backfill, invoiceNumber: 'INV-101', lines: [{ number: '9', description: 'Roof', categoryCode: '07-500', amount: '1.01' }] };
    expect(rowsOf(writeBackfillCsv([backfill, other])).map((row) => [row[2], row[5], row[7]])).toEqual([
      ['Invoice #', 'Description', 'Amount'],
      ['INV-100', 'Footings', '600.00'],
      ['INV-100', 'Slabs\nand piers', '400.00'],
      ['INV-100', 'Painting', '-12.50'],
      ['', 'Total', '987.50'],
      ['INV-101', 'Roof', '1.01'],
      ['', 'Total', '1.01'],
    ]);
  });

  it('reads back through importYardiCsv as the claim it backfilled: amounts per category code and total', () => {
    const result = importYardiCsv(writeBackfillCsv([backfill]));
    expect(result).toEqual({
      ok: true,
      claims: [
        {
          invoiceNumber: 'INV-100',
          invoiceDate: '2026-03-31',
          vendorName: 'Granite Ridge, "GRC"',
          contractNumber: 'SC-1042',
          allocated: false,
          codes: [
            { categoryCode: '03-300', amount: '1000.00' },
            { categoryCode: '09-900', amount: '-12.50' },
          ],
          total: '987.50',
        },
      ],
      refused: [{ row: 6, reason: 'This row names no claim (no contract, vendor or invoice number): a total or a note is not imported.' }],
    });
  });

  it('round-trips any backfills through importYardiCsv to the cent', () => {
    const text = (maxLength: number) => fc.string({ unit: fc.constantFrom('A', '7', '-', '=', ',', '"', '\n', ' ', '@', 'é'), minLength: 1, maxLength }).filter((value) => value.trim() === value && matchKey(value) !== '');
    const backfillArb = fc.record({
      contractNumber: text(10),
      vendorName: text(10),
      invoiceNumber: text(10),
      invoiceDate: fc.constantFrom('2026-01-31', '2027-12-01'),
      lines: fc.array(fc.record({ number: fc.nat(500).map(String), description: fc.string({ maxLength: 20 }), categoryCode: text(6), amount: moneyArb(100_000_000_000n) }), { minLength: 1, maxLength: 10 }),
    });
    const uniqueBackfills = fc.uniqueArray(backfillArb, { minLength: 1, maxLength: 4, selector: (value) => [value.contractNumber, value.vendorName, value.invoiceNumber].map(matchKey).join('|') });
    fc.assert(
      fc.property(uniqueBackfills, (backfills) => {
        const result = importYardiCsv(writeBackfillCsv(backfills));
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.refused.map((refusal) => refusal.reason)).toEqual(backfills.map(() => expect.stringContaining('names no claim')));
        expect(result.claims.map((claim) => ({ invoiceNumber: claim.invoiceNumber, codes: claim.codes, total: claim.total }))).toEqual(
          backfills.map((value) => {
            const byCode = new Map<string, string[]>();
            for (const line of value.lines) byCode.set(neutraliseFormula(line.categoryCode), [...(byCode.get(neutraliseFormula(line.categoryCode)) ?? []), line.amount]);
            return {
              invoiceNumber: neutraliseFormula(value.invoiceNumber),
              codes: [...byCode].map(([categoryCode, amounts]) => ({ categoryCode, amount: sumMoney(amounts) })),
              total: sumMoney(value.lines.map((line) => line.amount)),
            };
          }),
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('a backfill as exported', () => {
  const sov = makeSov({ lines: [...makeSov().lines, { id: 'item:007', lineNumber: 7, categoryCode: '03-300', description: 'Piers', scheduledValue: '100.00', claimedToDate: '0.00' }] });
  const lines = [
    { sovLineId: 'L1', amount: '600.00' },
    { sovLineId: 'item:007', amount: '400.00' },
  ];

  it('names each line as the SOV does, an imported item as its file wrote it', () => {
    const claim = { contractNumber: 'SC-1042', vendorName: 'Granite Ridge', invoiceNumber: 'INV-100', invoiceDate: '2026-03-31' };
    expect(backfillExport(claim, sov, { lines }).lines).toEqual([
      { number: '1', description: 'Footings', categoryCode: '03-300', amount: '600.00' },
      { number: '007', description: 'Piers', categoryCode: '03-300', amount: '400.00' },
    ]);
  });

  it('writes the exact request body as JSON', () => {
    const header = { number: 'INV-100', title: 'Backfill', payPeriod: '2026-03-31' };
    expect(JSON.parse(backfillRequestJson({ lines, header }))).toEqual({ lines, header });
    expect(JSON.parse(backfillRequestJson({ lines }))).toEqual({ lines });
  });
});
