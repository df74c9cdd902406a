import { parseArgs } from 'node:util';
import { startSandbox, type SandboxOptions } from './server';

const USAGE =
  'usage: npm run sandbox -- [--port 5180] [--data ./.sandbox-data] [--reset] [--scale normal|large|walkthrough|hostile] [--latency ms] [--fail-rate 0..1] [--drop-after-commit]';

class UsageError extends Error {}

function numberOption(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`--${name} must be a number, not "${text}"`);
  return value;
}

function readOptions(args: string[]): SandboxOptions {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      data: { type: 'string' },
      reset: { type: 'boolean' },
      scale: { type: 'string' },
      latency: { type: 'string' },
      'fail-rate': { type: 'string' },
      'drop-after-commit': { type: 'boolean' },
    },
    strict: true,
  });
  const scale = values.scale ?? 'normal';
  if (scale !== 'normal' && scale !== 'large' && scale !== 'walkthrough' && scale !== 'hostile') {
    throw new UsageError(`--scale must be normal, large, walkthrough or hostile, not "${scale}"`);
  }
  return {
    port: numberOption('port', values.port, 5180),
    dataDir: values.data ?? './.sandbox-data',
    reset: values.reset ?? false,
    scale,
    latencyMs: numberOption('latency', values.latency, 0),
    failRate: numberOption('fail-rate', values['fail-rate'], 0),
    dropAfterCommit: values['drop-after-commit'] ?? false,
  };
}

async function main(): Promise<void> {
  let options: SandboxOptions;
  try {
    options = readOptions(process.argv.slice(2));
  } catch (error) {
    // parseArgs throws TypeErrors for unknown or malformed flags: both are usage errors.
    console.error(`sandbox: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
  const sandbox = await startSandbox(options);
  // The one line `npm start` and the end-to-end tests wait for: keep its wording.
  console.log(`sandbox listening on ${sandbox.url}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      sandbox.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

main().catch((error: unknown) => {
  console.error(`sandbox: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
