// A cell starting like a formula runs as one when the file is opened in a spreadsheet (CWE-1236).
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Free text as a spreadsheet will show it rather than run it: a leading apostrophe when the text starts
 * with `=`, `+`, `-`, `@`, a tab or a carriage return. Only for text cells: an amount such as "-12.00" is a
 * number to the spreadsheet and is written as it is.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
