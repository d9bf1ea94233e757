/**
 * Intake benchmarks: durable enqueue vs a bare INSERT, drain of 10,000 queued submissions over
 * loopback, inbox queries over 100,000 submissions, and (INTAKE_BENCH_CRASH=1 or
 * INTAKE_CRASH_ITERATIONS=N) the kill -9 harness with 500 iterations.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { uuidv7 } from 'uuidv7';
import { report, summarize } from './report';
import { createDispatcher } from '../../electron/core/api/dispatch';
import { EventBus } from '../../electron/core/api/events';
import { checkpointInBackground, openDatabase, WAL_AUTOCHECKPOINT_PAGES } from '../../electron/core/storage/database';
import { silentLogger } from '../../electron/core/log/logger';
import { createIntakeDomain, intakeMethods } from '../../electron/core/intake/intake-domain';
import { idNumber, legalAidAnswers, mediationAnswers, MemoryAudit, siteFor, startDesk, tempDir, type Desk } from '../integration/fixtures/intake-harness';
import { runCrashHarness } from '../integration/fixtures/crash-harness';

function kioskOn(dataDir: string, hubUrl: string) {
  const log = silentLogger();
  const { db } = openDatabase(join(dataDir, 'sifa.db'), { synchronous: 'FULL', migrations: [], log });
  // As createCore runs it: checkpoints on a timer, not inside a resident's commit.
  const stopCheckpoints = checkpointInBackground(db, log);
  const intake = createIntakeDomain(
    { site: siteFor('kiosk', { url: hubUrl }), dataDir, db, log, events: new EventBus(), now: () => new Date(), notices: [] },
    { audit: new MemoryAudit(), sync: { idleMs: 60_000 } },
  );
  const dispatcher = createDispatcher({ contract: intakeMethods, handlers: intake.handlers, resolveStaff: () => null, log });
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const envelope = await dispatcher.dispatch({ role: 'kiosk', clientId: 'bench' }, method, input);
    if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code} ${envelope.error.detail ?? ''}`);
    return envelope.result as T;
  };
  return { db, intake, call, close: async () => { await intake.close?.(); stopCheckpoints(); db.close(); } };
}

async function durableEnqueue(): Promise<void> {
  const dir = tempDir('bench-enqueue');
  const kiosk = kioskOn(dir, 'http://127.0.0.1:9');
  const bare = new Database(join(dir, 'bare.db'));
  bare.pragma('journal_mode = WAL');
  bare.pragma('synchronous = FULL');
  bare.pragma('foreign_keys = ON');
  bare.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  bare.exec('CREATE TABLE t (id TEXT PRIMARY KEY, created_at TEXT NOT NULL, payload BLOB NOT NULL)');
  const insert = bare.prepare('INSERT INTO t (id, created_at, payload) VALUES (?, ?, ?)');
  const payload = Buffer.alloc(1200, 1);
  const answers = legalAidAnswers();
  const submitMs: number[] = [];
  const bareMs: number[] = [];
  // Warm-up long enough for V8 to have optimised both paths: with 20 rounds the first few hundred
  // submits still ran partly unoptimised code, which the bare INSERT (one native call) never does.
  for (let i = 0; i < 300; i += 1) {
    await kiosk.call('intakeSubmit', { formId: 'legal-aid', answers });
    insert.run(uuidv7(), new Date().toISOString(), payload);
  }
  // Interleaved so both see the same disk and load.
  for (let i = 0; i < 1000; i += 1) {
    let t = performance.now();
    await kiosk.call('intakeSubmit', { formId: 'legal-aid', answers });
    submitMs.push(performance.now() - t);
    t = performance.now();
    insert.run(uuidv7(), new Date().toISOString(), payload);
    bareMs.push(performance.now() - t);
  }
  bare.close();
  await kiosk.close();
  const s = summarize(submitMs);
  const b = summarize(bareMs);
  report({ name: 'intake: submit p50', value: s.p50, unit: 'ms', target: 'info', pass: true });
  report({ name: 'intake: submit p99', value: s.p99, unit: 'ms', target: 'info', pass: true });
  report({ name: 'intake: bare INSERT+COMMIT p50', value: b.p50, unit: 'ms', target: 'info', pass: true });
  report({ name: 'intake: bare INSERT+COMMIT p99', value: b.p99, unit: 'ms', target: 'info', pass: true });
  report({ name: 'intake: submit/bare ratio p50', value: s.p50 / b.p50, unit: 'x', target: '<= 1.3', pass: s.p50 / b.p50 <= 1.3 });
  report({ name: 'intake: submit/bare ratio p99', value: s.p99 / b.p99, unit: 'x', target: '<= 1.3', pass: s.p99 / b.p99 <= 1.3 });
}

async function drain(): Promise<void> {
  const desk = await startDesk();
  const kiosk = kioskOn(tempDir('bench-drain'), desk.hubUrl);
  try {
    // Filling the queue is not what is measured: skip the per-commit fsync while filling.
    kiosk.db.pragma('synchronous = OFF');
    for (let i = 0; i < 10_000; i += 1) {
      await kiosk.call('intakeSubmit', { formId: i % 2 ? 'mediation' : 'legal-aid', answers: i % 2 ? mediationAnswers() : legalAidAnswers() });
    }
    kiosk.db.pragma('synchronous = FULL');
    desk.db.pragma('synchronous = FULL');
    const { token } = await kiosk.call<{ token: string }>('kioskMaintenanceUnlock', { pin: '246810' });
    const { code } = await desk.call('pairingCodeCreate', {});
    const started = performance.now();
    await kiosk.call('kioskPair', { token, code, hubUrl: desk.hubUrl });
    let status = await kiosk.call<{ pending: number }>('kioskSyncNow', { token });
    while (status.pending > 0) status = await kiosk.call<{ pending: number }>('kioskSyncNow', { token });
    const seconds = (performance.now() - started) / 1000;
    const atDesk = (desk.db.prepare('SELECT COUNT(*) AS n FROM hub_submissions').get() as { n: number }).n;
    report({ name: 'intake: drain 10,000 to the desk', value: seconds, unit: 's', target: '<= 10', pass: seconds <= 10 && atDesk === 10_000 });
    report({ name: 'intake: drain arrived', value: atDesk, unit: 'submissions', target: '= 10000', pass: atDesk === 10_000 });
  } finally {
    await kiosk.close();
    await desk.close();
  }
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华';

async function fillInbox(desk: Desk, total: number): Promise<string[]> {
  const { code } = await desk.call('pairingCodeCreate', {});
  const res = await fetch(`${desk.hubUrl}/v1/pair`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code, kioskId: uuidv7(), name: 'bench' }) });
  const { deviceToken } = (await res.json()) as { deviceToken: string };
  desk.db.pragma('synchronous = OFF');
  const names: string[] = [];
  const yearStart = Date.now() - 365 * 86_400_000;
  for (let start = 0; start < total; start += 1000) {
    const items = [];
    for (let i = start; i < Math.min(total, start + 1000); i += 1) {
      const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${GIVEN[(i * 13) % GIVEN.length]}`;
      if (i % 1000 === 0) names.push(name);
      const id = uuidv7();
      const legal = i % 3 !== 0;
      const answers = legal
        ? legalAidAnswers({ applicantName: name, applicantIdNumber: idNumber(`3201021956${String(100000 + (i % 899999)).slice(0, 7)}`.slice(0, 17)) })
        : mediationAnswers({ applicantName: name });
      const createdAt = new Date(yearStart + Math.floor((i / total) * 365 * 86_400_000)).toISOString();
      items.push({ idempotencyKey: id, kind: 'submission', payload: { id, receiptNo: `01B${String.fromCharCode(50 + (i % 8))}-250101-${String(i).padStart(6, '0')}-0`, formId: legal ? 'legal-aid' : 'mediation', formVersion: 1, createdAt, answers } });
    }
    const push = await fetch(`${desk.hubUrl}/v1/push`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${deviceToken}` }, body: JSON.stringify({ items }) });
    if (push.status !== 200) throw new Error(`push failed ${push.status}`);
  }
  // Spread statuses and assignees like a year of real work.
  const statuses = ['received', 'accepted', 'needs_materials', 'transferred', 'rejected', 'resolved'];
  desk.db.exec(`UPDATE hub_submissions SET status = CASE abs(random()) % 6 ${statuses.map((s, i) => `WHEN ${i} THEN '${s}'`).join(' ')} END`);
  desk.db.exec("UPDATE hub_submissions SET assignee = 'u-staff' || (abs(random()) % 5) WHERE status <> 'received'");
  desk.db.exec('ANALYZE');
  desk.db.pragma('synchronous = FULL');
  return names;
}

async function inbox(): Promise<void> {
  const desk = await startDesk();
  try {
    const total = 100_000;
    const t0 = performance.now();
    const names = await fillInbox(desk, total);
    report({ name: 'intake: inbox fill 100,000 via hub push', value: (performance.now() - t0) / 1000, unit: 's', target: 'info', pass: true });
    const ids = (desk.db.prepare('SELECT id, receipt_no FROM hub_submissions ORDER BY random() LIMIT 500').all() as Array<{ id: string; receipt_no: string }>);
    const month = new Date(Date.now() - 200 * 86_400_000).toISOString().slice(0, 10);
    const monthEnd = new Date(Date.now() - 170 * 86_400_000).toISOString().slice(0, 10);
    const filters: Array<Record<string, unknown>> = [
      {},
      { status: 'received' },
      { type: 'mediation' },
      { from: month, to: monthEnd },
      { assignee: 'u-staff2', status: 'accepted' },
      { type: 'legal-aid', status: 'needs_materials', from: month },
      { receiptNo: ids[0]?.receipt_no },
      { name: names[3] },
      { offset: 5000 },
    ];
    const listMs: number[] = [];
    const perFilter = filters.map(() => [] as number[]);
    for (let round = 0; round < 30; round += 1) {
      for (const [i, f] of filters.entries()) {
        const t = performance.now();
        await desk.call('inboxList', { limit: 50, offset: 0, ...f } as never);
        const ms = performance.now() - t;
        listMs.push(ms);
        perFilter[i]?.push(ms);
      }
    }
    filters.forEach((f, i) => {
      const keys = Object.keys(f).join('+') || 'none';
      report({ name: `intake: inboxList p95 filter ${keys}`, value: summarize(perFilter[i] ?? []).p95, unit: 'ms', target: 'info', pass: true });
    });
    const getMs: number[] = [];
    for (const { id } of ids) {
      const t = performance.now();
      await desk.call('inboxGet', { id });
      getMs.push(performance.now() - t);
    }
    const l = summarize(listMs);
    const g = summarize(getMs);
    report({ name: 'intake: inboxList p95 (100k, mixed filters)', value: l.p95, unit: 'ms', target: '<= 50', pass: l.p95 <= 50 });
    report({ name: 'intake: inboxGet p95 (100k)', value: g.p95, unit: 'ms', target: '<= 30', pass: g.p95 <= 30 });
  } finally {
    await desk.close();
  }
}

async function crash(iterations: number): Promise<void> {
  const r = await runCrashHarness(iterations, (i) => {
    if ((i + 1) % 50 === 0) console.log(`[bench] crash harness: ${i + 1}/${iterations}`);
  });
  console.log(`[bench] crash harness report ${JSON.stringify(r)}`);
  report({ name: `intake: crash harness ${iterations} kills, lost`, value: r.lost + r.printedNotDurable, unit: 'submissions', target: '= 0', pass: r.lost + r.printedNotDurable === 0 });
  report({ name: `intake: crash harness ${iterations} kills, duplicated`, value: r.duplicated, unit: 'submissions', target: '= 0', pass: r.duplicated === 0 });
  report({ name: 'intake: crash harness receipts checked', value: r.printed, unit: 'receipts', target: 'info', pass: r.integrityKiosk === 'ok' && r.integrityDesk === 'ok' });
}

export default async function intakeBench(): Promise<void> {
  const only = process.env.INTAKE_BENCH_ONLY;
  if (!only || only === 'enqueue') await durableEnqueue();
  if (!only || only === 'drain') await drain();
  if (!only || only === 'inbox') await inbox();
  const crashIterations = Number(process.env.INTAKE_CRASH_ITERATIONS ?? (process.env.INTAKE_BENCH_CRASH === '1' || only === 'crash' ? 500 : 0));
  if (crashIterations > 0) await crash(crashIterations);
  else console.log('[bench] crash harness skipped (INTAKE_BENCH_CRASH=1 or INTAKE_BENCH_ONLY=crash runs 500 kills, several minutes)');
}
