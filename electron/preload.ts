import type { SifaBridge } from '../renderer/api/bridge-types';
import type { CoreEvent } from './core/api/events';
import { IPC_CALL, IPC_EVENT } from './electron-shape';

interface PreloadElectron {
  contextBridge: { exposeInMainWorld(key: string, api: unknown): void };
  ipcRenderer: {
    invoke(channel: string, ...args: unknown[]): Promise<unknown>;
    on(channel: string, listener: (event: unknown, payload: unknown) => void): void;
    removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): void;
  };
}

// The renderer gets exactly the typed API: call and subscribe, no ipcRenderer, no Node.
// A sandboxed preload has only a minimal require (no node:module), and is bundled to CommonJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { contextBridge, ipcRenderer } = require('electron') as PreloadElectron;

const bridge: SifaBridge = {
  call: (method, input, session) => ipcRenderer.invoke(IPC_CALL, method, input, session) as ReturnType<SifaBridge['call']>,
  subscribe(listener) {
    const handler = (_event: unknown, payload: unknown): void => listener(payload as CoreEvent);
    ipcRenderer.on(IPC_EVENT, handler);
    return () => ipcRenderer.removeListener(IPC_EVENT, handler);
  },
};

contextBridge.exposeInMainWorld('sifa', bridge);
