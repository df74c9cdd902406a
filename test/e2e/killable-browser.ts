import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM, chromiumFlags } from './browser';

export interface KillableBrowser {
  context: BrowserContext;
  /** SIGKILL to the browser process: no unload, no flush, as when a machine loses power. */
  kill(): Promise<void>;
}

/**
 * Chromium started as its own process (not by Playwright) on a given profile, with Backfill loaded,
 * and driven over CDP, so a test can kill it the hard way and relaunch on the same profile.
 */
export async function launchKillable(profileDir: string): Promise<KillableBrowser> {
  const child: ChildProcess = spawn(
    CHROMIUM,
    [
      '--headless=new',
      '--remote-debugging-port=0',
      `--user-data-dir=${profileDir}`,
      ...chromiumFlags(),
      '--no-default-browser-check',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${output}`)), 20_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`Chromium exited with ${code}: ${output}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0]!;
  return {
    context,
    async kill() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
  };
}
