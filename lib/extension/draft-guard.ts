import { browser, type Browser } from 'wxt/browser';
import { DRAFT_GUARD_PORT, type DraftGuardMessage } from '@/lib/protocol';
import type { DraftSnapshot, UnsavedEditsGuard } from '@/lib/panel/draft-autosave.svelte';

// A port that lived at least this long was cut by the worker stopping, not refused.
const RECONNECT_AFTER_MS = 1000;

/**
 * The panel's line to the background (D2): every unsaved snapshot goes there at once, so the edits
 * are saved even when the docked frame is destroyed before its own save (the background saves them
 * when this port disconnects). The service worker stops when idle, closing the port: the guard
 * connects again at once, which starts the worker, so the next edit finds it up to take the handover
 * (an edit made while the worker was still starting could be lost if the frame went away at once).
 */
export class DraftGuard implements UnsavedEditsGuard {
  private port: Browser.runtime.Port | undefined;

  unsaved(snapshot: DraftSnapshot, baseRevision: number): boolean {
    const open = this.port !== undefined;
    this.post({ type: 'draft/unsaved', ...snapshot, baseRevision });
    return open && this.port !== undefined;
  }

  writing(snapshot: DraftSnapshot, baseRevision: number): void {
    this.post({ type: 'draft/unsaved', ...snapshot, baseRevision, writing: true });
  }

  saved(): void {
    this.post({ type: 'draft/saved' });
  }

  close(): void {
    this.port?.disconnect();
    this.port = undefined;
  }

  private post(message: DraftGuardMessage): void {
    try {
      this.port ??= this.connect();
      this.port.postMessage(message);
    } catch (error) {
      // The extension was updated or reloaded under this page: the panel's own saves still run.
      this.port = undefined;
      console.warn('Backfill: the background cannot guard unsaved edits', error);
    }
  }

  private connect(): Browser.runtime.Port {
    const port = browser.runtime.connect({ name: DRAFT_GUARD_PORT });
    const connectedAt = performance.now();
    port.onDisconnect.addListener(() => {
      if (this.port !== port) return; // closed by us
      this.port = undefined;
      // A worker stopped after a while: reconnect. A port refused or cut at once is not retried, so a
      // background that will not guard (or an extension gone) never sees a loop of connections.
      if (performance.now() - connectedAt < RECONNECT_AFTER_MS) return;
      try {
        this.port = this.connect();
      } catch {
        // The extension was updated or reloaded under this page: the panel's own saves still run.
      }
    });
    return port;
  }
}
