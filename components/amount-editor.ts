import type { GridApi } from 'ag-grid-community';
import type { LineRow } from '@/lib/allocation-rows';
import type { GridRow } from './allocation-grid-setup';

/** The class of This claim's editor: keys typed in it are the editor's (Esc cancels the edit, not the panel). */
export const AMOUNT_EDITOR_CLASS = 'amount-editor';

/**
 * How an edit began, as in Excel: typed over the cell (Up and Down end it and move on), or opened on
 * the amount to change it (F2, a double click: they move the caret, as Left and Right always do).
 */
type EditMode = 'enter' | 'edit';

interface OpenEdit {
  row: LineRow;
  rowIndex: number;
  /** The text it opened with: left unchanged, nothing is stored. */
  before: string;
  mode: EditMode;
}

/** What the editor tells the grid's owner. */
export interface AmountEditorEvents {
  /** Text typed into a line's This claim, to store or refuse; `moved` when its key moved the focus on. */
  onCommit(sovLineId: string, text: string, moved: boolean): void;
}

/**
 * This claim's editor: one input laid over the focused cell, with Excel's keys. It stands outside AG
 * Grid's cell editors: closing one of those on Enter (taking it down, drawing its cell again, moving
 * the focus) took 8 to 11 ms of every typed amount on a 5,000-line claim, in traces; this one is hidden,
 * and the row is redrawn by the grid's owner. The grid keeps the focused cell the while, and its own
 * keys (the arrows, Tab) when no edit is open.
 */
export class AmountEditor {
  /** Clips the editor to the rows' area: scrolled under the header or the totals row, it is hidden as a cell is. */
  private readonly layer: HTMLDivElement;
  private readonly input: HTMLInputElement;
  private open: OpenEdit | undefined;
  private readonly place = () => this.placeOverCell();
  /** A double click on a line's This claim opens its amount to change. */
  private readonly onDoubleClick = (event: MouseEvent) => {
    const cell = event.target instanceof Element ? event.target.closest('.ag-cell[col-id="thisClaim"]') : null;
    const id = cell?.closest('.ag-row')?.getAttribute('row-id');
    // By the row's id: the totals row, pinned below, is no row of the grid's and opens nothing.
    const rowIndex = id == null ? null : this.api.getRowNode(id)?.rowIndex;
    if (rowIndex != null) this.openAt(rowIndex, undefined);
  };
  private readonly onGridKey = (event: KeyboardEvent) => {
    // Taken already (a key the grid's owner handles), or typed into the open editor (its own keys).
    if (event.defaultPrevented || this.open || !this.takeKey(event)) return;
    event.preventDefault();
    event.stopPropagation();
  };

  constructor(
    private readonly container: HTMLElement,
    private readonly api: GridApi<GridRow>,
    private readonly events: AmountEditorEvents,
  ) {
    const document = container.ownerDocument;
    this.layer = document.createElement('div');
    this.layer.className = 'amount-editor-layer';
    this.layer.style.cssText = 'position: absolute; overflow: hidden; pointer-events: none; z-index: 1';
    this.layer.hidden = true;
    this.input = document.createElement('input');
    this.input.type = 'text';
    this.input.className = AMOUNT_EDITOR_CLASS;
    this.input.style.cssText = 'position: absolute; box-sizing: border-box; margin: 0; pointer-events: auto';
    this.input.autocomplete = 'off';
    this.input.spellcheck = false;
    this.layer.append(this.input);
    container.append(this.layer);
    // Before the grid hears them: AG Grid would move on, or do nothing, on a cell it does not edit.
    container.addEventListener('keydown', this.onGridKey, true);
    this.input.addEventListener('keydown', (event) => this.onKeyDown(event));
    this.input.addEventListener('blur', (event) => this.onBlur(event));
    // Heard on the page, not through the grid's API: the grid tells its listeners a task later, and
    // the editor would open after the keys that followed the double click, or trail a scroll by a frame.
    container.addEventListener('dblclick', this.onDoubleClick);
    container.querySelector('.ag-grid-viewport')?.addEventListener('scroll', this.place, { passive: true });
    // The cell moves under the editor as the panel is dragged wider or a column resized (rare while typing).
    for (const type of ['gridSizeChanged', 'columnResized', 'displayedColumnsChanged'] as const) api.addEventListener(type, this.place);
  }

  get isOpen(): boolean {
    return this.open !== undefined;
  }

  /**
   * Opens the editor on the line at `rowIndex` (focused, and scrolled into view): with `typed` as an
   * amount typed over the cell, or, undefined, with the line's amount to change.
   */
  openAt(rowIndex: number, typed: string | undefined): boolean {
    const row = this.editableLine(rowIndex);
    if (!row) return false;
    this.api.ensureIndexVisible(rowIndex);
    this.api.setFocusedCell(rowIndex, 'thisClaim');
    this.open = { row, rowIndex, before: row.thisClaim, mode: typed === undefined ? 'edit' : 'enter' };
    this.input.value = typed ?? row.thisClaim;
    this.input.setAttribute('aria-label', `This claim, line ${row.lineNumber}, ${row.description}`);
    this.layer.hidden = false;
    this.placeOverCell();
    this.input.focus({ preventScroll: true });
    this.input.setSelectionRange(this.input.value.length, this.input.value.length);
    return true;
  }

  /** Closes an open edit and keeps nothing typed in it: the rows were replaced, or a block pasted in it goes in as a block. */
  cancel(): void {
    const hadFocus = this.container.ownerDocument.activeElement === this.input;
    const open = this.close();
    if (!open) return;
    if (hadFocus) this.focusCell(open.rowIndex);
    this.dropCaret();
  }

  destroy(): void {
    this.open = undefined;
    this.container.removeEventListener('keydown', this.onGridKey, true);
    this.container.removeEventListener('dblclick', this.onDoubleClick);
    this.container.querySelector('.ag-grid-viewport')?.removeEventListener('scroll', this.place);
    this.layer.remove();
  }

  /**
   * Moves the focus `step` lines down (up when negative) from `rowIndex`, passing over the codes'
   * header rows as Excel passes merged headings: Enter and Shift+Enter, with or without an edit.
   * False when no line is there.
   */
  moveFrom(rowIndex: number, step: 1 | -1): boolean {
    const focused = this.api.getFocusedCell();
    // From a code's header row (one wide cell), to the amount of its first line.
    const column = focused && this.api.getDisplayedRowAtIndex(focused.rowIndex)?.data?.kind === 'line' ? focused.column : 'thisClaim';
    for (let next = rowIndex + step; next >= 0 && next < this.api.getDisplayedRowCount(); next += step) {
      if (this.api.getDisplayedRowAtIndex(next)?.data?.kind !== 'line') continue;
      this.api.ensureIndexVisible(next);
      this.api.setFocusedCell(next, column);
      return true;
    }
    return false;
  }

  /**
   * Excel's keys on a focused cell of This claim, no edit open: a character starts an amount, F2 opens
   * the amount to change it, Backspace starts it empty, Delete clears it. True when the key was taken.
   */
  private takeKey(event: KeyboardEvent): boolean {
    const cell = this.api.getFocusedCell();
    if (!cell || cell.rowPinned || cell.column.getColId() !== 'thisClaim' || event.ctrlKey || event.metaKey || event.altKey) return false;
    const row = this.editableLine(cell.rowIndex);
    if (!row) return false;
    if (event.key === 'F2') this.openAt(cell.rowIndex, undefined);
    else if (event.key === 'Backspace') this.openAt(cell.rowIndex, '');
    else if (event.key === 'Delete') {
      if (row.thisClaim !== '') this.events.onCommit(row.id, '', false);
    } else if (event.key.length === 1) this.openAt(cell.rowIndex, event.key);
    else return false;
    return true;
  }

  private editableLine(rowIndex: number): LineRow | undefined {
    const row = this.api.getDisplayedRowAtIndex(rowIndex)?.data;
    return row?.kind === 'line' && row.editable ? row : undefined;
  }

  private onKeyDown(event: KeyboardEvent): void {
    const open = this.open;
    if (!open) return;
    const arrow = open.mode === 'enter' && (event.key === 'ArrowDown' || event.key === 'ArrowUp');
    if (event.key === 'Enter' || arrow) {
      const step = event.key === 'ArrowUp' || (event.key === 'Enter' && event.shiftKey) ? -1 : 1;
      this.finish(event, () => this.moveFrom(open.rowIndex, step) || this.focusCell(open.rowIndex), true);
    } else if (event.key === 'Tab') {
      this.finish(event, () => {
        this.focusCell(open.rowIndex);
        if (event.shiftKey) this.api.tabToPreviousCell();
        else this.api.tabToNextCell();
      }, true);
    } else if (event.key === 'Escape') {
      this.finish(event, () => this.focusCell(open.rowIndex), false);
    }
    // Every other key is the input's (its caret, its own undo): the grid does not see it.
    event.stopPropagation();
  }

  /**
   * Ends the open edit on its key: hidden, the text given to be stored when `keep` and changed, then
   * the focus moved (`move`); the caret the input had is let go (see `dropCaret`).
   */
  private finish(event: KeyboardEvent, move: () => void, keep: boolean): void {
    event.preventDefault();
    const open = this.close();
    if (!open) return;
    if (keep && this.input.value !== open.before) this.events.onCommit(open.row.id, this.input.value, true);
    move();
    this.dropCaret();
  }

  /**
   * A click elsewhere in the panel ends the edit and keeps what was typed (the focus is where the user
   * clicked). Leaving the window (another tab, the page around the panel) keeps the edit open, as
   * Excel does: the browser gives the input its focus back on return.
   */
  private onBlur(event: FocusEvent): void {
    if (!this.open || (event.relatedTarget === null && !this.container.ownerDocument.hasFocus())) return;
    const open = this.close();
    if (open && this.input.value !== open.before) this.events.onCommit(open.row.id, this.input.value, false);
  }

  /** Hides the editor; the edit that was open, if any. */
  private close(): OpenEdit | undefined {
    const open = this.open;
    this.open = undefined;
    this.layer.hidden = true;
    return open;
  }

  private focusCell(rowIndex: number): void {
    this.api.setFocusedCell(rowIndex, 'thisClaim');
  }

  /**
   * Lets go of the caret the hidden editor leaves in the page: the browser would otherwise work out
   * where it is at every update, walking the page (about 12 ms of every amount typed on a 300-code
   * claim, in traces of AG Grid's own editor, which left one behind too).
   */
  private dropCaret(): void {
    const selection = this.container.ownerDocument.getSelection();
    if (selection?.type === 'Caret') selection.removeAllRanges();
  }

  /**
   * Lays the editor over its line's cell, clipped to the rows between the header and the totals row.
   * A line scrolled out of view keeps its edit, out of sight, until the edit ends.
   */
  private placeOverCell(): void {
    const open = this.open;
    if (!open) return;
    const base = this.container.getBoundingClientRect();
    const viewport = this.container.querySelector('.ag-grid-viewport');
    const header = this.container.querySelector('.ag-grid-pinned-top-rows');
    const totals = this.container.querySelector('.ag-grid-pinned-bottom-rows');
    if (!viewport) return;
    const view = viewport.getBoundingClientRect();
    const top = header ? header.getBoundingClientRect().bottom : view.top;
    const bottom = totals ? totals.getBoundingClientRect().top : view.top + viewport.clientHeight;
    Object.assign(this.layer.style, {
      left: `${view.left - base.left}px`,
      top: `${top - base.top}px`,
      width: `${viewport.clientWidth}px`,
      height: `${Math.max(0, bottom - top)}px`,
    });
    const cell = this.container.querySelector(`.ag-row[row-id="${CSS.escape(open.row.id)}"] .ag-cell[col-id="thisClaim"]`);
    const box = cell?.getBoundingClientRect();
    Object.assign(this.input.style, box
      ? { left: `${box.left - view.left}px`, top: `${box.top - top}px`, width: `${box.width}px`, height: `${box.height}px` }
      : { top: '-1000px' });
  }
}
