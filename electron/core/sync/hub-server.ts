import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../log/logger';
import type { HubRegistry } from './hub-registry';
import type { HubStore } from '../intake/hub-store';
import { HUB_PATHS, heartbeatSchema, pairRequestSchema, problem, pushRequestSchema, type Problem } from './sync-protocol';

const MAX_BODY_BYTES = 16 * 1024 * 1024;

export interface HubServerDeps {
  registry: HubRegistry;
  store: HubStore;
  log: Logger;
  /** Called after a push stored something, so the desk's inbox refreshes. */
  onReceived: (count: number) => void;
}

export interface HubAddress {
  host: string;
  port: number;
  url: string;
}

/**
 * The office LAN hub kiosks push to: plain node:http, JSON in, JSON out, errors as
 * application/problem+json. Every route but pairing needs `Authorization: Bearer <device token>`.
 */
export class HubServer {
  private readonly server: Server;
  private address: HubAddress | undefined;

  constructor(private readonly deps: HubServerDeps) {
    this.server = createServer((req, res) => {
      this.route(req, res).catch((error: unknown) => {
        deps.log.error({ event: 'hub.failed', err: { message: (error as Error).message } }, 'hub request failed');
        if (!res.headersSent) sendProblem(res, problem(500, 'internal', 'Internal error'));
        else res.destroy();
      });
    });
    this.server.keepAliveTimeout = 30_000;
  }

  async listen(host: string, port: number): Promise<HubAddress> {
    await new Promise<void>((resolveListen, rejectListen) => {
      const onError = (error: Error): void => rejectListen(error);
      this.server.once('error', onError);
      this.server.listen(port, host, () => {
        this.server.off('error', onError);
        resolveListen();
      });
    });
    const info = this.server.address() as AddressInfo;
    this.address = { host: info.address, port: info.port, url: `http://${info.family === 'IPv6' ? `[${info.address}]` : info.address}:${info.port}` };
    this.deps.log.info({ event: 'hub.listening', host: info.address, port: info.port }, 'desk hub listening');
    return this.address;
  }

  get listening(): HubAddress | undefined {
    return this.address;
  }

  async close(): Promise<void> {
    if (!this.server.listening) return;
    await new Promise<void>((resolveClose) => {
      this.server.close(() => resolveClose());
      this.server.closeAllConnections();
    });
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://hub');
    const { registry, store } = this.deps;
    if (url.pathname === HUB_PATHS.pair) {
      if (req.method !== 'POST') return sendProblem(res, problem(405, 'method-not-allowed', 'Method not allowed'));
      const body = await readJson(req);
      if ('problem' in body) return sendProblem(res, body.problem);
      const parsed = pairRequestSchema.safeParse(body.value);
      if (!parsed.success) return sendProblem(res, problem(400, 'malformed-request', 'Malformed pairing request'));
      const outcome = registry.pair(parsed.data);
      if (!outcome.ok) return sendProblem(res, problem(outcome.status, outcome.status === 429 ? 'too-many-attempts' : 'pairing-refused', 'Pairing refused', outcome.reason));
      return sendJson(res, 200, outcome.response);
    }
    const route = Object.values(HUB_PATHS).includes(url.pathname as never) ? url.pathname : null;
    if (!route) return sendProblem(res, problem(404, 'not-found', 'No such endpoint'));
    const auth = registry.authenticate(bearer(req));
    if ('refused' in auth) {
      return auth.refused === 'revoked'
        ? sendProblem(res, problem(403, 'kiosk-revoked', 'This kiosk was revoked at the desk'))
        : sendProblem(res, problem(401, 'unauthorized', 'Unknown device token'));
    }
    const { kioskId } = auth;
    if (route === HUB_PATHS.statuses) {
      if (req.method !== 'GET') return sendProblem(res, problem(405, 'method-not-allowed', 'Method not allowed'));
      const since = Number(url.searchParams.get('since') ?? '0');
      if (!Number.isInteger(since) || since < 0) return sendProblem(res, problem(400, 'malformed-request', 'since must be a non-negative integer'));
      registry.touch(kioskId, undefined);
      return sendJson(res, 200, registry.statusesSince(kioskId, since));
    }
    if (req.method !== 'POST') return sendProblem(res, problem(405, 'method-not-allowed', 'Method not allowed'));
    const body = await readJson(req);
    if ('problem' in body) return sendProblem(res, body.problem);
    if (route === HUB_PATHS.heartbeat) {
      const parsed = heartbeatSchema.safeParse(body.value);
      if (!parsed.success) return sendProblem(res, problem(400, 'malformed-request', 'Malformed heartbeat'));
      registry.touch(kioskId, parsed.data.queueDepth);
      return sendJson(res, 200, { ok: true });
    }
    // push
    const parsed = pushRequestSchema.safeParse(body.value);
    if (!parsed.success) return sendProblem(res, problem(400, 'malformed-request', 'Malformed push request'));
    const results = store.receiveBatch(kioskId, parsed.data.items);
    registry.touch(kioskId, parsed.data.queueDepth);
    const fresh = results.filter((r) => r.status === 200 && !r.replayed).length;
    if (fresh > 0) this.deps.onReceived(fresh);
    return sendJson(res, 200, { results });
  }
}

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}

async function readJson(req: IncomingMessage): Promise<{ value: unknown } | { problem: Problem }> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/json')) return { problem: problem(415, 'unsupported-media-type', 'Expected application/json') };
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return { problem: problem(413, 'too-large', 'Request body too large') };
    chunks.push(chunk as Buffer);
  }
  try {
    return { value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch {
    return { problem: problem(400, 'malformed-json', 'Body is not valid JSON') };
  }
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
  res.end(body);
}

function sendProblem(res: ServerResponse, p: Problem): void {
  const body = JSON.stringify(p);
  res.writeHead(p.status, { 'Content-Type': 'application/problem+json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
  res.end(body);
}
