import { describe, expect, it } from 'vitest';
import { paintedAfter } from '../../scripts/frame-trace';

const USER_TIMING = 'blink.user_timing';
const FRAME = 'disabled-by-default-devtools.timeline.frame';
const at = (ms: number) => ms * 1000; // trace times are µs

const mark = (pid: number, ms: number) => ({ name: 'edit', cat: USER_TIMING, ph: 'R', pid, ts: at(ms) });
const begins = (pid: number, ms: number, layerTreeId = 2) => ({ name: 'BeginMainThreadFrame', cat: FRAME, ph: 'I', pid, ts: at(ms), args: { layerTreeId } });
const commits = (pid: number, fromMs: number, toMs: number) => [
  { name: 'Commit', cat: FRAME, ph: 'b', pid, ts: at(fromMs) },
  { name: 'Commit', cat: FRAME, ph: 'e', pid, ts: at(toMs) },
];

describe('paintedAfter (the bench reads when an edit was painted from the frame trace)', () => {
  it("times each entry to the end of the commit of its renderer's first frame begun after it", () => {
    const events = [
      ...commits(1, 9, 10), // a frame drawn before the edit
      begins(1, 8),
      mark(1, 11),
      ...commits(1, 10.5, 11.5), // that frame's commit, ending after the edit: not the edit's frame
      begins(2, 12), // another renderer's frame (the host page)
      ...commits(2, 13, 14),
      begins(1, 19),
      ...commits(1, 22, 23.5),
      // A measure counts from its start.
      { name: 'edit', cat: USER_TIMING, ph: 'b', pid: 1, ts: at(30) },
      { name: 'edit', cat: USER_TIMING, ph: 'e', pid: 1, ts: at(36) },
      begins(1, 37),
      ...commits(1, 40, 41),
    ];
    // Trace events arrive in no particular order.
    expect(paintedAfter(events.reverse(), 'edit')).toEqual([12.5, 11]);
  });

  it('refuses to guess when frames of two pages of one renderer follow an entry', () => {
    expect(() => paintedAfter([mark(1, 10), begins(1, 12, 2), begins(1, 13, 3), ...commits(1, 15, 16)], 'edit')).toThrow(/two pages/);
  });

  it('has no time for an entry whose frame the trace holds no commit of', () => {
    expect(paintedAfter([mark(1, 10), begins(1, 12), mark(1, 20), begins(1, 21), ...commits(1, 23, 24)], 'edit')).toEqual([14, 4]);
    expect(paintedAfter([mark(1, 10), begins(1, 12)], 'edit')).toEqual([undefined]);
    expect(paintedAfter([mark(1, 10), ...commits(1, 8, 9)], 'edit')).toEqual([undefined]);
  });
});
