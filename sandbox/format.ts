// Amounts show as the panel shows them (`formatMoney`): `$12,345.00`, credits `($1,200.00)`.

/** `2026-03-31` → `03/31/2026`, as US finance pages show dates. */
export function usDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${month}/${day}/${year}`;
}

/** `"45.50"` → `45.50%`. */
export function percent(value: string): string {
  return `${value}%`;
}
