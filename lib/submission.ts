import { centsOfAmount, moneyOfCents } from './cents';
import { HostResponseError, HostUnavailableError, type HostAdapter } from './host/host-adapter';
import type { Allocations, Backfill, BackfillRequest, ClaimHeader, HostError, Submission } from './schemas';

/** Where a claim's submission state is kept; `save` must be durable (strict) before it resolves. */
export interface SubmissionStore {
  load(claimId: string): Promise<Submission>;
  save(claimId: string, submission: Submission): Promise<void>;
}

export interface SubmitDependencies {
  host: HostAdapter;
  store: SubmissionStore;
  newKey: () => string;
  now: () => string;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  /** Attempts before giving up for now; the state stays `submitting` and a retry resumes it. */
  maxAttempts?: number;
  onProgress?: (submission: Submission) => void;
}

export type SubmitResult =
  | { outcome: 'submitted'; backfill: Backfill }
  /** The host refused and created nothing: the draft is back to ready. */
  | { outcome: 'refused'; error: HostError }
  /** Someone else's backfill holds the claim: the draft is back to ready and can never be sent. */
  | { outcome: 'backfilled-elsewhere' }
  /** Still unknown after every attempt: the key is kept and a retry resumes with it. */
  | { outcome: 'unconfirmed'; message: string };

const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 8_000;

/** Capped exponential back-off with full jitter, so retrying tabs do not hammer the host together. */
export function backoffDelay(attempt: number, random: () => number): number {
  return Math.floor(random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt));
}

/** The body of a backfill: every line with a non-zero amount, in canonical money, and the header. */
export function buildBackfillRequest(allocations: Allocations, header?: ClaimHeader): BackfillRequest {
  const lines: BackfillRequest['lines'] = [];
  for (const [sovLineId, value] of Object.entries(allocations)) {
    if (value === '') continue;
    const cents = centsOfAmount(value);
    if (cents !== 0) lines.push({ sovLineId, amount: moneyOfCents(cents) });
  }
  return header ? { lines, header } : { lines };
}

/**
 * The one canonical JSON of a backfill request, what makes two requests "the same": its lines in order
 * as `[sovLineId, amount]` pairs, then its header as `[number, title, payPeriod]` (or `null`). Key
 * order and whitespace of the body as sent do not matter. Both ends hash these bytes: the client's
 * idempotency fingerprint (`payloadHash`, stored with a submission) and the host sandbox's record of
 * the request a key was used with, so the format must not change while stored submissions use it.
 */
export function canonicalBackfillRequest(request: BackfillRequest): string {
  const header = request.header ? [request.header.number, request.header.title, request.header.payPeriod] : null;
  return JSON.stringify([request.lines.map((line) => [line.sovLineId, line.amount]), header]);
}

/** SHA-256 (hex) of `canonicalBackfillRequest`: tells a retried body from a changed one. */
export async function payloadHash(request: BackfillRequest): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalBackfillRequest(request));
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Submits a claim's backfill exactly once (Stripe-style idempotency keys): `ready → submitting → submitted`.
 * The idempotency key and body are stored before the first request and reused on every retry. After
 * an unknown outcome (or when resuming a `submitting` state after a reload) the claim is re-read from
 * the host first; if the host already holds our backfill, nothing is resent.
 */
export async function submitBackfill(deps: SubmitDependencies, claimId: string, request: BackfillRequest): Promise<SubmitResult> {
  const { host, store } = deps;
  const maxAttempts = deps.maxAttempts ?? 5;
  let submission = await store.load(claimId);
  if (submission.state === 'submitted') return { outcome: 'submitted', backfill: submission.backfill };

  // A stored `submitting` state means an earlier attempt may have reached the host.
  let outcomeUnknown = submission.state === 'submitting';
  if (submission.state === 'ready') {
    submission = {
      state: 'submitting',
      idempotencyKey: deps.newKey(),
      lines: request.lines,
      ...(request.header ? { header: request.header } : {}),
      payloadHash: await payloadHash(request),
      startedAt: deps.now(),
      attempts: 0,
    };
    await save(submission);
  }
  const pending = submission;
  // A resumed submission resends exactly what was stored; a body that no longer matches its hash was
  // changed behind our back and is never sent.
  const body: BackfillRequest = pending.header ? { lines: pending.lines, header: pending.header } : { lines: pending.lines };
  if (outcomeUnknown && (await payloadHash(body)) !== pending.payloadHash) {
    throw new Error('the stored submission does not match its fingerprint, so it was not resent');
  }

  async function save(next: Submission): Promise<void> {
    await store.save(claimId, next);
    deps.onProgress?.(next);
  }
  const submitted = async (backfill: Backfill): Promise<SubmitResult> => {
    await save({ state: 'submitted', idempotencyKey: pending.idempotencyKey, backfill });
    return { outcome: 'submitted', backfill };
  };

  let lastError = '';
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    if (attempt > 0) await deps.sleep(backoffDelay(attempt, deps.random));
    try {
      if (outcomeUnknown) {
        const claim = await host.readClaim(claimId);
        if (claim.backfilled) {
          const backfill = await host.readBackfill(claimId);
          if (backfill?.idempotencyKey === pending.idempotencyKey) return submitted(backfill);
          await save({ state: 'ready' });
          return { outcome: 'backfilled-elsewhere' };
        }
      }
      const outcome = await host.submitBackfill(claimId, body, pending.idempotencyKey);
      switch (outcome.kind) {
        case 'accepted':
          return submitted(outcome.backfill);
        case 'already-backfilled':
          await save({ state: 'ready' });
          return { outcome: 'backfilled-elsewhere' };
        case 'refused':
          await save({ state: 'ready' });
          return { outcome: 'refused', error: outcome.error };
        case 'in-flight':
          lastError = 'The host is still processing this backfill.';
          outcomeUnknown = false;
          break;
      }
    } catch (error) {
      if (!(error instanceof HostUnavailableError || error instanceof HostResponseError)) throw error;
      lastError = error.message;
      outcomeUnknown = true;
    }
    await save({ ...pending, attempts: pending.attempts + attempt + 1, lastError });
  }
  return { outcome: 'unconfirmed', message: lastError };
}
