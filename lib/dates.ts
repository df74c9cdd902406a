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

// A calendar date as ISO writes it: the month's days counted, leap years included.
const ISO_DATE = /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))$/;
// A time of day in UTC, to the second or finer, as `toISOString` writes it.
const ISO_UTC_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?Z$/;

/** A calendar date as ISO writes it (`YYYY-MM-DD`), exactly as `z.iso.date()` accepts it. */
export function isIsoDate(text: string): boolean {
  return ISO_DATE.test(text);
}

/** A UTC date and time (`2026-03-31T14:05:00.000Z`), exactly as `z.iso.datetime()` accepts it. */
export function isIsoDateTime(text: string): boolean {
  return text[10] === 'T' && isIsoDate(text.slice(0, 10)) && ISO_UTC_TIME.test(text.slice(11));
}
