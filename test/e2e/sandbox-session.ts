import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HostClaimSchema, SovSchema, type HostClaim, type Sov } from '../../lib/schemas';
import { startSandbox } from '../../sandbox/server';

export { balancedAllocation } from '../../sandbox/allocation';

export type SandboxOptions = Omit<Parameters<typeof startSandbox>[0], 'dataDir' | 'port'>;

/** A fresh sandbox host on a free loopback port, with its own data folder. */
export async function freshSandbox(options: SandboxOptions = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'backfill-sandbox-e2e-'));
  const server = await startSandbox({ port: 0, dataDir, reset: true, ...options });
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
