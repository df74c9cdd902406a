// liveQuery follows the global IndexedDB only, so tests share it and use a database name each.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BackfillSession } from '../../../lib/panel/backfill-session.svelte';
import { ClaimLoader } from '../../../lib/panel/claim-loader';
import { BackfillDatabase } from '../../../lib/storage/database';
import { DraftStore } from '../../../lib/storage/draft-store';
import { HostUnavailableError, type HostAdapter } from '../../../lib/host/host-adapter';
import { buildBackfillRequest } from '../../../lib/submission';
import { makeFakeHost } from '../../support/fake-host';
import { BALANCED, makeSov } from '../../support/fixtures';
import { IMPORTED } from '../../support/local-source';
import { localClaim, localHostClaim, localHostSov, localSov } from '../../../lib/local-source/records';
import { LocalSource } from '../../../lib/storage/local-source';

const until = (check: () => boolean, timeout = 3000) => vi.waitFor(() => expect(check()).toBe(true), { timeout, interval: 10 });

// Web Locks as a browser has them for one origin: a held name is unavailable to `ifAvailable` callers.
const held = new Set<string>();
const locks = {
  async request<T>(name: string, _options: { ifAvailable: true }, run: (lock: object | null) => Promise<T>): Promise<T> {
    if (held.has(name)) return run(null);
    held.add(name);
    try {
      return await run({});
    } finally {
      held.delete(name);
    }
  },
};

// These tabs never lose their frame: the background's guard of unsaved edits has nothing to do.
const noGuard = { unsaved: () => true, writing: () => {}, saved: () => {}, close: () => {} };

describe('BackfillSession', () => {
  const cleanups: (() => void)[] = [];
  let databases = 0;
  beforeEach(() => vi.stubGlobal('navigator', { locks }));
  afterEach(() => {
    cleanups.splice(0).forEach((cleanup) => cleanup());
    vi.unstubAllGlobals();
  });

  /** A tab with the panel open on claim YC-1, on the shared database `name`. */
  async function openTab(host: HostAdapter, name: string) {
    const db = new BackfillDatabase(name);
    const drafts = new DraftStore(db);
    const submitted: string[] = [];
    const session = new BackfillSession('YC-1', 'http://127.0.0.1:5180', host, drafts, (claimId) => submitted.push(claimId), noGuard);
    await session.load();
    cleanups.push(() => db.close());
    return { session, drafts, submitted };
  }

  const allocate = (session: BackfillSession) => Object.entries(BALANCED).forEach(([line, amount]) => session.setAllocation(line, amount));

  /** A tab that saved a balanced draft, on a database of its own. */
  async function aSavedDraft() {
    const fake = makeFakeHost();
    const name = `backfill-session-${++databases}`;
    const first = await openTab(fake.host, name);
    first.session.goTo('allocate');
    allocate(first.session);
    await first.session.flush();
    return { fake, name, first };
  }

  describe('what is accepted for saving reads back (issue: a saved draft vanished on reload)', () => {
    it.each([
      ['a 600-character title', { title: 'T'.repeat(600) }, 'title', /at most 500 characters/],
      ['a 250-character claim number', { number: 'N'.repeat(250) }, 'number', /at most 200 characters/],
      ['a pay period with a five-digit year', { payPeriod: '20245-03-31' }, 'payPeriod', /four-digit year/],
      ['a pay period with a six-digit year', { payPeriod: '275760-09-13' }, 'payPeriod', /four-digit year/],
    ] as const)('refuses %s at input, says why, and reloads with every amount', async (_what, typed, field, problem) => {
      const name = `backfill-session-${++databases}`;
      const { session } = await openTab(makeFakeHost().host, name);
      session.goTo('allocate');
      allocate(session);
      const before = { ...session.header };
      session.updateHeader(typed);
      expect(session.headerProblems[field]).toMatch(problem);
      expect(session.header).toEqual(before);
      await session.flush();
      expect(session.autosave.state).toBe('saved');

      const reloaded = await openTab(makeFakeHost().host, name);
      expect(reloaded.session.quarantined).toEqual([]);
      expect(reloaded.session.allocations).toEqual(BALANCED);
      expect(reloaded.session.header).toEqual(before);
    });

    it('refuses an amount too long to be one, and keeps the header field the user may fix', async () => {
      const { session } = await openTab(makeFakeHost().host, `backfill-session-${++databases}`);
      expect(session.setAllocation('L1', '1'.repeat(120) + '.00')).toMatch(/larger than the largest amount/);
      expect(session.allocations.L1 ?? '').toBe('');
      session.updateHeader({ title: 'T'.repeat(600) });
      session.updateHeader({ title: 'Backfill of March' });
      expect(session.headerProblems).toEqual({});
      expect(session.header.title).toBe('Backfill of March');
    });
  });

  describe('text refused on a line (issue 12: honest status)', () => {
    it('stops the submit and is listed while the line shows it, and goes once the line has an amount', async () => {
      const { session } = await openTab(makeFakeHost().host, `backfill-session-${++databases}`);
      session.goTo('allocate');
      allocate(session);
      expect(session.canSubmit).toBe(true);
      // The balanced 600.00 stays stored, but the cell shows what was typed: not submittable as seen.
      session.setAllocation('L1', '6OO.00');
      expect(session.allocations.L1).toBe('600.00');
      expect(session.canSubmit).toBe(false);
      expect(session.refusedEntries).toEqual([
        { rule: 'AMOUNT_INVALID', severity: 'error', sovLineId: 'L1', message: 'Line 1: "6OO.00" is not an amount and was not stored.' },
      ]);
      session.setAllocation('L1', '600.00');
      expect(session.refusedEntries).toEqual([]);
      expect(session.canSubmit).toBe(true);
      // A helper or paste that gives the line an amount clears it too.
      session.setAllocation('L2', 'four hundred');
      session.paste([['399.99']], 'L2');
      expect(session.refusedEntries).toEqual([]);
    });
  });

  describe('paste: the whole block or nothing (issue 12)', () => {
    it('places a block by its line numbers, whatever the focused row, as one undo step', async () => {
      const { session } = await openTab(makeFakeHost().host, `backfill-session-${++databases}`);
      const result = session.paste([['Line', 'This claim'], ['3', '500.00'], ['1', '600.00'], ['2', '400.00']], 'L4');
      expect(result).toMatchObject({ ok: true, summary: '3 amounts placed by line number; header skipped' });
      expect(result.changed.sort()).toEqual(['L1', 'L2', 'L3']);
      expect(session.allocations).toEqual(BALANCED);
      session.undo();
      expect(session.allocations).toEqual({});
    });

    it('changes nothing and records no undo step when the block does not fit', async () => {
      const { session } = await openTab(makeFakeHost().host, `backfill-session-${++databases}`);
      session.setAllocation('L1', '1');
      const result = session.paste([['10'], ['20'], ['30']], 'L2');
      expect(result).toMatchObject({ ok: false, changed: [], summary: "Nothing pasted: 1 row ran past line 3, the claim's last line." });
      expect(session.allocations).toEqual({ L1: '1.00' });
      session.undo();
      expect(session.allocations).toEqual({});
    });

    it('names a line on a code the claim did not pay, even while the grid hides those lines', async () => {
      const { session } = await openTab(makeFakeHost().host, `backfill-session-${++databases}`);
      const result = session.paste([['5', '80.00'], ['1', '600.00']], 'L1');
      expect(result.summary).toBe('Nothing pasted: line 5 (row 1) cannot take $80.00: only lines on the codes this claim paid take amounts.');
      expect(session.allocations).toEqual({});
    });
  });

  describe('a 201 is success (issue: the panel said nothing was sent after a backfill was created)', () => {
    it('shows Synced and Approved when the claim cannot be re-read after the POST, and re-reads it in the background', async () => {
      const fake = makeFakeHost();
      let failReads = false;
      let readsAfterSubmit = 0;
      const host: HostAdapter = {
        ...fake.host,
        readClaim: async (claimId) => {
          if (failReads && readsAfterSubmit++ < 1) throw new HostUnavailableError('The host failed with status 500.');
          return fake.host.readClaim(claimId);
        },
        submitBackfill: async (...args) => {
          const outcome = await fake.host.submitBackfill(...args);
          failReads = true; // the follow-up read fails, as with the sandbox at --fail-rate 0.5
          return outcome;
        },
      };
      const { session, submitted } = await openTab(host, `backfill-session-${++databases}`);
      session.goTo('allocate');
      allocate(session);
      session.goTo('confirm');
      await session.submit();

      expect(fake.commits()).toBe(1);
      expect(session.submitMessage).toBeNull();
      expect(session.step).toBe('done');
      expect(session.claim?.status).toBe('Synced and Approved');
      expect(session.submission.state).toBe('submitted');
      expect(submitted).toEqual(['YC-1']);
      // Percent complete from what was sent, at once: line L1 had 500.00 of 2,000.00, plus 600.00.
      expect(session.sovAfter?.lines.find((line) => line.id === 'L1')?.percentComplete).toBe('55.00');
      expect(session.awaitingHost).toBe(true);
      await until(() => !session.awaitingHost);
      expect(readsAfterSubmit).toBe(2);
      expect(fake.commits()).toBe(1);
    });
  });

  describe('the host down on a later visit (local-first)', () => {
    it('opens the claim and its draft from the copy kept on the first visit, and says from when', async () => {
      const { fake, name, first } = await aSavedDraft();
      // The copy is written while the claim opens, not before: it lands soon after.
      await vi.waitFor(async () => expect(await first.drafts.cachedHostData('YC-1')).toBeDefined());

      const down = async (): Promise<never> => {
        throw new HostUnavailableError('The host did not answer.');
      };
      const { session } = await openTab({ ...fake.host, readClaim: down, readSov: down }, name);
      expect(session.loadError).toBeNull();
      expect(session.offlineSince).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(session.claim?.id).toBe('YC-1');
      expect(session.sov?.lines.length).toBe(first.session.sov?.lines.length);
      expect(session.allocations).toEqual(BALANCED);
      expect(session.validation?.canSubmit).toBe(true);
    });

    it('says the host did not answer when no copy was ever kept', async () => {
      const down = async (): Promise<never> => {
        throw new HostUnavailableError('The host did not answer.');
      };
      const { session } = await openTab({ ...makeFakeHost().host, readClaim: down, readSov: down }, `backfill-session-${++databases}`);
      expect(session.claim).toBeNull();
      expect(session.loadError).toBe('The host did not answer.');
    });
  });

  describe('resuming a draft waits for one round trip to the host, not two (issue 12: open → interactive)', () => {
    /** A host whose claim answers once its SOV was asked for, or after 300 ms; `log` says what came when. */
    function slowClaimHost(claimContractId = 'C-1') {
      const fake = makeFakeHost();
      const log: string[] = [];
      let sovAsked = () => {};
      const asked = new Promise<void>((resolve) => (sovAsked = resolve));
      const host: HostAdapter = {
        ...fake.host,
        readClaim: async (claimId) => {
          log.push('claim asked');
          await Promise.race([asked, new Promise((resolve) => setTimeout(resolve, 300))]);
          log.push('claim answered');
          return { ...(await fake.host.readClaim(claimId)), contractId: claimContractId };
        },
        readSov: async (contractId) => {
          log.push(`SOV of ${contractId} asked`);
          sovAsked();
          return makeSov({ contractId });
        },
      };
      return { host, log };
    }

    it("asks for the SOV of the saved draft's contract while the claim is on its way", async () => {
      const { name } = await aSavedDraft();
      const { host, log } = slowClaimHost();
      const { session } = await openTab(host, name);
      expect(log).toEqual(['claim asked', 'SOV of C-1 asked', 'claim answered']);
      expect(session.sov?.contractId).toBe('C-1');
      expect(session.allocations).toEqual(BALANCED);
    });

    it('with no saved draft, asks for the SOV once the claim names its contract', async () => {
      const { host, log } = slowClaimHost();
      const { session } = await openTab(host, `backfill-session-${++databases}`);
      expect(log).toEqual(['claim asked', 'claim answered', 'SOV of C-1 asked']);
      expect(session.sov?.contractId).toBe('C-1');
    });

    it("compares the host with the draft's basis when the drafts' index did not name the draft yet (another tab saved it meanwhile), reading the basis once", async () => {
      const { fake, name } = await aSavedDraft();
      const host: HostAdapter = {
        ...fake.host,
        readSov: async (contractId) => {
          const sov = await fake.host.readSov(contractId);
          return { ...sov, lines: sov.lines.map((line, index) => (index === 0 ? { ...line, claimedToDate: '1.00' } : line)) };
        },
      };
      const notIndexed = vi.spyOn(DraftStore.prototype, 'contractOf').mockResolvedValue(undefined);
      const basisRead = vi.spyOn(DraftStore.prototype, 'basis');
      try {
        const { session } = await openTab(host, name);
        expect(session.changes).toEqual(["Line 1's claimed to date moved from $500.00 to $1.00."]);
        expect(basisRead).toHaveBeenCalledTimes(1);
      } finally {
        notIndexed.mockRestore();
        basisRead.mockRestore();
      }
    });

    it("reads the SOV of the claim's own contract when that is no longer the saved draft's", async () => {
      const { name } = await aSavedDraft();
      const { host, log } = slowClaimHost('C-2');
      const { session } = await openTab(host, name);
      expect(log).toEqual(['claim asked', 'SOV of C-1 asked', 'claim answered', 'SOV of C-2 asked']);
      expect(session.sov?.contractId).toBe('C-2');
    });
  });

  describe('a claim read ahead of the open (the pointer rested on its button; issue 12: open → interactive)', () => {
    it('opens on what was read ahead, without asking the host again', async () => {
      const { fake, name } = await aSavedDraft();
      const db = new BackfillDatabase(name);
      cleanups.push(() => db.close());
      const drafts = new DraftStore(db);
      const early = new ClaimLoader('YC-1', fake.host, drafts).read();
      await early;
      const readsBefore = fake.reads.length;
      const session = new BackfillSession('YC-1', 'http://127.0.0.1:5180', fake.host, drafts, () => {}, noGuard);
      await session.load(early);
      expect(fake.reads).toHaveLength(readsBefore);
      expect(session.allocations).toEqual(BALANCED);
      expect(session.step).toBe('allocate');
    });

    it('reads the claim again when the read ahead failed', async () => {
      const { fake, name } = await aSavedDraft();
      const db = new BackfillDatabase(name);
      cleanups.push(() => db.close());
      const session = new BackfillSession('YC-1', 'http://127.0.0.1:5180', fake.host, new DraftStore(db), () => {}, noGuard);
      await session.load(Promise.reject(new HostUnavailableError('The host did not answer: timeout')));
      expect(session.loadError).toBeNull();
      expect(session.claim?.id).toBe('YC-1');
      expect(session.allocations).toEqual(BALANCED);
    });
  });

  describe('two tabs on one claim (issue: a tab was left asking about a conflict after the other submitted)', () => {
    /** A balanced draft saved in one tab, then opened in a second. */
    async function twoTabsOnASavedDraft() {
      const { fake, name, first } = await aSavedDraft();
      const second = await openTab(fake.host, name);
      expect(second.session.allocations).toEqual(BALANCED);
      return { fake, first, second };
    }

    it('drops text refused on a line once the other tab’s draft is taken: it no longer blocks submit', async () => {
      const { first, second } = await twoTabsOnASavedDraft();
      second.session.goTo('allocate');
      expect(second.session.setAllocation('L1', 'abc')).not.toBeNull();
      expect(second.session.canSubmit).toBe(false);
      first.session.setAllocation('L1', '600.00');
      first.session.setAllocation('L2', '300.00');
      first.session.setAllocation('L2', '400.00');
      await first.session.flush();
      await until(() => second.session.draftVersion > 0);
      expect(second.session.refusedEntries).toEqual([]);
      expect(second.session.canSubmit).toBe(true);
    });

    it('shows the claim submitted from the other tab, read-only, even when it held unsaved edits in conflict', async () => {
      const { fake, first, second } = await twoTabsOnASavedDraft();

      // Forced interleaving: the second tab has an unsaved edit when the first saves again, so it asks
      // which version to keep; only then does the first tab submit.
      second.session.goTo('allocate');
      second.session.setAllocation('L1', '599.99');
      first.session.setAllocation('L2', '400.00');
      first.session.setAllocation('L1', '600.01');
      first.session.setAllocation('L1', '600.00');
      await first.session.flush();
      await until(() => second.session.autosave.conflict !== null);

      first.session.goTo('confirm');
      await first.session.submit();
      expect(first.session.step).toBe('done');

      await until(() => second.session.step === 'done');
      expect(second.session.autosave.conflict).toBeNull();
      expect(second.session.submission.state).toBe('submitted');
      expect(second.session.claim?.status).toBe('Synced and Approved');
      expect(second.session.autosave.error).toMatch(/submitted \(or was\) from another tab/);
      // Nothing the second tab offers can send the claim again.
      await second.session.submit();
      await second.session.autosave.keepMine();
      expect(fake.calls).toHaveLength(1);
      expect(fake.commits()).toBe(1);
    });

    it('shows a submission still running in another tab, and refuses to start its own', async () => {
      const { fake, first, second } = await twoTabsOnASavedDraft();
      second.session.goTo('allocate');

      held.add('backfill-submit:YC-1'); // the first tab holds the claim's lock while it submits
      const { lines } = buildBackfillRequest(BALANCED);
      await first.drafts.save('YC-1', { state: 'submitting', idempotencyKey: 'k', lines, payloadHash: 'h', startedAt: '2026-11-25T10:00:00.000Z', attempts: 0 });
      await until(() => second.session.step === 'confirm');
      expect(second.session.submitMessage).toMatch(/being submitted from another tab/);
      await second.session.submit();
      expect(second.session.submitMessage).toMatch(/being submitted in another tab/);
      expect(fake.calls).toHaveLength(0);
      held.delete('backfill-submit:YC-1');
    });
  });

  describe('an allocation prepared in the workbench (issue 13)', () => {
    it('is offered on the host claim without a draft, carried over to the host’s SOV and goes straight to Submit', async () => {
      const name = `backfill-session-${++databases}`;
      const db = new BackfillDatabase(name);
      cleanups.push(() => db.close());
      const file = localClaim({ ...IMPORTED, contractNumber: 'SC-0001', vendorName: 'Granite Ridge Concrete', invoiceNumber: 'INV-100', invoiceDate: '2026-03-31', codes: [{ categoryCode: '03-300', amount: '1000.00' }, { categoryCode: '09-900', amount: '500.00' }], total: '1500.00' }, 'payments.csv', '2026-11-30T10:00:00.000Z');
      const lines = makeSov().lines.map((line) => ({ number: String(line.lineNumber).padStart(3, '0'), description: line.description, categoryCode: line.categoryCode, scheduledValue: line.scheduledValue, claimedToDate: line.claimedToDate }));
      const fileSov = localHostSov(localSov('SC-0001', lines, 'g703.csv', '2026-11-30T10:00:00.000Z'));
      const source = new LocalSource(db);
      await source.putClaims([file]);
      const header = { number: 'PC-7', title: 'March', payPeriod: '2026-03-31' };
      const allocations = { 'item:001': '600.00', 'item:002': '400.00', 'item:003': '500.00' };
      await new DraftStore(db).saveEdits({ claimId: file.id, contractId: 'SC-0001', header, allocations, focusedSovLineId: null }, 0, {
        claimId: file.id,
        claim: localHostClaim(file, false),
        sov: fileSov,
        recordedAt: '2026-11-30T10:00:00.000Z',
      });

      const session = new BackfillSession('YC-1', 'http://127.0.0.1:5180', makeFakeHost().host, new DraftStore(db), () => {}, noGuard, source);
      await session.load();
      expect(session.prepared).toMatchObject([{ claimId: file.id, fileName: 'payments.csv', finished: false }]);
      session.usePrepared(file.id);
      expect(session.allocations).toEqual(BALANCED);
      expect(session.header).toEqual(header);
      expect(session.step).toBe('confirm');
      expect(session.prepared).toEqual([]);
      expect(session.canUndo).toBe(true);
    });

    it('offers every imported claim that may be this one, and carries over only the one chosen', async () => {
      const db = new BackfillDatabase(`backfill-session-${++databases}`);
      cleanups.push(() => db.close());
      const source = new LocalSource(db);
      const store = new DraftStore(db);
      const lines = makeSov().lines.map((line) => ({ number: String(line.lineNumber), description: line.description, categoryCode: line.categoryCode, scheduledValue: line.scheduledValue, claimedToDate: line.claimedToDate }));
      // The same invoice number on the host's contract and, by vendor and date, on another contract of the file.
      const files = ['SC-0001', 'SC-0099'].map((contractNumber) =>
        localClaim({ ...IMPORTED, contractNumber, vendorName: 'Granite Ridge Concrete', invoiceNumber: 'INV-100', invoiceDate: '2026-03-31' }, 'payments.csv', '2026-11-30T10:00:00.000Z'),
      );
      await source.putClaims(files);
      const amounts = [{ L1: '1000.00', L3: '500.00' }, { L2: '1000.00', L3: '500.00' }];
      for (const [index, file] of files.entries()) {
        const sov = localHostSov(localSov(file.contractNumber, lines, 'g703.csv', '2026-11-30T10:00:00.000Z'));
        const allocations = Object.fromEntries(Object.entries(amounts[index]!).map(([id, amount]) => [`item:${id.slice(1)}`, amount]));
        await store.saveEdits({ claimId: file.id, contractId: file.contractNumber, header: { number: 'PC-7', title: 'March', payPeriod: '2026-03-31' }, allocations, focusedSovLineId: null }, 0, {
          claimId: file.id,
          claim: localHostClaim(file, false),
          sov,
          recordedAt: '2026-11-30T10:00:00.000Z',
        });
      }

      const session = new BackfillSession('YC-1', 'http://127.0.0.1:5180', makeFakeHost().host, store, () => {}, noGuard, source);
      await session.load();
      expect(session.prepared.map((prepared) => prepared.contractNumber).sort()).toEqual(['SC-0001', 'SC-0099']);
      session.usePrepared(files[1]!.id);
      expect(session.allocations).toEqual(amounts[1]);
      expect(session.prepared).toEqual([]);
    });
  });
});
