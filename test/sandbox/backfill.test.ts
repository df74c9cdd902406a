import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Decimal } from '../../lib/decimal';
import { BackfillSchema, HostClaimSchema, HostErrorSchema, ReconciliationRowSchema, SovSchema, type BackfillLine } from '../../lib/schemas';
import { SEED_CLAIMS, SEED_CONTRACTS } from '../../sandbox/seed';
import { getJson, postBackfill, useSandboxes, validLines } from './helpers';

const sandboxes = useSandboxes();

function rulesOf(body: unknown): string[] {
  return (HostErrorSchema.parse(body).issues ?? []).map((issue) => (issue as { rule: string }).rule);
}

async function sovOf(url: string, contractId: string) {
  return SovSchema.parse((await getJson(url, `/api/contracts/${contractId}/sov`)).body);
}

describe('POST /api/claims/<id>/backfill', () => {
  it('creates the backfill (201): Synced and Approved, SOV moved up, no difference left', async () => {
    const { url } = await sandboxes.start();
    const before = await sovOf(url, SEED_CONTRACTS.concrete);
    const lines = await validLines(url, SEED_CLAIMS.ordinary);

    const created = await postBackfill(url, SEED_CLAIMS.ordinary, { lines }, 'key-1');
    expect(created.status).toBe(201);
    const backfill = BackfillSchema.parse(created.body);
    const claim = HostClaimSchema.parse((await getJson(url, `/api/claims/${SEED_CLAIMS.ordinary}`)).body);
    expect(backfill).toMatchObject({ id: 'BF-YC-1001', claimId: SEED_CLAIMS.ordinary, contractId: SEED_CONTRACTS.concrete, idempotencyKey: 'key-1', lines, total: claim.total, status: 'Synced and Approved' });
    expect(claim).toMatchObject({ status: 'Synced and Approved', backfilled: true });

    const after = await sovOf(url, SEED_CONTRACTS.concrete);
    for (const [index, line] of after.lines.entries()) {
      const allocated = lines.find((candidate) => candidate.sovLineId === line.id)?.amount ?? '0';
      expect(new Decimal(line.claimedToDate).equals(new Decimal(before.lines[index]!.claimedToDate).plus(allocated))).toBe(true);
    }

    const rows = z.array(ReconciliationRowSchema).parse((await getJson(url, '/api/reconciliation')).body);
    expect(rows.find((row) => row.claimId === SEED_CLAIMS.ordinary)).toMatchObject({ procore: claim.total, yardiPtd: claim.total, difference: '0.00', status: 'Synced and Approved' });
    expect(BackfillSchema.parse((await getJson(url, `/api/claims/${SEED_CLAIMS.ordinary}/backfill`)).body)).toEqual(backfill);
  });

  it('replays the same key and body (200) without a second backfill', async () => {
    const { url } = await sandboxes.start();
    const lines = await validLines(url, SEED_CLAIMS.ordinaryMechanical);
    const first = await postBackfill(url, SEED_CLAIMS.ordinaryMechanical, { lines }, 'key-replay');
    const sovAfterFirst = await sovOf(url, SEED_CONTRACTS.mechanical);
    // The same body with other formatting is the same request.
    const second = await postBackfill(url, SEED_CLAIMS.ordinaryMechanical, `  ${JSON.stringify({ lines }, null, 4)}`, 'key-replay');
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.body).toEqual(first.body);
    expect(await sovOf(url, SEED_CONTRACTS.mechanical)).toEqual(sovAfterFirst);
  });

  it('refuses the same key with a different body (422), and on another claim', async () => {
    const { url } = await sandboxes.start();
    const lines = await validLines(url, SEED_CLAIMS.ordinary);
    expect((await postBackfill(url, SEED_CLAIMS.ordinary, { lines }, 'key-reused')).status).toBe(201);

    const changed = await postBackfill(url, SEED_CLAIMS.ordinary, { lines: lines.slice(1) }, 'key-reused');
    expect(changed.status).toBe(422);
    expect(HostErrorSchema.parse(changed.body).rule).toBe('IDEMPOTENCY_KEY_REUSED');

    const elsewhere = await postBackfill(url, SEED_CLAIMS.ordinaryMechanical, { lines: await validLines(url, SEED_CLAIMS.ordinaryMechanical) }, 'key-reused');
    expect(elsewhere.status).toBe(422);
    expect(HostErrorSchema.parse(elsewhere.body).rule).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(HostClaimSchema.parse((await getJson(url, `/api/claims/${SEED_CLAIMS.ordinaryMechanical}`)).body).backfilled).toBe(false);
  });

  it('stores the Procore claim header sent with the lines; the same key with another header is another body', async () => {
    const { url } = await sandboxes.start();
    const lines = await validLines(url, SEED_CLAIMS.ordinary);
    const header = { number: 'GRC-3357', title: 'Backfill of GRC-3357', payPeriod: '2026-01-31' };
    const created = await postBackfill(url, SEED_CLAIMS.ordinary, { lines, header }, 'key-header');
    expect(created.status).toBe(201);
    expect(BackfillSchema.parse(created.body).header).toEqual(header);
    const renamed = await postBackfill(url, SEED_CLAIMS.ordinary, { lines, header: { ...header, title: 'Another title' } }, 'key-header');
    expect(renamed.status).toBe(422);
    expect(HostErrorSchema.parse(renamed.body).rule).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('refuses a backfilled claim under another key (409 CLAIM_ALREADY_BACKFILLED)', async () => {
    const { url } = await sandboxes.start();
    const seeded = await postBackfill(url, SEED_CLAIMS.alreadyBackfilled, { lines: [{ sovLineId: 'C-1071-L1', amount: '1.00' }] }, 'key-new');
    expect(seeded.status).toBe(409);
    expect(HostErrorSchema.parse(seeded.body).rule).toBe('CLAIM_ALREADY_BACKFILLED');

    const lines = await validLines(url, SEED_CLAIMS.ordinary);
    await postBackfill(url, SEED_CLAIMS.ordinary, { lines }, 'key-a');
    const again = await postBackfill(url, SEED_CLAIMS.ordinary, { lines }, 'key-b');
    expect(again.status).toBe(409);
    expect(HostErrorSchema.parse(again.body).rule).toBe('CLAIM_ALREADY_BACKFILLED');
  });

  it.each([
    ['an allocated claim', SEED_CLAIMS.allocated, 'CLAIM_ALLOCATED'],
    ['a code not on the SOV', SEED_CLAIMS.codeNotOnSov, 'CODE_NOT_ON_SOV'],
    ['an uncoded SOV', SEED_CLAIMS.uncodedSov, 'SOV_NOT_CODED'],
  ])('refuses %s (422) with the validateBackfill issues', async (_, claimId, rule) => {
    const { url } = await sandboxes.start();
    const claim = HostClaimSchema.parse((await getJson(url, `/api/claims/${claimId}`)).body);
    const sov = await sovOf(url, claim.contractId);
    const refused = await postBackfill(url, claimId, { lines: [{ sovLineId: sov.lines[0]!.id, amount: claim.total }] }, `key-${claimId}`);
    expect(refused.status).toBe(422);
    expect(rulesOf(refused.body)).toContain(rule);
    expect(HostClaimSchema.parse((await getJson(url, `/api/claims/${claimId}`)).body).backfilled).toBe(false);
    expect(await sovOf(url, claim.contractId)).toEqual(sov);
  });

  it('refuses an unbalanced code, a line past its scheduled value, a line of another code or contract (422)', async () => {
    const { url } = await sandboxes.start();
    const lines = await validLines(url, SEED_CLAIMS.tightFit);
    const [first, ...rest] = lines;
    const oneCentShort: BackfillLine[] = [{ ...first!, amount: new Decimal(first!.amount).minus('0.01').toFixed(2) }, ...rest];
    expect(rulesOf((await postBackfill(url, SEED_CLAIMS.tightFit, { lines: oneCentShort }, 'k1')).body)).toContain('CODE_UNDER_ALLOCATED');

    // The tight-fit claim fills every line exactly: moving a cent between lines overfills one.
    const second = rest[0]!;
    const moved: BackfillLine[] = [
      { ...first!, amount: new Decimal(first!.amount).plus('0.01').toFixed(2) },
      { ...second, amount: new Decimal(second.amount).minus('0.01').toFixed(2) },
      ...rest.slice(1),
    ];
    const over = await postBackfill(url, SEED_CLAIMS.tightFit, { lines: moved }, 'k2');
    expect(over.status).toBe(422);
    expect(rulesOf(over.body)).toContain('LINE_OVER_SCHEDULED');

    const otherContract = await postBackfill(url, SEED_CLAIMS.tightFit, { lines: [...lines, { sovLineId: 'C-1042-L1', amount: '5.00' }] }, 'k3');
    expect(otherContract.status).toBe(422);
    expect(rulesOf(otherContract.body)).toContain('UNKNOWN_SOV_LINE');

    // C-1042-L1 is coded 01-500, which the ordinary claim did not pay.
    const ordinary = await validLines(url, SEED_CLAIMS.ordinary);
    const otherCode = await postBackfill(url, SEED_CLAIMS.ordinary, { lines: [...ordinary, { sovLineId: 'C-1042-L1', amount: '5.00' }] }, 'k4');
    expect(otherCode.status).toBe(422);
    expect(rulesOf(otherCode.body)).toContain('LINE_NOT_IN_CLAIM');
  });

  it('accepts the tight fit exactly, leaving its lines at 100 %', async () => {
    const { url } = await sandboxes.start();
    const lines = await validLines(url, SEED_CLAIMS.tightFit);
    expect((await postBackfill(url, SEED_CLAIMS.tightFit, { lines }, 'tight')).status).toBe(201);
    const sov = await sovOf(url, SEED_CONTRACTS.nearlyFullGlazing);
    for (const line of sov.lines) expect(line.claimedToDate).toBe(line.scheduledValue);
  });

  it('accepts a credit, taking claimed to date back', async () => {
    const { url } = await sandboxes.start();
    const before = await sovOf(url, SEED_CONTRACTS.finishes);
    const lines = await validLines(url, SEED_CLAIMS.credit);
    expect(lines.every((line) => line.amount.startsWith('-'))).toBe(true);
    expect((await postBackfill(url, SEED_CLAIMS.credit, { lines }, 'credit')).status).toBe(201);
    const after = await sovOf(url, SEED_CONTRACTS.finishes);
    const touched = after.lines.filter((line, index) => line.claimedToDate !== before.lines[index]!.claimedToDate);
    expect(touched.length).toBeGreaterThan(0);
    for (const line of touched) expect(new Decimal(line.claimedToDate).lessThan(before.lines.find((old) => old.id === line.id)!.claimedToDate)).toBe(true);
  });

  it('accepts every open ordinary claim of a contract, one after the other', async () => {
    const { url } = await sandboxes.start();
    for (const claimId of [SEED_CLAIMS.ordinary, SEED_CLAIMS.ordinaryConcreteLater, SEED_CLAIMS.ordinaryMechanical, SEED_CLAIMS.ordinaryMechanicalLater]) {
      expect((await postBackfill(url, claimId, { lines: await validLines(url, claimId) }, `open-${claimId}`)).status).toBe(201);
    }
  });

  it.each([
    ['malformed JSON', '{"lines": [', 'The body is not JSON.'],
    ['an empty body', '', 'The body is not JSON.'],
    ['no lines', { lines: [] }, /not a backfill request/],
    ['a number amount', { lines: [{ sovLineId: 'C-1042-L6', amount: 100 }] }, /not a backfill request/],
    ['a three-decimal amount', { lines: [{ sovLineId: 'C-1042-L6', amount: '1.005' }] }, /not a backfill request/],
    ['a JSON array', [], /not a backfill request/],
    ['the same line twice', { lines: [{ sovLineId: 'C-1042-L6', amount: '1.00' }, { sovLineId: 'C-1042-L6', amount: '2.00' }] }, /not a backfill request/],
  ])('refuses %s (400)', async (_, body, message) => {
    const { url } = await sandboxes.start();
    const refused = await postBackfill(url, SEED_CLAIMS.ordinary, body, 'key-400');
    expect(refused.status).toBe(400);
    expect(HostErrorSchema.parse(refused.body).error).toMatch(message);
    // Nothing was stored against the key: it still works for a good request.
    expect((await postBackfill(url, SEED_CLAIMS.ordinary, { lines: await validLines(url, SEED_CLAIMS.ordinary) }, 'key-400')).status).toBe(201);
  });

  it('names the repeated line when a request names a line twice', async () => {
    const { url } = await sandboxes.start();
    const refused = await postBackfill(url, SEED_CLAIMS.ordinary, { lines: [{ sovLineId: 'C-1042-L6', amount: '1.00' }, { sovLineId: 'C-1042-L6', amount: '1.00' }] }, 'dup');
    expect(JSON.stringify(HostErrorSchema.parse(refused.body).issues)).toContain('C-1042-L6 appears more than once');
  });

  it.each([
    ['missing', undefined],
    ['too long', 'k'.repeat(201)],
    ['with spaces inside', 'two words'],
  ])('refuses an Idempotency-Key that is %s (400)', async (_, key) => {
    const { url } = await sandboxes.start();
    const refused = await postBackfill(url, SEED_CLAIMS.ordinary, { lines: await validLines(url, SEED_CLAIMS.ordinary) }, key);
    expect(refused.status).toBe(400);
    expect(HostErrorSchema.parse(refused.body).rule).toBe('IDEMPOTENCY_KEY_REQUIRED');
  });

  it('answers 404 for an unknown claim', async () => {
    const { url } = await sandboxes.start();
    const refused = await postBackfill(url, 'YC-0000', { lines: [{ sovLineId: 'C-1042-L1', amount: '1.00' }] }, 'k');
    expect(refused.status).toBe(404);
    HostErrorSchema.parse(refused.body);
  });

  it('answers 413 for a body over 4 MB', async () => {
    const { url } = await sandboxes.start();
    const refused = await postBackfill(url, SEED_CLAIMS.ordinary, `{"lines":[],"pad":"${'x'.repeat(4 * 1024 * 1024)}"}`, 'big');
    expect(refused.status).toBe(413);
    HostErrorSchema.parse(refused.body);
  });
});
