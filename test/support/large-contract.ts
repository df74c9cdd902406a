import { Decimal } from '../../lib/decimal';
import { toMoney } from '../../lib/money';
import type { Allocations, Sov, YardiClaim } from '../../lib/schemas';

/**
 * The largest contract we plan for: `lineCount` SOV lines over `codeCount` category codes, a claim that
 * uses every code, and a balanced allocation of it. Deterministic (no randomness) so runs compare.
 */
export function makeLargeContract(lineCount = 5000, codeCount = 300) {
  const codes = Array.from({ length: codeCount }, (_, index) => `${String(Math.floor(index / 10) + 1).padStart(2, '0')}-${String((index % 10) * 100).padStart(3, '0')}`);
  const sov: Sov = {
    contractId: 'C-LARGE',
    lines: Array.from({ length: lineCount }, (_, index) => ({
      id: `L${index + 1}`,
      lineNumber: index + 1,
      categoryCode: codes[index % codeCount]!,
      description: `Line ${index + 1}`,
      scheduledValue: toMoney(new Decimal(10_000 + (index % 97) * 113)),
      claimedToDate: toMoney(new Decimal(1_000 + (index % 13) * 17)),
    })),
  };
  const allocations: Allocations = {};
  const targets = new Map<string, Decimal>();
  sov.lines.forEach((line, index) => {
    const amount = new Decimal(100 + (index % 89)).plus(new Decimal(index % 100).dividedBy(100));
    allocations[line.id] = toMoney(amount);
    targets.set(line.categoryCode!, (targets.get(line.categoryCode!) ?? new Decimal(0)).plus(amount));
  });
  const lines = codes.map((categoryCode) => ({ categoryCode, amount: toMoney(targets.get(categoryCode)!) }));
  const claim: YardiClaim = {
    id: 'YC-LARGE',
    contractId: sov.contractId,
    vendorName: 'Summit Mechanical',
    invoiceNumber: 'INV-9000',
    invoiceDate: '2026-06-30',
    total: toMoney(lines.reduce((sum, line) => sum.plus(line.amount), new Decimal(0))),
    allocated: false,
    lines,
  };
  return { claim, sov, allocations };
}
