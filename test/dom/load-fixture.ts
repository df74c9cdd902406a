import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Puts a saved host-page snippet into the happy-dom document, parsed as the browser would. */
export function loadFixture(name: string): void {
  showPage(readFileSync(resolve(import.meta.dirname, 'fixtures', name), 'utf8'));
}

/** Puts `html` into the happy-dom document's body, parsed as the browser would. */
export function showPage(html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceChildren(...[...parsed.body.childNodes].map((node) => document.importNode(node, true)));
}
