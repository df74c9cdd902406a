import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HostClaimSchema, SovSchema, type HostClaim, type Sov } from '../../lib/schemas';
import { afterEach } from 'vitest';
import { startSandbox } from '../../sandbox/server';
import { launchWithExtension } from './browser';

export { balancedAllocation } from '../../sandbox/allocation';

/** The parts of the sandbox's data file the tests change. */
export interface SandboxData {
  claims: { id: string; total: string; invoiceNumber: string; lines: { categoryCode: string; amount: string }[] }[];
  sovs: { contractId: string; lines: { categoryCode: string | null; description: string; scheduledValue: string; claimedToDate: string }[] }[];
}

export type SandboxOptions = Omit<Parameters<typeof startSandbox>[0], 'dataDir' | 'port'>;

/**
 * A fresh sandbox host on a free loopback port, with its own data folder. `edit` changes the seeded
 * data file before the host serves it (the sandbox's hook for data no seed has).
 */
export async function freshSandbox(options: SandboxOptions = {}, edit?: (data: SandboxData) => void) {
  const dataDir = await mkdtemp(join(tmpdir(), 'backfill-sandbox-e2e-'));
  let server = await startSandbox({ port: 0, dataDir, reset: true, ...options });
  if (edit) {
    await server.close();
    const file = join(dataDir, 'sandbox.json');
    const data = JSON.parse(await readFile(file, 'utf8')) as SandboxData;
    edit(data);
    await writeFile(file, JSON.stringify(data));
    server = await startSandbox({ port: 0, dataDir, ...options });
  }
  const api = async (path: string, init?: RequestInit) => fetch(new URL(path, server.url), init);
  return {
    url: server.url,
    dataDir,
    api,
    claim: async (claimId: string): Promise<HostClaim> => HostClaimSchema.parse(await (await api(`/api/claims/${claimId}`)).json()),
    sov: async (contractId: string): Promise<Sov> => SovSchema.parse(await (await api(`/api/contracts/${contractId}/sov`)).json()),
    async close(options: { keepData?: boolean } = {}) {
      await server.close();
      if (!options.keepData) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * For a test file whose every test wants its own host and browser: `start()` gives a fresh sandbox and
 * Chromium with Backfill loaded, and both are closed after each test.
 */
export function hostAndBrowserPerTest() {
  let opened: { sandbox: Awaited<ReturnType<typeof freshSandbox>>; browser: Awaited<ReturnType<typeof launchWithExtension>> } | undefined;
  afterEach(async () => {
    await opened?.browser.close();
    await opened?.sandbox.close();
    opened = undefined;
  });
  return async (options: SandboxOptions = {}, edit?: (data: SandboxData) => void) => {
    const sandbox = await freshSandbox(options, edit);
    opened = { sandbox, browser: await launchWithExtension() };
    return opened;
  };
}

/**
 * For a test file that starts its own browsers and hosts: each browser `launch` gives, then whatever
 * was handed to `closeAfter` (the last handed first), is closed after each test, browsers first.
 */
export function closingAfterEach() {
  const browsers: Awaited<ReturnType<typeof launchWithExtension>>[] = [];
  const others: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const browser of browsers.splice(0)) await browser.close();
    // Last opened, first closed: a browser writing into its profile is stopped before the profile is
    // deleted (deleting it first failed now and then with ENOTEMPTY).
    for (const close of others.splice(0).reverse()) await close();
  });
  return {
    async launch() {
      const browser = await launchWithExtension();
      browsers.push(browser);
      return browser;
    },
    closeAfter(close: () => Promise<unknown>) {
      others.push(close);
    },
  };
}
