import { MatchPattern } from '@webext-core/match-patterns';

/** The build mode of the store build (`npm run zip`): the extension users install. */
export const STORE_MODE = 'store';

/**
 * True in the store build. Vite writes the build's mode in place of `import.meta.env.MODE`; in Node
 * (tests, the sandbox, scripts) there is none, and the development build's hosts hold.
 */
export const STORE_BUILD: boolean = typeof import.meta.env === 'object' && import.meta.env.MODE === STORE_MODE;

/**
 * Where Backfill runs (S1): the real host's domains, and in the development build (`npm start`, the
 * tests, demos) the sandbox on this computer too; the store build never treats a local server as a
 * host. One list, used by the manifest (content-script matches, web-accessible resources) and by code
 * that checks origins. Users' own company hosts come through optional host permissions at run time.
 */
export function hostMatches(store: boolean): string[] {
  const real = ['https://*.procore.com/*'];
  return store ? real : [...SANDBOX_HOSTNAMES.map((hostname) => `http://${hostname}/*`), ...real];
}

/** Where the sandbox runs on this computer (http, any port): a host in the development build only. */
export const SANDBOX_HOSTNAMES: readonly string[] = ['localhost', '127.0.0.1'];

export const HOST_MATCHES: readonly string[] = hostMatches(STORE_BUILD);

// Matched as the browser matches the manifest's patterns (any port; `*.` the domain itself too).
const BUILT_IN_PATTERNS = HOST_MATCHES.map((pattern) => new MatchPattern(pattern));

/**
 * Whether an origin is one the manifest names (the sandbox, the real host), where the panel may be
 * framed. Company hosts added at run time are not: there the panel opens in its own tab (S6).
 */
export function isBuiltInHost(origin: string): boolean {
  if (!URL.canParse(origin)) return false;
  // A string, not a URL object: the library's check for a `Location` fails in the service worker.
  const page = new URL(origin).href;
  return BUILT_IN_PATTERNS.some((pattern) => pattern.includes(page));
}

export type CompanyHost = { ok: true; origin: string; pattern: string } | { ok: false; error: string };

/**
 * Reads the address of a company's own reconciliation host as a user types it (`acme.example.com`,
 * `https://acme.example.com/projects/12`) into its origin and the match pattern to ask permission
 * for. Only https: drafts and submissions must not travel in clear text to a remote host.
 */
export function companyHost(input: string): CompanyHost {
  const text = input.trim();
  if (text === '') return { ok: false, error: 'Type the address of your reconciliation page.' };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, error: `"${text}" is not a web address.` };
  }
  if (url.protocol !== 'https:') return { ok: false, error: 'Only https addresses can be added.' };
  if (!url.hostname.includes('.') || url.username || url.password) return { ok: false, error: `"${text}" is not a company web address.` };
  return { ok: true, origin: url.origin, pattern: `${url.origin}/*` };
}
