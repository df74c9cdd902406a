import type { IncomingMessage } from 'node:http';
import { validateBackfill } from '../../lib/backfill';
import { BackfillRequestSchema, BackfillSchema, type Backfill, type BackfillRequest } from '../../lib/schemas';
import { sovAfterBackfill } from '../apply';
import { requestFingerprint } from '../fingerprint';
import { errorReply, jsonReply, readBody, type Reply } from '../http';
import type { State } from '../model';
import type { Store } from '../store';
import { findBackfill, findClaim, findSov } from '../views';

// 20,000 lines (the schema's maximum) of about 60 bytes each, with room to spare.
const MAX_BODY_BYTES = 4 * 1024 * 1024;
// Visible ASCII, as Stripe-style keys (UUIDs, ULIDs) are.
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/** The request schema plus one rule of our own: one amount per SOV line. */
const SubmissionSchema = BackfillRequestSchema.superRefine((request, ctx) => {
  const seen = new Set<string>();
  request.lines.forEach((line, index) => {
    if (seen.has(line.sovLineId)) {
      ctx.addIssue({ code: 'custom', path: ['lines', index, 'sovLineId'], message: `SOV line ${line.sovLineId} appears more than once; send one amount per line.` });
    }
    seen.add(line.sovLineId);
  });
});

export interface SubmitContext {
  claimId: string;
  req: IncomingMessage;
  /** Registers what to do once the response has been written (or dropped), whatever happened. */
  onSettled(callback: () => void): void;
}

/**
 * `POST /api/claims/<id>/backfill`, with Stripe's idempotency rules: a committed
 * backfill is stored with its key and request fingerprint; the same key and body replays it (200),
 * the same key with another body is refused (422), a key whose request has not been answered yet gets
 * 409, and a claim backfilled under another key gets 409 CLAIM_ALREADY_BACKFILLED. Refusals are not
 * stored against the key, so a corrected request may reuse it.
 */
export function createBackfillSubmitter(store: Store, { dropAfterCommit }: { dropAfterCommit: boolean }) {
  const inFlight = new Set<string>();

  return async function submit({ claimId, req, onSettled }: SubmitContext): Promise<Reply> {
    if (!findClaim(store.state, claimId)) return errorReply(404, `There is no claim ${claimId}.`);
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      return errorReply(400, 'Send an Idempotency-Key header (1 to 200 visible ASCII characters) with every backfill.', { rule: 'IDEMPOTENCY_KEY_REQUIRED' });
    }
    const body = await readBody(req, MAX_BODY_BYTES);
    if (!body.ok) return errorReply(413, 'The body is larger than 4 MB.');
    let json: unknown;
    try {
      json = JSON.parse(body.text);
    } catch {
      return errorReply(400, 'The body is not JSON.');
    }
    const parsed = SubmissionSchema.safeParse(json);
    if (!parsed.success) return errorReply(400, 'The body is not a backfill request: { lines: [{ sovLineId, amount }] }.', { issues: parsed.error.issues });

    if (inFlight.has(key)) {
      return errorReply(409, 'A request with this Idempotency-Key is still being processed; ask again shortly.', { rule: 'IDEMPOTENCY_KEY_IN_FLIGHT' });
    }
    // The key stays in flight until its response is written or dropped, after any latency.
    inFlight.add(key);
    onSettled(() => inFlight.delete(key));

    const reply = await store.transact((state) => decide(state, claimId, key, parsed.data));
    return reply.status === 201 && dropAfterCommit ? { ...reply, drop: true } : reply;
  };
}

function decide(state: State, claimId: string, key: string, request: BackfillRequest): { next?: State; result: Reply } {
  const fingerprint = requestFingerprint(request);
  const byKey = state.backfills.find((stored) => stored.backfill.idempotencyKey === key);
  if (byKey) {
    // The same request is the same claim and the same body: a key used for another claim is refused too.
    const result =
      byKey.backfill.claimId === claimId && byKey.fingerprint === fingerprint
        ? jsonReply(200, BackfillSchema, byKey.backfill)
        : errorReply(422, 'This Idempotency-Key was already used with a different request.', { rule: 'IDEMPOTENCY_KEY_REUSED' });
    return { result };
  }
  if (findBackfill(state, claimId)) {
    return { result: errorReply(409, `Claim ${claimId} has already been backfilled; a claim is never backfilled twice.`, { rule: 'CLAIM_ALREADY_BACKFILLED' }) };
  }

  const claim = findClaim(state, claimId)!;
  const sov = findSov(state, claim.contractId);
  if (!sov) throw new Error(`The data has no SOV for contract ${claim.contractId}.`);
  const allocations = Object.fromEntries(request.lines.map((line) => [line.sovLineId, line.amount]));
  const validation = validateBackfill({ claim, sov, allocations, backfilledClaimIds: state.backfills.map((stored) => stored.backfill.claimId) });
  if (!validation.canSubmit) {
    const first = validation.issues.find((issue) => issue.severity !== 'warning');
    return { result: errorReply(422, `The backfill breaks the rules: ${first?.message ?? 'see issues'}`, { issues: validation.issues }) };
  }

  const backfill: Backfill = {
    id: `BF-${claimId}`,
    claimId,
    contractId: claim.contractId,
    idempotencyKey: key,
    lines: request.lines,
    ...(request.header ? { header: request.header } : {}),
    total: claim.total,
    status: 'Synced and Approved',
    createdAt: new Date().toISOString(),
  };
  const next: State = {
    ...state,
    sovs: state.sovs.map((candidate) => (candidate === sov ? sovAfterBackfill(sov, allocations) : candidate)),
    backfills: [...state.backfills, { backfill, fingerprint }],
  };
  return { next, result: jsonReply(201, BackfillSchema, backfill) };
}
