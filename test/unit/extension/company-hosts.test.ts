import { describe, expect, it, vi } from 'vitest';
import { CompanyHosts, type HostAccess } from '../../../lib/extension/company-hosts';
import { companyHost } from '../../../lib/hosts';

function fakeAccess(grant: boolean) {
  const scripts: { id: string; matches?: string[] }[] = [];
  const granted = new Set<string>();
  const access = {
    permissions: {
      request: vi.fn(async ({ origins }: { origins: string[] }) => {
        if (grant) for (const origin of origins) granted.add(origin);
        return grant;
      }),
      remove: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((origin) => granted.delete(origin))),
      contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((origin) => granted.has(origin))),
    },
    scripting: {
      registerContentScripts: vi.fn(async (added: { id: string; matches?: string[] }[]) => void scripts.push(...added)),
      unregisterContentScripts: vi.fn(async ({ ids }: { ids?: string[] }) => void scripts.splice(0, scripts.length, ...scripts.filter((script) => !ids?.includes(script.id)))),
      getRegisteredContentScripts: vi.fn(async () => [...scripts]),
    },
  };
  return { access: access as unknown as HostAccess, spies: access, scripts, granted };
}

const acme = companyHost('acme.example.com') as Extract<ReturnType<typeof companyHost>, { ok: true }>;

describe('CompanyHosts', () => {
  it('asks for access to exactly that host, then runs the content script there', async () => {
    const { access, spies, scripts } = fakeAccess(true);
    const hosts = new CompanyHosts(access);
    expect(await hosts.add(acme)).toEqual({ ok: true });
    expect(spies.permissions.request).toHaveBeenCalledWith({ origins: ['https://acme.example.com/*'] });
    expect(scripts).toMatchObject([{ id: 'company-host:https://acme.example.com', matches: ['https://acme.example.com/*'], js: ['content-scripts/reconciliation.js'] }]);
    expect(await hosts.list()).toEqual(['https://acme.example.com']);
  });

  it('registers nothing when the user refuses access', async () => {
    const { access, scripts } = fakeAccess(false);
    const result = await new CompanyHosts(access).add(acme);
    expect(result).toEqual({ ok: false, error: expect.stringContaining('was not granted') });
    expect(scripts).toEqual([]);
  });

  it('removes the script and gives the access back', async () => {
    const { access, spies } = fakeAccess(true);
    const hosts = new CompanyHosts(access);
    await hosts.add(acme);
    await hosts.remove(acme.origin);
    expect(await hosts.list()).toEqual([]);
    expect(spies.permissions.remove).toHaveBeenCalledWith({ origins: ['https://acme.example.com/*'] });
  });

  it('drops a host whose access the user took back in the browser’s settings, and stops running there', async () => {
    const { access, scripts, granted } = fakeAccess(true);
    const hosts = new CompanyHosts(access);
    await hosts.add(acme);
    granted.delete(acme.pattern); // chrome://extensions → site access, removed
    expect(await hosts.list()).toEqual([]);
    expect(scripts).toEqual([]);
  });

  it('says whether it serves one origin as the list does, stopping where access was taken back', async () => {
    const { access, scripts, granted } = fakeAccess(true);
    const hosts = new CompanyHosts(access);
    await hosts.add(acme);
    expect(await hosts.serves(acme.origin)).toBe(true);
    expect(await hosts.serves('https://other.example.com')).toBe(false);
    granted.delete(acme.pattern);
    expect(await hosts.serves(acme.origin)).toBe(false);
    expect(scripts).toEqual([]);
  });

  it('forgets origins the browser reports removed, and only those', async () => {
    const { access, scripts } = fakeAccess(true);
    const hosts = new CompanyHosts(access);
    await hosts.add(acme);
    await hosts.add(companyHost('pf.other.example') as typeof acme);
    await hosts.forget(['https://acme.example.com/*']);
    expect(scripts.map((script) => script.id)).toEqual(['company-host:https://pf.other.example']);
  });
});
