import { afterEach, describe, expect, it, vi } from 'vitest';
import { adapterForOrigin } from '../../lib/host/adapter-for-origin';
import { companyHost, isBuiltInHost } from '../../lib/hosts';

describe('companyHost', () => {
  it.each([
    ['acme.example.com', 'https://acme.example.com'],
    ['https://acme.example.com/projects/12?x=1', 'https://acme.example.com'],
    ['  HTTPS://Acme.Example.com:8443/ ', 'https://acme.example.com:8443'],
  ])('reads %j as the origin %s', (input, origin) => {
    expect(companyHost(input)).toEqual({ ok: true, origin, pattern: `${origin}/*` });
  });

  it.each([
    ['', /Type the address/],
    ['http://acme.example.com', /Only https/],
    ['ftp://acme.example.com', /Only https/],
    ['localhost', /not a company web address/],
    ['https://user:pw@acme.example.com', /not a company web address/],
    ['https://exa mple.com', /not a web address/],
  ])('refuses %j', (input, error) => {
    const result = companyHost(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });
});

describe('adapterForOrigin', () => {
  it('reads from the sandbox on localhost, from company hosts the user added, and nowhere else', () => {
    expect(adapterForOrigin('http://127.0.0.1:5180')).not.toBeNull();
    expect(adapterForOrigin('http://localhost:8080')).not.toBeNull();
    expect(adapterForOrigin('https://acme.example.com')).toBeNull();
    expect(adapterForOrigin('https://acme.example.com', ['https://acme.example.com'])).not.toBeNull();
    expect(adapterForOrigin('http://acme.example.com', ['https://acme.example.com'])).toBeNull();
    expect(adapterForOrigin('https://evil.example.com', ['https://acme.example.com'])).toBeNull();
    expect(adapterForOrigin('not a url')).toBeNull();
  });
});

describe('isBuiltInHost', () => {
  it.each([
    ['http://127.0.0.1:5180', true],
    ['http://localhost', true],
    ['https://app.procore.com', true],
    ['https://procore.com', true],
    ['https://procore.com.evil.example', false],
    ['https://notprocore.com', false],
    ['https://localhost', false],
    ['https://acme.example.com', false],
  ])('%s → %s', (origin, builtIn) => {
    expect(isBuiltInHost(origin)).toBe(builtIn);
  });
});

describe('the store build', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('trusts no local server: neither as a host the panel docks on nor as one it reads claims from', async () => {
    vi.stubEnv('MODE', 'store');
    vi.resetModules();
    const hosts = await import('../../lib/hosts');
    const { adapterForOrigin } = await import('../../lib/host/adapter-for-origin');
    expect(hosts.STORE_BUILD).toBe(true);
    expect(hosts.HOST_MATCHES).toEqual(['https://*.procore.com/*']);
    expect(hosts.isBuiltInHost('http://127.0.0.1:5180')).toBe(false);
    expect(hosts.isBuiltInHost('https://acme.procore.com')).toBe(true);
    expect(adapterForOrigin('http://localhost:5180')).toBeNull();
    expect(adapterForOrigin('https://pf.acme.example', ['https://pf.acme.example'])).not.toBeNull();
  });

  it('is not what the development build and the tests run', async () => {
    const hosts = await import('../../lib/hosts');
    expect(hosts.STORE_BUILD).toBe(false);
    expect(hosts.isBuiltInHost('http://127.0.0.1:5180')).toBe(true);
  });
});
