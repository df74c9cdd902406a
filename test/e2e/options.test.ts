import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './browser';

// The options page where users add their company's own reconciliation host.
let browser: ExtensionBrowser;

beforeEach(async () => {
  browser = await launchWithExtension();
});

afterEach(async () => {
  await browser?.close();
});

describe('options page', () => {
  it('refuses an address it cannot run on, saying why, and asks for nothing', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.getByLabel('Address').fill('http://finance.example.com');
    await page.getByRole('button', { name: 'Add host' }).click();
    await page.getByRole('status').filter({ hasText: 'Only https addresses can be added.' }).waitFor();
    expect(await page.getByRole('list', { name: 'Added hosts' }).count()).toBe(0);
  });

  it('declares the company-host permission as optional, never granted up front', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const manifest = await page.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): Record<string, unknown> } } }).chrome.runtime.getManifest());
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
    expect(manifest.host_permissions).toEqual(['http://localhost/*', 'http://127.0.0.1/*', 'https://*.procore.com/*']);
    const granted = await page.evaluate(() =>
      (globalThis as unknown as { chrome: { permissions: { contains(p: { origins: string[] }): Promise<boolean> } } }).chrome.permissions.contains({ origins: ['https://finance.example.com/*'] }),
    );
    expect(granted).toBe(false);
  });
});
