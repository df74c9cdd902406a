import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocationChanges, withAllocationChanges } from '../../lib/allocation-changes';

// Line ids as a host may name them, including ones that are also names of Object's own members.
const lineId = fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty'));
const allocations = fc.dictionary(lineId, fc.oneof(fc.constantFrom('1.00', '600.00', '(5.00)'), fc.string({ maxLength: 6 })), { maxKeys: 30, noNullPrototype: true });

describe('the changes between two versions of a draft’s allocations', () => {
  // The order of the lines is part of a draft (`sameDraftEdits` compares JSON): compared as JSON here too.
  it('turn the first into the second, lines in the same order, or are none when they cannot', () => {
    fc.assert(
      fc.property(allocations, allocations, (before, after) => {
        const changes = allocationChanges(before, after);
        if (changes) expect(JSON.stringify(withAllocationChanges(before, changes))).toBe(JSON.stringify(after));
      }),
    );
  });

  it('are found for every edit a draft goes through: lines set, changed or emptied, each once an edit', () => {
    const edit = fc.uniqueArray(fc.tuple(fc.constantFrom('L1', 'L2', 'L3', 'L4', 'L5', 'L6'), fc.constantFrom('1.00', '2.00', '')), { maxLength: 6, selector: ([sovLineId]) => sovLineId });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 6 }), (edits) => {
        // As the validator keeps them: a Map of the lines with amounts, as an object after each edit.
        const lines = new Map<string, string>();
        let before: Record<string, string> = {};
        for (const each of edits) {
          for (const [sovLineId, text] of each) {
            if (text === '') lines.delete(sovLineId);
            else lines.set(sovLineId, text);
          }
          const after = Object.fromEntries(lines);
          const changes = allocationChanges(before, after);
          expect(changes).toBeDefined();
          expect(JSON.stringify(withAllocationChanges(before, changes!))).toBe(JSON.stringify(after));
          before = after;
        }
      }),
    );
  });

  it('are none for the same lines in another order (another tab’s draft taken)', () => {
    expect(allocationChanges({ L1: '1.00', L2: '2.00' }, { L2: '2.00', L1: '1.00' })).toBeUndefined();
    expect(allocationChanges({ L1: '1.00', L2: '2.00' }, { L3: '3.00', L1: '1.00' })).toBeUndefined();
    expect(allocationChanges({ L1: '1.00', L2: '2.00', L3: '3.00' }, { L3: '3.00', L1: '1.00' })).toBeUndefined();
    // Integer-like ids sort first in any object: a new one among them cannot be told as a change.
    expect(allocationChanges({ 2: '2.00', x: '1.00' }, { 1: '1.00', 2: '2.00', x: '1.00' })).toBeUndefined();
  });

  it('name only the lines that changed: a new amount, another amount, or emptied', () => {
    const changes = allocationChanges({ L1: '1.00', L2: '2.00', L3: '3.00' }, { L1: '1.00', L2: '2.50', L4: '4.00' });
    expect(changes).toStrictEqual({ L2: '2.50', L4: '4.00', L3: null });
    expect(allocationChanges({ L1: '1.00', L2: '2.00' }, { L2: '2.00' })).toStrictEqual({ L1: null });
  });

  it('are none between one object and itself, and leave the first version as it was', () => {
    const before = { L1: '1.00' };
    expect(allocationChanges(before, before)).toStrictEqual({});
    expect(withAllocationChanges(before, { L1: null, L2: '2.00' })).toStrictEqual({ L2: '2.00' });
    expect(before).toStrictEqual({ L1: '1.00' });
  });

  it('keep a line id spelled __proto__ as a line, not as the object’s prototype', () => {
    const after = Object.fromEntries([['__proto__', '9.00']]);
    const changes = allocationChanges({}, after)!;
    expect(Object.keys(changes)).toEqual(['__proto__']);
    const applied = withAllocationChanges({}, changes);
    expect(Object.getPrototypeOf(applied)).toBe(Object.prototype);
    expect(Object.entries(applied)).toEqual([['__proto__', '9.00']]);
  });
});
