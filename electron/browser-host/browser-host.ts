import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual, randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, normalize, relative, resolve } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Core } from '../core/app-core';
import { EVENT_ROLES } from '../core/api/events';
import type { Logger } from '../core/log/logger';
import { CONTENT_SECURITY_POLICY } from '../content-security-policy';

/**
 * Serves the same core over HTTP + WebSocket on 127.0.0.1 when Electron is not there. Every
 * request must carry this launch's random token (cookie after the first visit, or a bearer
 * header for scripts); the Host header must be loopback, which also stops DNS rebinding.
 */
export interface BrowserHost {
  url: string;
  /** The URL that logs a browser in (sets the cookie) and opens the app. */
  launchUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const COOKIE = 'sifa_token';
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};
const MAX_BODY = 8 * 1024 * 1024;

export async function startBrowserHost(options: { core: Core; rendererDir: string; port?: number; log: Logger; token?: string }): Promise<BrowserHost> {
  const { core, log } = options;
  const rendererDir = resolve(options.rendererDir);
  const token = options.token ?? randomBytes(24).toString('hex');
  const tokenBuf = Buffer.from(token);
  const role = core.site.role;
  let port = 0;

  const authorized = (req: IncomingMessage): boolean => {
    const presented = bearer(req) ?? cookie(req, COOKIE) ?? queryToken(req);
    if (!presented) return false;
    const buf = Buffer.from(presented);
    return buf.length === tokenBuf.length && timingSafeEqual(buf, tokenBuf);
  };
  const loopbackHost = (req: IncomingMessage): boolean => {
    const host = req.headers.host ?? '';
    return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
  };
  // The cookie goes to every port on 127.0.0.1: a page from another local origin must not ride on it.
  const sameOrigin = (req: IncomingMessage): boolean => {
    const origin = req.headers.origin;
    return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
  };

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      log.error({ event: 'host.request_failed', err: (error as Error).message });
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'internal' } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!loopbackHost(req)) return send(res, 421, { ok: false, error: { code: 'role_forbidden', detail: 'loopback only' } });
    if (!sameOrigin(req)) return send(res, 403, { ok: false, error: { code: 'role_forbidden', detail: 'foreign origin' } });
    if (!authorized(req)) return send(res, 401, { ok: false, error: { code: 'unauthenticated', detail: 'missing or wrong launch token' } });
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    // First visit from the launch URL: keep the token in an HttpOnly cookie (the page then drops
    // it from the address bar); answered at once rather than by a redirect, one round trip less.
    const setCookie = url.searchParams.has('token') ? `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/` : undefined;
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, { ok: false, error: { code: 'invalid_input', detail: 'POST only' } });
      const method = decodeURIComponent(url.pathname.slice('/api/'.length));
      const body = await readJson(req);
      if (body === undefined) return send(res, 400, { ok: false, error: { code: 'invalid_input', detail: 'body is not JSON' } });
      const envelope = await core.dispatch(
        { role, clientId: String(req.headers['x-client-id'] ?? 'browser'), sessionToken: typeof body.session === 'string' ? body.session : undefined },
        method,
        body.input,
      );
      return send(res, 200, envelope);
    }
    await serveStatic(url.pathname, res, setCookie);
  }

  /**
   * systemInfo inside the page (a JSON data block, which CSP allows: it never runs), so the first
   * screen does not wait for a second request. The page is only served with the token.
   */
  async function bootData(): Promise<string> {
    const info = await core.dispatch({ role, clientId: 'boot' }, 'systemInfo', {});
    const json = JSON.stringify(info.ok ? info.result : null).replace(/</g, '\\u003c');
    return `<script type="application/json" id="sifa-boot">${json}</script>${await rolePreloads()}`;
  }

  /**
   * The role's screens, the chunks they import and all their styles fetched alongside the main
   * bundle instead of after it has run. With every stylesheet already in the page, the role
   * chunk's import does not wait for styles it would otherwise add only then.
   */
  let preloads: string | undefined;
  async function rolePreloads(): Promise<string> {
    if (preloads !== undefined) return preloads;
    const name = { kiosk: 'KioskApp', desk: 'DeskApp', visit: 'VisitApp' }[role];
    try {
      type ManifestChunk = { file: string; name?: string; css?: string[]; imports?: string[]; isEntry?: boolean };
      const manifest = JSON.parse(await readFile(join(rendererDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
      const scripts = new Set<string>();
      const styles = new Set<string>();
      const visit = (chunk: ManifestChunk | undefined): void => {
        // The entry (index.html's script) is in the page already.
        if (!chunk || chunk.isEntry || scripts.has(chunk.file)) return;
        scripts.add(chunk.file);
        for (const css of chunk.css ?? []) styles.add(css);
        for (const key of chunk.imports ?? []) visit(manifest[key]);
      };
      visit(Object.values(manifest).find((c) => c.name === name && c.file.endsWith('.js')));
      preloads = [...[...scripts].map((f) => `<link rel="modulepreload" href="./${f}" />`), ...[...styles].map((f) => `<link rel="stylesheet" href="./${f}" />`)].join('');
    } catch {
      preloads = '';
    }
    return preloads;
  }

  async function serveStatic(pathname: string, res: ServerResponse, setCookie?: string): Promise<void> {
    const requested = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    let file = join(rendererDir, requested);
    const inside = relative(rendererDir, file);
    if (inside.startsWith('..') || isAbsolute(inside)) return send(res, 404, { ok: false, error: { code: 'not_found' } });
    let info = await stat(file).catch(() => null);
    if (!info || info.isDirectory()) {
      file = join(rendererDir, 'index.html');
      info = await stat(file).catch(() => null);
      if (!info) {
        res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('界面尚未构建，请先运行 npm run build。\nThe UI is not built yet: run npm run build.');
        return;
      }
    }
    let data = await readFile(file);
    if (file.endsWith('index.html')) data = Buffer.from(data.toString('utf8').replace('<head>', `<head>\n    ${await bootData()}`));
    const type = MIME[extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'max-age=31536000, immutable',
      ...(setCookie ? { 'Set-Cookie': setCookie } : {}),
    });
    res.end(data);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const sockets = new Set<WebSocket>();
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!loopbackHost(req) || !sameOrigin(req) || !authorized(req) || url.pathname !== '/events') {
      socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('error', () => sockets.delete(ws));
    });
  });
  const unsubscribe = core.events.subscribe((event) => {
    if (!EVENT_ROLES[event.name].includes(role)) return;
    const text = JSON.stringify(event);
    for (const ws of sockets) ws.send(text);
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    // Loopback only: this host serves personal data and must never face the LAN.
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}/`;
  log.info({ event: 'host.listening', port, role }, 'browser host listening on loopback');

  return {
    url,
    launchUrl: `${url}?token=${token}`,
    token,
    port,
    async close() {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7) : undefined;
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function queryToken(req: IncomingMessage): string | undefined {
  return new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('token') ?? undefined;
}

async function readJson(req: IncomingMessage): Promise<{ input?: unknown; session?: unknown } | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk as Buffer);
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as { input?: unknown; session?: unknown }) : undefined;
  } catch {
    return undefined;
  }
}

export const newClientId = (): string => randomUUID();
