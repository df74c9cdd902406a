import { formatMoney, negateMoney, type Money } from '../lib/money';

/** How a finance page shows amounts: `$12,345.00`, negatives in parentheses `($1,200.00)`. */
export function accounting(value: Money): string {
  return value.startsWith('-') ? `(${formatMoney(negateMoney(value))})` : formatMoney(value);
}

/** `2026-03-31` → `03/31/2026`, as US finance pages show dates. */
export function usDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${month}/${day}/${year}`;
}

/** `"45.50"` → `45.50%`. */
export function percent(value: string): string {
  return `${value}%`;
}
