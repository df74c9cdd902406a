import { browser } from 'wxt/browser';
import type { CompanyHost } from '@/lib/hosts';

const SCRIPT_PREFIX = 'company-host:';
const CONTENT_SCRIPT = 'content-scripts/reconciliation.js';

/** The browser APIs this needs, so tests can hand in their own. */
export interface HostAccess {
  permissions: Pick<typeof browser.permissions, 'request' | 'remove' | 'contains'>;
  scripting: Pick<typeof browser.scripting, 'registerContentScripts' | 'unregisterContentScripts' | 'getRegisteredContentScripts'>;
}

/**
 * Company hosts the user added: each is an optional host permission granted at run time plus our
 * content script registered for it (kept across browser restarts by the browser itself).
 */
export class CompanyHosts {
  constructor(private readonly access: HostAccess = browser) {}

  /**
   * The hosts Backfill runs on and may read: a host whose access the user took back in the browser's
   * own settings is not one any more (its script is unregistered the first time that is seen).
   */
  async list(): Promise<string[]> {
    const scripts = await this.access.scripting.getRegisteredContentScripts();
    const origins = scripts.filter((script) => script.id.startsWith(SCRIPT_PREFIX)).map((script) => script.id.slice(SCRIPT_PREFIX.length));
    const granted = await Promise.all(origins.map((origin) => this.access.permissions.contains({ origins: [`${origin}/*`] })));
    const revoked = origins.filter((_, index) => !granted[index]);
    if (revoked.length > 0) await this.forget(revoked);
    return origins.filter((_, index) => granted[index]);
  }

  /** Whether Backfill runs on this one origin, as `list` would say, with one permission check. */
  async serves(origin: string): Promise<boolean> {
    const id = `${SCRIPT_PREFIX}${origin}`;
    if (!(await this.access.scripting.getRegisteredContentScripts()).some((script) => script.id === id)) return false;
    if (await this.access.permissions.contains({ origins: [`${origin}/*`] })) return true;
    await this.forget([origin]);
    return false;
  }

  /** The user took access to these origins back (in the browser's settings): Backfill stops running there. */
  async forget(origins: readonly string[]): Promise<void> {
    const registered = new Set((await this.access.scripting.getRegisteredContentScripts()).map((script) => script.id));
    const ids = origins.map((origin) => `${SCRIPT_PREFIX}${new URL(origin).origin}`).filter((id) => registered.has(id));
    if (ids.length > 0) await this.access.scripting.unregisterContentScripts({ ids });
  }

  /** Asks the user for access (must run in a click handler), then runs Backfill there. */
  async add(host: Extract<CompanyHost, { ok: true }>): Promise<{ ok: true } | { ok: false; error: string }> {
    // First, while the click still counts as the user's: the browser asks only from a user gesture.
    const granted = await this.access.permissions.request({ origins: [host.pattern] });
    if (!granted) return { ok: false, error: `Access to ${host.origin} was not granted, so Backfill cannot run there.` };
    if ((await this.list()).includes(host.origin)) return { ok: true };
    await this.access.scripting.registerContentScripts([
      { id: `${SCRIPT_PREFIX}${host.origin}`, matches: [host.pattern], js: [CONTENT_SCRIPT], runAt: 'document_start', persistAcrossSessions: true },
    ]);
    return { ok: true };
  }

  async remove(origin: string): Promise<void> {
    await this.access.scripting.unregisterContentScripts({ ids: [`${SCRIPT_PREFIX}${origin}`] });
    await this.access.permissions.remove({ origins: [`${origin}/*`] });
  }
}
