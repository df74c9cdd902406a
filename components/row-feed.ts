import type { GridApi } from 'ag-grid-community';
import type { RowPlace } from '@/lib/allocation-rows';
import type { GridRow } from './allocation-grid-setup';

/** Rows the grid takes before its first frame, past the row that must be in view: the view many times over. */
const FIRST_ROWS = 150;
/** Rows built and added in each task afterwards: a task of a few milliseconds, so keys and clicks are never held up. */
const ROWS_PER_TASK = 600;

/** How many of `count` rows go into the grid with its first frame: `shownIndex` (-1 for none) among them. */
export function firstRowCount(count: number, shownIndex: number): number {
  return Math.min(count, Math.max(shownIndex, 0) + FIRST_ROWS);
}

/**
 * Gives a grid a long list of rows in steps: the first rows (up to the row to be shown, and more) go
 * in with it, so the grid is drawn and usable without waiting for 5,000 rows to be built and taken by
 * its row model; the rest are built and added in tasks of their own once that first frame is painted.
 * A row is built as it goes in, so an edit made meanwhile is in it.
 */
export class RowFeed {
  readonly #api: GridApi<GridRow>;
  readonly #places: readonly RowPlace[];
  readonly #build: (places: readonly RowPlace[]) => GridRow[];
  readonly #onAllIn: () => void;
  #next: number;
  #stopped = false;

  /**
   * `places`: every row in display order, of which the grid holds the first `first` (`firstRowCount`);
   * `build` makes the rows at places; `onAllIn`: every row is in the grid.
   */
  constructor(api: GridApi<GridRow>, places: readonly RowPlace[], first: number, build: (places: readonly RowPlace[]) => GridRow[], onAllIn: () => void) {
    this.#api = api;
    this.#places = places;
    this.#next = first;
    this.#build = build;
    this.#onAllIn = onAllIn;
    if (first >= places.length) onAllIn();
    // After the frame that shows the first rows: a task queued from the next animation frame.
    else requestAnimationFrame(() => setTimeout(() => this.#append()));
  }

  /** Puts every row still waiting into the grid now (to go to a row far down at once). */
  finish(): void {
    this.#add(this.#places.length);
  }

  /** No more rows are added: the grid was given other rows, or is gone. */
  stop(): void {
    this.#stopped = true;
  }

  #append(): void {
    this.#add(this.#next + ROWS_PER_TASK);
    if (this.#next < this.#places.length && !this.#stopped) setTimeout(() => this.#append());
  }

  #add(upTo: number): void {
    if (this.#stopped || this.#next >= this.#places.length) return;
    const started = performance.now();
    const end = Math.min(upTo, this.#places.length);
    this.#api.applyTransaction({ add: this.#build(this.#places.slice(this.#next, end)) });
    // How long each step held the page (harmless, local User Timing): `npm run bench` reads it.
    performance.measure('backfill:grid-rows-added', { start: started, end: performance.now() });
    this.#next = end;
    if (end === this.#places.length) this.#onAllIn();
  }
}
