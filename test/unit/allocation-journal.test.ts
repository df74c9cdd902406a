import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withAllocationChanges } from '../../lib/allocation-changes';
import { AllocationJournal } from '../../lib/allocation-journal';
import { DraftEditor } from '../../lib/draft-editor';
import { makeClaim, makeSov } from '../support/fixtures';

const LINES = ['L1', 'L2', 'L3', 'L4', 'L5', 'L9', '__proto__'];

type Step = { kind: 'type'; line: string; text: string } | { kind: 'paste'; at: string; texts: string[] } | { kind: 'undo' } | { kind: 'redo' } | { kind: 'reset' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('type' as const), line: fc.constantFrom(...LINES), text: fc.constantFrom('', '1.00', '2.50', '-3.00', '10%', 'abc') }),
  fc.record({ kind: fc.constant('paste' as const), at: fc.constantFrom('L1', 'L2', 'L3'), texts: fc.array(fc.constantFrom('', '4.00', '5.25'), { minLength: 1, maxLength: 3 }) }),
  fc.constant({ kind: 'undo' as const }),
  fc.constant({ kind: 'redo' as const }),
  fc.constant({ kind: 'reset' as const }),
);

function run(draft: DraftEditor, each: Step): void {
  if (each.kind === 'type') draft.type(each.line, each.text);
  else if (each.kind === 'paste') draft.paste(each.texts.map((text) => [text]), each.at);
  else if (each.kind === 'undo') draft.undo();
  else if (each.kind === 'redo') draft.redo();
  else draft.reset({ claim: makeClaim(), sov: makeSov(), backfilledClaimIds: [] }, { L3: '7.00', L1: '1.00' });
}

describe('the draft editor’s allocation journal', () => {
  it('tells what turns any version it knows into a later one, lines in the same order, or says it cannot', () => {
    fc.assert(
      // Some journals small enough for versions to fall out of what they keep.
      fc.property(fc.array(step, { maxLength: 25 }), fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }), (steps, limit) => {
        const draft = new DraftEditor(undefined, new AllocationJournal(limit));
        draft.reset({ claim: makeClaim(), sov: makeSov(), backfilledClaimIds: [] }, {});
        const copies = new Map([[draft.journal.version, draft.allocations]]);
        // Lines emptied since each version: one typed again comes back last, which changes cannot say.
        const left = new Map<number, Set<string>>([[draft.journal.version, new Set()]]);
        const cameBack = new Set<number>();
        let resetAt = draft.journal.version;
        for (const each of steps) {
          const before = draft.allocations;
          run(draft, each);
          const after = draft.allocations;
          if (each.kind === 'reset') {
            resetAt = draft.journal.version;
            left.set(resetAt, new Set());
          } else if (after !== before) {
            for (const [version, lines] of left) {
              for (const line of Object.keys(before)) if (!Object.hasOwn(after, line)) lines.add(line);
              for (const line of Object.keys(after)) if (lines.has(line) && !Object.hasOwn(before, line)) cameBack.add(version);
            }
            left.set(draft.journal.version, new Set());
          }
          copies.set(draft.journal.version, after);
        }
        const latest = draft.journal.version;
        for (const [version, copy] of copies) {
          const changes = draft.journal.changesBetween(version, latest);
          if (changes === undefined) {
            // Only before a reset, or across a line that came back, or past a small journal's limit.
            if (limit === undefined) expect(version < resetAt || cameBack.has(version)).toBe(true);
            continue;
          }
          expect(version).toBeGreaterThanOrEqual(resetAt);
          expect(cameBack.has(version)).toBe(false);
          const rebuilt = withAllocationChanges(copy, changes);
          expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(draft.allocations));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('knows every version since a reset while it is under its limit', () => {
    const draft = new DraftEditor();
    draft.reset({ claim: makeClaim(), sov: makeSov(), backfilledClaimIds: [] }, { L1: '1.00' });
    const start = draft.journal.version;
    draft.type('L2', '2.00');
    draft.type('L1', '');
    draft.paste([['3.00'], ['4.00']], 'L2');
    expect(draft.journal.changesBetween(start, draft.journal.version)).toEqual({ L2: '3.00', L1: null, L3: '4.00' });
    // L1 typed again comes back after L2 and L3: only a whole copy carries that.
    draft.type('L1', '5.00');
    expect(draft.journal.changesBetween(start, draft.journal.version)).toBeUndefined();
    expect(Object.keys(draft.allocations)).toEqual(['L2', 'L3', 'L1']);
  });

  it('forgets the oldest changes past its limit, and everything before a restart', () => {
    const journal = new AllocationJournal(2);
    journal.record({ L1: '1.00' });
    journal.record({ L2: '2.00' });
    expect(journal.changesBetween(0, 2)).toEqual({ L1: '1.00', L2: '2.00' });
    journal.record({ L3: '3.00' });
    expect(journal.changesBetween(0, 3)).toBeUndefined();
    expect(journal.changesBetween(1, 3)).toEqual({ L2: '2.00', L3: '3.00' });
    expect(journal.changesBetween(1, 2)).toEqual({ L2: '2.00' });
    journal.restart();
    expect(journal.changesBetween(3, 4)).toBeUndefined();
    expect(journal.changesBetween(4, 4)).toEqual({});
    expect(journal.changesBetween(4, 5)).toBeUndefined(); // not yet made
  });

  it('copies the allocations out only when they are read, once per change', () => {
    const draft = new DraftEditor();
    draft.reset({ claim: makeClaim(), sov: makeSov(), backfilledClaimIds: [] }, { L1: '1.00' });
    const first = draft.allocations;
    expect(draft.allocations).toBe(first);
    draft.type('L1', '1.00'); // no change
    expect(draft.allocations).toBe(first);
    draft.type('L1', '2.00');
    expect(draft.allocations).not.toBe(first);
    expect(draft.allocations).toEqual({ L1: '2.00' });
    expect(first).toEqual({ L1: '1.00' });
  });
});
