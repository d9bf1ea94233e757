import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkInterfaces } from 'node:os';
import { request } from 'node:http';
import WebSocket from 'ws';
import { demoSite, startHost, type RunningHost } from '../e2e/harness';

function nonLoopbackAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a): a is NonNullable<typeof a> => Boolean(a && !a.internal && a.family === 'IPv4'))
    .map((a) => a.address);
}

function rawGet(host: string, port: number, headers: Record<string, string> = {}): Promise<number | string> {
  return new Promise((resolveStatus) => {
    const req = request({ host, port, path: '/api/systemInfo', method: 'POST', headers, timeout: 2000 }, (res) => {
      res.resume();
      resolveStatus(res.statusCode ?? 0);
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolveStatus(error.code ?? 'error'));
    req.on('timeout', () => {
      req.destroy();
      resolveStatus('timeout');
    });
    req.end('{}');
  });
}

describe('browser host: loopback only, token on every request, roles enforced', () => {
  let kiosk: RunningHost;

  beforeAll(async () => {
    kiosk = await startHost({ site: demoSite({ devices: { idcard: { port: 'off' } } }) });
  });
  afterAll(async () => {
    await kiosk?.stop();
  });

  it('serves the API with the token', async () => {
    const info = await kiosk.call<{ role: string }>('systemInfo');
    expect(info).toMatchObject({ ok: true, result: { role: 'kiosk' } });
  });

  it('refuses requests without the token or with a wrong one', async () => {
    const port = Number(new URL(kiosk.url).port);
    expect(await rawGet('127.0.0.1', port)).toBe(401);
    expect(await rawGet('127.0.0.1', port, { Authorization: 'Bearer wrong' })).toBe(401);
    expect(await rawGet('127.0.0.1', port, { Cookie: 'sifa_token=wrong' })).toBe(401);
    const page = await fetch(kiosk.url);
    expect(page.status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    const port = Number(new URL(kiosk.url).port);
    expect(await rawGet('127.0.0.1', port, { Authorization: `Bearer ${kiosk.token}`, Host: `evil.example:${port}` })).toBe(421);
  });

  it('refuses a request from another origin even with the cookie', async () => {
    const port = Number(new URL(kiosk.url).port);
    expect(await rawGet('127.0.0.1', port, { Cookie: `sifa_token=${kiosk.token}`, Origin: 'http://127.0.0.1:1' })).toBe(403);
    expect(await rawGet('127.0.0.1', port, { Cookie: `sifa_token=${kiosk.token}`, Origin: `http://127.0.0.1:${port}` })).toBe(200);
  });

  it('is not reachable on any non-loopback address', async () => {
    const port = Number(new URL(kiosk.url).port);
    const addresses = nonLoopbackAddresses();
    for (const address of addresses) {
      expect(await rawGet(address, port, { Authorization: `Bearer ${kiosk.token}` })).toMatch(/ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|timeout/);
    }
  });

  it('refuses a desk-only method called from the kiosk with a typed error', async () => {
    const response = await kiosk.call('systemDiagnostics');
    expect(response).toMatchObject({ ok: false, error: { code: 'role_forbidden' } });
  });

  it('answers unknown methods and bad input with typed errors', async () => {
    expect(await kiosk.call('noSuchMethod')).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await kiosk.call('systemInfo', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('opens the event socket only with the token', async () => {
    const wsUrl = kiosk.url.replace('http', 'ws') + 'events';
    const refused = await new Promise<string>((done) => {
      const ws = new WebSocket(wsUrl);
      ws.on('open', () => done('open'));
      ws.on('error', () => done('refused'));
    });
    expect(refused).toBe('refused');
    const accepted = await new Promise<string>((done) => {
      const ws = new WebSocket(wsUrl, { headers: { Authorization: `Bearer ${kiosk.token}` } });
      ws.on('open', () => {
        ws.close();
        done('open');
      });
      ws.on('error', () => done('refused'));
    });
    expect(accepted).toBe('open');
  });
});

describe('browser host: a desk host serves desk methods', () => {
  it('does not refuse systemDiagnostics by role on the desk (it asks for a sign-in instead)', async () => {
    const desk = await startHost({ site: demoSite({ role: 'desk', devices: { idcard: { port: 'off' } }, hub: { listenHost: '127.0.0.1', listenPort: 0 } }) });
    try {
      const response = await desk.call('systemDiagnostics');
      expect(response).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    } finally {
      await desk.stop();
    }
  });
});
