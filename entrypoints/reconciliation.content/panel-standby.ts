import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import type { ClaimIdentity } from '@/lib/claim-identity';
import { buildPanelHash, buildStandbyHash, STANDBY_OPEN, STANDBY_READ_AHEAD, type StandbyMessage } from '@/lib/panel-link';
import { guarded } from './log';

export const PANEL_STANDBY_TAG = 'backfill-panel-standby';

// Out of sight and out of the layout, whatever the page's own styles say about our element.
const STANDBY_CSS = ':host { all: initial !important; display: none !important; }';

/** The panel's iframe, loaded at `hash`: the same element whether the dock makes it or it stood by. */
export function panelIframe(hash: string): HTMLIFrameElement {
  const iframe = document.createElement('iframe');
  iframe.title = 'Backfill: Link Progress Claim';
  // Copy allocation writes the clipboard from the frame (the page's own policy may still refuse it).
  iframe.allow = 'clipboard-write';
  iframe.src = `${browser.runtime.getURL('/panel.html')}#${hash}`;
  return iframe;
}

interface Standing {
  host: HTMLElement;
  iframe: HTMLIFrameElement;
  token: string;
  loads: number;
}

/**
 * A panel page loaded ahead of time, out of sight, so that linking a row does not wait for the panel's
 * page to load: about a third of opening a 5,000-line claim. The dock moves it into view with
 * `moveBefore` (which keeps a frame's document, where moving it otherwise would reload it) and tells it
 * the claim. The page cannot reach it: in a closed shadow root its element and token are out of the
 * page's reach, and frames in shadow trees are not in the page's `window.frames`. A frame loaded twice
 * (navigated elsewhere) is thrown away, never shown.
 */
export class PanelStandby {
  #standing: Standing | undefined;
  #scheduled = false;
  readonly #sheet = new CSSStyleSheet();

  constructor(
    private readonly ctx: ContentScriptContext,
    /** Whether a page standing by is wanted now (asked again when the page is idle). */
    private readonly wanted: () => boolean,
  ) {
    this.#sheet.replaceSync(STANDBY_CSS);
    ctx.onInvalidated(() => this.#discard());
  }

  /** Loads a panel page to stand by, once the page is idle, unless one already does. */
  prepare(): void {
    if (this.#scheduled || this.ctx.isInvalid || !this.wanted() || !('moveBefore' in Element.prototype)) return;
    if (this.#standing?.host.isConnected === true) return;
    this.#scheduled = true;
    this.ctx.requestIdleCallback(
      guarded('Preparing the panel', () => {
        this.#scheduled = false;
        // The extension may have gone while the page idled: a frame loaded now would only show an error.
        if (this.ctx.isInvalid) return;
        if (this.#standing?.host.isConnected !== true && this.wanted()) this.#load();
      }),
      { timeout: 5_000 },
    );
  }

  /** Has the panel page standing by, when ready, start reading `claim`: the user is about to open it. */
  readAhead(claim: ClaimIdentity): void {
    const standing = this.#standing;
    if (standing?.loads === 1 && standing.host.isConnected) this.#post(standing, STANDBY_READ_AHEAD, claim);
  }

  /**
   * Moves the panel page standing by into `parent` (before `before`) and opens `claim` in it; undefined,
   * and nothing moved, when none is ready.
   */
  take(parent: Element, before: Node | null, claim: ClaimIdentity): HTMLIFrameElement | undefined {
    const standing = this.#standing;
    this.#standing = undefined;
    if (standing === undefined) return undefined;
    // Still loading (the open must not wait for it), taken out by the page, or navigated by it.
    if (standing.loads !== 1 || !standing.host.isConnected || !parent.isConnected) {
      standing.host.remove();
      return undefined;
    }
    parent.moveBefore(standing.iframe, before);
    standing.host.remove();
    this.#post(standing, STANDBY_OPEN, claim);
    return standing.iframe;
  }

  #post(standing: Standing, type: StandbyMessage['type'], claim: ClaimIdentity): void {
    const message: StandbyMessage = { type, token: standing.token, hash: buildPanelHash(claim) };
    // Only to the extension's page: had the frame been navigated since, the message would go nowhere.
    // (Not the origin in the frame's src: Chrome loads a web-accessible page by a per-session dynamic
    // id, and the page then has the extension's own origin.)
    standing.iframe.contentWindow?.postMessage(message, new URL(browser.runtime.getURL('/')).origin);
  }

  #load(): void {
    const host = document.createElement(PANEL_STANDBY_TAG);
    const shadow = host.attachShadow({ mode: 'closed' });
    shadow.adoptedStyleSheets = [this.#sheet];
    const token = crypto.randomUUID();
    const iframe = panelIframe(buildStandbyHash(token));
    const standing: Standing = { host, iframe, token, loads: 0 };
    iframe.addEventListener('load', () => standing.loads++);
    shadow.append(iframe);
    document.documentElement.append(host);
    this.#standing = standing;
  }

  #discard(): void {
    this.#standing?.host.remove();
    this.#standing = undefined;
  }
}
