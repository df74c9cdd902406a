import { browser, type Browser } from 'wxt/browser';
import { DRAFT_GUARD_PORT, type DraftGuardMessage } from '@/lib/protocol';
import type { DraftSnapshot, UnsavedEditsGuard } from '@/lib/panel/draft-autosave.svelte';

/**
 * The panel's line to the background (D2): every unsaved snapshot goes there at once, so the edits
 * are saved even when the docked frame is destroyed before its own save (the background saves them
 * when this port disconnects). The service worker stops when idle, closing the port: the next message
 * opens a new one.
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
    port.onDisconnect.addListener(() => {
      if (this.port === port) this.port = undefined;
    });
    return port;
  }
}
