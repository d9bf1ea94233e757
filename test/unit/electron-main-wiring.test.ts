import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isBlockedKioskShortcut, wireMain } from '../../electron/main-wiring';
import { IPC_CALL, IPC_EVENT, type BrowserWindowOptions, type ElectronLike, type IpcMainInvokeEventLike } from '../../electron/electron-shape';
import { launchCore, type Launched } from '../../electron/startup';
import { DEMO_SITE_FILE, SiteConfigError } from '../../kiosk-config/load-site';
import type { Envelope } from '../../electron/core/api/dispatch';
import type { Role } from '../../electron/core/api/roles';

/** A stand-in for the `electron` module that records what main wires, so each setting can be checked. */
function fakeElectron(options: { lock?: boolean } = {}) {
  const appListeners = new Map<string, Array<(...args: unknown[]) => void>>();
  const ipcHandlers = new Map<string, (event: IpcMainInvokeEventLike, ...args: unknown[]) => unknown>();
  const calls = { quit: 0, exit: [] as number[], errorBoxes: [] as string[], reloads: 0, loaded: [] as string[], sent: [] as unknown[][] };
  const windows: Array<{ options: BrowserWindowOptions; contents: ReturnType<typeof fakeContents> }> = [];

  function fakeContents(id: number) {
    const listeners = new Map<string, Array<(...args: unknown[]) => void>>();
    type RequestHandler = (wc: unknown, permission: string, cb: (granted: boolean) => void) => void;
    type CheckHandler = (wc: unknown, permission: string) => boolean;
    const session: {
      permissionRequest: RequestHandler | null;
      permissionCheck: CheckHandler | null;
      setPermissionRequestHandler(h: RequestHandler | null): void;
      setPermissionCheckHandler(h: CheckHandler | null): void;
      webRequest: { onHeadersReceived: () => undefined };
    } = {
      permissionRequest: null,
      permissionCheck: null,
      setPermissionRequestHandler(h) {
        session.permissionRequest = h;
      },
      setPermissionCheckHandler(h) {
        session.permissionCheck = h;
      },
      webRequest: { onHeadersReceived: () => undefined },
    };
    const contents = {
      id,
      session,
      windowOpenHandler: null as null | ((d: { url: string }) => { action: string }),
      on(event: string, listener: (...args: unknown[]) => void) {
        listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      },
      emit(event: string, ...args: unknown[]) {
        for (const l of listeners.get(event) ?? []) l(...args);
      },
      setWindowOpenHandler(h: (d: { url: string }) => { action: 'deny' | 'allow' }) {
        contents.windowOpenHandler = h;
      },
      send: (...args: unknown[]) => calls.sent.push(args),
      reload: () => {
        calls.reloads += 1;
      },
      isDestroyed: () => false,
    };
    return contents;
  }

  class BrowserWindow {
    webContents: ReturnType<typeof fakeContents>;
    constructor(opts: BrowserWindowOptions) {
      this.webContents = fakeContents(100 + windows.length);
      windows.push({ options: opts, contents: this.webContents });
      // Electron fires web-contents-created for every new contents.
      for (const l of appListeners.get('web-contents-created') ?? []) l({}, this.webContents);
    }
    async loadFile(path: string) {
      calls.loaded.push(path);
    }
    once() {}
    on() {}
    show() {}
    focus() {}
    restore() {}
    isMinimized() {
      return false;
    }
    setKiosk() {}
    setMenu() {}
  }

  const electron = {
    app: {
      requestSingleInstanceLock: () => options.lock ?? true,
      quit: () => {
        calls.quit += 1;
      },
      exit: (code = 0) => {
        calls.exit.push(code);
      },
      on(event: string, listener: (...args: unknown[]) => void) {
        appListeners.set(event, [...(appListeners.get(event) ?? []), listener]);
      },
      whenReady: () => Promise.resolve(),
      getPath: () => tmpdir(),
      isPackaged: true,
    },
    BrowserWindow,
    ipcMain: {
      handle(channel: string, listener: (event: IpcMainInvokeEventLike, ...args: unknown[]) => unknown) {
        ipcHandlers.set(channel, listener);
      },
    },
    Menu: { setApplicationMenu: () => undefined },
    safeStorage: { isEncryptionAvailable: () => false, encryptString: (s: string) => Buffer.from(s), decryptString: (b: Buffer) => b.toString() },
    dialog: {
      showErrorBox: (_title: string, content: string) => {
        calls.errorBoxes.push(content);
      },
    },
  };
  return { electron: electron as unknown as ElectronLike, calls, windows, ipcHandlers, appListeners };
}

const launchedCores: Launched[] = [];
afterEach(async () => {
  for (const l of launchedCores.splice(0)) {
    await l.core.close();
    await l.logger.close();
    l.releaseDataDir();
  }
});

function launcherFor(role: Role) {
  const dataDir = mkdtempSync(join(tmpdir(), 'sifa-main-'));
  return async () => {
    const launched = await launchCore({ siteFile: DEMO_SITE_FILE, role, dataDir, open: false }, 'electron');
    launchedCores.push(launched);
    return launched;
  };
}

const describeFailure = (error: unknown) => ({ message: (error as Error).message, exitCode: error instanceof SiteConfigError ? 2 : 1 });

async function wire(role: Role, lock = true) {
  const fake = fakeElectron({ lock });
  const { ready } = wireMain(fake.electron, { launch: launcherFor(role), rendererIndex: '/app/dist/renderer/index.html', preloadPath: '/app/dist-electron/preload.cjs', describeFailure });
  await ready;
  return fake;
}

describe('Electron main wiring (fake electron module, real core)', () => {
  it('quits when another instance holds the single-instance lock', async () => {
    const fake = await wire('kiosk', false);
    expect(fake.calls.quit).toBe(1);
    expect(fake.windows).toHaveLength(0);
  });

  it('creates one locked-down window: isolation, sandbox, no node, kiosk mode for the kiosk role', async () => {
    const fake = await wire('kiosk');
    expect(fake.windows).toHaveLength(1);
    const { webPreferences, kiosk, fullscreen } = fake.windows[0]!.options;
    expect(webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, webSecurity: true, webviewTag: false, devTools: false });
    expect(webPreferences.preload).toBe('/app/dist-electron/preload.cjs');
    expect(kiosk).toBe(true);
    expect(fullscreen).toBe(true);
    expect(fake.calls.loaded).toEqual(['/app/dist/renderer/index.html']);
  });

  it('blocks navigation and new windows', async () => {
    const fake = await wire('kiosk');
    const contents = fake.windows[0]!.contents;
    let prevented = false;
    contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, 'https://example.com');
    expect(prevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('denies every permission to the kiosk and grants camera/microphone to the visit role only for its own window', async () => {
    const kiosk = await wire('kiosk');
    const kioskSession = kiosk.windows[0]!.contents.session;
    const kioskAnswers: boolean[] = [];
    kioskSession.permissionRequest?.(kiosk.windows[0]!.contents, 'media', (g) => kioskAnswers.push(g));
    kioskSession.permissionRequest?.(kiosk.windows[0]!.contents, 'geolocation', (g) => kioskAnswers.push(g));
    expect(kioskAnswers).toEqual([false, false]);

    const visit = await wire('visit');
    const contents = visit.windows[0]!.contents;
    const answers: boolean[] = [];
    contents.session.permissionRequest?.(contents, 'media', (g) => answers.push(g));
    contents.session.permissionRequest?.(contents, 'notifications', (g) => answers.push(g));
    contents.session.permissionRequest?.({ id: 999 }, 'media', (g) => answers.push(g));
    expect(answers).toEqual([true, false, false]);
  });

  it('serves the typed API over IPC to its own window only, and refuses desk-only methods to a kiosk', async () => {
    const fake = await wire('kiosk');
    const handler = fake.ipcHandlers.get(IPC_CALL)!;
    const own = { sender: { id: fake.windows[0]!.contents.id }, senderFrame: { url: 'file:///app/dist/renderer/index.html' } };
    const info = (await handler(own, 'systemInfo', {})) as Envelope<{ role: string }>;
    expect(info.ok && info.result.role).toBe('kiosk');

    const deskOnly = (await handler(own, 'systemDiagnostics', {})) as Envelope;
    expect(deskOnly).toMatchObject({ ok: false, error: { code: 'role_forbidden' } });

    const foreign = (await handler({ sender: { id: 4242 }, senderFrame: { url: 'file:///x' } }, 'systemInfo', {})) as Envelope;
    expect(foreign).toMatchObject({ ok: false, error: { code: 'role_forbidden' } });
    const remoteFrame = (await handler({ sender: { id: fake.windows[0]!.contents.id }, senderFrame: { url: 'https://evil.example' } }, 'systemInfo', {})) as Envelope;
    expect(remoteFrame).toMatchObject({ ok: false });
  });

  it('forwards core events for the role to the window', async () => {
    const fake = await wire('kiosk');
    launchedCores[0]!.core.events.emit('queue.changed', { pending: 3, lastSyncAt: null, hubReachable: false });
    launchedCores[0]!.core.events.emit('inbox.changed', { reason: 'test' });
    expect(fake.calls.sent).toEqual([[IPC_EVENT, { name: 'queue.changed', payload: { pending: 3, lastSyncAt: null, hubReachable: false } }]]);
  });

  it('reloads a crashed renderer and writes a log entry', async () => {
    const fake = await wire('kiosk');
    fake.windows[0]!.contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(fake.calls.reloads).toBe(1);
    const { dataDir, logger } = launchedCores[0]!;
    logger.log.flush();
    await new Promise((r) => setTimeout(r, 100));
    const logText = readdirSync(join(dataDir, 'logs')).map((f) => readFileSync(join(dataDir, 'logs', f), 'utf8')).join('');
    expect(logText).toContain('renderer.gone');
  });

  it('disables reload, devtools and quit shortcuts in the kiosk', async () => {
    const fake = await wire('kiosk');
    let prevented = 0;
    const press = (key: string, mods: Partial<{ control: boolean; shift: boolean; alt: boolean; meta: boolean }> = {}) =>
      fake.windows[0]!.contents.emit('before-input-event', { preventDefault: () => (prevented += 1) }, { type: 'keyDown', key, control: false, shift: false, alt: false, meta: false, ...mods });
    press('r', { control: true });
    press('F5');
    press('I', { control: true, shift: true });
    press('F4', { alt: true });
    press('a');
    expect(prevented).toBe(4);
    expect(isBlockedKioskShortcut({ key: 'q', control: true, meta: false, alt: false, shift: false })).toBe(true);
    expect(isBlockedKioskShortcut({ key: '5', control: false, meta: false, alt: false, shift: false })).toBe(false);
  });

  it('shows an error box and exits non-zero when the site config is bad, without opening a window', async () => {
    const fake = fakeElectron();
    const { ready } = wireMain(fake.electron, {
      launch: () => launchCore({ siteFile: '/nonexistent/site.json', dataDir: mkdtempSync(join(tmpdir(), 'sifa-bad-')), open: false }, 'electron'),
      rendererIndex: '/x/index.html',
      preloadPath: '/x/preload.cjs',
      describeFailure,
    });
    await ready;
    expect(fake.windows).toHaveLength(0);
    expect(fake.calls.exit).toEqual([2]);
    expect(fake.calls.errorBoxes[0]).toContain('/nonexistent/site.json');
  });
});

describe('content security policy', () => {
  it('the page carries the same policy as the hosts send (frame-ancestors only works as a header)', async () => {
    const { CONTENT_SECURITY_POLICY } = await import('../../electron/content-security-policy');
    const html = readFileSync(join(import.meta.dirname, '../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    const withoutFrameAncestors = CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors')).join('; ');
    expect(meta).toBe(withoutFrameAncestors);
  });
});
