import type { BrowserWindowLike, ElectronLike, IpcMainInvokeEventLike, SafeStorageLike, WebContentsLike } from './electron-shape';
import type { KeyWrapper } from './core/crypto/wrapped-key-provider';
import { IPC_CALL, IPC_EVENT } from './electron-shape';
import type { Launched } from './startup';
import { EVENT_ROLES } from './core/api/events';
import type { Envelope } from './core/api/dispatch';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';

export interface MainWiringOptions {
  /** Loads the site config and starts the core; throws SiteConfigError on a bad site file. */
  launch: () => Promise<Launched>;
  rendererIndex: string;
  preloadPath: string;
  /** Turns a start-up failure into the text of an error box; returns the exit code. */
  describeFailure: (error: unknown) => { message: string; exitCode: number };
}

/** The data key sealed by the OS through Electron's safeStorage (base64 inside, bytes outside). */
export function safeStorageWrapper(safeStorage: SafeStorageLike): KeyWrapper {
  return {
    available: () => safeStorage.isEncryptionAvailable(),
    wrap: (plain) => safeStorage.encryptString(plain.toString('base64')),
    unwrap: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
}

/** Keys that would let a resident leave, reload or inspect the kiosk. */
export function isBlockedKioskShortcut(input: { key: string; control: boolean; meta: boolean; alt: boolean; shift: boolean }): boolean {
  const key = input.key.toLowerCase();
  const mod = input.control || input.meta;
  if (key === 'f5' || key === 'f11' || key === 'f12') return true;
  if (mod && (key === 'r' || key === 'w' || key === 'q' || key === 'p' || key === 'n' || key === 't')) return true;
  if (mod && input.shift && (key === 'i' || key === 'j' || key === 'c')) return true;
  if (input.alt && (key === 'f4' || key === 'arrowleft' || key === 'arrowright')) return true;
  return false;
}

/**
 * Everything the Electron host does, written against ElectronLike so a unit test can check each
 * security setting with a fake. main.ts only supplies the real module.
 */
export function wireMain(electron: ElectronLike, options: MainWiringOptions): { ready: Promise<void> } {
  const { app, BrowserWindow, ipcMain, Menu, dialog } = electron;
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { ready: Promise.resolve() };
  }

  let window: BrowserWindowLike | null = null;
  let launched: Launched | null = null;

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  // Every web contents, including any a bug might create: no navigation, no new windows.
  app.on('web-contents-created', (_event, contents: WebContentsLike) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  app.on('window-all-closed', () => {
    void (async () => {
      if (launched) {
        await launched.core.close();
        await launched.logger.close();
        launched.releaseDataDir();
      }
      app.quit();
    })();
  });

  const ready = app.whenReady().then(async () => {
    try {
      launched = await options.launch();
    } catch (error) {
      const failure = options.describeFailure(error);
      dialog.showErrorBox('司法所终端无法启动 / sifa-terminal cannot start', failure.message);
      app.exit(failure.exitCode);
      return;
    }
    const { core, logger, site } = launched;
    const log = logger.log;
    Menu.setApplicationMenu(null);

    const isKiosk = site.role === 'kiosk';
    const win = new BrowserWindow({
      width: 1920,
      height: 1080,
      show: false,
      kiosk: isKiosk,
      fullscreen: isKiosk,
      autoHideMenuBar: true,
      backgroundColor: '#f3f4f6',
      webPreferences: {
        preload: options.preloadPath,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        spellcheck: false,
        devTools: !app.isPackaged && !isKiosk,
      },
    });
    window = win;
    const contents = win.webContents;

    // Electron grants every permission by default; we grant camera/microphone to the visit role only.
    const allowMedia = site.role === 'visit';
    contents.session.setPermissionRequestHandler((requester, permission, callback) => {
      callback(allowMedia && permission === 'media' && requester === contents);
    });
    contents.session.setPermissionCheckHandler((_requester, permission) => allowMedia && permission === 'media');
    contents.session.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    });

    if (isKiosk) {
      contents.on('before-input-event', (event, input) => {
        if (input.type === 'keyDown' && isBlockedKioskShortcut(input)) event.preventDefault();
      });
    }
    contents.on('render-process-gone', (_event, details) => {
      log.error({ event: 'renderer.gone', reason: details.reason, exitCode: details.exitCode }, 'renderer crashed; reloading');
      if (!contents.isDestroyed()) contents.reload();
    });
    let hangTimer: NodeJS.Timeout | null = null;
    contents.on('unresponsive', () => {
      log.warn({ event: 'renderer.unresponsive' }, 'renderer hung');
      hangTimer ??= setTimeout(() => {
        hangTimer = null;
        log.error({ event: 'renderer.reload_after_hang' }, 'renderer still hung after 5 s; reloading');
        if (!contents.isDestroyed()) contents.reload();
      }, 5000);
    });
    contents.on('responsive', () => {
      if (hangTimer) clearTimeout(hangTimer);
      hangTimer = null;
    });

    // Only our own window may call the core: check the sender of every IPC message.
    ipcMain.handle(IPC_CALL, async (event: IpcMainInvokeEventLike, method: unknown, input: unknown, session: unknown): Promise<Envelope> => {
      if (event.sender.id !== contents.id || !(event.senderFrame?.url ?? '').startsWith('file://')) {
        log.warn({ event: 'ipc.foreign_sender', senderId: event.sender.id }, 'refused IPC from a foreign sender');
        return { ok: false, error: { code: 'role_forbidden', detail: 'foreign sender' } };
      }
      if (typeof method !== 'string') return { ok: false, error: { code: 'invalid_input', detail: 'method must be a string' } };
      return core.dispatch({ role: site.role, clientId: `window:${contents.id}`, sessionToken: typeof session === 'string' ? session : undefined }, method, input);
    });
    core.events.subscribe((event) => {
      if (EVENT_ROLES[event.name].includes(site.role) && !contents.isDestroyed()) contents.send(IPC_EVENT, event);
    });

    win.setMenu(null);
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => {
      window = null;
    });
    await win.loadFile(options.rendererIndex, { query: { role: site.role } });
    log.info({ event: 'electron.window_loaded', role: site.role }, 'window loaded');
  });
  return { ready };
}
