import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { MAX_CLAIM_CANDIDATES } from '../../lib/host/host-adapter';
import { BackfillSchema, HostClaimSchema, ReconciliationRowSchema, SovSchema } from '../../lib/schemas';
import type { Faults } from '../faults';
import { errorReply, jsonReply, methodNotAllowed, sendJson, type Reply } from '../http';
import { ContractSchema } from '../model';
import type { Store } from '../store';
import { findBackfill, findClaim, findSov, hostClaim, lookUpClaims, reconciliationRows } from '../views';
import { createBackfillSubmitter } from './backfill';
import { matchPath } from './match';

type Method = 'GET' | 'POST';

const LookupTextSchema = z.string().trim().min(1).max(500);

/** `?contract=&invoice=` or `?vendor=&invoice=[&date=]`, nothing else (see `ClaimLookup`). */
const ClaimLookupQuerySchema = z.union([
  z.strictObject({ contract: LookupTextSchema, invoice: LookupTextSchema }),
  z.strictObject({ vendor: LookupTextSchema, invoice: LookupTextSchema, date: z.iso.date().optional() }),
]);
type Handler = (params: string[], req: IncomingMessage, onSettled: (callback: () => void) => void) => Reply | Promise<Reply>;

interface Route {
  path: string[];
  methods: Partial<Record<Method, Handler>>;
}

/**
 * The JSON API under `/api/` (see sandbox/README.md). Every body is checked against the shared
 * schemas before it is sent; fault switches apply here and only here.
 */
export function createApi(store: Store, { faults, dropAfterCommit }: { faults: Faults; dropAfterCommit: boolean }) {
  const submit = createBackfillSubmitter(store, { dropAfterCommit });

  const routes: Route[] = [
    { path: ['reconciliation'], methods: { GET: () => jsonReply(200, z.array(ReconciliationRowSchema), reconciliationRows(store.state)) } },
    { path: ['contracts'], methods: { GET: () => jsonReply(200, z.array(ContractSchema), store.state.contracts) } },
    {
      path: ['contracts', ':id', 'sov'],
      methods: {
        GET: ([contractId]) => {
          const sov = findSov(store.state, contractId!);
          return sov ? jsonReply(200, SovSchema, sov) : errorReply(404, `There is no contract ${contractId}.`);
        },
      },
    },
    {
      path: ['claims'],
      methods: {
        GET: (_, req) => {
          const query = ClaimLookupQuerySchema.safeParse(Object.fromEntries(new URL(req.url ?? '/', 'http://sandbox').searchParams));
          if (!query.success) return errorReply(400, 'Look claims up by contract and invoice, or by vendor and invoice (and date).', { issues: query.error.issues });
          const rows = lookUpClaims(store.state, query.data);
          return jsonReply(200, z.array(ReconciliationRowSchema).max(MAX_CLAIM_CANDIDATES), rows.slice(0, MAX_CLAIM_CANDIDATES));
        },
      },
    },
    {
      path: ['claims', ':id'],
      methods: {
        GET: ([claimId]) => {
          const claim = findClaim(store.state, claimId!);
          return claim ? jsonReply(200, HostClaimSchema, hostClaim(store.state, claim)) : errorReply(404, `There is no claim ${claimId}.`);
        },
      },
    },
    {
      path: ['claims', ':id', 'backfill'],
      methods: {
        GET: ([claimId]) => {
          if (!findClaim(store.state, claimId!)) return errorReply(404, `There is no claim ${claimId}.`);
          const stored = findBackfill(store.state, claimId!);
          return stored ? jsonReply(200, BackfillSchema, stored.backfill) : errorReply(404, `Claim ${claimId} has no backfill.`);
        },
        POST: ([claimId], req, onSettled) => submit({ claimId: claimId!, req, onSettled }),
      },
    },
  ];

  function decide(segments: string[], req: IncomingMessage, onSettled: (callback: () => void) => void): Reply | Promise<Reply> {
    if (faults.shouldFail()) return errorReply(500, 'The sandbox failed this request on purpose (--fail-rate).');
    for (const route of routes) {
      const params = matchPath(route.path, segments);
      if (params === null) continue;
      // HEAD is a GET whose body Node leaves out.
      const method = req.method === 'HEAD' ? 'GET' : req.method;
      const handler = route.methods[method as Method];
      if (handler) return handler(params, req, onSettled);
      const allowed = Object.keys(route.methods);
      return methodNotAllowed(allowed.includes('GET') ? [...allowed, 'HEAD'] : allowed);
    }
    return errorReply(404, `There is no API endpoint /api/${segments.join('/')}.`);
  }

  /** Answers one API request; `segments` is the path after `/api`. */
  return async function handleApi(req: IncomingMessage, res: ServerResponse, segments: string[]): Promise<void> {
    const settled: Array<() => void> = [];
    try {
      const reply = await decide(segments, req, (callback) => settled.push(callback));
      await faults.delay();
      if (reply.drop) req.socket.destroy();
      else sendJson(res, reply);
    } finally {
      for (const callback of settled) callback();
    }
  };
}
