/** Text from outside (a file's cell, a pasted cell) quoted in a message to the user. */

const QUOTED_LENGTH = 40;
// Controls and invisible formatting (a right-to-left override among them) would reorder or hide the
// text around them when a reason is shown.
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;

/**
 * A cell as a message quotes it: in quotes, cut to 40 characters, invisible and direction-changing
 * characters shown as `\uFFFD`, so a reason reads the same whatever the cell holds.
 */
export function quoteCell(text: string): string {
  const cut = text.length > QUOTED_LENGTH ? `${text.slice(0, QUOTED_LENGTH)}…` : text;
  return `"${cut.replace(INVISIBLE, '\uFFFD')}"`;
}

/** `a`, `a and b`, `a, b and c` (or with `or`). */
export function joinList(items: readonly string[], word: 'and' | 'or'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${word} ${items.at(-1)!}`;
}
