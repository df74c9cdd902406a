import { setTimeout as sleep } from 'node:timers/promises';
import { createPrng } from './prng';

/** Test switches that make the API slow or failing, so retries and idempotency can be proven. */
export interface Faults {
  /** Whether this API request fails with a 500 before anything is done (`failRate` of them). */
  shouldFail(): boolean;
  /** Waits `latencyMs` before an API response is written. */
  delay(): Promise<void>;
}

// Fixed, so a test with a given fail rate sees the same failures on every run.
const FAULT_SEED = 0x5eed;

export function createFaults({ latencyMs = 0, failRate = 0 }: { latencyMs?: number; failRate?: number }): Faults {
  const prng = createPrng(FAULT_SEED);
  return {
    shouldFail: () => failRate > 0 && prng.next() < failRate,
    delay: () => (latencyMs > 0 ? sleep(latencyMs) : Promise.resolve()),
  };
}
