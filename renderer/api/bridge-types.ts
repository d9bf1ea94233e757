import type { Envelope } from '../../electron/core/api/dispatch';
import type { CoreEvent } from '../../electron/core/api/events';

/** What the Electron preload exposes as `window.sifa`: the typed API and nothing else. */
export interface SifaBridge {
  call(method: string, input: unknown, session?: string): Promise<Envelope>;
  subscribe(listener: (event: CoreEvent) => void): () => void;
}

declare global {
  interface Window {
    sifa?: SifaBridge;
  }
}
