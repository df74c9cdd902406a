import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pasteTargets } from '../../lib/allocation-rows';
import { BackfillValidator } from '../../lib/backfill';
import { readBackupFile } from '../../lib/backup/backup-file';
import { readInvoiceDate } from '../../lib/claim-identity';
import { repairDraft } from '../../lib/draft-repair';
import { importSovCsv, importYardiCsv } from '../../lib/import';
import { LocalClaimSchema, LocalSovSchema } from '../../lib/local-source/records';
import { parseMoney } from '../../lib/money';
import { parsePanelHash } from '../../lib/panel-link-reader';
import { planPaste } from '../../lib/paste';
import { classifyRowAmounts, readClaimIdentity } from '../../lib/reconciliation-row';
import { DraftBasisSchema, DraftSchema, SeenRowSchema } from '../../lib/schemas';
import { parseTsv } from '../../lib/tsv';
import { makeClaim, makeSov } from '../support/fixtures';

// Every reader of outside text or stored records answers with a value or a specific refusal, and never
// throws, whatever it is given: pages, pastes, files and IndexedDB records are not ours.

/** Text with what breaks readers: separators, quotes, line ends, signs, currency, digits, bidi, NUL. */
const hostileText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(',', '\t', '"', '\n', '\r', '(', ')', '$', '-', '.', '%', '€', '\u202e', '\u0000', '\ufeff', ' ', '='),
    fc.constantFrom('0', '1', '9', 'a', 'Z', '漢'),
    fc.string({ maxLength: 1 }),
  ),
  maxLength: 400,
});
const RUNS = { numRuns: 300 };

describe('readers of outside input never throw', () => {
  it('parseMoney, and the page readers of amounts, identities and dates', () => {
    fc.assert(
      fc.property(hostileText, hostileText, (a, b) => {
        const money = parseMoney(a);
        expect(money.ok || ['EMPTY', 'INVALID', 'PRECISION', 'TOO_LARGE'].includes(money.error)).toBe(true);
        classifyRowAmounts({ yardiPtd: a, procore: b });
        readClaimIdentity({ dataClaimId: a, contract: b, invoice: a, vendor: b, date: a });
        readInvoiceDate(a);
        parsePanelHash(a);
      }),
      RUNS,
    );
  });

  it('the CSV importers: a result or a stated error', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        for (const result of [importYardiCsv(text), importSovCsv(text)]) {
          if (!result.ok) expect(result.error.length).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });

  it('the paste planner: a plan or its refusals, never a half paste', () => {
    const validator = new BackfillValidator({ claim: makeClaim(), sov: makeSov(), backfilledClaimIds: [] });
    const targets = pasteTargets(validator);
    fc.assert(
      fc.property(hostileText, fc.integer({ min: -2, max: targets.length + 2 }), (text, start) => {
        const plan = planPaste(targets, parseTsv(text), start);
        if (plan.ok) expect(Object.keys(plan.patch).every((id) => targets.some((target) => target.id === id && target.editable))).toBe(true);
      }),
      RUNS,
    );
  });

  it('the backup reader, on text and on any JSON', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, fc.json({ maxDepth: 4 })), (text) => {
        const read = readBackupFile(text);
        if (!read.ok) expect(read.error).toMatch(/\.$/);
      }),
      RUNS,
    );
  });

  it('records read back from IndexedDB: checked, repaired or refused, whatever they hold', () => {
    const record = fc.oneof(
      fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true, withDate: true }),
      fc.record({ claimId: fc.oneof(fc.string(), fc.anything()), allocations: fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.double(), fc.anything())), revision: fc.anything(), header: fc.anything() }),
    );
    fc.assert(
      fc.property(record, (value) => {
        for (const schema of [DraftSchema, DraftBasisSchema, LocalClaimSchema, LocalSovSchema, SeenRowSchema]) schema.safeParse(value);
        const repaired = repairDraft(value, '2026-12-01T00:00:00.000Z');
        if (repaired) expect(DraftSchema.safeParse(repaired.draft).success).toBe(true);
      }),
      RUNS,
    );
  });
});
