import { parseMoney, type ParseMoneyError } from './money';
import type { AllocationPatch } from './backfill';

/** A row of the grid as paste sees it, in display order. */
export interface PasteTarget {
  id: string;
  /** Only SOV lines on the claim's codes take amounts; code headers and other lines are skipped. */
  editable: boolean;
}

export interface PastePlan {
  patch: AllocationPatch;
  /** Values that were not amounts: not stored, reported with their line. */
  refused: { sovLineId: string; text: string; error: Exclude<ParseMoneyError, 'EMPTY'> }[];
  /** Pasted cells with no editable place (past the last line, or in a column that takes nothing). */
  unplaced: number;
}

/**
 * Where a pasted block lands: each pasted row goes on the next editable row from the focused one
 * (pasting down a code's lines fills them, then carries on into the next code's lines); the pasted
 * column that lines up with the editable column is read, every other column is unplaced. Blank cells
 * clear their line; values are read with `parseMoney`.
 *
 * @param editableColumnOffset how many columns right of the focused column the editable one is
 *   (0 when the focus is on it; negative when it lies to the left, so nothing can be placed).
 */
export function planPaste(targets: readonly PasteTarget[], startIndex: number, cells: readonly string[][], editableColumnOffset: number): PastePlan {
  const plan: PastePlan = { patch: {}, refused: [], unplaced: 0 };
  let index = startIndex;
  for (const row of cells) {
    const valueColumn = editableColumnOffset >= 0 && editableColumnOffset < row.length ? editableColumnOffset : -1;
    plan.unplaced += row.length - (valueColumn >= 0 ? 1 : 0);
    if (valueColumn < 0) continue;
    while (index < targets.length && !targets[index]!.editable) index++;
    const target = targets[index++];
    if (!target) {
      plan.unplaced += 1;
      continue;
    }
    const text = row[valueColumn]!;
    const parsed = parseMoney(text);
    if (parsed.ok) plan.patch[target.id] = parsed.value;
    else if (parsed.error === 'EMPTY') plan.patch[target.id] = '';
    else plan.refused.push({ sovLineId: target.id, text, error: parsed.error });
  }
  return plan;
}
