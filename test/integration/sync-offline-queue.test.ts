import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { legalAidAnswers, mediationAnswers, pair, startDesk, startKiosk, tempDir, type Desk, type Kiosk } from './fixtures/intake-harness';

describe('offline queue', () => {
  let desk: Desk | undefined;
  let kiosk: Kiosk | undefined;

  afterAll(async () => {
    await kiosk?.close();
    await desk?.close();
  });

  it('queues 20 submissions while the hub is down and delivers each exactly once when it is back', async () => {
    const deskDir = tempDir('desk');
    desk = await startDesk({ dataDir: deskDir });
    const port = desk.port;
    kiosk = await startKiosk({ hubUrl: desk.hubUrl });
    const token = await pair(kiosk, desk);
    await desk.close();
    desk = undefined;

    const receipts: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      const answers = i % 2 === 0 ? legalAidAnswers({ facts: `第${i}件：工地拖欠工资，多次讨要未果。` }) : mediationAnswers();
      receipts.push((await kiosk.call('intakeSubmit', { formId: i % 2 === 0 ? 'legal-aid' : 'mediation', answers })).receiptNo);
    }
    const down = await kiosk.call('kioskSyncNow', { token });
    expect(down).toMatchObject({ pending: 20, hubReachable: false, lastError: 'hub_unreachable', paired: true });
    const queued = kiosk;
    await expect.poll(() => queued.events.filter((e) => e.name === 'queue.changed').at(-1)?.payload).toMatchObject({ pending: 20, hubReachable: false });

    desk = await startDesk({ dataDir: deskDir, port });
    const up = await kiosk.call('kioskSyncNow', { token });
    expect(up).toMatchObject({ pending: 0, hubReachable: true, lastError: null, sentAwaitingRetention: 20 });

    const { rows, total } = await desk.call('inboxList', { limit: 200, offset: 0 });
    expect(total).toBe(20);
    expect(new Set(rows.map((r) => r.receiptNo))).toEqual(new Set(receipts));

    // Lose every acknowledgement (as if the kiosk died before recording them) and push again.
    const raw = new Database(join(kiosk.dataDir, 'sifa.db'));
    raw.prepare("UPDATE kiosk_outbox SET state = 'pending', sent_at = NULL").run();
    raw.close();
    const again = await kiosk.call('kioskSyncNow', { token });
    expect(again.pending).toBe(0);
    const count = desk.db.prepare('SELECT COUNT(*) AS n, COUNT(DISTINCT receipt_no) AS d FROM hub_submissions').get() as { n: number; d: number };
    expect(count).toEqual({ n: 20, d: 20 });
    const events = desk.db.prepare("SELECT COUNT(*) AS n FROM hub_status_events WHERE status = 'received'").get() as { n: number };
    expect(events.n).toBe(20);
  });

  it('keeps acknowledged items for the retention window, then forgets their payload but not their status', async () => {
    let now = Date.now();
    const clock = () => new Date(now);
    const d = await startDesk({ now: clock });
    const k = await startKiosk({ hubUrl: d.hubUrl, now: clock });
    try {
      const token = await pair(k, d);
      const { receiptNo } = await k.call('intakeSubmit', { formId: 'mediation', answers: mediationAnswers() });
      await k.call('evaluationSubmit', { service: 'mediation', score: 5, tags: ['patient'], comment: '调解员很耐心', receiptNo });
      expect(await k.call('kioskSyncNow', { token })).toMatchObject({ pending: 0, sentAwaitingRetention: 2 });
      const evals = d.db.prepare('SELECT service, score, tags, receipt_no, comment IS NOT NULL AS sealed FROM hub_evaluations').all();
      expect(evals).toEqual([{ service: 'mediation', score: 5, tags: '["patient"]', receipt_no: receiptNo, sealed: 1 }]);
      now += 8 * 24 * 60 * 60_000;
      // A new unsent submission must survive the purge.
      await d.close();
      await k.call('intakeSubmit', { formId: 'mediation', answers: mediationAnswers() });
      // The maintenance token expired with the clock jump: unlock again.
      const status = await k.call('kioskSyncNow', { token: await k.maintenanceToken() });
      expect(status).toMatchObject({ pending: 1, sentAwaitingRetention: 0 });
      expect(await k.call('progressLookup', { receiptNo })).toEqual([expect.objectContaining({ status: 'received' })]);
      const raw = new Database(join(k.dataDir, 'sifa.db'), { readonly: true });
      const rows = raw.prepare('SELECT receipt_no, payload IS NULL AS purged FROM kiosk_submissions ORDER BY created_at').all() as Array<{ receipt_no: string; purged: number }>;
      raw.close();
      expect(rows.map((r) => r.purged)).toEqual([1, 0]);
    } finally {
      await k.close();
    }
  });
});
