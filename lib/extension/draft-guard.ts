import { browser, type Browser } from 'wxt/browser';
import { allocationChanges } from '@/lib/allocation-changes';
import { DRAFT_GUARD_PORT } from '@/lib/draft-guard-reader';
import type { DraftGuardMessage, DraftUnsavedMessage } from '@/lib/protocol';
import type { DraftSnapshot, UnsavedEditsGuard } from '@/lib/panel/draft-autosave.svelte';
import type { Allocations, DraftBasis } from '@/lib/schemas';

// A port that has lived this long was accepted by a running worker: one the background refuses, or
// one opened to a worker that is gone, is cut sooner.
const ACCEPTED_AFTER_MS = 1000;

/**
 * The panel's line to the background (D2): every unsaved snapshot goes there at once, so the edits
 * are saved even when the docked frame is destroyed before its own save (the background saves them
 * when this port disconnects). The service worker stops when idle, closing the port: the next message
 * opens a new one; and when it stops while a snapshot is unsaved (the worker held it), the guard
 * connects again at once and hands the snapshot over anew.
 *
 * The first snapshot on a port goes whole; the next ones as what changed since (`draft/unsaved-changes`),
 * which the background applies to the one it holds: a port delivers in order, and a new port starts whole.
 */
export class DraftGuard implements UnsavedEditsGuard {
  private port: Browser.runtime.Port | undefined;
  private connectedAt = 0;
  /** The last unsaved snapshot handed over, until it is saved. */
  private pending: DraftUnsavedMessage | undefined;
  /** What the background holds from this port: the allocations last sent, and the basis not yet saved. */
  private sent: { port: Browser.runtime.Port; allocations: Allocations; basis: DraftBasis | undefined } | undefined;

  unsaved(snapshot: DraftSnapshot, baseRevision: number): boolean {
    const accepted = this.port !== undefined && performance.now() - this.connectedAt >= ACCEPTED_AFTER_MS;
    this.pending = { type: 'draft/unsaved', ...snapshot, baseRevision };
    this.post(this.pending);
    return accepted && this.port !== undefined;
  }

  writing(snapshot: DraftSnapshot, baseRevision: number): void {
    this.pending = { type: 'draft/unsaved', ...snapshot, baseRevision, writing: true };
    this.post(this.pending);
  }

  saved(): void {
    this.pending = undefined;
    this.post({ type: 'draft/saved' });
  }

  close(): void {
    this.pending = undefined;
    this.port?.disconnect();
    this.port = undefined;
  }

  private post(message: DraftGuardMessage): void {
    try {
      const port = (this.port ??= this.connect());
      port.postMessage(this.onPort(port, message));
    } catch (error) {
      // The extension was updated or reloaded under this page: the panel's own saves still run.
      this.port = undefined;
      console.warn('Backfill: the background cannot guard unsaved edits', error);
    }
  }

  /** The message as it goes over `port`: a snapshot after another on the same port goes as its changes. */
  private onPort(port: Browser.runtime.Port, message: DraftGuardMessage): DraftGuardMessage {
    const sent = this.sent?.port === port ? this.sent : undefined;
    if (message.type === 'draft/saved') {
      // The basis is on disk now: the background lets go of it.
      if (sent) sent.basis = undefined;
      return message;
    }
    if (message.type !== 'draft/unsaved') return message;
    const { edits, basis, baseRevision, writing } = message;
    const { allocations, ...rest } = edits;
    // Whole when the background holds a basis this snapshot no longer has (it was saved meanwhile),
    // or when the lines come in an order changes cannot carry.
    const changes = sent && !(sent.basis && !basis) ? allocationChanges(sent.allocations, allocations) : undefined;
    this.sent = { port, allocations, basis: changes ? (basis ?? sent?.basis) : basis };
    if (!changes) return message;
    return {
      type: 'draft/unsaved-changes',
      edits: rest,
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
