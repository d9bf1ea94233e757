import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from '../../electron/core/storage/database';
import { silentLogger } from '../../electron/core/log/logger';
import { INTAKE_MIGRATIONS } from '../../electron/core/intake/intake-schema';
import { KioskStore } from '../../electron/core/intake/kiosk-store';
import { FormCatalog } from '../../electron/core/intake/form-catalog';
import { FieldCipher } from '../../electron/core/crypto/field-cipher';
import { StaticKeyProvider } from '../../electron/core/crypto/key-provider';
import { receiptDay } from '../../electron/core/intake/receipt-number';
import { legalAidAnswers, startKiosk, tempDir } from './fixtures/intake-harness';
import { APP_ROOT } from '../../electron/app-root';

const log = silentLogger();
const cipher = new FieldCipher(new StaticKeyProvider(Buffer.alloc(32, 3)));
const legalAid = FormCatalog.load(join(APP_ROOT, 'kiosk-config', 'forms')).get('legal-aid')!;

function sequenceOf(receiptNo: string): number {
  return Number(receiptNo.split('-')[2]);
}

function storeOn(file: string, migrations = INTAKE_MIGRATIONS): KioskStore {
  const { db } = openDatabase(file, { synchronous: 'FULL', migrations: [migrations], log });
  return new KioskStore(db, cipher, '320102001');
}

describe('receipt numbers', () => {
  it('continue after a restart and start again at 1 on a new day', async () => {
    const dataDir = tempDir('receipt-restart');
    let now = new Date('2026-11-27T09:00:00');
    const first = await startKiosk({ dataDir, hubUrl: 'http://127.0.0.1:9', now: () => now });
    const a = await first.call('intakeSubmit', { formId: 'legal-aid', answers: legalAidAnswers() });
    const b = await first.call('intakeSubmit', { formId: 'legal-aid', answers: legalAidAnswers() });
    await first.close();
    const again = await startKiosk({ dataDir, hubUrl: 'http://127.0.0.1:9', now: () => now });
    const c = await again.call('intakeSubmit', { formId: 'legal-aid', answers: legalAidAnswers() });
    now = new Date('2026-11-28T08:00:00');
    const d = await again.call('intakeSubmit', { formId: 'legal-aid', answers: legalAidAnswers() });
    await again.close();
    expect([a, b, c].map((r) => sequenceOf(r.receiptNo))).toEqual([1, 2, 3]);
    expect(d.receiptNo).toContain('-261128-0001-');
  });

  it('never repeats when two connections write the same file', () => {
    const file = join(tempDir('receipt-two-writers'), 'sifa.db');
    const one = storeOn(file);
    const two = storeOn(file);
    const now = new Date();
    const receipts = new Set<string>();
    for (let i = 0; i < 10; i += 1) {
      // Each store's cached counter is stale after the other wrote: the UNIQUE receipt makes it re-read.
      receipts.add(one.submit(legalAid, legalAidAnswers(), undefined, now).receiptNo);
      receipts.add(two.submit(legalAid, legalAidAnswers(), undefined, now).receiptNo);
    }
    expect(receipts.size).toBe(20);
    expect([...receipts].map(sequenceOf).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('upgrades a version 2 database: queued items stay queued and numbering goes on from the old counter', () => {
    const file = join(tempDir('receipt-upgrade'), 'sifa.db');
    const v2 = { ...INTAKE_MIGRATIONS, migrations: INTAKE_MIGRATIONS.migrations.filter((m) => m.version <= 2) };
    const now = new Date();
    {
      const { db } = openDatabase(file, { synchronous: 'FULL', migrations: [v2], log });
      // What version 2 left behind: a counter row and a pending outbox row (AUTOINCREMENT table).
      db.prepare('INSERT INTO kiosk_receipt_seq (day, seq) VALUES (?, 7)').run(receiptDay(now));
      db.prepare("INSERT INTO kiosk_outbox (kind, item_id, enqueued_at) VALUES ('evaluation', 'e-1', ?)").run(now.toISOString());
      db.close();
    }
    const { db } = openDatabase(file, { synchronous: 'FULL', migrations: [INTAKE_MIGRATIONS], log });
    expect(db.prepare('SELECT kind, item_id, state FROM kiosk_outbox').all()).toEqual([{ kind: 'evaluation', item_id: 'e-1', state: 'pending' }]);
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'kiosk_outbox'").all();
    expect(indexes).toEqual([]);
    const store = new KioskStore(db, cipher, '320102001');
    expect(sequenceOf(store.submit(legalAid, legalAidAnswers(), undefined, now).receiptNo)).toBe(8);
    expect(db.prepare("SELECT COUNT(*) AS n FROM kiosk_outbox WHERE state = 'pending'").get()).toEqual({ n: 2 });
    db.close();
  });
});
