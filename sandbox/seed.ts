import { Decimal, ROUND_DOWN } from '../lib/decimal';
import { sumMoney, toMoney, type Money } from '../lib/money';
import type { BackfillLine, Sov, SovLine, YardiClaim } from '../lib/schemas';
import { balancedAllocation } from './allocation';
import { sovAfterBackfill } from './apply';
import { requestFingerprint } from './fingerprint';
import type { Contract, State, StoredBackfill } from './model';
import { HOSTILE_TEXT } from './hostile';
import { createPrng, type Prng } from './prng';
import { CODE_NAMES, CONTRACT_SPECS, DIVISIONS, SECTIONS, type ContractSpec, type LineSpec } from './trade-catalog';

/**
 * The deterministic seed: the same state on every run (fixed-seed PRNG, fixed timestamps), so tests
 * and end-to-end tests can name claims by id. See sandbox/README.md for what each claim is for.
 */

/**
 * `large` adds a 5,000-line contract (the benches); `walkthrough` a 10-code, 40-line one (the
 * north-star run); `hostile` one whose texts attack the extension (sandbox/hostile.ts).
 */
export type Scale = 'normal' | 'large' | 'walkthrough' | 'hostile';

export const SEED_PROJECT = { number: 'P-2207', name: 'Riverside Medical Office Building' } as const;

export const SEED_CONTRACTS = {
  concrete: 'C-1042',
  mechanical: 'C-1057',
  electrical: 'C-1063',
  finishes: 'C-1071',
  uncodedSitework: 'C-1088',
  nearlyFullGlazing: 'C-1094',
  large: 'C-2000',
  walkthrough: 'C-3000',
  hostile: 'C-6660',
} as const;

export const SEED_CLAIMS = {
  /** C-1042: 03-300 spread over 4 SOV lines and 03-200 over 2; backfills validly. */
  ordinary: 'YC-1001',
  /** C-1057: 23-300 over 3 lines and 23-700 over 2; backfills validly. */
  ordinaryMechanical: 'YC-1002',
  /** C-1042: 03-100 over 2 lines and 03-350 on 1; backfills validly. */
  ordinaryConcreteLater: 'YC-1010',
  /** C-1057: 23-300 over 3 lines; backfills validly, also after YC-1002. */
  ordinaryMechanicalLater: 'YC-1012',
  /** C-1063: pays 27-100, which is not on the SOV (CODE_NOT_ON_SOV). */
  codeNotOnSov: 'YC-1003',
  /** C-1063: allocated in Yardi (CLAIM_ALLOCATED). */
  allocated: 'YC-1004',
  /** C-1071: backfilled in the seed (key `seed-YC-1005`); a matched row. */
  alreadyBackfilled: 'YC-1005',
  /** C-1088: the SOV has no category codes (SOV_NOT_CODED). */
  uncodedSov: 'YC-1006',
  /** C-1071: a credit on 09-900 that takes back part of what its lines claimed; backfills validly. */
  credit: 'YC-1007',
  /** C-1094: exactly the remaining balance of every 08-400 and 08-800 line; one cent more is refused. */
  tightFit: 'YC-1008',
  /** Backfilled in the seed: matched rows (Procore equals Yardi PTD) on C-1042, C-1057, C-1063, C-1071. */
  matchedConcrete: 'YC-1009',
  matchedMechanical: 'YC-1011',
  matchedElectrical: 'YC-1013',
  matchedFinishes: 'YC-1014',
  /** Only with `scale: 'large'`: C-2000, all 300 codes over 5,000 SOV lines; backfills validly. */
  large: 'YC-2000',
  /** Only with `scale: 'walkthrough'`: C-3000, 10 codes over 40 SOV lines (4 each); backfills validly. */
  walkthrough: 'YC-3000',
  /** Only with `scale: 'hostile'`: C-6660, 2 codes over 4 lines, every text hostile; backfills validly. */
  hostile: 'YC-6660',
} as const;

/** How a seeded claim's amount per code is chosen. */
type ClaimKind =
  /** Paid and backfilled before today: part of the code's room, applied to the SOV. */
  | 'history'
  /** Waiting for a backfill: at most a fifth of the code's room, so every open claim fits together. */
  | 'open'
  /** A negative claim taking back part of what the code's lines claimed. */
  | 'credit'
  /** Exactly the code's room: every line ends at 100 %. */
  | 'tight';

interface ClaimSpec {
  id: string;
  contractId: string;
  invoiceDate: string;
  kind: ClaimKind;
  codes: string[];
  allocated?: boolean;
}

const CLAIM_SPECS: ClaimSpec[] = [
  { id: 'YC-1009', contractId: 'C-1042', invoiceDate: '2025-10-31', kind: 'history', codes: ['01-500', '03-100'] },
  { id: 'YC-1001', contractId: 'C-1042', invoiceDate: '2026-01-31', kind: 'open', codes: ['03-300', '03-200'] },
  { id: 'YC-1010', contractId: 'C-1042', invoiceDate: '2026-02-28', kind: 'open', codes: ['03-100', '03-350'] },
  { id: 'YC-1011', contractId: 'C-1057', invoiceDate: '2025-11-30', kind: 'history', codes: ['23-050', '23-800'] },
  { id: 'YC-1002', contractId: 'C-1057', invoiceDate: '2026-01-31', kind: 'open', codes: ['23-300', '23-700'] },
  { id: 'YC-1012', contractId: 'C-1057', invoiceDate: '2026-02-28', kind: 'open', codes: ['23-300'] },
  { id: 'YC-1013', contractId: 'C-1063', invoiceDate: '2025-12-31', kind: 'history', codes: ['26-050', '26-200'] },
  { id: 'YC-1003', contractId: 'C-1063', invoiceDate: '2026-01-31', kind: 'open', codes: ['26-200', '27-100'] },
  { id: 'YC-1004', contractId: 'C-1063', invoiceDate: '2026-02-28', kind: 'open', codes: ['26-500'], allocated: true },
  { id: 'YC-1014', contractId: 'C-1071', invoiceDate: '2025-11-30', kind: 'history', codes: ['09-900'] },
  { id: 'YC-1005', contractId: 'C-1071', invoiceDate: '2026-01-31', kind: 'history', codes: ['09-200', '09-500'] },
  { id: 'YC-1007', contractId: 'C-1071', invoiceDate: '2026-02-28', kind: 'credit', codes: ['09-900'] },
  { id: 'YC-1006', contractId: 'C-1088', invoiceDate: '2026-01-31', kind: 'open', codes: ['31-200', '33-400'] },
  { id: 'YC-1008', contractId: 'C-1094', invoiceDate: '2026-02-28', kind: 'tight', codes: ['08-400', '08-800'] },
];

const SEED = 20_260_331;
const LARGE_SEED = 5_000_300;

export function createSeed(scale: Scale = 'normal'): State {
  const prng = createPrng(SEED);
  const contracts = CONTRACT_SPECS.map(toContract);
  const sovs = new Map(CONTRACT_SPECS.map((spec) => [spec.id, buildSov(spec.id, spec.lines, spec.claimedPerMille, prng)]));
  const invoiceNumbers = new Map(CONTRACT_SPECS.map((spec) => [spec.id, invoiceCounter(spec.invoicePrefix, prng)]));

  const claims = new Map<string, YardiClaim>();
  const backfills: StoredBackfill[] = [];
  // History first, so open claims are sized on the room left after it.
  const ordered = [...CLAIM_SPECS.filter((spec) => spec.kind === 'history'), ...CLAIM_SPECS.filter((spec) => spec.kind !== 'history')];
  for (const spec of ordered) {
    const sov = sovs.get(spec.contractId)!;
    const contract = contracts.find((candidate) => candidate.id === spec.contractId)!;
    const lines = spec.codes.map((code) => ({ categoryCode: code, description: CODE_NAMES[code], amount: codeAmount(spec.kind, sov, code, prng) }));
    const claim: YardiClaim = {
      id: spec.id,
      contractId: spec.contractId,
      vendorName: contract.vendorName,
      invoiceNumber: '',
      invoiceDate: spec.invoiceDate,
      total: sumMoney(lines.map((line) => line.amount)),
      allocated: spec.allocated ?? false,
      lines,
    };
    claims.set(spec.id, claim);
    if (spec.kind === 'history') {
      const { backfill, sov: after } = historicalBackfill(claim, sov);
      backfills.push(backfill);
      sovs.set(spec.contractId, after);
    }
  }
  // Invoice numbers rise with the invoice date per vendor, as Yardi's would.
  for (const spec of CLAIM_SPECS) claims.get(spec.id)!.invoiceNumber = invoiceNumbers.get(spec.contractId)!();

  const state: State = {
    version: 1,
    project: { ...SEED_PROJECT },
    contracts,
    sovs: [...sovs.values()],
    claims: CLAIM_SPECS.map((spec) => claims.get(spec.id)!),
    backfills,
  };
  return withScale(state, scale);
}

/** The state with the contract its scale adds (none for `normal`), unless already there. */
export function withScale(state: State, scale: Scale): State {
  if (scale === 'large') return withLargeContract(state);
  if (scale === 'walkthrough') return withWalkthroughContract(state);
  if (scale === 'hostile') return withHostileContract(state);
  return state;
}

/** Adds the walkthrough contract (40 lines, 10 codes, 4 lines each) and its 10-code claim, unless already there. */
function withWalkthroughContract(state: State): State {
  if (state.contracts.some((contract) => contract.id === SEED_CONTRACTS.walkthrough)) return state;
  const prng = createPrng(LARGE_SEED + 1);
  const codes = DIVISIONS.slice(0, 10).map(([division, name], index) => ({ code: `${division}-${SECTIONS[index % SECTIONS.length]}`, name }));
  const lines: LineSpec[] = codes.flatMap(({ code, name }) =>
    ['Level 1', 'Level 2', 'Level 3', 'Roof'].map((area) => ({ code, description: `${name}, ${area}`, scheduled: toMoney(new Decimal(prng.int(2_000_000, 9_000_000)).dividedBy(100)) })),
  );
  const contract: Contract = { id: SEED_CONTRACTS.walkthrough, number: 'SC-3000', vendorName: 'Harbor Line Contractors', title: 'Tenant fit-out, floors 1 to 3' };
  return withOpenClaim(state, { contract, lines, claimedPerMille: [0, 300], codes, prng }, { id: SEED_CLAIMS.walkthrough, invoiceNumber: 'HLC-5120', invoiceDate: '2026-03-31' });
}

/** Adds the hostile contract (4 lines on 2 codes, every text an attack) and its claim, unless already there. */
function withHostileContract(state: State): State {
  if (state.contracts.some((contract) => contract.id === SEED_CONTRACTS.hostile)) return state;
  const prng = createPrng(LARGE_SEED + 2);
  const codes = [
    { code: '01-100', name: HOSTILE_TEXT.descriptions[0] },
    { code: '01-200', name: HOSTILE_TEXT.descriptions[1] },
  ];
  const lines: LineSpec[] = HOSTILE_TEXT.descriptions.map((description, index) => ({
    code: codes[index % 2]!.code,
    description,
    scheduled: toMoney(new Decimal(prng.int(2_000_000, 9_000_000)).dividedBy(100)),
  }));
  const contract: Contract = { id: SEED_CONTRACTS.hostile, number: 'SC-6660', vendorName: HOSTILE_TEXT.vendorName, title: HOSTILE_TEXT.contractTitle };
  return withOpenClaim(state, { contract, lines, claimedPerMille: [0, 300], codes, prng }, {
    id: SEED_CLAIMS.hostile,
    invoiceNumber: HOSTILE_TEXT.invoiceNumber,
    invoiceDate: '2026-03-31',
  });
}

/** Adds the large contract (5,000 lines, 300 codes) and its 300-code claim, unless already there. */
export function withLargeContract(state: State): State {
  if (state.contracts.some((contract) => contract.id === SEED_CONTRACTS.large)) return state;
  const prng = createPrng(LARGE_SEED);
  const codes = DIVISIONS.flatMap(([division, name]) => SECTIONS.map((section) => ({ code: `${division}-${section}`, name: `${name}, section ${section}` })));
  const lines: LineSpec[] = Array.from({ length: 5000 }, (_, index) => {
    const { code, name } = codes[index % codes.length]!;
    const level = (Math.floor(index / codes.length) % 12) + 1;
    const scheduled = toMoney(new Decimal(prng.int(250_000, 6_000_000)).dividedBy(100));
    return { code, description: `${name} — level ${level}`, scheduled };
  });
  const contract: Contract = { id: SEED_CONTRACTS.large, number: 'SC-2000', vendorName: 'Meridian Builders Group', title: 'Core and shell — full trade breakdown' };
  return withOpenClaim(state, { contract, lines, claimedPerMille: [0, 450], codes, prng }, { id: SEED_CLAIMS.large, invoiceNumber: 'MBG-30417', invoiceDate: '2026-02-28' });
}

/** A contract a scale adds: its SOV lines, and the codes its one open claim pays (every one of them). */
interface ScaledContract {
  contract: Contract;
  lines: LineSpec[];
  claimedPerMille: [number, number];
  codes: { code: string; name: string }[];
  prng: Prng;
}

/** The state with the contract, its SOV, and an open claim paying each of its codes; backfills validly. */
function withOpenClaim(state: State, { contract, lines, claimedPerMille, codes, prng }: ScaledContract, claimOf: Pick<YardiClaim, 'id' | 'invoiceNumber' | 'invoiceDate'>): State {
  const sov = buildSov(contract.id, lines, claimedPerMille, prng);
  const claimLines = codes.map(({ code, name }) => ({ categoryCode: code, description: name, amount: codeAmount('open', sov, code, prng) }));
  const claim: YardiClaim = {
    ...claimOf,
    contractId: contract.id,
    vendorName: contract.vendorName,
    total: sumMoney(claimLines.map((line) => line.amount)),
    allocated: false,
    lines: claimLines,
  };
  return { ...state, contracts: [...state.contracts, contract], sovs: [...state.sovs, sov], claims: [...state.claims, claim] };
}

function toContract({ id, number, vendorName, title }: ContractSpec): Contract {
  return { id, number, vendorName, title };
}

function buildSov(contractId: string, specs: LineSpec[], [minPerMille, maxPerMille]: [number, number], prng: Prng): Sov {
  const lines = specs.map((spec, index): SovLine => {
    const share = new Decimal(prng.int(minPerMille, maxPerMille)).dividedBy(1000);
    return {
      id: `${contractId}-L${index + 1}`,
      lineNumber: index + 1,
      categoryCode: spec.code,
      description: spec.description,
      scheduledValue: spec.scheduled,
      claimedToDate: toMoney(new Decimal(spec.scheduled).times(share).toDecimalPlaces(2, ROUND_DOWN)),
    };
  });
  return { contractId, lines };
}

function invoiceCounter(prefix: string, prng: Prng): () => string {
  let next = prng.int(2100, 4800);
  return () => {
    next += prng.int(3, 40);
    return `${prefix}-${next}`;
  };
}

function codeAmount(kind: ClaimKind, sov: Sov, code: string, prng: Prng): Money {
  const lines = sov.lines.filter((line) => line.categoryCode === code);
  // A code the SOV does not carry (or an uncoded SOV): any plausible amount, the rules refuse it anyway.
  if (lines.length === 0) return toMoney(new Decimal(prng.int(400_000, 2_500_000)).dividedBy(100));
  const claimed = lines.reduce((sum, line) => sum.plus(line.claimedToDate), new Decimal(0));
  const room = lines.reduce((sum, line) => sum.plus(line.scheduledValue), new Decimal(0)).minus(claimed);
  const part = (base: Decimal, min: number, max: number) =>
    base.times(prng.int(min, max)).dividedBy(1000).toDecimalPlaces(2, ROUND_DOWN);
  switch (kind) {
    case 'history':
      return toMoney(part(room, 100, 250));
    case 'open':
      return toMoney(part(room, 80, 200));
    case 'credit':
      return toMoney(part(claimed, 200, 400).negated());
    case 'tight':
      return toMoney(room);
  }
}

function historicalBackfill(claim: YardiClaim, sov: Sov): { backfill: StoredBackfill; sov: Sov } {
  const allocations = balancedAllocation(claim, sov);
  const lines: BackfillLine[] = Object.entries(allocations).map(([sovLineId, amount]) => ({ sovLineId, amount }));
  return {
    backfill: {
      backfill: {
        id: `BF-${claim.id}`,
        claimId: claim.id,
        contractId: claim.contractId,
        idempotencyKey: `seed-${claim.id}`,
        lines,
        total: claim.total,
        status: 'Synced and Approved',
        createdAt: `${claim.invoiceDate}T16:30:00.000Z`,
      },
      fingerprint: requestFingerprint({ lines }),
    },
    sov: sovAfterBackfill(sov, allocations),
  };
}
