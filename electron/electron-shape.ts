/**
 * The part of Electron's API that main.ts uses, as plain types. The `electron` package is an
 * optional dependency (its binary cannot be downloaded on every machine), so the main-process
 * wiring is written against this shape: Electron satisfies it at run time, and the unit tests
 * pass a fake that records what was wired.
 */
export interface WebContentsLike {
  id: number;
  on(event: 'will-navigate', listener: (event: { preventDefault(): void }, url: string) => void): void;
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string; exitCode: number }) => void): void;
  on(event: 'unresponsive' | 'responsive', listener: () => void): void;
  on(event: 'before-input-event', listener: (event: { preventDefault(): void }, input: { type: string; key: string; control: boolean; meta: boolean; alt: boolean; shift: boolean }) => void): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' | 'allow' }): void;
  send(channel: string, ...args: unknown[]): void;
  reload(): void;
  isDestroyed(): boolean;
  session: SessionLike;
}

export interface SessionLike {
  setPermissionRequestHandler(handler: ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null): void;
  setPermissionCheckHandler(handler: ((webContents: unknown, permission: string) => boolean) | null): void;
  webRequest: {
    onHeadersReceived(listener: (details: { responseHeaders?: Record<string, string[] | string> }, callback: (response: { responseHeaders?: Record<string, string[] | string> }) => void) => void): void;
  };
}

export interface BrowserWindowLike {
  webContents: WebContentsLike;
  loadFile(path: string, options?: { hash?: string; query?: Record<string, string> }): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): void;
  on(event: 'closed', listener: () => void): void;
  show(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  setKiosk(flag: boolean): void;
  setMenu(menu: null): void;
}

export interface BrowserWindowOptions {
  width: number;
  height: number;
  show: boolean;
  kiosk: boolean;
  fullscreen: boolean;
  autoHideMenuBar: boolean;
  backgroundColor: string;
  webPreferences: {
    preload: string;
    contextIsolation: boolean;
    sandbox: boolean;
    nodeIntegration: boolean;
    nodeIntegrationInWorker: boolean;
    webSecurity: boolean;
    allowRunningInsecureContent: boolean;
    experimentalFeatures: boolean;
    webviewTag: boolean;
    spellcheck: boolean;
    devTools: boolean;
  };
}

export interface IpcMainInvokeEventLike {
  sender: { id: number };
  senderFrame?: { url: string } | null;
}

export interface ElectronLike {
  app: {
    requestSingleInstanceLock(): boolean;
    quit(): void;
    exit(code?: number): void;
    on(event: 'second-instance', listener: () => void): void;
    on(event: 'window-all-closed', listener: () => void): void;
    on(event: 'web-contents-created', listener: (event: unknown, contents: WebContentsLike) => void): void;
    whenReady(): Promise<void>;
    getPath(name: 'userData'): string;
    isPackaged: boolean;
  };
  BrowserWindow: new (options: BrowserWindowOptions) => BrowserWindowLike;
  ipcMain: {
    handle(channel: string, listener: (event: IpcMainInvokeEventLike, ...args: unknown[]) => unknown): void;
  };
  Menu: { setApplicationMenu(menu: null): void };
  safeStorage: SafeStorageLike;
  dialog: { showErrorBox(title: string, content: string): void };
}

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** IPC channel names shared by main.ts and preload.ts. */
export const IPC_CALL = 'sifa:call';
export const IPC_EVENT = 'sifa:event';
