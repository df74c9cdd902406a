import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The layers of eslint.config.js, shown failing on deliberately wrong imports and passing right ones.
// Only the restricted-imports rules are read: the snippets' unused imports are beside the point.
const eslint = new ESLint();

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const rules = ['no-restricted-imports', '@typescript-eslint/no-restricted-imports'];
  return result!.messages.filter((message) => rules.includes(message.ruleId ?? '')).map((message) => message.message);
}

describe('layer rules', () => {
  // Loading the config and its plugins takes seconds on a busy machine: once, before the cases.
  beforeAll(() => eslint.lintText('', { filePath: 'lib/money.ts' }), 60_000);

  it.each([
    ['the core importing storage', 'lib/draft-allocated.ts', "import { DraftStore } from '@/lib/storage/draft-store';", /pure core/],
    ['the core importing storage by a relative path', 'lib/backfill/apply.ts', "import { backfillDatabase } from '../storage/database';", /pure core/],
    ['the core importing Dexie', 'lib/schemas.ts', "import Dexie from 'dexie';", /pure core/],
    ['the core importing the panel state', 'lib/submission.ts', "import type { BackfillSession } from '@/lib/panel/backfill-session.svelte';", /pure core/],
    ['a component importing an entrypoint', 'components/allocation-grid-setup.ts', "import { sendToPage } from '@/entrypoints/panel/page-messages';", /Components import no entrypoint/],
    ['a Svelte component importing an entrypoint', 'components/SaveStatus.svelte', "<script lang=\"ts\">\n  import type { DraftAutosave } from '@/entrypoints/panel/draft-autosave.svelte';\n</script>\n", /Components import no entrypoint/],
    ['a component importing an entrypoint by a relative path', 'components/visibility.ts', "import { x } from '../entrypoints/panel/x';", /Components import no entrypoint/],
    ['an entrypoint importing another by a relative path', 'entrypoints/drafts/main.ts', "import { backfillDatabase } from '../panel/db';", /no other entrypoint/],
    ['an entrypoint importing another by the alias', 'entrypoints/options/main.ts', "import { x } from '@/entrypoints/panel/x';", /no other entrypoint/],
    ['the background importing an entrypoint folder', 'entrypoints/background.ts', "import { DraftStore } from './panel/draft-store';", /no other entrypoint/],
    ['the background importing zod', 'entrypoints/background.ts', "import { z } from 'zod';", /service worker stays small/],
    ['the background importing Dexie storage', 'entrypoints/background.ts', "import { DraftStore } from '@/lib/storage/draft-store';", /service worker stays small/],
    ['the background importing a schema', 'entrypoints/background.ts', "import { PageReplySchema } from '@/lib/protocol';", /service worker stays small/],
    ['shared browser code importing an entrypoint', 'lib/storage/row-links.ts', "import { x } from '@/entrypoints/panel/x';", /imports no entrypoint/],
  ])('reports %s', async (_name, filePath, code, message) => {
    const reported = await restrictedImports(filePath, code);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatch(message);
  });

  it.each([
    ['an entrypoint importing shared storage', 'entrypoints/drafts/main.ts', "import { backfillDatabase } from '@/lib/storage/database';"],
    ['an entrypoint importing a file of its own folder', 'entrypoints/panel/main.svelte.ts', "import { x } from './x';"],
    ['storage importing Dexie and the core', 'lib/storage/row-links.ts', "import Dexie from 'dexie';\nimport { RowLinkSchema } from '@/lib/schemas';"],
    ['the background importing the protocol’s types and the worker’s store', 'entrypoints/background.ts', "import type { PageMessage } from '@/lib/protocol';\nimport { WorkerStore } from '@/lib/storage/worker-store';"],
    ['a component importing the panel state', 'components/visibility.ts', "import { BackfillSession } from '@/lib/panel/backfill-session.svelte';"],
  ])('allows %s', async (_name, filePath, code) => {
    expect(await restrictedImports(filePath, code)).toEqual([]);
  });
});
