import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { createDispatcher, type CallContext } from '../../electron/core/api/dispatch';
import { EventBus } from '../../electron/core/api/events';
import { silentLogger } from '../../electron/core/log/logger';
import { openDatabase } from '../../electron/core/storage/database';
import { createLibraryDomain, libraryMethods } from '../../electron/core/library/library-domain';
import type { DomainContext } from '../../electron/core/domain';
import type { StartupNotice } from '../../electron/core/system/system-api';
import { DEMO_SITE_FILE, loadSiteFile } from '../../kiosk-config/load-site';

const run = promisify(execFile);
const log = silentLogger();
let dataDir: string;
let close: () => void | Promise<void>;
let dispatch: (role: CallContext['role'], method: string, input: unknown) => Promise<{ ok: boolean; result?: unknown; error?: { code: string } }>;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'library-api-'));
  const main = openDatabase(join(dataDir, 'sifa.db'), { synchronous: 'FULL', migrations: [], log });
  const notices: StartupNotice[] = [];
  const ctx: DomainContext = { site: loadSiteFile(DEMO_SITE_FILE), dataDir, db: main.db, log, events: new EventBus(), now: () => new Date(), notices };
  const domain = createLibraryDomain(ctx);
  const dispatcher = createDispatcher({ contract: libraryMethods, handlers: domain.handlers, resolveStaff: () => null, log });
  dispatch = (role, method, input) => dispatcher.dispatch({ role, clientId: 'test' }, method, input) as never;
  close = async () => {
    await domain.close?.();
    main.db.close();
  };
});
afterAll(async () => {
  await close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('library API through the dispatcher', () => {
  it('serves kiosk and desk, refuses visit clients and bad input', async () => {
    const kiosk = await dispatch('kiosk', 'librarySearch', { q: '法律援助' });
    expect(kiosk.ok).toBe(true);
    expect((kiosk.result as { hits: unknown[] }).hits.length).toBe(20);
    expect((await dispatch('desk', 'libraryList', {})).ok).toBe(true);
    expect((await dispatch('visit', 'librarySearch', { q: '法律援助' })).error?.code).toBe('role_forbidden');
    expect((await dispatch('kiosk', 'librarySearch', { q: '' })).error?.code).toBe('invalid_input');
    expect((await dispatch('kiosk', 'librarySearch', { q: 'x'.repeat(101) })).error?.code).toBe('invalid_input');
    expect((await dispatch('kiosk', 'librarySearch', { q: '调解', limit: 51 })).error?.code).toBe('invalid_input');
  });

  it('opens a document at the hit, and answers not_found for unknown documents and guides', async () => {
    const search = (await dispatch('kiosk', 'librarySearch', { q: '人民调解委员会', kind: 'law', limit: 5 })).result as { hits: Array<{ docId: string; ordinal: number }> };
    const hit = search.hits[0]!;
    const doc = (await dispatch('kiosk', 'libraryDocument', { docId: hit.docId, ordinal: hit.ordinal })).result as { focusOrdinal: number; paragraphs: Array<{ ordinal: number; text: string }> };
    expect(doc.focusOrdinal).toBe(hit.ordinal);
    expect(doc.paragraphs.find((p) => p.ordinal === hit.ordinal)?.text).toContain('人民调解委员会');
    expect((await dispatch('kiosk', 'libraryDocument', { docId: 'law:none' })).error?.code).toBe('not_found');
    expect((await dispatch('kiosk', 'guideGet', { id: 'none' })).error?.code).toBe('not_found');
  });

  it('lists guides and returns one with take-away text in the requested language', async () => {
    const list = (await dispatch('kiosk', 'guidesList', {})).result as Array<{ id: string }>;
    expect(list).toHaveLength(7);
    const guide = (await dispatch('kiosk', 'guideGet', { id: 'community-corrections-reporting', lang: 'en' })).result as { takeAwayText: string; cost: { 'zh-CN': string } };
    expect(guide.cost['zh-CN']).toBe('免费');
    expect(guide.takeAwayText).toContain('Reporting for community corrections');
    expect(Buffer.byteLength(guide.takeAwayText)).toBeLessThanOrEqual(800);
  });
});

describe('scripts/import-docs.ts', () => {
  it('adds a folder of .md/.txt documents that search then finds, and keeps them across pack re-ingest', async () => {
    const folder = join(dataDir, 'to-import');
    mkdirSync(folder);
    writeFileSync(join(folder, 'village-rules.md'), '# 示范村村规民约\n\n第一条 村民之间发生纠纷，先请村人民调解委员会调解。\n\n第二条 爱护公共设施。\n');
    writeFileSync(join(folder, '调解室建设方案.txt'), '一、总体要求\n坚持依法办事，方便群众。\n');
    const target = join(dataDir, 'imported');
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/import-docs.ts', folder, '--data-dir', target, '--kind', 'policy'], { cwd: process.cwd() });
    expect(stdout).toContain('2 imported, 0 failed');
    const db = new Database(join(target, 'library.db'), { readonly: true });
    try {
      const docs = db.prepare("SELECT doc_id AS docId, title FROM library_documents WHERE origin = 'import' ORDER BY doc_id").all();
      expect(docs).toEqual([
        { docId: 'policy:import:village-rules', title: '示范村村规民约' },
        { docId: 'policy:import:调解室建设方案', title: '调解室建设方案' },
      ]);
    } finally {
      db.close();
    }
    const { openLibrary } = await import('../../electron/core/library/library-open');
    const { DEFAULT_CONTENT_DIR, ingestContentPack } = await import('../../electron/core/library/content-pack');
    const lib = openLibrary({ dataDir: target, contentDir: DEFAULT_CONTENT_DIR, log });
    try {
      expect(ingestContentPack(lib.db, lib.writer, DEFAULT_CONTENT_DIR, log, { force: true }).ingested).toBe(true);
      lib.search.invalidate();
      const hits = lib.search.search({ q: '村规民约', limit: 5, offset: 0 }).hits;
      expect(hits[0]?.docId).toBe('policy:import:village-rules');
    } finally {
      lib.close();
    }
  });
});
