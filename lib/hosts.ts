/**
 * Where Backfill runs: the sandbox and the real host's domains, nothing else (S1). One list, used by
 * the manifest (content-script matches, web-accessible resources) and by code that checks origins.
 * Users' own company hosts come later through optional host permissions asked for at run time.
 */
export const HOST_MATCHES = ['http://localhost/*', 'http://127.0.0.1/*', 'https://*.procore.com/*'] as const;
