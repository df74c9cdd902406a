import { describe, expect, it } from 'vitest';
import type { ClaimIdentity } from '../../lib/claim-identity';
import type { DraftMark } from '../../lib/draft-marks-reply';
import type { LinkButtons } from '../../entrypoints/reconciliation.content/link-buttons';
import { RowMarks } from '../../entrypoints/reconciliation.content/row-marks';

/** The buttons of two rows, and the marks last handed to them. */
function twoRows() {
  const shown: { marks: ReadonlyMap<string, DraftMark> | null } = { marks: null };
  const claims = new Map<string, ClaimIdentity>([
    ['a', { claimId: 'YC-1' }],
    ['b', { claimId: 'YC-2' }],
  ]);
  const buttons = { claims: () => claims, setMarks: (marks: ReadonlyMap<string, DraftMark>) => (shown.marks = new Map(marks)) } as unknown as LinkButtons;
  return { buttons, shown };
}

describe('the rows’ draft marks', () => {
  it('never lets an answer asked before a refresh overwrite the refresh’s newer one', async () => {
    const { buttons, shown } = twoRows();
    const answers: Array<(reply: unknown) => void> = [];
    const marks = new RowMarks(buttons, () => new Promise((resolve) => answers.push(resolve)));
    marks.follow(); // after a scan: asks about both rows
    marks.refresh(); // a draft was saved meanwhile: asks again
    answers[1]!({ marks: [{ state: 'draft', percent: 60 }, null] });
    await new Promise((resolve) => setTimeout(resolve, 0));
    answers[0]!({ marks: [null, null] }); // the older answer arrives last
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(shown.marks).toEqual(new Map([['a', { state: 'draft', percent: 60 }]]));
  });
});
