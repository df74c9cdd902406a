import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** The built extension (`npx wxt build` first). */
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  /** The id in `chrome-extension://<id>/`, read from the background service worker's URL. */
  extensionId: string;
  /** Closes the browser, and deletes the profile when this launch created it. */
  close(): Promise<void>;
}

// Playwright's own --disable-features list, less ThirdPartyStoragePartitioning: Playwright turns
// partitioning off, and with it off IndexedDB inside our panel iframe fails ("The user denied
// permission"). Passing the list ourselves replaces Playwright's, so tests see what Chrome users get.
const DISABLED_FEATURES = [
  'AcceptCHFrame',
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'Translate',
];

/** Flags for Debian's Chromium here: Backfill loaded, and no calls out of this closed network. */
export function chromiumFlags(extensionDir = EXTENSION_DIR): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
}

/**
 * Debian's Chromium, headless, with Backfill loaded from `.output/chrome-mv3` (or `extensionDir`, e.g.
 * the output of `wxt build --mode <name>`). Pass `profileDir` to relaunch on the same profile (the
 * caller then owns and deletes it); otherwise a fresh temporary profile is made and removed on close.
 */
export async function launchWithExtension(
  options: { profileDir?: string; extensionDir?: string } = {},
): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const ownProfile = options.profileDir === undefined;
  const profileDir = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'backfill-e2e-')));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    // Playwright adds --disable-extensions by default, which would stop ours from loading.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [...chromiumFlags(extensionDir), `--disable-features=${DISABLED_FEATURES.join(',')}`],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(worker.url()).host;
    return {
      context,
      extensionId,
      async close() {
        await context.close();
        if (ownProfile) await rm(profileDir, { recursive: true, force: true, maxRetries: 5 });
      },
    };
  } catch (error) {
    await context.close();
    if (ownProfile) await rm(profileDir, { recursive: true, force: true, maxRetries: 5 });
    throw error;
  }
}
