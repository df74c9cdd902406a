import { readStandbyMessage } from '@/lib/panel-link-reader';

/**
 * Waits, in a panel page loaded ahead of time under `token`, until the dock names the claim to open;
 * then the page's fragment becomes the claim's (`buildPanelHash`, given back), as if it had been
 * opened on it. Meanwhile the dock may name a claim the user is about to open: `readAhead` hears its
 * fragment. Only a message from the embedding window carrying the token counts: the page embedding us
 * never sees the token.
 */
export function waitForClaim(token: string, readAhead: (hash: string) => void): Promise<string> {
  return new Promise((resolve) => {
    const listen = (event: MessageEvent) => {
      if (event.source !== window.parent) return;
      const request = readStandbyMessage(event.data, token);
      if (request === null) return;
      if (!request.open) {
        readAhead(request.hash);
        return;
      }
      removeEventListener('message', listen);
      history.replaceState(null, '', `#${request.hash}`);
      resolve(request.hash);
    };
    addEventListener('message', listen);
  });
}
