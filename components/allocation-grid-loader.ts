import type * as AllocationGridSetup from './allocation-grid-setup';

let loading: Promise<typeof AllocationGridSetup> | undefined;

/**
 * The allocation grid's code, AG Grid with it (most of the panel's code), in a chunk of its own: the
 * panel asks for it as it starts, so that it loads while the claim and its draft are being read. A
 * load that failed is tried again on the next call.
 */
export function loadAllocationGrid(): Promise<typeof AllocationGridSetup> {
  loading ??= import('./allocation-grid-setup').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
