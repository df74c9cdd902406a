import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocationChanges, withAllocationChanges } from '../../lib/allocation-changes';

// Line ids as a host may name them, including ones that are also names of Object's own members.
const lineId = fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty'));
const allocations = fc.dictionary(lineId, fc.oneof(fc.constantFrom('1.00', '600.00', '(5.00)'), fc.string({ maxLength: 6 })), { maxKeys: 30, noNullPrototype: true });

describe('the changes between two versions of a draft’s allocations', () => {
  it('turn the first into the second, whatever the line ids', () => {
    fc.assert(
      fc.property(allocations, allocations, (before, after) => {
        expect(withAllocationChanges(before, allocationChanges(before, after))).toStrictEqual(after);
      }),
    );
  });

  it('name only the lines that changed: a new amount, another amount, or emptied', () => {
    const changes = allocationChanges({ L1: '1.00', L2: '2.00', L3: '3.00' }, { L1: '1.00', L2: '2.50', L4: '4.00' });
    expect(changes).toStrictEqual({ L2: '2.50', L4: '4.00', L3: null });
  });

  it('are none between one object and itself, and leave the first version as it was', () => {
    const before = { L1: '1.00' };
    expect(allocationChanges(before, before)).toStrictEqual({});
    expect(withAllocationChanges(before, { L1: null, L2: '2.00' })).toStrictEqual({ L2: '2.00' });
    expect(before).toStrictEqual({ L1: '1.00' });
  });

  it('keep a line id spelled __proto__ as a line, not as the object’s prototype', () => {
    const after = Object.fromEntries([['__proto__', '9.00']]);
    const changes = allocationChanges({}, after);
    expect(Object.keys(changes)).toEqual(['__proto__']);
    const applied = withAllocationChanges({}, changes);
    expect(Object.getPrototypeOf(applied)).toBe(Object.prototype);
    expect(Object.entries(applied)).toEqual([['__proto__', '9.00']]);
  });
});
