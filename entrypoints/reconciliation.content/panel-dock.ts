import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { buildPanelHash } from '@/lib/panel-link';
import { identityKey, type ClaimIdentity } from '@/lib/claim-identity';
import { guarded } from './log';
import { panelIframe, PanelStandby } from './panel-standby';

/**
 * The panel docked on the right of the host page: the extension's `panel.html` in an iframe (its data
 * and IndexedDB stay in the extension's origin), framed by a resize handle and a close button inside an
 * open shadow root. One panel at a time; opening another claim replaces the iframe, so a panel page
 * only ever shows one claim: the one in its URL, or, for the page that stood by (`PanelStandby`), the
 * one the dock names to it once.
 *
 * While it is open the page's layout narrows by the panel's width (a margin on the page's root, in a
 * style sheet of ours, removed on close), so the page's columns are beside the panel rather than under
 * it, and the row being backfilled is scrolled into view beside it. A window too narrow to keep a
 * usable page beside the panel gets the panel over the page instead, as a drawer.
 *
 * The dock is a manual popover in the top layer: clip-path, mask, filter, opacity,
 * transform or overflow on the page's html and body no longer reach it, so the page cannot show our
 * Submit button while hiding what it confirms; and only the page's own top-layer elements (popovers,
 * dialogs, fullscreen) can be drawn over it, which the panel's visibility guard sees. Not modal: the
 * page beside it stays usable. The root stays open because the end-to-end tests reach the close button,
 * resize handle and iframe through it (Playwright does not pierce closed shadow roots). A hand-made
 * shadow host, as the row buttons have: WXT's `createShadowRootUi` would add 9 kB to a script that
 * runs on every page of the host.
 */

export const PANEL_DOCK_TAG = 'backfill-panel-dock';
/** The User Timing mark the page's timeline gets when a claim is opened in the dock. */
export const PANEL_OPEN_MARK = 'backfill:panel-open';

const MIN_WIDTH = 320;
/**
 * The panel's width until the user drags it: 40 % of the window, between 576 and 640 px (576 px at
 * 1280 and 1440, 640 at 1920). Wide enough for the grid's line, description, remaining, This claim
 * and % after columns without sideways scrolling; the page keeps the rest.
 */
const defaultWidth = () => Math.round(Math.min(640, Math.max(576, window.innerWidth * 0.4)));
const KEY_STEP = 16;
const KEY_STEP_LARGE = 64;
// The page stays visible and clickable to the left of the panel.
const PAGE_GUTTER = 40;
// Narrower than this beside the panel, a page is not worth reflowing: the panel goes over it instead.
const MIN_PAGE_WIDTH = 640;
// Room left between the row's button and the panel's edge when the row is scrolled beside it.
const REVEAL_GAP = 16;

const DOCK_CSS = `
:host { all: initial !important; }
.dock {
  /* The browser's popover defaults (centred, bordered, padded, scrolling, sized to content) undone. */
  position: fixed; inset: 0 0 0 auto; margin: 0; padding: 0; border: 0; overflow: visible;
  height: auto; max-height: none; min-width: min(${MIN_WIDTH}px, 100vw); max-width: calc(100vw - ${PAGE_GUTTER}px);
  flex-direction: column; box-sizing: border-box;
  background: #fff; color: #1d2733; border-left: 1px solid #c3cbd3; box-shadow: -4px 0 16px rgba(0, 0, 0, 0.18);
  font: 13px/1.4 system-ui, sans-serif;
  /* Inherited through the shadow host: a page hiding its html or body must not hide parts of the dock. */
  visibility: visible; pointer-events: auto;
}
/* Only while shown: an author display would otherwise override the hidden popover's display: none. */
.dock:popover-open { display: flex; }
.dock:focus { outline: none; }
/* Wholly outside the iframe: anything drawn over the panel page makes it count as covered (S7). */
.resize { position: absolute; top: 0; bottom: 0; left: -8px; width: 8px; cursor: ew-resize; touch-action: none; }
.resize:hover, .resize:focus-visible { background: rgba(11, 92, 173, 0.25); outline: none; }
.bar { display: flex; align-items: center; justify-content: space-between; padding: 4px 6px 4px 12px; border-bottom: 1px solid #d5dbe1; }
.title { font-weight: 600; }
.close { all: initial; cursor: pointer; font: 20px/1 system-ui, sans-serif; color: inherit; padding: 4px 8px; border-radius: 4px; }
.close:hover { background: #eef1f4; }
.close:focus-visible { outline: 2px solid #0b5cad; }
iframe { flex: 1; width: 100%; border: 0; }
.dragging iframe { pointer-events: none; }
`;

interface DockElements {
  dock: HTMLElement;
  handle: HTMLElement;
  iframe: HTMLIFrameElement;
}

// Keys pressed in the dock stay ours: page shortcuts must not fire while the user types or resizes.
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

export class PanelDock {
  /** The dock's shadow host, in the page while the panel is open. */
  #host: HTMLElement | undefined;
  readonly #sheet = new CSSStyleSheet();
  #claim: ClaimIdentity | undefined;
  #width = defaultWidth();
  /** The page's layout narrowed to make room for the panel; in the page's adopted style sheets while open. */
  readonly #room = new CSSStyleSheet();
  /** What `#room` holds now, so an unchanged room is not written again. */
  #roomCss = '';
  #elements: DockElements | undefined;
  /** The panel page loaded ahead of time, taken when a claim opens. */
  readonly #standby: PanelStandby;
  /** Iframes whose page has loaded: it stood by, or it loaded in the dock. */
  readonly #loaded = new WeakSet<HTMLIFrameElement>();

  constructor(
    ctx: ContentScriptContext,
    /**
     * The claim's row button (or backfilled note) as it is now, to show beside the panel and give focus
     * back to: the page may have re-rendered the row since, and our buttons move between rows.
     */
    private readonly rowTargetFor: (key: string) => HTMLElement | undefined,
  ) {
    // Not while a panel is open: loading another page then would slow the one the user is in.
    this.#standby = new PanelStandby(ctx, () => this.#elements === undefined);
    this.#sheet.replaceSync(DOCK_CSS);
    ctx.onInvalidated(() => this.#unmount());
    // A window resized while the panel is open may now have room for the page beside it, or not.
    ctx.addEventListener(
      window,
      'resize',
      guarded('Resizing the panel', () => {
        if (this.#elements?.dock.isConnected) this.#setWidth(this.#elements, this.#width);
      }),
    );
  }

  /** Opens the panel on `claim` (or switches it to that claim) and moves focus into it. */
  async open(claim: ClaimIdentity): Promise<void> {
    // When the user asked: `npm run bench` times the opening from here (the latest mark only).
    performance.clearMarks(PANEL_OPEN_MARK);
    performance.mark(PANEL_OPEN_MARK);
    // A page that rebuilds its whole document takes our dock with it: start again.
    if (this.#elements !== undefined && this.#host?.isConnected !== true) this.#unmount();
    // Taken out and put back, the dock is in the page again but no longer shown: show it.
    if (this.#elements !== undefined && !this.#elements.dock.matches(':popover-open')) this.#elements.dock.showPopover();
    const mounted = this.#elements;
    if (mounted === undefined) {
      this.#claim = claim;
      this.#mount(claim);
    } else if (this.#claim === undefined || identityKey(this.#claim) !== identityKey(claim)) {
      this.#claim = claim;
      const old = mounted.iframe;
      mounted.iframe = this.#placeIframe(mounted.dock, old, claim);
      old.remove();
    }
    this.#makeRoom();
    this.#revealRow(claim);
    const elements = this.#elements;
    if (elements === undefined) return;
    // A loaded page (one that stood by, or the claim's own, open already) takes the focus now. A new
    // one takes it once loaded; till then the dock holds it (a frame focused while it loads can miss
    // the focus of its page).
    if (this.#loaded.has(elements.iframe)) focusInto(elements.iframe);
    else elements.dock.focus();
  }

  /** Has a panel page load out of sight, ready for the next claim, once the page is idle and no panel is open. */
  prepare(): void {
    this.#standby.prepare();
  }

  /** The user is about to open `claim`: the panel page standing by, if any, starts reading it (none while a panel is open). */
  readAhead(claim: ClaimIdentity): void {
    if (this.#elements === undefined) this.#standby.readAhead(claim);
  }

  /** Closes the panel and gives focus back to the button of its claim. */
  async close(): Promise<void> {
    if (this.#elements === undefined || this.#claim === undefined) return;
    const key = identityKey(this.#claim);
    this.#unmount();
    this.#claim = undefined;
    this.#giveRoomBack();
    this.rowTargetFor(key)?.focus();
    // The next claim opens in a page loaded meanwhile.
    this.prepare();
  }

  /** Narrows the page by the panel's width, when the window leaves the page enough room beside it. */
  #makeRoom(): void {
    const fits = window.innerWidth - this.#width >= MIN_PAGE_WIDTH;
    // At least as wide as its widest unbreakable content (a wide table), so what does not fit beside
    // the panel is reached by scrolling instead of staying under it.
    const css = fits ? `html { margin-right: ${this.#width}px !important; min-width: min-content !important; }` : '';
    // Each change restyles the whole page: none when the window was resized and the room is the same.
    if (css !== this.#roomCss) this.#room.replaceSync(css);
    this.#roomCss = css;
    // The page may have replaced its adopted sheets since: add ours again where it is missing.
    if (!document.adoptedStyleSheets.includes(this.#room)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.#room];
  }

  #giveRoomBack(): void {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== this.#room);
  }

  /** Scrolls the claim's row into view, its button left of the panel (where the page can scroll that far). */
  #revealRow(claim: ClaimIdentity): void {
    const target = this.rowTargetFor(identityKey(claim));
    if (target === undefined) return;
    target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const panelLeft = window.innerWidth - this.#width;
    const right = target.getBoundingClientRect().right;
    if (right + REVEAL_GAP > panelLeft) window.scrollBy({ left: right + REVEAL_GAP - panelLeft });
  }

  #mount(claim: ClaimIdentity): void {
    const host = document.createElement(PANEL_DOCK_TAG);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [this.#sheet];
    // After <body>, so a page that transforms its body cannot drag our fixed panel along.
    document.documentElement.append(host);
    this.#host = host;
    this.#elements = this.#build(shadow, claim);
  }

  #unmount(): void {
    this.#host?.remove();
    this.#host = undefined;
    this.#elements = undefined;
  }

  #build(shadow: ShadowRoot, claim: ClaimIdentity): DockElements {
    const dock = document.createElement('div');
    dock.className = 'dock';
    dock.popover = 'manual'; // no light dismiss: clicks on the page beside it leave it open
    dock.tabIndex = -1; // holds the focus while the panel page loads
    dock.setAttribute('role', 'dialog');
    dock.setAttribute('aria-modal', 'false');
    dock.setAttribute('aria-label', 'Backfill');
    dock.style.width = `${this.#width}px`;

    const handle = document.createElement('div');
    handle.className = 'resize';
    handle.tabIndex = 0;
    handle.setAttribute('role', 'separator');
    handle.setAttribute('aria-orientation', 'vertical');
    handle.setAttribute('aria-label', 'Resize the Backfill panel');
    handle.setAttribute('aria-valuemin', String(MIN_WIDTH));

    const bar = document.createElement('div');
    bar.className = 'bar';
    const title = document.createElement('span');
    title.className = 'title';
    title.textContent = 'Backfill';
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'close';
    close.textContent = '\u00d7';
    close.setAttribute('aria-label', 'Close the Backfill panel');
    close.addEventListener('click', guarded('Closing the panel', () => void this.close()));
    bar.append(title, close);

    dock.append(handle, bar);
    shadow.append(dock);
    const iframe = this.#placeIframe(dock, null, claim);
    dock.showPopover();

    const elements = { dock, handle, iframe };
    this.#listenForResize(elements);
    for (const type of ISOLATED_EVENTS) dock.addEventListener(type, (event) => event.stopPropagation());
    dock.addEventListener(
      'keydown',
      guarded('Closing the panel', (event: KeyboardEvent) => {
        if (event.key === 'Escape') void this.close();
      }),
    );
    this.#setWidth(elements, this.#width);
    return elements;
  }

  /** The panel page standing by, opened on `claim`, or else a new one loading it; in `dock` before `before`. */
  #placeIframe(dock: HTMLElement, before: Node | null, claim: ClaimIdentity): HTMLIFrameElement {
    const standing = this.#standby.take(dock, before, claim);
    if (standing !== undefined) {
      this.#loaded.add(standing);
      return standing;
    }
    const iframe = panelIframe(buildPanelHash(claim));
    iframe.addEventListener(
      'load',
      guarded('Focusing the panel', () => {
        this.#loaded.add(iframe);
        // The dock held the focus while the page loaded (`open`): on into the page, unless the user moved on.
        if ((dock.getRootNode() as ShadowRoot).activeElement === dock) focusInto(iframe);
      }),
    );
    dock.insertBefore(iframe, before);
    return iframe;
  }

  #listenForResize(elements: DockElements): void {
    const { dock, handle } = elements;
    handle.addEventListener(
      'pointerdown',
      guarded('Resizing the panel', (event: PointerEvent) => {
        handle.setPointerCapture(event.pointerId);
        dock.classList.add('dragging');
      }),
    );
    handle.addEventListener(
      'pointermove',
      guarded('Resizing the panel', (event: PointerEvent) => {
        if (handle.hasPointerCapture(event.pointerId)) this.#setWidth(elements, window.innerWidth - event.clientX);
      }),
    );
    const endDrag = guarded('Resizing the panel', () => dock.classList.remove('dragging'));
    handle.addEventListener('lostpointercapture', endDrag);
    handle.addEventListener(
      'keydown',
      guarded('Resizing the panel', (event: KeyboardEvent) => {
        const step = event.shiftKey ? KEY_STEP_LARGE : KEY_STEP;
        // The handle is on the panel's left edge: moving it left makes the panel wider.
        const widths: Record<string, number> = {
          ArrowLeft: this.#width + step,
          ArrowRight: this.#width - step,
          Home: MIN_WIDTH,
          End: this.#maxWidth(),
        };
        const width = widths[event.key];
        if (width === undefined) return;
        event.preventDefault();
        this.#setWidth(elements, width);
      }),
    );
  }

  #maxWidth(): number {
    return Math.max(MIN_WIDTH, window.innerWidth - PAGE_GUTTER);
  }

  #setWidth({ dock, handle }: DockElements, width: number): void {
    this.#width = Math.round(Math.min(this.#maxWidth(), Math.max(MIN_WIDTH, width)));
    dock.style.width = `${this.#width}px`;
    if (dock.isConnected) this.#makeRoom();
    handle.setAttribute('aria-valuemax', String(this.#maxWidth()));
    handle.setAttribute('aria-valuenow', String(this.#width));
    handle.setAttribute('aria-valuetext', `${this.#width} pixels wide`);
  }
}

/** Moves the focus into the panel page, a loaded one. */
function focusInto(iframe: HTMLIFrameElement): void {
  iframe.focus();
  iframe.contentWindow?.focus();
}
