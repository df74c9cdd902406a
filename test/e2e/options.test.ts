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
});
