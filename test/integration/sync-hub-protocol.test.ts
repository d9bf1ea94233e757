import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { expectApiError, pair, startDesk, startKiosk, type Desk, type Kiosk } from './fixtures/intake-harness';

async function post(url: string, body: unknown, token?: string): Promise<{ status: number; type: string; json: Record<string, unknown> }> {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  return { status: res.status, type: res.headers.get('content-type') ?? '', json: (await res.json()) as Record<string, unknown> };
}

function submission(id = uuidv7(), extra: Record<string, unknown> = {}) {
  return { id, receiptNo: `01ZZ-250101-${String(Math.floor(Math.random() * 9000) + 1000)}-0`, formId: 'reconsideration', formVersion: 1, createdAt: new Date().toISOString(), answers: { question: '行政处罚不服怎么办？', ...extra } };
}

describe('desk hub protocol', () => {
  let desk: Desk;
  let deviceToken: string;

  beforeAll(async () => {
    desk = await startDesk();
    const { code } = await desk.call('pairingCodeCreate', {});
    const paired = await post(`${desk.hubUrl}/v1/pair`, { code, kioskId: uuidv7(), name: 'test kiosk' });
    expect(paired.status).toBe(200);
    deviceToken = paired.json.deviceToken as string;
    // One-time: the same code never pairs twice.
    const again = await post(`${desk.hubUrl}/v1/pair`, { code, kioskId: uuidv7(), name: 'other' });
    expect(again.status).toBe(400);
    expect(again.type).toContain('application/problem+json');
  });
  afterAll(async () => {
    await desk?.close();
  });

  it('refuses unknown device tokens with problem+json', async () => {
    const res = await post(`${desk.hubUrl}/v1/push`, { items: [] }, 'nope');
    expect(res.status).toBe(401);
    expect(res.type).toContain('application/problem+json');
    expect(res.json).toMatchObject({ status: 401, type: expect.stringContaining('unauthorized') });
  });

  it('applies Idempotency-Key semantics per item: stored, replayed, 422 on a different payload, 400 when missing', async () => {
    const item = { idempotencyKey: uuidv7(), kind: 'submission', payload: submission() };
    const first = await post(`${desk.hubUrl}/v1/push`, { items: [item] }, deviceToken);
    expect(first.json.results).toEqual([expect.objectContaining({ status: 200, idempotencyKey: item.idempotencyKey })]);
    const replay = await post(`${desk.hubUrl}/v1/push`, { items: [item] }, deviceToken);
    expect(replay.json.results).toEqual([expect.objectContaining({ status: 200, replayed: true, id: item.payload.id })]);
    const changed = { ...item, payload: { ...item.payload, answers: { question: '改了' } } };
    const conflict = await post(`${desk.hubUrl}/v1/push`, { items: [changed, { kind: 'submission', payload: submission() }] }, deviceToken);
    expect(conflict.json.results).toEqual([
      expect.objectContaining({ status: 422, problem: expect.objectContaining({ status: 422 }) }),
      expect.objectContaining({ status: 400, idempotencyKey: null }),
    ]);
    const stored = desk.db.prepare('SELECT COUNT(*) AS n FROM hub_submissions WHERE id = ?').get(item.payload.id) as { n: number };
    expect(stored.n).toBe(1);
  });

  it('refuses a revoked kiosk with 403 and the kiosk shows why', async () => {
    const kiosk: Kiosk = await startKiosk({ hubUrl: desk.hubUrl });
    try {
      const token = await pair(kiosk, desk);
      const status = await kiosk.call('kioskQueueStatus', { token });
      await desk.call('kioskRevoke', { kioskId: status.kioskId });
      expect(desk.audit.actions()).toContain('kiosk.revoked');
      const after = await kiosk.call('kioskSyncNow', { token });
      expect(after.lastError).toBe('kiosk_revoked');
      const kiosks = await desk.call('kiosksList', {});
      expect(kiosks.find((k) => k.kioskId === status.kioskId)?.revoked).toBe(true);
      expect((await expectApiError(kiosk.call('kioskPair', { token, code: 'ABCDEF', hubUrl: desk.hubUrl }))).code).toBe('invalid_input');
    } finally {
      await kiosk.close();
    }
  });

  it('needs kiosk.manage for pairing codes', async () => {
    expect((await expectApiError(desk.call('pairingCodeCreate', {}, 'staff'))).code).toBe('permission_denied');
  });
});
