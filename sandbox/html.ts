/**
 * HTML built only through the `html` tag: every interpolated value is escaped unless it is already
 * `SafeHtml` (produced by this tag or by `trustedHtml` for our own constants). Host data such as
 * vendor names is hostile in tests, so no page ever concatenates raw strings into markup.
 */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/** Interpolations: SafeHtml as is, arrays item by item, null/undefined/false as nothing, the rest escaped. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map((item: HtmlValue) => render(item)).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Marks one of our own constants (CSS, the inline script) as markup. Never for data. */
export function trustedHtml(constant: string): SafeHtml {
  return new SafeHtml(constant);
}
