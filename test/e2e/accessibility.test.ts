import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_CLAIMS } from '../../sandbox/seed';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { PanelPage } from './panel-page';
import { ReconciliationPage } from './reconciliation-page';
import { balancedAllocation, freshSandbox } from './sandbox-session';

// axe-core's WCAG 2.1 A and AA rules on every page a user works in: no violation anywhere.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let browser: ExtensionBrowser;
let sandbox: Awaited<ReturnType<typeof freshSandbox>>;

beforeAll(async () => {
  sandbox = await freshSandbox();
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

/** The violations axe finds in the page or frame, one line each: rule, then the elements. */
async function violations(target: Page | Frame): Promise<string[]> {
  await target.evaluate(AXE_SOURCE);
  const found = await target.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 5).join(', ')}`);
  }, WCAG_21_AA);
  return found;
}

// Both colour schemes: the extension's pages follow the system's.
describe.each(['light', 'dark'] as const)('accessibility (axe-core, WCAG 2.1 A and AA), %s', (colorScheme) => {
  it('finds nothing on the panel’s steps: the Yardi claim, the Procore version, the confirm step, the submitted claim', async () => {
    const claim = await sandbox.claim(colorScheme === 'light' ? SEED_CLAIMS.ordinary : SEED_CLAIMS.ordinaryMechanical);
    const allocation = balancedAllocation(claim, await sandbox.sov(claim.contractId));
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme });
    const reconciliation = new ReconciliationPage(page);
    await reconciliation.goto(sandbox.url);
    await reconciliation.linkButtonOf(claim.id).click();
    const frame = await reconciliation.panelFrame();
    const panel = new PanelPage(reconciliation.panel());
    await panel.heading('Yardi claim').waitFor();
    expect(await violations(frame)).toEqual([]);
    await panel.button('Build the Procore version').click();
    await panel.amountCell(Object.keys(allocation)[0]!).waitFor();
    expect(await violations(frame)).toEqual([]);
    await panel.amountCell(Object.keys(allocation)[0]!).click();
    await page.keyboard.type('1'); // an amount being typed: the editor laid over its cell
    await frame.locator('input.amount-editor').waitFor();
    expect(await violations(frame)).toEqual([]);
    await page.keyboard.press('Escape');
    await panel.paste(Object.values(allocation).join('\n'));
    await panel.button('Review and submit').click();
    await panel.button('Submit backfill').waitFor();
    expect(await violations(frame)).toEqual([]);
    await panel.submit();
    await panel.heading('Synced and Approved').waitFor({ timeout: 20_000 });
    expect(await violations(frame)).toEqual([]);
  });

  it('finds nothing on the workbench and the options page', async () => {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme });
    await page.goto(`chrome-extension://${browser.extensionId}/workbench.html`);
    await page.getByRole('heading').first().waitFor();
    expect(await violations(page)).toEqual([]);
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.getByRole('heading').first().waitFor();
    expect(await violations(page)).toEqual([]);
  });
});
