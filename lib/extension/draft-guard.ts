import { browser, type Browser } from 'wxt/browser';
import { allocationChanges, type AllocationChanges } from '@/lib/allocation-changes';
import { DRAFT_GUARD_PORT } from '@/lib/draft-guard-reader';
import type { DraftSnapshot, JournalPlace } from '@/lib/draft-snapshot';
import type { DraftGuardMessage } from '@/lib/protocol';
import type { UnsavedEditsGuard } from '@/lib/panel/draft-autosave.svelte';
import type { Allocations, DraftBasis, DraftEdits } from '@/lib/schemas';

// A port that has lived this long was accepted by a running worker: one the background refuses, or
// one opened to a worker that is gone, is cut sooner.
const ACCEPTED_AFTER_MS = 1000;

/** A snapshot to hand over, as unsaved, or as being written now. */
type Unsaved = { snapshot: DraftSnapshot; baseRevision: number; writing?: true };

/** Allocations as the background holds them: their place in the editor's journal, or a copy. */
type SentAllocations = { place: Pick<JournalPlace, 'journal' | 'version'> } | { copy: Allocations };

/**
 * The panel's line to the background (D2): every unsaved snapshot goes there at once, so the edits
 * are saved even when the docked frame is destroyed before its own save (the background saves them
 * when this port disconnects). The service worker stops when idle, closing the port: the next message
 * opens a new one; and when it stops while a snapshot is unsaved (the worker held it), the guard
 * connects again at once and hands the snapshot over anew.
 *
 * The first snapshot on a port goes whole; the next ones as what changed since (`draft/unsaved-changes`),
 * which the background applies to the one it holds: a port delivers in order, and a new port starts whole.
 * What changed comes from the editor's journal, with no copy of the allocations made or compared.
 */
export class DraftGuard implements UnsavedEditsGuard {
  private port: Browser.runtime.Port | undefined;
  private connectedAt = 0;
  /** The last unsaved snapshot handed over, until it is saved. */
  private pending: Unsaved | undefined;
  /** What the background holds from this port: the allocations last sent, and the basis not yet saved. */
  private sent: { port: Browser.runtime.Port; allocations: SentAllocations; basis: DraftBasis | undefined } | undefined;

  unsaved(snapshot: DraftSnapshot, baseRevision: number): boolean {
    const accepted = this.port !== undefined && performance.now() - this.connectedAt >= ACCEPTED_AFTER_MS;
    this.pending = { snapshot, baseRevision };
    this.post(this.pending);
    return accepted && this.port !== undefined;
  }

  writing(snapshot: DraftSnapshot, baseRevision: number): void {
    this.pending = { snapshot, baseRevision, writing: true };
    this.post(this.pending);
  }

  saved(): void {
    this.pending = undefined;
    this.post('saved');
  }

  close(): void {
    this.pending = undefined;
    this.port?.disconnect();
    this.port = undefined;
  }

  private post(what: Unsaved | 'saved'): void {
    try {
      const port = (this.port ??= this.connect());
      port.postMessage(this.onPort(port, what));
    } catch (error) {
      // The extension was updated or reloaded under this page: the panel's own saves still run.
      this.port = undefined;
      console.warn('Backfill: the background cannot guard unsaved edits', error);
    }
  }

  /** The message as it goes over `port`: a snapshot after another on the same port goes as its changes. */
  private onPort(port: Browser.runtime.Port, what: Unsaved | 'saved'): DraftGuardMessage {
    const sent = this.sent?.port === port ? this.sent : undefined;
    if (what === 'saved') {
      // The basis is on disk now: the background lets go of it.
      if (sent) sent.basis = undefined;
      return { type: 'draft/saved' };
    }
    const { snapshot, baseRevision, writing } = what;
    const { basis } = snapshot;
    // Whole when the background holds a basis this snapshot no longer has (it was saved meanwhile),
    // or when what changed cannot be told (lines in another order, an editor started afresh).
    const changes = sent && !(sent.basis && !basis) ? changesSince(sent.allocations, snapshot) : undefined;
    if (!changes) {
      const message: DraftGuardMessage = { type: 'draft/unsaved', edits: snapshot.edits, ...(basis && { basis }), baseRevision, ...(writing && { writing }) };
      this.sent = { port, allocations: sentAllocations(snapshot), basis };
      return message;
    }
    this.sent = { port, allocations: sentAllocations(snapshot), basis: basis ?? sent?.basis };
    return {
      type: 'draft/unsaved-changes',
      edits: besideAllocations(snapshot),
      changes,
      ...(basis && basis !== sent?.basis && { basis }),
      baseRevision,
      ...(writing && { writing }),
    };
  }

  private connect(): Browser.runtime.Port {
    const port = browser.runtime.connect({ name: DRAFT_GUARD_PORT });
    const connectedAt = (this.connectedAt = performance.now());
    port.onDisconnect.addListener(() => {
      if (this.port !== port) return; // closed by us
      this.port = undefined;
      // The worker stopped holding unsaved edits: hand them to the next one. Not a port cut at once
      // (refused, or the extension gone), so a background that will not guard never sees a loop.
      if (this.pending && performance.now() - connectedAt >= ACCEPTED_AFTER_MS) this.post(this.pending);
    });
    return port;
  }
}

/** What turns the allocations the background holds into the snapshot's, when that can be told. */
function changesSince(sent: SentAllocations, snapshot: DraftSnapshot): AllocationChanges | undefined {
  const place = snapshot.journaled;
  if ('copy' in sent) return place ? undefined : allocationChanges(sent.copy, snapshot.edits.allocations);
  return place && sent.place.journal === place.journal ? place.journal.changesBetween(sent.place.version, place.version) : undefined;
}

/** Read after the snapshot's edits were sent, when they were: a snapshot copied late holds later allocations. */
function sentAllocations(snapshot: DraftSnapshot): SentAllocations {
  const place = snapshot.journaled;
  return place ? { place: { journal: place.journal, version: place.version } } : { copy: snapshot.edits.allocations };
}

function besideAllocations(snapshot: DraftSnapshot): Omit<DraftEdits, 'allocations'> {
  if (snapshot.journaled) return snapshot.journaled.besideAllocations;
  const { allocations: _allocations, ...rest } = snapshot.edits;
  return rest;
}
