// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAllocationGrid } from '../../components/allocation-grid-setup';
import { firstRowCount, RowFeed } from '../../components/row-feed';
import { rowPlaces, rowsAt, totalRow } from '../../lib/allocation-rows';
import { BackfillValidator } from '../../lib/backfill';
import type { SovLine } from '../../lib/schemas';
import { makeClaim, makeSov } from '../support/fixtures';

/** A contract of 2,000 lines on the claim's two codes: 2,002 rows in the grid. */
function bigValidator(): BackfillValidator {
  const lines: SovLine[] = Array.from({ length: 2_000 }, (_, index) => ({
    id: `L${index + 1}`,
    lineNumber: index + 1,
    categoryCode: index < 1_000 ? '03-300' : '09-900',
    description: `Line ${index + 1}`,
    scheduledValue: '100.00',
    claimedToDate: '0.00',
  }));
  return new BackfillValidator({ claim: makeClaim(), sov: makeSov({ lines }), backfilledClaimIds: [] });
}

function shownIds(api: ReturnType<typeof createAllocationGrid>): string[] {
  const ids: string[] = [];
  api.forEachNode((node) => ids.push(node.id!));
  return ids;
}

describe('rows fed to the grid after its first frame', () => {
  afterEach(() => vi.useRealTimers());

  function open(validator: BackfillValidator, shownIndex = -1) {
    vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] });
    const container = document.createElement('div');
    container.style.height = '400px';
    document.body.append(container);
    const places = rowPlaces(validator, { showOtherLines: false });
    const first = firstRowCount(places.length, shownIndex);
    const api = createAllocationGrid(container, { rows: rowsAt(validator, places.slice(0, first)), totalRow: totalRow(validator, validator.result().codes), dark: false, onLineFocused: vi.fn() });
    const allIn = vi.fn();
    const feed = new RowFeed(api, places, first, (some) => rowsAt(validator, some), allIn);
    const rows = places;
    return { api, rows, first, feed, allIn };
  }

  it('shows the first rows at once and every row, in order, once the tasks after the first frame have run', async () => {
    const { api, rows, first, allIn } = open(bigValidator());
    expect(first).toBeLessThan(rows.length);
    expect(shownIds(api)).toEqual(rows.slice(0, first).map((row) => row.id));
    expect(allIn).not.toHaveBeenCalled();
    await vi.runAllTimersAsync();
    expect(shownIds(api)).toEqual(rows.map((row) => row.id));
    expect(allIn).toHaveBeenCalledOnce();
    api.destroy();
  });

  it('takes the row to be shown, far down, in its first rows', () => {
    const { api, rows } = open(bigValidator(), 1_500);
    expect(api.getRowNode(rows[1_500]!.id)).toBeDefined();
    api.destroy();
  });

  it('puts a row edited while it waited into the grid as it stands then, its code’s header row too', async () => {
    const validator = bigValidator();
    const { api } = open(validator);
    expect(api.getRowNode('L1900')).toBeUndefined();
    validator.set('L1900', '12.34');
    await vi.runAllTimersAsync();
    expect(api.getRowNode('L1900')?.data).toMatchObject({ thisClaim: '12.34', remainingBalance: '87.66' });
    expect(api.getRowNode('code:09-900')?.data).toMatchObject({ allocated: '12.34', remaining: '487.66' });
    api.destroy();
  });

  it('puts every row in at once when asked (to go far down now), and adds nothing after being stopped', async () => {
    const { api, rows, feed, allIn } = open(bigValidator());
    feed.finish();
    expect(api.getDisplayedRowCount()).toBe(rows.length);
    expect(allIn).toHaveBeenCalledOnce();
    api.destroy();

    const other = open(bigValidator());
    other.feed.stop();
    await vi.runAllTimersAsync();
    expect(other.api.getDisplayedRowCount()).toBe(other.first);
    other.api.destroy();
  });
});
