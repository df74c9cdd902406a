export const RELOAD_NOTICE_TAG = 'backfill-reload-notice';

const STYLE = `:host { all: initial; position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; }
div { font: 13px/1.4 system-ui, sans-serif; color: #1f2328; background: #fff5e0; border: 1px solid #d4a72c; border-radius: 8px; padding: 10px 12px; max-width: 340px; box-shadow: 0 2px 8px rgb(0 0 0 / 0.2); }
button { font: inherit; margin-left: 8px; padding: 3px 10px; border-radius: 6px; border: 1px solid #8c6d1f; background: #fff; cursor: pointer; }`;

/**
 * Once the extension is updated, reloaded or turned off, this script is cut off from it and its
 * buttons are gone: it says so, once, in a shadow root of its own, and offers to reload the page, which
 * brings the new version (D8). Never shown for a newer copy of this script taking over.
 */
export function showReloadNotice(document: Document): void {
  if (document.getElementsByTagName(RELOAD_NOTICE_TAG).length > 0) return;
  const host = document.createElement(RELOAD_NOTICE_TAG);
  const root = host.attachShadow({ mode: 'open' }); // nothing of the user's in it
  // A constructed sheet, as the buttons and the dock have: no <style> element for the page's CSP to judge.
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(STYLE);
  root.adoptedStyleSheets = [sheet];
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.textContent = 'Backfill was updated or restarted. Reload this page to link progress claims again; saved drafts are kept.';
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.textContent = 'Reload page';
  reload.addEventListener('click', () => location.reload());
  box.append(reload);
  root.append(box);
  document.documentElement.append(host);
}
