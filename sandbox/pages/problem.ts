import { html } from '../html';
import type { State } from '../model';
import { layout } from './layout';

/** The page for an unknown address (404) or a method pages do not take (405). */
export function problemPage(state: State, title: string, message: string): string {
  const body = html`
<div class="page-head"><div><h1>${title}</h1><p class="sub">${message}</p></div></div>
<p><a href="/">Back to the reconciliation</a></p>`;
  return layout(state, { title, body });
}
