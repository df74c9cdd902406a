import { fnv1a64 } from '../fnv1a';
import type { Draft } from '../schemas';

/** The most fingerprints a draft keeps: hand-offs, not edits, add to it. */
export const LINEAGE_LENGTH = 50;

/** What a draft holds, named in 16 hex digits: its header and its amounts, in line order. */
export function draftFingerprint(draft: Pick<Draft, 'header' | 'allocations'>): string {
  const amounts = Object.entries(draft.allocations)
    .filter(([, amount]) => amount !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return fnv1a64(JSON.stringify([draft.header.number, draft.header.title, draft.header.payPeriod, amounts]));
}

/** The lineage with `fingerprint` last, each once, at most `LINEAGE_LENGTH` long. */
export function extendLineage(lineage: readonly string[] | undefined, fingerprint: string): string[] {
  return [...(lineage ?? []).filter((each) => each !== fingerprint), fingerprint].slice(-LINEAGE_LENGTH);
}

/**
 * How a draft from a file stands to the one here: the same content; a newer version of it (the file's
 * draft went through this one); an older one (this one went through the file's); or each changed on
 * its own since they parted, which only the user can settle.
 */
export type DraftRelation = 'same' | 'theirs-newer' | 'mine-newer' | 'diverged';

export function relateDrafts(mine: Pick<Draft, 'header' | 'allocations' | 'lineage'>, theirs: Pick<Draft, 'header' | 'allocations' | 'lineage'>): DraftRelation {
  const mineNow = draftFingerprint(mine);
  const theirsNow = draftFingerprint(theirs);
  if (mineNow === theirsNow) return 'same';
  if (theirs.lineage?.includes(mineNow)) return 'theirs-newer';
  if (mine.lineage?.includes(theirsNow)) return 'mine-newer';
  return 'diverged';
}
