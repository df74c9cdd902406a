import type * as AllocationGridSetup from './allocation-grid-setup';

let loading: Promise<typeof AllocationGridSetup> | undefined;

/**
 * The allocation grid's code, AG Grid with it (most of the panel's code), in a chunk of its own: the
 * panel asks for it as it starts, so that it loads while the claim and its draft are being read.
 */
export function loadAllocationGrid(): Promise<typeof AllocationGridSetup> {
  return (loading ??= import('./allocation-grid-setup'));
}
