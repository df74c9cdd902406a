import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendHtml } from '../http';
import { contractRoomPage } from '../pages/contract-room';
import { contractsPage } from '../pages/contracts';
import { problemPage } from '../pages/problem';
import { readReconciliationQuery, reconciliationPage } from '../pages/reconciliation';
import type { Store } from '../store';
import { findContract, findSov } from '../views';
import { matchPath } from './match';

/** The server-rendered pages: `/`, `/contracts`, `/contracts/<id>`. */
export function createPages(store: Store) {
  return function handlePage(req: IncomingMessage, res: ServerResponse, segments: string[], query: URLSearchParams): void {
    const state = store.state;
    // A fresh nonce per response: the CSP lets only the script carrying it run.
    const nonce = randomBytes(16).toString('base64');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendHtml(res, 405, problemPage(state, 'Method not allowed', 'Pages can only be read.'), nonce, { Allow: 'GET, HEAD' });
      return;
    }
    if (segments.length === 0) {
      sendHtml(res, 200, reconciliationPage(state, readReconciliationQuery(query), nonce), nonce);
      return;
    }
    if (matchPath(['contracts'], segments)) {
      sendHtml(res, 200, contractsPage(state), nonce);
      return;
    }
    const [contractId] = matchPath(['contracts', ':id'], segments) ?? [];
    const contract = contractId === undefined ? undefined : findContract(state, contractId);
    const sov = contract && findSov(state, contract.id);
    if (contract && sov) {
      sendHtml(res, 200, contractRoomPage(state, contract, sov), nonce);
      return;
    }
    sendHtml(res, 404, problemPage(state, 'Page not found', 'There is nothing at this address.'), nonce);
  };
}
