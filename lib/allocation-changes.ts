import type { Allocations } from './schemas';

/** What changed between two versions of a draft's allocations: each changed line's text, or null where it was emptied. */
export type AllocationChanges = Record<string, string | null>;

// Built with fromEntries, never by assignment: a line id spelled `__proto__` stays an own entry.

/**
 * The changes that turn `before` into `after` (none when they are one object). Plain `for…in` loops:
 * run on every edit, they take half the time of `Object.entries` on a 5,000-line draft.
 */
export function allocationChanges(before: Allocations, after: Allocations): AllocationChanges {
  if (before === after) return {};
  const changes: [string, string | null][] = [];
  for (const sovLineId in after) {
    if (Object.hasOwn(after, sovLineId) && (before[sovLineId] !== after[sovLineId] || !Object.hasOwn(before, sovLineId))) changes.push([sovLineId, after[sovLineId]!]);
  }
  for (const sovLineId in before) if (Object.hasOwn(before, sovLineId) && !Object.hasOwn(after, sovLineId)) changes.push([sovLineId, null]);
  return Object.fromEntries(changes);
}

/** `allocations` with `changes` made, as a new object. */
export function withAllocationChanges(allocations: Allocations, changes: AllocationChanges): Allocations {
  const changed = new Map(Object.entries(allocations));
  for (const [sovLineId, text] of Object.entries(changes)) {
    if (text === null) changed.delete(sovLineId);
    else changed.set(sovLineId, text);
  }
  return Object.fromEntries(changed);
}
