import type { AllocationPatch } from './helpers';

interface Step {
  before: AllocationPatch;
  after: AllocationPatch;
}

/**
 * Undo and redo for a draft's allocations, kept by the draft model (not the grid widget, which forgets
 * its history whenever its rows are replaced). One step per user action: a typed cell, a paste, a
 * helper. `record` takes the values before the change so the step can be reversed exactly.
 */
export class AllocationHistory {
  private readonly undoSteps: Step[] = [];
  private readonly redoSteps: Step[] = [];

  constructor(private readonly limit = 500) {}

  /** `valueBefore(id)` is the line's value before the patch is applied ('' when empty). */
  record(patch: AllocationPatch, valueBefore: (sovLineId: string) => string): void {
    const before: AllocationPatch = {};
    const after: AllocationPatch = {};
    for (const [id, value] of Object.entries(patch)) {
      const previous = valueBefore(id);
      if (previous === value) continue;
      before[id] = previous;
      after[id] = value;
    }
    if (Object.keys(after).length === 0) return;
    this.undoSteps.push({ before, after });
    if (this.undoSteps.length > this.limit) this.undoSteps.shift();
    this.redoSteps.length = 0;
  }

  /** Forgets every step (the draft was replaced as a whole). */
  clear(): void {
    this.undoSteps.length = 0;
    this.redoSteps.length = 0;
  }

  get canUndo(): boolean {
    return this.undoSteps.length > 0;
  }

  get canRedo(): boolean {
    return this.redoSteps.length > 0;
  }

  /** The patch that reverses the last step, or null. */
  undo(): AllocationPatch | null {
    const step = this.undoSteps.pop();
    if (!step) return null;
    this.redoSteps.push(step);
    return step.before;
  }

  /** The patch that re-applies the last undone step, or null. */
  redo(): AllocationPatch | null {
    const step = this.redoSteps.pop();
    if (!step) return null;
    this.undoSteps.push(step);
    return step.after;
  }
}
