/**
 * Where Backfill runs: the sandbox and the real host's domains, nothing else (S1). One list, used by
 * the manifest (content-script matches, web-accessible resources) and by code that checks origins.
 * Users' own company hosts come later through optional host permissions asked for at run time.
 */
export const HOST_MATCHES = ['http://localhost/*', 'http://127.0.0.1/*', 'https://*.procore.com/*'] as const;

/**
 * Whether an origin is one the manifest names (the sandbox, the real host), where the panel may be
 * framed. Company hosts added at run time are not: there the panel opens in its own tab (S6).
 */
export function isBuiltInHost(origin: string): boolean {
  if (!URL.canParse(origin)) return false;
  const url = new URL(origin);
  return HOST_MATCHES.some((pattern) => {
    const [, scheme, host = ''] = /^(\w+):\/\/([^/]+)\//.exec(pattern) ?? [];
    if (url.protocol !== `${scheme}:`) return false;
    return host.startsWith('*.') ? url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1)) : url.hostname === host;
  });
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
