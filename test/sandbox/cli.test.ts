import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const TSX = resolve('node_modules/tsx/dist/cli.mjs');

function run(args: string[]) {
  const child = spawn(process.execPath, [TSX, 'sandbox/cli.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  return { child, exited, output: () => ({ stdout, stderr }) };
}

describe('npm run sandbox', () => {
  it('prints exactly one line once bound, serves, and exits cleanly on SIGTERM', { timeout: 30_000 }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'backfill-sandbox-cli-'));
    try {
      const { child, exited, output } = run(['--port', '0', '--data', dataDir, '--reset']);
      while (!output().stdout.includes('\n')) {
        if (child.exitCode !== null) throw new Error(`exited early: ${output().stderr}`);
        await new Promise((done) => setTimeout(done, 50));
      }
      const match = /^sandbox listening on (http:\/\/127\.0\.0\.1:\d+)\n$/.exec(output().stdout);
      expect(match).not.toBeNull();
      expect((await fetch(`${match![1]}/api/contracts`)).status).toBe(200);
      expect(await readdir(dataDir)).toEqual(['sandbox.json']);

      child.kill('SIGTERM');
      expect(await exited).toEqual([0, null]);
      expect(output().stdout.split('\n')).toHaveLength(2);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a bad flag with usage and exit code 2', { timeout: 30_000 }, async () => {
    const { exited, output } = run(['--scale', 'huge']);
    expect((await exited)[0]).toBe(2);
    expect(output().stderr).toContain('usage: npm run sandbox');
    expect(output().stdout).toBe('');
  });
});
