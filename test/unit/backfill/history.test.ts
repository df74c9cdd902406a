import { describe, expect, it } from 'vitest';
import { AllocationHistory } from '../../../lib/backfill';

describe('AllocationHistory', () => {
  it('undoes and redoes whole steps, and a new edit drops the redo steps', () => {
    const values: Record<string, string> = {};
    const history = new AllocationHistory();
    const apply = (patch: Record<string, string> | null) => Object.assign(values, patch);
    const edit = (patch: Record<string, string>) => {
      history.record(patch, (id) => values[id] ?? '');
      apply(patch);
    };
    edit({ A: '1.00' });
    edit({ A: '2.00', B: '3.00' }); // a paste: one step
    apply(history.undo());
    expect(values).toEqual({ A: '1.00', B: '' });
    apply(history.redo());
    expect(values).toEqual({ A: '2.00', B: '3.00' });
    apply(history.undo());
    edit({ C: '4.00' });
    expect(history.canRedo).toBe(false);
    apply(history.undo());
    apply(history.undo());
    expect(values).toEqual({ A: '', B: '', C: '' });
    expect(history.undo()).toBeNull();
  });

  it('records nothing for a change that changes nothing', () => {
    const history = new AllocationHistory();
    history.record({ A: '1.00' }, () => '1.00');
    expect(history.canUndo).toBe(false);
  });

  it('forgets the oldest steps past its limit', () => {
    const history = new AllocationHistory(2);
    for (const value of ['1', '2', '3']) history.record({ A: value }, () => '');
    expect(history.undo()).not.toBeNull();
    expect(history.undo()).not.toBeNull();
    expect(history.undo()).toBeNull();
  });

  it('gives back a line whose id is spelled __proto__ as a line of its own', () => {
    const history = new AllocationHistory();
    history.record(JSON.parse('{"__proto__":"1.00"}') as Record<string, string>, () => '');
    const undone = history.undo()!;
    expect(Object.hasOwn(undone, '__proto__')).toBe(true);
    expect(Object.entries(undone)).toEqual([['__proto__', '']]);
  });
});
