import type { GridApi } from 'ag-grid-community';
import type { AllocationGridSetup, GridRow } from './allocation-grid-setup';
import { loadAllocationGrid } from './allocation-grid-loader';

/** What the grid tells the panel; set by the panel that takes the grid. */
export type GridEvents = Pick<AllocationGridSetup, 'onLineFocused' | 'onFirstRender'>;

/** An allocation grid made before its claim was read: empty, out of sight, in its own element. */
export interface PreparedGrid {
  element: HTMLDivElement;
  api: GridApi<GridRow>;
  events: GridEvents;
  /** Made in the dark scheme: the panel follows the scheme shown when it takes the grid. */
  dark: boolean;
}

let prepared: PreparedGrid | undefined;

/**
 * Makes the allocation grid ahead, empty, while the claim is read (or while the panel page stands by
 * for one): its frame, columns and theme are built then, not after the host answered, when the grid
 * is waited for. Its element is out of sight and out of reach (inert) until a panel takes it.
 */
export function prepareAllocationGrid(dark: boolean): void {
  loadAllocationGrid().then(({ createAllocationGrid }) => {
    const element = document.createElement('div');
    // Laid out as the panel's grid would be (AG Grid measures its frame), but not seen.
    element.style.cssText = 'position: fixed; top: 0; left: 0; width: 100%; height: max(320px, 55vh); visibility: hidden; pointer-events: none';
    element.inert = true;
    document.body.append(element);
    const events: GridEvents = { onLineFocused: () => {}, onFirstRender: () => {} };
    const api = createAllocationGrid(element, {
      rows: [],
      totalRow: null,
      dark,
      onLineFocused: (sovLineId) => events.onLineFocused(sovLineId),
      onFirstRender: () => events.onFirstRender?.(),
    });
    prepared = { element, api, events, dark };
  }, () => undefined); // the panel loads the grid again where it is shown, and says so if it fails
}

/** The grid made ahead, for one panel to take: put into `container`, in sight. Undefined when none is ready. */
export function takePreparedGrid(container: HTMLElement): PreparedGrid | undefined {
  const grid = prepared;
  prepared = undefined;
  if (grid) {
    grid.element.style.cssText = 'height: 100%';
    grid.element.inert = false;
    container.append(grid.element);
  }
  return grid;
}
