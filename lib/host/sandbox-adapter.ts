import { z } from 'zod';
import {
  BackfillSchema,
  HostClaimSchema,
  HostErrorSchema,
  ReconciliationRowSchema,
  SovSchema,
  type BackfillRequest,
  type HostError,
} from '../schemas';
import { hostPath } from './host-path';
import { HostResponseError, HostUnavailableError, MAX_CLAIM_CANDIDATES, findClaimWith, type HostAdapter, type SubmitOutcome } from './host-adapter';

const RowsSchema = z.array(ReconciliationRowSchema);
const CandidatesSchema = RowsSchema.max(MAX_CLAIM_CANDIDATES);

export interface SandboxAdapterOptions {
  /** The host's origin, e.g. `http://127.0.0.1:5180`. */
  origin: string;
  /** Give up on one request after this long (then the outcome is unknown). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** The HostAdapter for our sandbox reconciliation site's JSON API (see sandbox/README.md). */
export function createSandboxAdapter({ origin, timeoutMs = 15_000, fetch: fetchImpl = fetch }: SandboxAdapterOptions): HostAdapter {
  async function request(path: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
    let response: Response;
    try {
      // With the user's session on that host, as the host's own page calls it.
      response = await fetchImpl(new URL(path, origin), { ...init, signal: AbortSignal.timeout(timeoutMs), credentials: 'include' });
    } catch (error) {
      throw new HostUnavailableError(`The host did not answer: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (response.status >= 500) throw new HostUnavailableError(`The host failed with status ${response.status}.`);
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new HostUnavailableError(`The host's reply (status ${response.status}) was not JSON.`);
    }
    return { status: response.status, body };
  }

  function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
    const result = schema.safeParse(body);
    if (!result.success) throw new HostResponseError(`The host sent ${what} we cannot read: ${z.prettifyError(result.error)}`);
    return result.data;
  }

  async function read<T>(path: string, schema: z.ZodType<T>, what: string): Promise<T> {
    const { status, body } = await request(path);
    if (status !== 200) throw new HostResponseError(`Reading ${what} failed (status ${status}): ${errorText(body)}`);
    return parse(schema, body, what);
  }

  return {
    contractPage: (contractId) => new URL(hostPath`/contracts/${contractId}`, origin).href,
    findClaim: (identity) =>
      findClaimWith(identity, (lookup) => read(`/api/claims?${new URLSearchParams(lookup).toString()}`, CandidatesSchema, 'the claims looked up')),
    readClaim: (claimId) => read(hostPath`/api/claims/${claimId}`, HostClaimSchema, `claim ${claimId}`),
    readSov: (contractId) => read(hostPath`/api/contracts/${contractId}/sov`, SovSchema, `the SOV of ${contractId}`),

    async readBackfill(claimId) {
      const { status, body } = await request(hostPath`/api/claims/${claimId}/backfill`);
      if (status === 404) return null;
      if (status !== 200) throw new HostResponseError(`Reading the backfill of ${claimId} failed (status ${status}): ${errorText(body)}`);
      return parse(BackfillSchema, body, 'a backfill');
    },

    async submitBackfill(claimId: string, backfill: BackfillRequest, idempotencyKey: string): Promise<SubmitOutcome> {
      const { status, body } = await request(hostPath`/api/claims/${claimId}/backfill`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
        body: JSON.stringify(backfill),
      });
      if (status === 200 || status === 201) return { kind: 'accepted', backfill: parse(BackfillSchema, body, 'a backfill') };
      const error: HostError = parse(HostErrorSchema, body, 'an error');
      if (status === 409 && error.rule === 'CLAIM_ALREADY_BACKFILLED') return { kind: 'already-backfilled', error };
      if (status === 409) return { kind: 'in-flight' };
      return { kind: 'refused', status, error };
    },
  };
}

function errorText(body: unknown): string {
  const parsed = HostErrorSchema.safeParse(body);
  return parsed.success ? parsed.data.error : 'no readable error';
}
