import { describe, expect, it } from 'vitest';
import { validateBackfill } from '../../lib/backfill';
import { Decimal } from '../../lib/decimal';
import { sumMoney } from '../../lib/money';
import { BackfillRequestSchema, type YardiClaim } from '../../lib/schemas';
import { balancedAllocation } from '../../sandbox/allocation';
import { sovAfterBackfill } from '../../sandbox/apply';
import { HOSTILE_TEXT } from '../../sandbox/hostile';
import { StateSchema, type State } from '../../sandbox/model';
import { createSeed, SEED_CLAIMS, SEED_CONTRACTS } from '../../sandbox/seed';
import { findBackfill, findClaim, findSov } from '../../sandbox/views';
import { postBackfill, useSandboxes } from './helpers';

const sandboxes = useSandboxes();
const seed = createSeed();
const large = createSeed('large');

function claimOf(state: State, claimId: string): YardiClaim {
  const claim = findClaim(state, claimId);
  if (!claim) throw new Error(`no claim ${claimId}`);
  return claim;
}

function check(state: State, claimId: string, allocations?: Record<string, string>) {
  const claim = claimOf(state, claimId);
  const sov = findSov(state, claim.contractId)!;
  return validateBackfill({
    claim,
    sov,
    allocations: allocations ?? balancedAllocation(claim, sov),
    backfilledClaimIds: state.backfills.map((stored) => stored.backfill.claimId),
  });
}

describe('the seed', () => {
  it('is deterministic and valid sandbox data', () => {
    expect(createSeed()).toEqual(seed);
    expect(JSON.stringify(createSeed('large'))).toBe(JSON.stringify(large));
    expect(StateSchema.parse(seed)).toEqual(seed);
    StateSchema.parse(large);
  });

  it('has every documented claim, and the large, walkthrough and hostile ones only at their scales', () => {
    const scaled: string[] = [SEED_CLAIMS.large, SEED_CLAIMS.walkthrough, SEED_CLAIMS.hostile];
    for (const claimId of Object.values(SEED_CLAIMS).filter((id) => !scaled.includes(id))) claimOf(seed, claimId);
    for (const claimId of scaled) expect(findClaim(seed, claimId)).toBeUndefined();
    claimOf(large, SEED_CLAIMS.large);
    const walkthrough = createSeed('walkthrough');
    const claim = claimOf(walkthrough, SEED_CLAIMS.walkthrough);
    expect([claim.lines.length, findSov(walkthrough, SEED_CONTRACTS.walkthrough)!.lines.length]).toEqual([10, 40]);
    const atOwnScale: string[] = [SEED_CONTRACTS.walkthrough, SEED_CONTRACTS.hostile];
    for (const contractId of Object.values(SEED_CONTRACTS).filter((id) => !atOwnScale.includes(id))) expect(findSov(large, contractId)).toBeDefined();
    // The hostile claim's texts are the host's to keep (within its limits), and it backfills validly.
    const hostile = StateSchema.parse(createSeed('hostile'));
    const hostileClaim = claimOf(hostile, SEED_CLAIMS.hostile);
    expect([hostileClaim.vendorName, hostileClaim.invoiceNumber]).toEqual([HOSTILE_TEXT.vendorName, HOSTILE_TEXT.invoiceNumber]);
    expect(findSov(hostile, SEED_CONTRACTS.hostile)!.lines.map((line) => line.description)).toEqual(HOSTILE_TEXT.descriptions);
    expect(check(hostile, SEED_CLAIMS.hostile, balancedAllocation(hostileClaim, findSov(hostile, SEED_CONTRACTS.hostile)!)).canSubmit).toBe(true);
  });

  it('uses realistic contract numbers, vendors and CSI-style codes; totals add up', () => {
    for (const contract of large.contracts) expect(contract.number).toMatch(/^SC-\d{4}$/);
    for (const claim of large.claims) {
      expect(claim.total).toBe(sumMoney(claim.lines.map((line) => line.amount)));
      for (const line of claim.lines) expect(line.categoryCode).toMatch(/^\d{2}-\d{3}$/);
    }
    const concrete = findSov(seed, SEED_CONTRACTS.concrete)!;
    expect(concrete.lines.find((line) => line.categoryCode === '03-300')).toBeDefined();
    expect(claimOf(seed, SEED_CLAIMS.ordinary).lines.find((line) => line.categoryCode === '03-300')?.description).toBe('Cast-in-place concrete');
  });

  it('spreads the ordinary claims over several SOV lines per code, on different contracts, and they backfill validly', () => {
    const ordinary = [SEED_CLAIMS.ordinary, SEED_CLAIMS.ordinaryMechanical, SEED_CLAIMS.ordinaryConcreteLater, SEED_CLAIMS.ordinaryMechanicalLater];
    expect(new Set(ordinary.map((id) => claimOf(seed, id).contractId)).size).toBe(2);
    for (const claimId of [SEED_CLAIMS.ordinary, SEED_CLAIMS.ordinaryMechanical]) {
      const claim = claimOf(seed, claimId);
      const sov = findSov(seed, claim.contractId)!;
      expect(claim.lines.some((line) => sov.lines.filter((sovLine) => sovLine.categoryCode === line.categoryCode).length >= 3)).toBe(true);
    }
    // All open valid claims together still fit: apply them one after another.
    let state = seed;
    for (const claimId of [...ordinary, SEED_CLAIMS.credit, SEED_CLAIMS.tightFit]) {
      const claim = claimOf(state, claimId);
      const sov = findSov(state, claim.contractId)!;
      const allocations = balancedAllocation(claim, sov);
      expect(check(state, claimId, allocations).canSubmit).toBe(true);
      state = { ...state, sovs: state.sovs.map((candidate) => (candidate === sov ? sovAfterBackfill(sov, allocations) : candidate)) };
    }
  });

  it('has the refusals it promises', () => {
    const blockers = (claimId: string) => check(seed, claimId, {}).issues.filter((issue) => issue.severity === 'blocker').map((issue) => issue.rule);
    expect(blockers(SEED_CLAIMS.codeNotOnSov)).toEqual(['CODE_NOT_ON_SOV']);
    expect(blockers(SEED_CLAIMS.allocated)).toEqual(['CLAIM_ALLOCATED']);
    expect(new Set(blockers(SEED_CLAIMS.uncodedSov))).toEqual(new Set(['SOV_NOT_CODED', 'CODE_NOT_ON_SOV']));
    expect(blockers(SEED_CLAIMS.alreadyBackfilled)).toEqual(['CLAIM_ALREADY_BACKFILLED']);
    expect(findSov(seed, SEED_CONTRACTS.uncodedSitework)!.lines.every((line) => line.categoryCode === null)).toBe(true);
  });

  it('has matched rows: backfills whose lines add up to the claim and are in the SOV', () => {
    for (const claimId of [SEED_CLAIMS.alreadyBackfilled, SEED_CLAIMS.matchedConcrete, SEED_CLAIMS.matchedMechanical, SEED_CLAIMS.matchedElectrical, SEED_CLAIMS.matchedFinishes]) {
      const stored = findBackfill(seed, claimId)!;
      expect(stored.backfill.total).toBe(claimOf(seed, claimId).total);
      expect(sumMoney(stored.backfill.lines.map((line) => line.amount))).toBe(stored.backfill.total);
      BackfillRequestSchema.parse({ lines: stored.backfill.lines });
    }
  });

  it('has a credit whose lines have claimed to date to take back', () => {
    const claim = claimOf(seed, SEED_CLAIMS.credit);
    expect(new Decimal(claim.total).isNegative()).toBe(true);
    expect(check(seed, SEED_CLAIMS.credit).canSubmit).toBe(true);
  });

  it('has a nearly fully claimed contract whose claim takes exactly what is left', () => {
    const sov = findSov(seed, SEED_CONTRACTS.nearlyFullGlazing)!;
    for (const line of sov.lines) expect(new Decimal(line.claimedToDate).dividedBy(line.scheduledValue).greaterThanOrEqualTo(0.96)).toBe(true);
    const room = sov.lines.reduce((sum, line) => sum.plus(line.scheduledValue).minus(line.claimedToDate), new Decimal(0));
    expect(new Decimal(claimOf(seed, SEED_CLAIMS.tightFit).total).equals(room)).toBe(true);
  });

  it('at large scale has 5,000 SOV lines, 300 codes and a claim with all 300 that backfills over HTTP', async () => {
    const claim = claimOf(large, SEED_CLAIMS.large);
    const sov = findSov(large, SEED_CONTRACTS.large)!;
    expect(sov.lines).toHaveLength(5000);
    expect(new Set(sov.lines.map((line) => line.categoryCode)).size).toBe(300);
    expect(claim.lines).toHaveLength(300);

    const { url } = await sandboxes.start({ scale: 'large' });
    const lines = Object.entries(balancedAllocation(claim, sov)).map(([sovLineId, amount]) => ({ sovLineId, amount }));
    expect(lines.length).toBeGreaterThan(4000);
    expect((await postBackfill(url, SEED_CLAIMS.large, { lines }, 'large')).status).toBe(201);
  });
});
