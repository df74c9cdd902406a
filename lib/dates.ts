/**
 * An ISO calendar date (`2026-03-31`) as the user's locale writes it (`Mar 31, 2026` in en-US,
 * `31 Mar 2026` in en-GB): for display only. Read as a calendar day in UTC, so no time zone can move it
 * to the day before. Text that is not an ISO date is shown as it is.
 */
export function formatDate(isoDate: string, locale?: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const day = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(day);
}
