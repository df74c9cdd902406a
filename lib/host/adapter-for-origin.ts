import { SANDBOX_HOSTNAMES, STORE_BUILD } from '../hosts';
import type { HostAdapter } from './host-adapter';
import { createSandboxAdapter } from './sandbox-adapter';

// The sandbox on this computer, in the development build only (see `hostMatches`).
const SANDBOX_HOSTS = new Set(STORE_BUILD ? [] : SANDBOX_HOSTNAMES);

/**
 * The adapter for the page the panel is embedded in, or null where Backfill has no adapter. The origin
 * comes from the browser (the iframe's ancestor origin), never from anything the page says. Company
 * hosts the user added serve the same API as the sandbox; Portfolio Financials itself has no adapter yet.
 */
export function adapterForOrigin(origin: string, companyHosts: readonly string[] = []): HostAdapter | null {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return null;
  }
  if (url.protocol === 'http:' && SANDBOX_HOSTS.has(url.hostname)) return createSandboxAdapter({ origin: url.origin });
  if (url.protocol === 'https:' && companyHosts.includes(url.origin)) return createSandboxAdapter({ origin: url.origin });
  return null;
}
