import type { AllocationPatch } from './helpers';

/** One step, as parallel lists: a paste of 5,000 lines builds no 5,000-key objects until it is undone. */
interface Step {
  ids: string[];
  before: string[];
  after: string[];
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
    const step: Step = { ids: [], before: [], after: [] };
    for (const id in patch) {
      if (!Object.hasOwn(patch, id)) continue;
      const previous = valueBefore(id);
      if (previous === patch[id]) continue;
      step.ids.push(id);
      step.before.push(previous);
      step.after.push(patch[id]!);
    }
    if (step.ids.length === 0) return;
    this.undoSteps.push(step);
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
    return patchOf(step.ids, step.before);
  }

  /** The patch that re-applies the last undone step, or null. */
  redo(): AllocationPatch | null {
    const step = this.redoSteps.pop();
    if (!step) return null;
    this.undoSteps.push(step);
    return patchOf(step.ids, step.after);
  }
}

// Built with fromEntries, never by assignment: a line id spelled `__proto__` stays an own entry.
function patchOf(ids: readonly string[], values: readonly string[]): AllocationPatch {
  return Object.fromEntries(ids.map((id, index) => [id, values[index]!]));
}
