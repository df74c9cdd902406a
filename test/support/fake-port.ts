import { vi } from 'vitest';
import type { Browser } from 'wxt/browser';

/**
 * A `runtime.Port` end as the fake browser lacks one: `deliver` plays a message arriving on it,
 * `drop` the other end going away.
 */
export function fakePort(name: string, sender?: Browser.runtime.MessageSender) {
  const onMessage: ((message: unknown) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  const port = {
    name,
    sender,
    postMessage: vi.fn(),
    disconnect: vi.fn(),
    onMessage: { addListener: (listener: (message: unknown) => void) => onMessage.push(listener) },
    onDisconnect: { addListener: (listener: () => void) => onDisconnect.push(listener) },
  };
  return {
    port,
    asPort: port as unknown as Browser.runtime.Port,
    deliver: (message: unknown) => onMessage.forEach((listener) => listener(message)),
    drop: () => onDisconnect.forEach((listener) => listener()),
  };
}
