import { describe, expect, it } from 'vitest';
import { BackfillRequestSchema, type BackfillRequest } from '../../lib/schemas';
import { buildBackfillRequest, canonicalBackfillRequest, payloadHash } from '../../lib/submission';
import { requestFingerprint } from '../../sandbox/fingerprint';
import { BALANCED } from '../support/fixtures';

const header = { number: 'INV-100', title: 'Backfill – März', payPeriod: '2026-03-31' };

/** The body as it reaches the sandbox: keys in another order, whitespace, parsed back with the schema. */
function overTheWire(request: BackfillRequest): BackfillRequest {
  const reordered = { ...(request.header && { header: { payPeriod: request.header.payPeriod, title: request.header.title, number: request.header.number } }), lines: request.lines.map(({ amount, sovLineId }) => ({ amount, sovLineId })) };
  return BackfillRequestSchema.parse(JSON.parse(JSON.stringify(reordered, null, 2)));
}

describe('requestFingerprint', () => {
  it.each([
    ['without a header', buildBackfillRequest(BALANCED)],
    ['with a header', buildBackfillRequest(BALANCED, header)],
    ['with a negative line', buildBackfillRequest({ L1: '-12', L2: '1234.5' }, header)],
  ])('hashes the same bytes as the client %s', async (_name, request) => {
    const received = overTheWire(request);
    expect(canonicalBackfillRequest(received)).toBe(canonicalBackfillRequest(request));
    expect(requestFingerprint(received)).toBe(await payloadHash(request));
  });

  it('tells a changed body apart', async () => {
    const request = buildBackfillRequest(BALANCED, header);
    expect(requestFingerprint(overTheWire({ ...request, header: { ...header, title: 'Other' } }))).not.toBe(await payloadHash(request));
  });
});
