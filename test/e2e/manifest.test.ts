import { execFile } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { HOST_MATCHES, STORE_MODE, hostMatches } from '../../lib/hosts';
import { EXTENSION_DIR } from './browser';

// The built extension asks for what it uses and nothing more: hosts, permissions, web-accessible resources.
describe('the built manifest', () => {
  it('asks only for the permissions Backfill uses, and hosts by name', async () => {
    const manifest = JSON.parse(await readFile(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.permissions.sort()).toEqual(['scripting', 'unlimitedStorage']);
    expect(manifest.host_permissions).toEqual([...HOST_MATCHES]);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
    expect(manifest.content_scripts.map((script: { matches: string[] }) => script.matches.sort())).toEqual([[...HOST_MATCHES].sort()]);
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
    expect(manifest.content_security_policy).toBeUndefined(); // the default MV3 policy: no eval, no remote code
    expect(manifest.web_accessible_resources).toEqual([{ resources: ['panel.html'], matches: [...HOST_MATCHES], use_dynamic_url: true }]);
  });

  it('ships no code that loads or evaluates code at run time', async () => {
    const files = (await readdir(EXTENSION_DIR, { recursive: true })).filter((name) => name.endsWith('.js'));
    expect(files.length).toBeGreaterThan(3);
    for (const name of files) {
      const code = await readFile(join(EXTENSION_DIR, name), 'utf8');
      expect(code, name).not.toMatch(/\beval\(|new Function\(|importScripts\(|https?:\/\/[^"'\s]*\.js\b/);
    }
  });
});

describe('the store build (npm run zip)', () => {
  it('names no local server anywhere in its manifest, only the real host', async () => {
    const root = resolve(import.meta.dirname, '../..');
    await promisify(execFile)('npx', ['wxt', 'build', '--mode', STORE_MODE], { cwd: root });
    const text = await readFile(join(root, `.output/chrome-mv3-${STORE_MODE}/manifest.json`), 'utf8');
    expect(text).not.toMatch(/localhost|127\.0\.0\.1/);
    const manifest = JSON.parse(text);
    expect(manifest.host_permissions).toEqual(hostMatches(true));
    expect(manifest.content_scripts.map((script: { matches: string[] }) => script.matches)).toEqual([hostMatches(true)]);
    expect(manifest.web_accessible_resources[0].matches).toEqual(hostMatches(true));
  }, 180_000);
});
