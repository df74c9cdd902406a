import type { AllocationChanges } from './allocation-changes';

/**
 * A draft's recent allocation changes, numbered: what changed between two versions of its allocations,
 * told without copying or comparing them. The panel hands the background each edit this way (D2): on
 * a 5,000-line draft, a copy and a compare took several milliseconds of every keystroke.
 *
 * Only the latest changes are kept (up to `limit` lines in all); further back, and across a `restart`
 * (the allocations replaced whole), nothing is known.
 */
export class AllocationJournal {
  /** The version of the allocations as they stand. */
  version = 0;
  /** Versions up to this one are not known. */
  private knownFrom = 0;
  /** Each change, as the version it made and its lines. */
  private readonly entries: { version: number; changes: AllocationChanges }[] = [];
  private lines = 0;

  constructor(private readonly limit = 20_000) {}

  /** One change: each line's new text, or null where it was emptied (it leaves the allocations). */
  record(changes: AllocationChanges): void {
    this.entries.push({ version: ++this.version, changes });
    this.lines += Object.keys(changes).length;
    while (this.lines > this.limit && this.entries.length > 1) {
      const dropped = this.entries.shift()!;
      this.lines -= Object.keys(dropped.changes).length;
      this.knownFrom = dropped.version;
    }
  }

  /** The allocations were replaced whole: no earlier version can be told from now on. */
  restart(): void {
    this.knownFrom = ++this.version;
    this.entries.length = 0;
    this.lines = 0;
  }

  /**
   * What turns version `from` into version `to` (`withAllocationChanges`), or undefined when that is
   * not known: `from` too far back, or a line that left and came back in between (it came back last,
   * in a place that changes cannot carry).
   */
  changesBetween(from: number, to: number): AllocationChanges | undefined {
    if (from < this.knownFrom || to > this.version || from > to) return undefined;
    // The entries hold consecutive versions, from just after `knownFrom`.
    const at = (version: number) => version - this.knownFrom - 1;
    // One change (every keystroke, every paste) is told as it was recorded: a 5,000-line paste is not
    // copied again. Changes recorded are never modified.
    if (to === from + 1) return this.entries[at(to)]!.changes;
    const changes = new Map<string, string | null>();
    for (let index = at(from + 1); index <= at(to); index++) {
      const entry = this.entries[index]!;
      for (const sovLineId in entry.changes) {
        if (!Object.hasOwn(entry.changes, sovLineId)) continue;
        const text = entry.changes[sovLineId]!;
        if (text !== null && changes.get(sovLineId) === null) return undefined;
        changes.set(sovLineId, text);
      }
    }
    // Built with fromEntries: a line id spelled `__proto__` stays an own entry.
    return Object.fromEntries(changes);
  }
}
