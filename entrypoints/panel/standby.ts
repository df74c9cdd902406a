import { readStandbyOpen } from '@/lib/panel-link-reader';

/**
 * Waits, in a panel page loaded ahead of time under `token`, until the dock names the claim to open;
 * then the page's fragment becomes the claim's, as if it had been opened on it. Only a message from the
 * embedding window carrying the token counts: the page embedding us never sees the token.
 */
export function waitForClaim(token: string): Promise<void> {
  return new Promise((resolve) => {
    const listen = (event: MessageEvent) => {
      if (event.source !== window.parent) return;
      const hash = readStandbyOpen(event.data, token);
      if (hash === null) return;
      removeEventListener('message', listen);
      history.replaceState(null, '', `#${hash}`);
      resolve();
    };
    addEventListener('message', listen);
  });
}
