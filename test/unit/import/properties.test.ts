import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { matchKey } from '../../../lib/claim-identity';
import { Decimal } from '../../../lib/decimal';
import { importSovCsv, importYardiCsv, type ImportedClaim, type ImportedSovLine, type ImportFailure } from '../../../lib/import';
import { formatMoney, isMoney, sumMoney, toMoney, type Money } from '../../../lib/money';
import { moneyArb } from '../../support/arbitraries';
import { YARDI_HEADER, yardiCsv } from '../../support/yardi-csv';

// Cell text with what makes CSV hard: commas, quotes, line breaks, a BOM-like start, right-to-left
// overrides, formula starts, non-Latin letters. Trimmed and naming something, as the importers need.
const hardChar = fc.constantFrom(',', '"', '\n', '\r\n', '\r', ' ', '\u202e', '=', '-', '@', 'é', '漢', '#', "'");
const cellText = (maxLength: number) =>
  fc
    .string({ unit: fc.oneof(hardChar, fc.constantFrom('A', 'b', '7', 'Z', '0')), minLength: 1, maxLength })
    .filter((text) => text.trim() === text && matchKey(text) !== '');
const isoDate = fc.date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
// Up to $1 billion a row, so a claim of up to 24 rows stays within MAX_MONEY.
const amount = moneyArb(100_000_000_000n);

/** An amount as a spreadsheet or Yardi might write it. */
const writtenAmount = (value: Money) =>
  fc.constantFrom(
    value,
    formatMoney(value),
    value.startsWith('-') ? `(${formatMoney(value.slice(1))})` : formatMoney(value).replace('$', ''),
    value.endsWith('0') ? value.slice(0, -1) : value,
  );

const writtenDate = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number);
  return fc.constantFrom(iso, `${month!}/${day!}/${year!}`, `${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}/${year!}`);
};

const claimArb = fc.record({
  contractNumber: cellText(12),
  vendorName: cellText(20),
  invoiceNumber: cellText(12),
  invoiceDate: isoDate,
  allocated: fc.boolean(),
  // Each code paid in one to three rows.
  codes: fc.uniqueArray(fc.record({ categoryCode: cellText(8), parts: fc.array(amount, { minLength: 1, maxLength: 3 }) }), {
    minLength: 1,
    maxLength: 8,
    selector: (code) => code.categoryCode,
  }),
});

type GeneratedClaim = typeof claimArb extends fc.Arbitrary<infer T> ? T : never;

/** What the importer must give for rows read in this order: claims and codes in first-seen order, sums exact. */
function expectedClaims(rows: readonly { claim: number; code: number; amount: Money }[], claims: readonly GeneratedClaim[]): ImportedClaim[] {
  const byClaim = new Map<number, Map<string, Decimal>>();
  for (const row of rows) {
    const codes = byClaim.get(row.claim) ?? byClaim.set(row.claim, new Map()).get(row.claim)!;
    const code = claims[row.claim]!.codes[row.code]!.categoryCode;
    codes.set(code, (codes.get(code) ?? new Decimal(0)).plus(row.amount));
  }
  return [...byClaim].map(([index, codes]) => {
    const { contractNumber, vendorName, invoiceNumber, invoiceDate, allocated } = claims[index]!;
    const amounts = [...codes].map(([categoryCode, sum]) => ({ categoryCode, amount: toMoney(sum) }));
    return { invoiceNumber, invoiceDate, vendorName, contractNumber, allocated, codes: amounts, total: sumMoney(amounts.map((code) => code.amount)) };
  });
}

function expectSpecificFailure(result: ImportFailure<string>): void {
  expect(typeof result.error).toBe('string');
  expect(result.error.length).toBeGreaterThan(0);
  expect(result.header.missing.length + result.header.ambiguous.length).toBeGreaterThan(0);
}

describe('importers on any text', () => {
  // Text that often gets past the header: a known header, then lines of CSV-ish noise.
  const noise = fc.string({ unit: fc.constantFrom(',', '"', '\n', '\r', 'a', '1', '.', '$', '(', ')', '-', '/', ' ', 'Y', '\ufeff', '\u202e'), maxLength: 200 });

  it.each([
    ['importYardiCsv', importYardiCsv, `${YARDI_HEADER.join(',')}\n`],
    ['importSovCsv', importSovCsv, 'Item,Description,Cost Code,Scheduled Value,Total Completed and Stored\n'],
  ] as const)('%s never throws, and answers ok or a failure that says what the header lacks', (_name, importer, header) => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), noise, noise.map((text) => header + text)), (text) => {
        const result = importer(text);
        if (!result.ok) return expectSpecificFailure(result);
        for (const refusal of result.refused) {
          expect(refusal.row).toBeGreaterThanOrEqual(2);
          expect(refusal.reason).not.toBe('');
        }
        const rows = result.refused.map((refusal) => refusal.row);
        expect(rows).toEqual([...rows].sort((a, b) => a - b));
        if ('claims' in result) {
          for (const claim of result.claims) {
            expect(isMoney(claim.total)).toBe(true);
            expect(sumMoney(claim.codes.map((code) => code.amount))).toBe(claim.total);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('generated files import back exactly', () => {
  it('Yardi: claims written as CSV, rows shuffled and codes split over rows, come back to the cent', () => {
    const fileArb = fc
      .uniqueArray(claimArb, { minLength: 1, maxLength: 6, selector: (claim) => [claim.contractNumber, claim.vendorName, claim.invoiceNumber].map(matchKey).join('|') })
      .chain((claims) => {
        const rows = claims.flatMap((claim, claimIndex) => claim.codes.flatMap((code, codeIndex) => code.parts.map((part) => ({ claim: claimIndex, code: codeIndex, amount: part }))));
        return fc.tuple(
          fc.constant(claims),
          fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }),
          fc.constantFrom('\r\n', '\n'),
          fc.boolean(),
        );
      })
      .chain(([claims, rows, newline, bom]) =>
        fc.tuple(
          fc.constant(claims),
          fc.constant(rows),
          fc.tuple(...rows.map((row) => fc.tuple(writtenAmount(row.amount), writtenDate(claims[row.claim]!.invoiceDate), fc.nat(2)))),
          fc.constant(newline),
          fc.constant(bom),
        ),
      );
    fc.assert(
      fc.property(fileArb, ([claims, rows, written, newline, bom]) => {
        const cells = rows.map((row, index) => {
          const claim = claims[row.claim]!;
          const [writtenAmountText, writtenDateText, allocatedForm] = written[index]!;
          const allocated = (claim.allocated ? ['Y', 'yes', 'TRUE'] : ['N', 'no', 'false'])[allocatedForm]!;
          return [claim.contractNumber, claim.vendorName, claim.invoiceNumber, writtenDateText, claim.codes[row.code]!.categoryCode, writtenAmountText, allocated];
        });
        const text = (bom ? '\ufeff' : '') + yardiCsv(cells, YARDI_HEADER, newline);
        expect(importYardiCsv(text)).toEqual({ ok: true, claims: expectedClaims(rows, claims), refused: [] });
      }),
      { numRuns: 200 },
    );
  });

  it('Yardi: a refused row is named by the line its record starts on, whatever quoted line breaks come before it', () => {
    fc.assert(
      fc.property(fc.array(claimArb, { minLength: 1, maxLength: 5 }), fc.nat(), (claims, pick) => {
        const rows = claims.map((claim) => [claim.contractNumber, claim.vendorName, claim.invoiceNumber, claim.invoiceDate, claim.codes[0]!.categoryCode, claim.codes[0]!.parts[0]!, 'N']);
        const bad = pick % rows.length;
        rows[bad]![5] = 'not money';
        const text = yardiCsv(rows);
        // Independently of the importer: the line count of everything written before the bad record.
        const before = Papa.unparse([YARDI_HEADER, ...rows.slice(0, bad)], { newline: '\r\n' }) + '\r\n';
        const line = 1 + (before.match(/\r\n|\r|\n/g) ?? []).length;
        const result = importYardiCsv(text);
        expect(result.ok && result.refused.find((refusal) => refusal.reason === 'The amount "not money" is not an amount.')?.row).toBe(line);
      }),
    );
  });

  it('SOV: lines written as CSV come back exactly, item text and blank codes kept', () => {
    const lineArb = fc.record({
      number: fc.oneof(fc.nat(999).map(String), fc.nat(99).map((n) => `0${n}`), fc.tuple(fc.nat(9), fc.nat(9)).map(([a, b]) => `${a}.${b}`)),
      description: fc.string({ unit: fc.oneof(hardChar, fc.constantFrom('a', 'B', '1')), maxLength: 30 }).filter((text) => text.trim() === text),
      categoryCode: fc.option(cellText(8), { nil: null }),
      scheduledValue: amount,
      parts: fc.tuple(amount, amount, amount),
    });
    fc.assert(
      fc.property(fc.uniqueArray(lineArb, { maxLength: 20, selector: (line) => line.number }), fc.boolean(), (lines, withTotal) => {
        const header = ['Item', 'Description', 'Cost Code', 'Scheduled Value', 'Completed Previous', 'Completed This Period', 'Materials Stored', ...(withTotal ? ['Total Completed and Stored'] : [])];
        const rows = lines.map((line) => [
          line.number,
          line.description,
          line.categoryCode ?? '',
          formatMoney(line.scheduledValue),
          ...line.parts.map((part) => (part === '0.00' ? '' : part)),
          ...(withTotal ? [sumMoney(line.parts)] : []),
        ]);
        const expected: ImportedSovLine[] = lines.map(({ number, description, categoryCode, scheduledValue, parts }) => ({ number, description, categoryCode, scheduledValue, claimedToDate: sumMoney(parts) }));
        expect(importSovCsv(yardiCsv(rows, header))).toEqual({ ok: true, lines: expected, refused: [] });
      }),
      { numRuns: 200 },
    );
  });
});
