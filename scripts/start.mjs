// `npm start`: build the extension, start the sandbox reconciliation site, say how to open both.
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const port = process.env.PORT ?? '5180';
const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const extension = resolve('.output/chrome-mv3');
const sandbox = spawn('npx', ['tsx', 'sandbox/cli.ts', '--port', port, ...process.argv.slice(2)], { stdio: ['ignore', 'pipe', 'inherit'] });
sandbox.stdout.setEncoding('utf8');
sandbox.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  const match = /sandbox listening on (\S+)/.exec(chunk);
  if (!match) return;
  console.log(`
Backfill is built and the sandbox reconciliation site is running.

  1. In Chrome or Edge open chrome://extensions (edge://extensions), turn on Developer mode,
     choose "Load unpacked" and pick:  ${extension}
     (or start Debian's Chromium with it:  chromium --load-extension=${extension} ${match[1]}/ )
  2. Open ${match[1]}/ — mismatched rows get a "Link Progress Claim" button.
  3. Backfill's toolbar button opens the workbench: import your own Yardi and SOV exports there.

Ctrl+C stops the sandbox; its data survives restarts (npm start -- --reset reseeds it).`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => sandbox.kill(signal));
sandbox.on('exit', (code) => process.exit(code ?? 0));
