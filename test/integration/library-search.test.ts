import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { silentLogger } from '../../electron/core/log/logger';
import { DEFAULT_CONTENT_DIR } from '../../electron/core/library/content-pack';
import { openLibrary, type OpenedLibrary } from '../../electron/core/library/library-open';

// The seed documents sit in shared/ beside the checkout (CI lays a copy there).
const SEEDS = [resolve(import.meta.dirname, '../../../shared/seeds'), '/work/shared/seeds'].find((dir) => existsSync(dir)) ?? '../shared/seeds';
const log = silentLogger();
let dataDir: string;
let library: OpenedLibrary;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'library-'));
  library = openLibrary({ dataDir, contentDir: DEFAULT_CONTENT_DIR, log });
});
afterAll(() => {
  library.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const search = (q: string, extra: { kind?: 'policy' | 'law' | 'case'; limit?: number; offset?: number } = {}) =>
  library.search.search({ q, limit: extra.limit ?? 20, offset: extra.offset ?? 0, kind: extra.kind });

describe('library ingest of the real content pack', () => {
  it('ingests policies, laws and cases with version dates', () => {
    expect(library.ingest.ingested).toBe(true);
    const all = library.search.list();
    expect(all.filter((d) => d.kind === 'policy')).toHaveLength(5);
    expect(all.filter((d) => d.kind === 'law').length).toBeGreaterThanOrEqual(38);
    expect(all.filter((d) => d.kind === 'case')).toHaveLength(52);
    const legalAidLaw = all.find((d) => d.title === '中华人民共和国法律援助法');
    expect(legalAidLaw?.date).toBe('2021-08-20');
    expect(library.search.list('policy').every((d) => d.kind === 'policy')).toBe(true);
  });

  it('finds a phrase from seed 003 in the Changzhou plan, at the paragraph that holds it', () => {
    const seed = readFileSync(join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith('003_'))!), 'utf8');
    const phrase = '建成城市半小时、农村一小时公共法律服务圈';
    expect(seed).toContain(phrase);
    const result = search(phrase);
    expect(result.mode).toBe('fts');
    const hit = result.hits.find((h) => h.kind === 'policy');
    expect(hit?.title).toBe('常州“十三五”时期司法行政工作发展规划');
    expect(hit?.snippet.filter((s) => s.hit).map((s) => s.text)).toContain(phrase);
    const doc = library.search.document(hit!.docId, hit!.ordinal)!;
    expect(doc.focusOrdinal).toBe(hit!.ordinal);
    expect(doc.paragraphs.find((p) => p.ordinal === hit!.ordinal)?.text).toContain(phrase);
    expect(doc.date).toBe('2016-09-26');
  });

  it('answers 1- and 2-character Chinese queries from the short-query index', () => {
    const one = search('调');
    expect(one.mode).toBe('short');
    expect(one.hits.length).toBe(20);
    expect(one.hits.every((h) => h.snippet.some((s) => s.hit && s.text === '调'))).toBe(true);
    const two = search('赡养');
    expect(two.mode).toBe('short');
    expect(two.total).toBeGreaterThan(5);
    expect(two.hits.every((h) => h.snippet.some((s) => s.hit && s.text === '赡养'))).toBe(true);
  });

  it('expands pinyin initials: flyz finds legal-aid documents', () => {
    const result = search('flyz');
    expect(result.mode).toBe('pinyin');
    expect(result.hits[0]?.title).toBe('中华人民共和国法律援助法');
    expect(result.hits.filter((h) => h.snippet.some((s) => s.hit && s.text === '法律援助')).length).toBeGreaterThan(5);
  });

  it('treats spaces as AND, puts title hits first, filters by kind and pages', () => {
    const both = search('加班费 仲裁');
    expect(both.hits.length).toBeGreaterThan(0);
    for (const h of both.hits) {
      const text = library.search.document(h.docId)!.paragraphs.find((p) => p.ordinal === h.ordinal)!.text + h.title;
      expect(text).toContain('加班费');
      expect(text).toContain('仲裁');
    }
    const titled = search('刑事诉讼法');
    expect(titled.hits[0]?.title).toBe('中华人民共和国刑事诉讼法');
    const cases = search('合同', { kind: 'case' });
    expect(cases.hits.length).toBeGreaterThan(0);
    expect(cases.hits.every((h) => h.kind === 'case')).toBe(true);
    const page1 = search('人民法院', { limit: 10 });
    const page2 = search('人民法院', { limit: 10, offset: 10 });
    expect(page2.hits).toHaveLength(10);
    const keys = new Set(page1.hits.map((h) => `${h.docId}#${h.ordinal}`));
    expect(page2.hits.some((h) => keys.has(`${h.docId}#${h.ordinal}`))).toBe(false);
  });

  it('caps the count of huge result sets instead of counting them all', () => {
    const result = search('的');
    expect(result.totalCapped).toBe(true);
    expect(result.total).toBeGreaterThan(0);
    expect(result.hits).toHaveLength(20);
  });

  it('has no scraped-page junk in the policies: the gambling spam of 001 is gone', () => {
    expect(search('沙巴体育').hits).toEqual([]);
    expect(search('扫一扫在手机').hits).toEqual([]);
    const handbook = library.search.list('policy').find((d) => d.title === '如东县新时代司法所规范化建设指导手册')!;
    const doc = library.search.document(handbook.docId)!;
    expect(doc.date).toBe('2024-11-08');
    expect(doc.paragraphs.some((p) => p.text.includes('沙巴'))).toBe(false);
    expect(doc.paragraphs.some((p) => p.text.includes('力争使的行政争议及时有效化解'))).toBe(true);
  });

  it('shows the version note of a law and opens a document without focus when no ordinal is given', () => {
    const law = library.search.list('law').find((d) => d.title === '中华人民共和国劳动法')!;
    const doc = library.search.document(law.docId)!;
    expect(doc.versionNote).toContain('2018年12月29日');
    expect(doc.focusOrdinal).toBeNull();
    expect(doc.paragraphs[0]?.text.startsWith('第一条')).toBe(true);
    expect(library.search.document('law:nope')).toBeNull();
  });

  it('does not re-ingest when the content pack is unchanged', () => {
    const reopened = openLibrary({ dataDir, contentDir: DEFAULT_CONTENT_DIR, log: silentLogger(), file: join(dataDir, 'library.db') });
    try {
      expect(reopened.ingest.ingested).toBe(false);
      expect(reopened.search.search({ q: '法律援助', limit: 1, offset: 0 }).hits).toHaveLength(1);
    } finally {
      reopened.close();
    }
  });
});
