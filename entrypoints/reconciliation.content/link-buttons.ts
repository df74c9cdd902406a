import type { ClaimIdentity } from '@/lib/claim-identity';
import type { DraftMark } from '@/lib/draft-marks-reply';

/**
 * The "Link Progress Claim" buttons beside mismatched reconciliation rows. Each sits in its own open
 * shadow root inside the row's last cell: page CSS cannot restyle it and ours cannot leak, and the
 * table keeps its column count. Hand-made hosts rather than `createShadowRootUi`, because a page can
 * have hundreds of them and they must appear synchronously within one scan.
 *
 * A row also says where its claim stands with us: a badge beside the button for a draft (the button's
 * description, so its name stays "Link Progress Claim"), and, once the claim is backfilled but the
 * page still shows the old amounts, a note in place of the button.
 */

export const LINK_BUTTON_TAG = 'backfill-link-claim';
export const LINK_BUTTON_LABEL = 'Link Progress Claim';
export const BACKFILLED_NOTE = 'Backfilled \u2014 refresh to see it';

// `:host` rules marked !important beat the page's own !important rules on our host element.
const BUTTON_CSS = `
:host { all: initial !important; display: inline-block !important; margin-inline-start: 8px !important; vertical-align: middle !important; }
button {
  all: initial; box-sizing: border-box; cursor: pointer; white-space: nowrap;
  font: 500 12px/1.2 system-ui, sans-serif; color: #fff; background: #0b5cad;
  border: 1px solid #084a8c; border-radius: 4px; padding: 3px 8px;
}
button:hover { background: #084a8c; }
button:focus-visible, .backfilled:focus-visible { outline: 2px solid #f29d0c; outline-offset: 2px; }
/* Wrapped when the page's column is narrow (the dock open): a guest never widens the host's table. */
.badge, .backfilled { all: initial; display: inline-block; vertical-align: middle; font: 500 11px/1.2 system-ui, sans-serif; border-radius: 4px; padding: 2px 6px; }
.badge { margin-inline-start: 6px; color: #5c3d00; background: #fff1cc; border: 1px solid #e0b54c; }
.backfilled { color: #0f5132; background: #d8f3e3; border: 1px solid #7cc49c; }
[hidden] { display: none !important; }
`;

/** The badge beside a row's button for its draft, or null for none. */
function draftBadge(mark: DraftMark | undefined): string | null {
  if (mark === undefined) return null;
  if (mark.state === 'submitting') return 'Submitting';
  if (mark.state === 'prepared') return 'Prepared in the workbench';
  if (mark.state === 'draft') return mark.percent === null ? 'Draft' : `Draft ${mark.percent}%`;
  return null;
}

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

/** How long the pointer rests on a button, rather than passing over it on its way elsewhere, before its claim is read ahead. */
const HOVER_INTENT_MS = 80;

interface LinkButton {
  host: HTMLElement;
  button: HTMLButtonElement;
  row: Element;
  claim: ClaimIdentity;
  /** `identityKey(claim)`. */
  key: string;
  seen: boolean;
  /** The draft badge, made the first time this button has one. */
  badge?: HTMLElement;
  /** The backfilled note, made the first time this row shows it. */
  note?: HTMLElement;
  /** What it shows now: the badge text (null: none), or that the claim is backfilled. */
  shows: string | null | typeof BACKFILLED_NOTE;
}

export class LinkButtons {
  readonly #byRow = new WeakMap<Element, LinkButton>();
  readonly #byHost = new WeakMap<Element, LinkButton>();
  readonly #live = new Set<LinkButton>();
  /** Buttons whose host left the document since the last scan: reused before new ones are built. */
  #spare: LinkButton[] = [];
  readonly #sheet: CSSStyleSheet;
  /** Draft marks by claim key, from the extension's storage. */
  #marks: ReadonlyMap<string, DraftMark> = new Map();

  /** The button the pointer rests on, and the timer that reads its claim ahead. */
  #hover: { link: LinkButton; timer: ReturnType<typeof setTimeout> } | undefined;

  constructor(
    private readonly document: Document,
    private readonly onLink: (claim: ClaimIdentity) => void,
    /** The user is about to link `claim`: the pointer rests on its button, or presses it (`onLink` follows on the click). */
    private readonly onIntent: (claim: ClaimIdentity) => void = () => {},
  ) {
    this.#sheet = new (document.defaultView ?? window).CSSStyleSheet();
    this.#sheet.replaceSync(BUTTON_CSS);
  }

  /**
   * One listener for all buttons, rather than several per button: placing hundreds of buttons stays
   * cheap. Our shadow roots are open, so their hosts are on the path of events from our buttons.
   */
  readonly handlePageEvent = (event: Event): void => {
    const link = this.#linkOf(event);
    if (link === undefined) return;
    event.stopImmediatePropagation();
    // Only a real click opens the panel; a page script cannot press our button for the user (S7).
    if (!event.isTrusted || link.shows === BACKFILLED_NOTE) return;
    if (event.type === 'pointerdown') this.onIntent(link.claim);
    if (event.type === 'click') this.onLink(link.claim);
  };

  /**
   * A pointer moving over the page (`pointerover`, left to the page too: a row's hover highlight keeps
   * working): resting on a button, its claim is read ahead.
   */
  readonly handleHover = (event: Event): void => {
    const link = event.isTrusted ? this.#linkOf(event) : undefined;
    if (link !== undefined && link === this.#hover?.link) return;
    clearTimeout(this.#hover?.timer);
    this.#hover = undefined;
    if (link === undefined || link.shows === BACKFILLED_NOTE) return;
    const timer = setTimeout(() => {
      this.#hover = undefined;
      if (this.#live.has(link) && link.host.isConnected) this.onIntent(link.claim);
    }, HOVER_INTENT_MS);
    this.#hover = { link, timer };
  };

  /** Our button an event came from (its host is on the event's path), if any. */
  #linkOf(event: Event): LinkButton | undefined {
    for (const target of event.composedPath()) {
      const link = target instanceof Element ? this.#byHost.get(target) : undefined;
      if (link !== undefined) return link;
    }
    return undefined;
  }

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

  /**
   * Ensures exactly one button for `row`, inside `cell`, linking `claim` (whose `identityKey` is `key`);
   * `backfilled` shows the note in its place.
   */
  place(row: Element, cell: Element, claim: ClaimIdentity, key: string, backfilled: boolean): void {
    let link = this.#byRow.get(row);
    if (link === undefined || link.row !== row || !this.#live.has(link)) {
      link = this.#takeSpare() ?? this.#create(row, claim, key);
      link.row = row;
      this.#byRow.set(row, link);
      this.#live.add(link);
    }
    link.claim = claim;
    link.key = key;
    link.seen = true;
    this.#show(link, backfilled);
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

  /** Shows the claim (by `identityKey`) backfilled on its rows at once, without waiting for a scan. */
  showBackfilled(key: string): void {
    for (const link of this.#live) if (link.key === key) this.#show(link, true);
  }

  /** Shows each row's draft mark (by claim key): a badge, or backfilled for a claim submitted elsewhere. */
  setMarks(marks: ReadonlyMap<string, DraftMark>): void {
    this.#marks = marks;
    for (const link of this.#live) this.#show(link, link.shows === BACKFILLED_NOTE);
  }

  /** The claims of the rows with a button now, by `identityKey`. */
  claims(): Map<string, ClaimIdentity> {
    return new Map([...this.#live].map((link) => [link.key, link.claim]));
  }

  /**
   * What to give focus back to when the panel of a claim (by `identityKey`) closes, and to scroll into
   * view when it opens: its connected button, or the note that it is backfilled.
   */
  focusTargetFor(key: string): HTMLElement | undefined {
    for (const link of this.#live) {
      if (link.key === key && link.host.isConnected) return link.shows === BACKFILLED_NOTE ? link.note : link.button;
    }
    return undefined;
  }

  /** True when some of our buttons are no longer in the page (cheap: one count, no walk over them). */
  anyRemoved(): boolean {
    return this.document.getElementsByTagName(LINK_BUTTON_TAG).length < this.#live.size;
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

  #create(row: Element, claim: ClaimIdentity, key: string): LinkButton {
    const host = this.document.createElement(LINK_BUTTON_TAG);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [this.#sheet];
    const button = this.document.createElement('button');
    button.type = 'button';
    button.textContent = LINK_BUTTON_LABEL;
    shadow.append(button);
    const link: LinkButton = { host, button, row, claim, key, seen: false, shows: null };
    this.#byHost.set(host, link);
    return link;
  }

  /** Shows the badge of the link's claim, or the backfilled note (also for a claim submitted elsewhere). */
  #show(link: LinkButton, backfilled: boolean): void {
    const mark = this.#marks.get(link.key);
    const shows = backfilled || mark?.state === 'submitted' ? BACKFILLED_NOTE : draftBadge(mark);
    if (shows === link.shows) return;
    link.shows = shows;
    const shadow = link.host.shadowRoot!;
    link.button.hidden = shows === BACKFILLED_NOTE;
    if (shows === BACKFILLED_NOTE) {
      link.note ??= this.#element(shadow, 'backfilled', BACKFILLED_NOTE);
      // Focus comes back here when the panel closes; a status, so screen readers hear it change.
      link.note.tabIndex = -1;
      link.note.setAttribute('role', 'status');
    }
    if (shows !== null && shows !== BACKFILLED_NOTE) {
      link.badge ??= this.#element(shadow, 'badge', '');
      link.badge.textContent = shows;
      link.badge.id = 'draft';
      link.button.setAttribute('aria-describedby', 'draft');
    } else {
      link.button.removeAttribute('aria-describedby');
    }
    if (link.badge) link.badge.hidden = shows === null || shows === BACKFILLED_NOTE;
    if (link.note) link.note.hidden = shows !== BACKFILLED_NOTE;
  }

  #element(shadow: ShadowRoot, className: string, text: string): HTMLElement {
    const element = this.document.createElement('span');
    element.className = className;
    element.textContent = text;
    shadow.append(element);
    return element;
  }

  #remove(link: LinkButton): void {
    link.host.remove();
    this.#live.delete(link);
    this.#byHost.delete(link.host);
  }
}
