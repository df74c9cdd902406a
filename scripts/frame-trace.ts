import type { Browser, CDPSession } from 'playwright-core';

/**
 * When a frame showing each edit was painted, read from Chromium's own frame trace. A page cannot
 * observe the end of its next frame: `requestAnimationFrame` then a task, the usual stand-in, runs
 * only after the tasks already queued (timers set during the edit), and, when the edit scrolled the
 * grid, after a second frame, which Chromium draws before any task following input. Traces of the
 * panel show that stand-in landing 2 to 10 ms after the frame that held the edit, and a whole frame
 * later when the grid scrolled. The frame category adds a few events per frame, so tracing it barely
 * slows the page.
 */
export interface FrameTrace {
  /**
   * Ends the trace. For each name, for each User Timing entry of that name (a mark, or a measure from
   * its start), in order: ms from it to the end of the commit of the first frame its renderer began
   * after it, the frame holding whatever the task that made the entry changed; undefined when the trace
   * holds no commit of that frame (one of the first six bench runs lost one).
   */
  stop(...names: string[]): Promise<(number | undefined)[][]>;
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  ts: number;
  args?: { layerTreeId?: number };
}

const CATEGORIES = ['blink.user_timing', 'disabled-by-default-devtools.timeline.frame'];

export async function startFrameTrace(browser: Browser): Promise<FrameTrace> {
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => void events.push(...(value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  return {
    async stop(...names) {
      // The renderer hands over its last frames' events a little after they happen.
      await new Promise((done) => setTimeout(done, 500));
      const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach();
      return names.map((name) => paintedAfter(events, name));
    },
  };
}

/** See `FrameTrace.stop`. Throws when frames of two pages interleave: which is whose cannot be told. */
export function paintedAfter(events: readonly TraceEvent[], name: string): (number | undefined)[] {
  const byTime = [...events].sort((a, b) => a.ts - b.ts);
  // A measure's start is its 'b' event; a mark is an instant ('R', 'I' or 'n').
  const entries = byTime.filter((event) => event.cat.includes('blink.user_timing') && event.name === name && event.ph !== 'e');
  return entries.map((entry) => {
    const frames = byTime.filter((event) => event.pid === entry.pid && event.name === 'BeginMainThreadFrame' && event.ts > entry.ts);
    const frame = frames[0];
    if (!frame) return undefined;
    // Another page of the renderer (the panel page standing by) drawing within 100 ms of the edit's frame.
    if (frames.some((other) => other.ts < frame.ts + 100_000 && other.args?.layerTreeId !== frame.args?.layerTreeId)) {
      throw new Error(`Frames of two pages of one renderer interleave after ${name}: which frame is whose cannot be told`);
    }
    const commit = byTime.find((event) => event.pid === entry.pid && event.name === 'Commit' && event.ph === 'e' && event.ts > frame.ts);
    return commit && (commit.ts - entry.ts) / 1000;
  });
}
