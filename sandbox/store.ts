import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { removeStaleTemps, writeFileAtomic } from './atomic-write';
import { StateSchema, type State } from './model';
import { createSeed, withScale, type Scale } from './seed';

const DATA_FILE = 'sandbox.json';

export interface StoreOptions {
  reset?: boolean;
  scale?: Scale;
}

/**
 * The sandbox's state in memory, persisted to `<dataDir>/sandbox.json` after every change. Changes
 * run one at a time through `transact`: a decision reads the state and its write lands before the
 * next decision reads, so two submissions can never both see a claim as not yet backfilled, and two
 * claims on one contract never overwrite each other's SOV.
 */
export class Store {
  #state: State;
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly file: string,
    state: State,
  ) {
    this.#state = state;
  }

  /** Loads the data file, seeding it when missing or when `reset` asks for it. */
  static async open(dataDir: string, { reset = false, scale = 'normal' }: StoreOptions = {}): Promise<Store> {
    await mkdir(dataDir, { recursive: true });
    const file = join(dataDir, DATA_FILE);
    await removeStaleTemps(file);
    const loaded = reset ? undefined : await load(file);
    const seeded = loaded ?? createSeed(scale);
    const state = withScale(seeded, scale);
    if (state !== loaded) await writeFileAtomic(file, serialize(state));
    return new Store(file, state);
  }

  get state(): State {
    return this.#state;
  }

  /**
   * Runs `decide` on the current state once earlier transactions are done; when it returns a `next`
   * state, that state is written to disk before it becomes current and before the result is returned.
   */
  transact<T>(decide: (state: State) => { next?: State; result: T }): Promise<T> {
    const run = this.#queue.then(async () => {
      const { next, result } = decide(this.#state);
      if (next) {
        await writeFileAtomic(this.file, serialize(next));
        this.#state = next;
      }
      return result;
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Resolves once every transaction started so far has finished. */
  async idle(): Promise<void> {
    await this.#queue;
  }
}

async function load(file: string): Promise<State | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${file} is not JSON. Start the sandbox with --reset to reseed it.`);
  }
  const parsed = StateSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`${file} is not sandbox data:\n${z.prettifyError(parsed.error)}\nStart the sandbox with --reset to reseed it.`);
  }
  return parsed.data;
}

function serialize(state: State): string {
  return `${JSON.stringify(state, null, 2)}\n`;
}
