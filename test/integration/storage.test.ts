import { describe, expect, it } from 'vitest';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { checkpointInBackground, migrate, openDatabase, WAL_AUTOCHECKPOINT_PAGES, type MigrationSet } from '../../electron/core/storage/database';
import { silentLogger } from '../../electron/core/log/logger';
import { createCore } from '../../electron/core/app-core';
import { loadSiteFile, DEMO_SITE_FILE } from '../../kiosk-config/load-site';

const log = silentLogger();
const dir = () => mkdtempSync(join(tmpdir(), 'sifa-db-'));

const notes: MigrationSet = {
  domain: 'notes',
  migrations: [
    { version: 1, name: 'create notes', up: (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)') },
    { version: 2, name: 'add created_at', up: (db) => db.exec("ALTER TABLE notes ADD COLUMN created_at TEXT NOT NULL DEFAULT ''") },
  ],
};

describe('storage', () => {
  it('opens with WAL, synchronous=FULL and foreign keys on', () => {
    const { db } = openDatabase(join(dir(), 'a.db'), { synchronous: 'FULL', migrations: [notes], log });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('checkpoints on a timer instead of inside a commit, and stops with the database', async () => {
    const file = join(dir(), 'ckpt.db');
    const { db } = openDatabase(file, { synchronous: 'FULL', migrations: [notes], log });
    const stop = checkpointInBackground(db, log, 50);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_AUTOCHECKPOINT_PAGES);
    const before = statSync(file).size;
    const insert = db.prepare('INSERT INTO notes (body) VALUES (?)');
    for (let i = 0; i < 300; i += 1) insert.run('x'.repeat(1000));
    // 300 commits stay below the automatic limit: only the timer moves their pages into the file.
    await expect.poll(() => statSync(file).size, { timeout: 3000 }).toBeGreaterThan(before + 250_000);
    // After the checkpoint the next commits start the WAL again at its beginning: the file
    // overwrites space it already has instead of growing (cheaper for every later commit).
    const walSize = statSync(`${file}-wal`).size;
    for (let i = 0; i < 100; i += 1) insert.run('y'.repeat(1000));
    expect(statSync(`${file}-wal`).size).toBe(walSize);
    stop();
    db.close();
  });

  it('applies numbered migrations once, forward only, per domain', () => {
    const file = join(dir(), 'b.db');
    openDatabase(file, { synchronous: 'FULL', migrations: [notes], log }).db.close();
    const { db } = openDatabase(file, { synchronous: 'FULL', migrations: [notes], log });
    const rows = db.prepare('SELECT domain, version, name FROM schema_version ORDER BY version').all();
    expect(rows).toEqual([
      { domain: 'notes', version: 1, name: 'create notes' },
      { domain: 'notes', version: 2, name: 'add created_at' },
    ]);
    expect(() => migrate(db, { domain: 'notes', migrations: [notes.migrations[0]!] }, log)).toThrow(/newer than this app/);
    expect(() => migrate(db, { domain: 'gaps', migrations: [{ version: 2, name: 'x', up: () => undefined }] }, log)).toThrow(/without gaps/);
    db.close();
  });

  it('rolls back a failing migration whole', () => {
    const file = join(dir(), 'c.db');
    const broken: MigrationSet = { domain: 'broken', migrations: [{ version: 1, name: 'half', up: (db) => { db.exec('CREATE TABLE half (x)'); throw new Error('boom'); } }] };
    expect(() => openDatabase(file, { synchronous: 'FULL', migrations: [broken], log })).toThrow('boom');
    const db = new Database(file);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    db.close();
  });

  it('moves a corrupt file aside (never deletes it) and starts with a fresh database and a notice', async () => {
    const dataDir = dir();
    writeFileSync(join(dataDir, 'sifa.db'), Buffer.from('this is not a sqlite database, it is a damaged file '.repeat(200)));
    const core = await createCore({ site: loadSiteFile(DEMO_SITE_FILE), dataDir, host: 'browser', log });
    try {
      const kept = readdirSync(dataDir).filter((f) => f.startsWith('sifa.db.corrupt-'));
      expect(kept).toHaveLength(1);
      expect(core.notices).toEqual([{ key: 'databaseMovedAside', params: { file: join(dataDir, kept[0]!) } }]);
      const info = await core.dispatch({ role: 'kiosk', clientId: 't' }, 'systemInfo', {});
      expect(info.ok).toBe(true);
      expect(existsSync(join(dataDir, 'sifa.db'))).toBe(true);
    } finally {
      await core.close();
    }
  });

  it('moves aside a database whose pages are damaged (quick_check fails)', () => {
    const dataDir = dir();
    const file = join(dataDir, 'd.db');
    const db = new Database(file);
    db.pragma('journal_mode = DELETE');
    db.exec('CREATE TABLE t (x TEXT); CREATE INDEX t_x ON t(x);');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 2000; i += 1) insert.run(`row ${i} ${'x'.repeat(50)}`);
    })();
    db.close();
    // Scribble over the middle of the file: the header stays valid, the b-tree pages do not.
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0xab), 0, 8192, 4096 * 5);
    closeSync(fd);
    const opened = openDatabase(file, { synchronous: 'FULL', migrations: [], log });
    expect(opened.movedAside).toBeDefined();
    expect(existsSync(opened.movedAside!)).toBe(true);
    opened.db.close();
  });
});

describe('storage: what is not damage is not moved aside', () => {
  it('a database locked by another writer is left in place and the open fails loudly', () => {
    const file = join(dir(), 'locked.db');
    const holder = openDatabase(file, { synchronous: 'FULL', migrations: [notes], log }).db;
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec("INSERT INTO notes (body) VALUES ('unsent')");
    let failure: unknown;
    try {
      const second = new Database(file, { timeout: 100 });
      second.close();
      openDatabase(file, { synchronous: 'FULL', migrations: [notes], log: silentLogger() });
    } catch (error) {
      failure = error;
    }
    holder.close();
    expect((failure as { code?: string } | undefined)?.code).toMatch(/SQLITE_BUSY|SQLITE_LOCKED/);
    expect(readdirSync(join(file, '..')).filter((f) => f.includes('corrupt'))).toEqual([]);
  });
});
