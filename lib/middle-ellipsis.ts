/**
 * A long text split for an ellipsis in its middle: the head may be cut short, the tail always shows.
 * SOV lines of one code often differ only at the end ("…casework, Level 1" and "…, Level 2"), so a
 * narrow column must keep the end of a description rather than cut it off.
 */
export interface MiddleEllipsis {
  head: string;
  /** '' when the text is short enough to show whole. */
  tail: string;
  /** Whether a space stood between head and tail (drawn as a gap, since it is not in either). */
  gap: boolean;
}

const SHORT = 24;
// The last part after a separator (", Level 2", " - Roof", "; east wing"), when it is short.
const LAST_PART = /^(.*?\S)(\s*[,;:]|\s+[-–—/|])\s+(\S.{0,17})$/su;
// Otherwise about this many characters, starting at a word when one starts a little earlier.
const TAIL_LENGTH = 12;
const WORD_REACH = 6;

export function middleEllipsis(text: string): MiddleEllipsis {
  if (text.length <= SHORT) return { head: text, tail: '', gap: false };
  const part = LAST_PART.exec(text);
  if (part && !/[,;:]|\s[-–—/|]\s/u.test(part[3]!)) return { head: part[1]! + part[2]!, tail: part[3]!, gap: true };
  let start = text.length - TAIL_LENGTH;
  // Never between the two halves of a character outside the basic plane (an emoji, say).
  if (/[\udc00-\udfff]/.test(text[start] ?? '')) start--;
  const space = text.lastIndexOf(' ', start);
  if (space >= 0 && start - space <= WORD_REACH) return { head: text.slice(0, space).trimEnd(), tail: text.slice(space + 1), gap: true };
  return { head: text.slice(0, start), tail: text.slice(start), gap: false };
}
