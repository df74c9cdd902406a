import { describe, expect, it } from 'vitest';
import { planPaste, type PasteTarget } from '../../lib/paste';

// Display order: code A's header and two lines, code B's header and one line, then a read-only line.
const rows: PasteTarget[] = [
  { id: 'code:A', editable: false },
  { id: 'A1', editable: true },
  { id: 'A2', editable: true },
  { id: 'code:B', editable: false },
  { id: 'B1', editable: true },
  { id: 'X1', editable: false },
];

describe('planPaste', () => {
  it('fills a code\'s lines, then carries on past the next code header into its lines', () => {
    const plan = planPaste(rows, 1, [['$1,000.00'], ['(12.50)'], ['7']], 0);
    expect(plan).toEqual({ patch: { A1: '1000.00', A2: '-12.50', B1: '7.00' }, refused: [], unplaced: 0 });
  });

  it('starting on a header or read-only row skips to the next editable line', () => {
    expect(planPaste(rows, 0, [['1']], 0).patch).toEqual({ A1: '1.00' });
    expect(planPaste(rows, 3, [['1']], 0).patch).toEqual({ B1: '1.00' });
  });

  it('reports values it refused and cells it could not place, storing nothing for them', () => {
    const plan = planPaste(rows, 2, [['abc'], ['1.234'], ['5'], ['6']], 0);
    expect(plan.patch).toEqual({});
    expect(plan.refused).toEqual([
      { sovLineId: 'A2', text: 'abc', error: 'INVALID' },
      { sovLineId: 'B1', text: '1.234', error: 'PRECISION' },
    ]);
    expect(plan.unplaced).toBe(2); // past the last editable line (X1 is read-only)
  });

  it('clears lines for blank cells', () => {
    expect(planPaste(rows, 1, [[''], ['2']], 0).patch).toEqual({ A1: '', A2: '2.00' });
  });

  it('reads the column that lines up with the editable one and counts the others unplaced', () => {
    const plan = planPaste(rows, 1, [['Footings', '10'], ['Slabs', '20']], 1);
    expect(plan).toEqual({ patch: { A1: '10.00', A2: '20.00' }, refused: [], unplaced: 2 });
    expect(planPaste(rows, 1, [['10', '20']], -1)).toEqual({ patch: {}, refused: [], unplaced: 2 });
  });
});
