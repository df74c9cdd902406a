import { html, trustedHtml, type SafeHtml } from '../html';
import type { State } from '../model';
import { CSS } from './styles';

export type Section = 'reconciliation' | 'contracts';

export interface PageParts {
  title: string;
  section?: Section;
  body: SafeHtml;
  /** The nonce the response's CSP allows; only set when the page has our inline script. */
  script?: { source: string; nonce: string };
}

/** The app frame around every page: top bar with the project, navigation, then the page body. */
export function layout(state: State, { title, section, body, script }: PageParts): string {
  const current = (name: Section) => (section === name ? html` aria-current="page"` : null);
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Sandbox Financials</title>
<link rel="icon" href="data:,">
<style>${trustedHtml(CSS)}</style>
</head>
<body>
<header class="topbar">
  <a class="brand" href="/"><span class="logo" aria-hidden="true">SF</span>Sandbox Financials <span class="env">stand-in for Portfolio Financials</span></a>
  <div class="project"><span class="project-label">Project ${state.project.number}</span><strong>${state.project.name}</strong></div>
  <nav class="topnav" aria-label="Main">
    <a href="/"${current('reconciliation')}>Reconciliation</a>
    <a href="/contracts"${current('contracts')}>Contracts</a>
  </nav>
</header>
<main class="page">
${body}
</main>
${script ? html`<script nonce="${script.nonce}">${trustedHtml(script.source)}</script>` : null}
</body>
</html>
`.value;
}
