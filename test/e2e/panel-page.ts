import type { FrameLocator, Locator } from 'playwright-core';

/** The Backfill panel (the extension page in the docked iframe) as a user works it. */
export class PanelPage {
  /** The panel's frame, or the page itself where the view is a whole page (the workbench, the panel in a tab). */
  constructor(readonly frame: Pick<FrameLocator, 'getByRole' | 'getByLabel' | 'getByText' | 'locator'>) {}

  heading(name: string | RegExp): Locator {
    return this.frame.getByRole('heading', { name });
  }

  button(name: string | RegExp): Locator {
    return this.frame.getByRole('button', { name, exact: typeof name === 'string' });
  }

  /** The blocker sentences shown on step 1, keyed by rule id. */
  blockers(): Locator {
    return this.frame.locator('[data-rule]');
  }

  saveState(): Locator {
    return this.frame.locator('[data-save-state]');
  }

  async waitSaved(): Promise<void> {
    await this.frame.locator('[data-save-state="saved"]').waitFor({ timeout: 10_000 });
  }

  /** The "This claim" cell of an SOV line in the allocation grid. */
  amountCell(sovLineId: string): Locator {
    return this.frame.locator(`.ag-row[row-id="${sovLineId}"] [col-id="thisClaim"]`);
  }

  /** The remaining (or "✓ Balanced") of a code in the pinned Yardi reference. */
  remaining(categoryCode: string): Locator {
    return this.frame.locator(`section.reference [role="row"][data-code="${categoryCode}"] [role="cell"]:last-child`);
  }

  /** Types into a line's cell the way a user does: select the cell, type, Enter. */
  async typeAmount(sovLineId: string, text: string): Promise<void> {
    const cell = this.amountCell(sovLineId);
    await cell.scrollIntoViewIfNeeded();
    await cell.click();
    await cell.press('F2'); // opens the editor (Enter moves down, as in Excel)
    const editor = this.frame.locator('input.amount-editor');
    await editor.fill(text);
    await editor.press('Enter');
  }

  /** Pastes TSV at the focused cell, as Ctrl+V from Excel delivers it. */
  async paste(tsv: string): Promise<void> {
    await this.frame.locator('.ag-root').evaluate((_root, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, tsv);
  }

  /** The SOV line id of the grid's focused cell, or null. */
  async focusedRowId(): Promise<string | null> {
    const cell = this.frame.locator('.ag-cell-focus');
    if ((await cell.count()) === 0) return null;
    return cell.first().evaluate((element) => element.closest('.ag-row')?.getAttribute('row-id') ?? null);
  }

  /**
   * The panel page's selection kind: 'None' when nothing is selected, 'Caret' for a caret. A caret left
   * behind by a closed cell editor makes the browser work it out again at every update.
   */
  selectionType(): Promise<string> {
    return this.frame.locator('.ag-root').evaluate(() => document.getSelection()?.type ?? 'None');
  }

  /** Clicks Submit once the panel has seen it is visible (a covered panel refuses, S7). */
  async submit(options: { double?: boolean } = {}): Promise<void> {
    const button = this.frame.locator('button[data-visible="true"]', { hasText: 'Submit backfill' });
    await button.waitFor();
    await (options.double ? button.dblclick() : button.click());
  }

  notice(): Locator {
    return this.frame.locator('p.notice');
  }
}
