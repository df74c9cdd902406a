import { describe, expect, it } from 'vitest';
import { DraftEditor } from '../../lib/draft-editor';
import { MONEY_REFUSAL } from '../../lib/money';
import { BALANCED, makeClaim, makeSov } from '../support/fixtures';

function editor(allocations: Record<string, string> = {}, state = { editable: true }) {
  const draft = new DraftEditor(() => state.editable);
  draft.reset({ claim: makeClaim(), sov: makeSov(), backfilledClaimIds: [] }, allocations);
  return draft;
}

describe('DraftEditor', () => {
  it('starts on the claim with the draft it is given, validated', () => {
    const draft = editor(BALANCED);
    expect(draft.allocations).toEqual(BALANCED);
    expect(draft.validation?.canSubmit).toBe(true);
    expect(draft.totalRow()).not.toBeNull();
    expect(draft.rows(false).length).toBeGreaterThan(0);
  });

  it('has nothing to edit before it starts', () => {
    const draft = new DraftEditor();
    expect(draft.fillRemaining('L1')).toEqual({ ok: false, message: 'The claim is not loaded yet.' });
    expect(draft.type('L1', '1.00')).toEqual({ changed: [] });
    expect([draft.rows(true), draft.totalRow(), draft.validation]).toEqual([[], null, null]);
  });

  it.each([
    ['12abc', MONEY_REFUSAL.INVALID],
    ['1.005', MONEY_REFUSAL.PRECISION],
    ['1000000000000', MONEY_REFUSAL.TOO_LARGE],
  ])('refuses %s typed on a line, in the one wording of refused amounts', (text, refused) => {
    const draft = editor({ L1: '1.00' });
    expect(draft.type('L1', text)).toEqual({ refused });
    expect(draft.allocations).toEqual({ L1: '1.00' });
    expect(draft.canUndo).toBe(false);
  });

  it('takes typed amounts in canonical money, an empty cell as none, and each as one undo step', () => {
    const draft = editor();
    expect(draft.type('L1', '$1,234.5')).toEqual({ changed: ['L1'] });
    expect(draft.allocations).toEqual({ L1: '1234.50' });
    expect(draft.type('L1', '1234.50')).toEqual({ changed: [] }); // the same amount changes nothing
    expect(draft.type('L1', '')).toEqual({ changed: ['L1'] });
    expect(draft.allocations).toEqual({});
    expect(draft.undo()).toEqual(['L1']);
    expect(draft.allocations).toEqual({ L1: '1234.50' });
    draft.undo();
    expect([draft.allocations, draft.canUndo, draft.canRedo]).toEqual([{}, false, true]);
    expect(draft.redo()).toEqual(['L1']);
    expect(draft.allocations).toEqual({ L1: '1234.50' });
  });

  it('pastes a block whole, as one undo step, or not at all', () => {
    const draft = editor();
    const placed = draft.paste([['1', '600.00'], ['2', '400.00'], ['3', '500.00']], 'L1');
    expect(placed).toMatchObject({ ok: true });
    expect(placed.changed.sort()).toEqual(['L1', 'L2', 'L3']);
    expect(draft.allocations).toEqual(BALANCED);
    expect(draft.paste([['10'], ['20'], ['30']], 'L2')).toMatchObject({ ok: false, changed: [] });
    expect(draft.allocations).toEqual(BALANCED);
    draft.undo();
    expect(draft.allocations).toEqual({});
  });

  it("fills, spreads and clears a code's remaining through the helpers", () => {
    const draft = editor();
    expect(draft.fillRemaining('L3')).toMatchObject({ ok: true, changed: ['L3'] });
    expect(draft.allocations).toEqual({ L3: '500.00' });
    expect(draft.spreadRemaining('03-300')).toMatchObject({ ok: true });
    expect(draft.validation?.canSubmit).toBe(true);
    expect(draft.clearCode('03-300')).toMatchObject({ ok: true });
    expect(draft.allocations).toEqual({ L3: '500.00' });
  });

  it('changes nothing and records nothing while the draft is read-only (being submitted or submitted)', () => {
    const state = { editable: true };
    const draft = editor({ L1: '1.00' }, state);
    state.editable = false;
    expect(draft.type('L1', '2.00')).toEqual({ changed: [] });
    expect(draft.paste([['5.00']], 'L2')).toMatchObject({ changed: [] });
    expect(draft.fillRemaining('L3')).toMatchObject({ ok: true, changed: [] });
    expect([draft.allocations, draft.canUndo]).toEqual([{ L1: '1.00' }, false]);
  });

  it('keeps the undo history when it starts again on a re-read claim, until told to forget it', () => {
    const draft = editor();
    draft.type('L1', '1.00');
    draft.reset({ claim: makeClaim(), sov: makeSov(), backfilledClaimIds: [] }, draft.allocations);
    expect(draft.canUndo).toBe(true);
    draft.clearHistory();
    expect([draft.canUndo, draft.undo()]).toEqual([false, []]);
  });

  it('takes a percent complete to date typed on a line as the amount that gets it there', () => {
    // L1: scheduled 2,000.00, claimed to date 500.00; 45% of it is 900.00, so 400.00 more.
    const draft = editor();
    expect(draft.type('L1', '45%')).toEqual({ changed: ['L1'] });
    expect(draft.allocations).toEqual({ L1: '400.00' });
    expect(draft.type('L1', '120%')).toEqual({ refused: 'A percent complete is between 0% and 100%.' });
    expect(draft.allocations).toEqual({ L1: '400.00' });
  });

  it('spreads every code in one undo step', () => {
    const draft = editor();
    const result = draft.spreadEveryCode();
    expect(result.spread).toEqual(['03-300', '09-900']);
    expect(draft.validation?.canSubmit).toBe(true);
    draft.undo();
    expect(draft.allocations).toEqual({});
  });

  it('puts amounts on a line whose id is spelled __proto__ as on any other, by paste and by every helper', () => {
    const sov = makeSov();
    const lines = sov.lines.map((line) => (line.id === 'L1' ? { ...line, id: '__proto__' } : line));
    const draft = new DraftEditor();
    const claim = makeClaim({ lines: [{ categoryCode: '03-300', description: 'Cast-in-place concrete', amount: '1000.00' }], total: '1000.00' });
    draft.reset({ claim, sov: { ...sov, lines }, backfilledClaimIds: [] }, {});
    const pasted = draft.paste([['300.00'], ['700.00']], '__proto__');
    expect(pasted.summary).toBe('2 amounts placed on lines 1–2');
    expect(Object.entries(draft.allocations)).toEqual([['__proto__', '300.00'], ['L2', '700.00']]);
    expect(draft.validation?.canSubmit).toBe(true);
    draft.clearCode('03-300');
    expect(draft.allocations).toEqual({});
    draft.spreadEveryCode();
    expect(Object.keys(draft.allocations)).toEqual(['__proto__', 'L2']);
    draft.clearCode('03-300');
    draft.spreadRemaining('03-300');
    expect(Object.keys(draft.allocations)).toEqual(['__proto__', 'L2']);
    expect(draft.validation?.canSubmit).toBe(true);
  });
});
