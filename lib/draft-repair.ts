import { isAllocationEntry } from './canonical-records';
import { CLAIM_HEADER_LIMITS, ClaimHeaderSchema, DraftSchema, SubmissionSchema, type Allocations, type Draft } from './schemas';

export interface RepairedDraft {
  draft: Draft;
  /** What was changed to make the draft readable, in plain words, one entry each. */
  repairs: string[];
}

const shape = DraftSchema.shape;

/**
 * Makes a stored draft that fails its schema readable again, keeping every amount that can be kept:
 * over-long header text is cut to its limit, an unreadable pay period falls back to the day the draft
 * was saved, and an allocation that cannot be an amount is dropped and named. Returns null when the
 * record is not a draft at all (no claim or contract to attach it to) or its submission state cannot
 * be read: guessing a submission state could let a claim be sent twice, so that record is never reused.
 *
 * @param now ISO date-time, for fields that have no readable value left
 */
export function repairDraft(record: unknown, now: string): RepairedDraft | null {
  if (typeof record !== 'object' || record === null) return null;
  const stored = record as Record<string, unknown>;
  const claimId = shape.claimId.safeParse(stored.claimId);
  const contractId = shape.contractId.safeParse(stored.contractId);
  const submission = SubmissionSchema.safeParse(stored.submission);
  if (!claimId.success || !contractId.success || !submission.success) return null;

  const repairs: string[] = [];
  const updatedAt = shape.updatedAt.safeParse(stored.updatedAt).data ?? now;
  const draft: Draft = {
    claimId: claimId.data,
    contractId: contractId.data,
    header: repairHeader(stored.header, updatedAt.slice(0, 10), repairs),
    allocations: repairAllocations(stored.allocations, repairs),
    revision: shape.revision.safeParse(stored.revision).data ?? 0,
    updatedAt,
    focusedSovLineId: shape.focusedSovLineId.safeParse(stored.focusedSovLineId).data ?? null,
    submission: submission.data,
  };
  const hostOrigin = shape.hostOrigin.safeParse(stored.hostOrigin).data;
  if (hostOrigin !== undefined) draft.hostOrigin = hostOrigin;
  const checked = DraftSchema.safeParse(draft);
  return checked.success ? { draft: checked.data, repairs } : null;
}

function repairHeader(value: unknown, fallbackDate: string, repairs: string[]): Draft['header'] {
  const header = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const text = (field: keyof typeof CLAIM_HEADER_LIMITS, name: string): string => {
    const raw = typeof header[field] === 'string' ? header[field] : '';
    const limit = CLAIM_HEADER_LIMITS[field];
    if (raw.length <= limit) return raw;
    repairs.push(`The ${name} had ${raw.length} characters, more than the ${limit} a claim takes: it was cut to its first ${limit}.`);
    return raw.slice(0, limit);
  };
  const number = text('number', 'claim number');
  const title = text('title', 'title');
  let payPeriod = ClaimHeaderSchema.shape.payPeriod.safeParse(header.payPeriod).data;
  if (payPeriod === undefined) {
    payPeriod = fallbackDate;
    repairs.push(`The pay period ${shown(header.payPeriod)} is not a date Backfill can read: it was set to ${fallbackDate}, the day the draft was saved. Check it before you submit.`);
  }
  return { number, title, payPeriod };
}

function repairAllocations(value: unknown, repairs: string[]): Allocations {
  if (typeof value !== 'object' || value === null) {
    repairs.push('The amounts could not be read at all.');
    return {};
  }
  const kept: [string, string][] = [];
  for (const [sovLineId, amount] of Object.entries(value)) {
    if (isAllocationEntry(sovLineId, amount)) kept.push([sovLineId, amount]);
    else repairs.push(`SOV line ${clip(sovLineId)} held ${shown(amount)}, which cannot be an amount: it was left out.`);
  }
  // fromEntries defines every key as an own property, even one spelled __proto__.
  return Object.fromEntries(kept);
}

/** A stored value in a message: text quoted (clipped), anything else named by its kind. */
function shown(value: unknown): string {
  if (typeof value === 'string') return `"${clip(value)}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === null ? 'nothing' : `no text (${typeof value})`;
}

/** Long text shown in a message: its start, and how long it was. */
function clip(text: string): string {
  return text.length <= 40 ? text : `${text.slice(0, 40)}… (${text.length} characters)`;
}
