import { identityKey, type ClaimIdentity } from '@/lib/claim-identity';

/**
 * The "Link Progress Claim" buttons beside mismatched reconciliation rows. Each sits in its own open
 * shadow root inside the row's last cell: page CSS cannot restyle it and ours cannot leak, and the
 * table keeps its column count. Hand-made hosts rather than `createShadowRootUi`, because a page can
 * have hundreds of them and they must appear synchronously within one scan.
 */

export const LINK_BUTTON_TAG = 'backfill-link-claim';
export const LINK_BUTTON_LABEL = 'Link Progress Claim';

// `:host` rules marked !important beat the page's own !important rules on our host element.
const BUTTON_CSS = `
:host { all: initial !important; display: inline-block !important; margin-inline-start: 8px !important; vertical-align: middle !important; }
button {
  all: initial; box-sizing: border-box; cursor: pointer; white-space: nowrap;
  font: 500 12px/1.2 system-ui, sans-serif; color: #fff; background: #0b5cad;
  border: 1px solid #084a8c; border-radius: 4px; padding: 3px 8px;
}
button:hover { background: #084a8c; }
button:focus-visible { outline: 2px solid #f29d0c; outline-offset: 2px; }
`;

/**
 * Events on our buttons that the page must not also act on (row handlers that open details or
 * select the row, keyboard shortcuts). `handlePageEvent` is meant to listen for these on `window` in
 * the capture phase, registered before any page script: it sees them first and stops them there.
 */
export const LINK_BUTTON_EVENTS = [
  'click',
  'dblclick',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'keydown',
  'keyup',
  'keypress',
] as const;

interface LinkButton {
  host: HTMLElement;
  button: HTMLButtonElement;
  row: Element;
  claim: ClaimIdentity;
  seen: boolean;
}

export class LinkButtons {
  readonly #byRow = new WeakMap<Element, LinkButton>();
  readonly #byHost = new WeakMap<Element, LinkButton>();
  readonly #live = new Set<LinkButton>();
  /** Buttons whose host left the document since the last scan: reused before new ones are built. */
  #spare: LinkButton[] = [];
  readonly #sheet: CSSStyleSheet;

  constructor(
    private readonly document: Document,
    private readonly onLink: (claim: ClaimIdentity) => void,
  ) {
    this.#sheet = new (document.defaultView ?? window).CSSStyleSheet();
    this.#sheet.replaceSync(BUTTON_CSS);
  }

  /**
   * One listener for all buttons, rather than several per button: placing hundreds of buttons stays
   * cheap. Our shadow roots are open, so their hosts are on the path of events from our buttons.
   */
  readonly handlePageEvent = (event: Event): void => {
    let link: LinkButton | undefined;
    for (const target of event.composedPath()) {
      link = target instanceof Element ? this.#byHost.get(target) : undefined;
      if (link !== undefined) break;
    }
    if (link === undefined) return;
    event.stopImmediatePropagation();
    // Only a real click opens the panel; a page script cannot press our button for the user (S7).
    if (event.type === 'click' && event.isTrusted) this.onLink(link.claim);
  };

  /** Starts a scan: buttons not placed again before `endScan` are removed. */
  beginScan(): void {
    this.#spare = [];
    for (const link of this.#live) {
      link.seen = false;
      // Its row was removed or re-rendered. When a page rebuilds all its rows, moving these hosts
      // into the new rows is much cheaper than building hundreds of shadow roots again.
      if (!link.host.isConnected) this.#spare.push(link);
    }
  }

  /** Ensures exactly one button for `row`, inside `cell`, linking `claim`. */
  place(row: Element, cell: Element, claim: ClaimIdentity): void {
    let link = this.#byRow.get(row);
    if (link === undefined || link.row !== row || !this.#live.has(link)) {
      link = this.#takeSpare() ?? this.#create(row, claim);
      link.row = row;
      this.#byRow.set(row, link);
      this.#live.add(link);
    }
    link.claim = claim;
    link.seen = true;
    // The page re-rendered the cell (dropping our host) or the row has a new last cell: put it back.
    // Only when it is elsewhere, so we never fight a page that reorders the cell's children.
    if (link.host.parentNode !== cell) cell.append(link.host);
  }

  /** Ends a scan: removes buttons whose row is gone or matched, and copies made when the page cloned a row. */
  endScan(): void {
    for (const link of this.#live) if (!link.seen) this.#remove(link);
    const hosts = this.document.getElementsByTagName(LINK_BUTTON_TAG);
    if (hosts.length === this.#live.size) return;
    const strays = [...hosts].filter((host) => !this.#byHost.has(host));
    for (const stray of strays) stray.remove();
  }

  /** Removes the buttons of one claim (by `identityKey`) at once, without waiting for a scan. */
  removeClaim(key: string): void {
    for (const link of this.#live) if (identityKey(link.claim) === key) this.#remove(link);
  }

  /** The connected button of a claim (by `identityKey`), to give focus back to when the panel closes. */
  buttonFor(key: string): HTMLButtonElement | undefined {
    for (const link of this.#live) if (identityKey(link.claim) === key && link.host.isConnected) return link.button;
    return undefined;
  }

  removeAll(): void {
    for (const link of this.#live) this.#remove(link);
  }

  get count(): number {
    return this.#live.size;
  }

  // A spare not yet placed again in this scan (its own row may have claimed it back already).
  #takeSpare(): LinkButton | undefined {
    for (let link = this.#spare.pop(); link !== undefined; link = this.#spare.pop()) {
      if (!link.seen && this.#live.has(link)) return link;
    }
    return undefined;
  }

  #create(row: Element, claim: ClaimIdentity): LinkButton {
    const host = this.document.createElement(LINK_BUTTON_TAG);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [this.#sheet];
    const button = this.document.createElement('button');
    button.type = 'button';
    button.textContent = LINK_BUTTON_LABEL;
    shadow.append(button);
    const link: LinkButton = { host, button, row, claim, seen: false };
    this.#byHost.set(host, link);
    return link;
  }

  #remove(link: LinkButton): void {
    link.host.remove();
    this.#live.delete(link);
    this.#byHost.delete(link.host);
  }
}
