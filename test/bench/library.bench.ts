/**
 * Library search under load: a ~50 MB library built by repeating and reshuffling the content
 * pack, then 1,000 queries drawn from the corpus (1, 2 and 3–8 character substrings, pinyin
 * initials). Also times the real pack's first ingest and an unchanged re-open.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../electron/core/log/logger';
import { openDatabase } from '../../electron/core/storage/database';
import { DEFAULT_CONTENT_DIR, readContentPack } from '../../electron/core/library/content-pack';
import { parseDocument } from '../../electron/core/library/document-parse';
import { initialsOf, parseGlossary } from '../../electron/core/library/key-terms';
import { LIBRARY_MIGRATIONS } from '../../electron/core/library/library-schema';
import { LibrarySearch } from '../../electron/core/library/library-search';
import { LibraryWriter } from '../../electron/core/library/library-store';
import { openLibrary } from '../../electron/core/library/library-open';
import type { ParsedDocument, SearchMode } from '../../electron/core/library/library-types';
import { report, summarize } from './report';

const TARGET_TEXT_BYTES = 50 * 1024 * 1024;
const QUERIES = 1000;

/** Small deterministic PRNG so runs are comparable. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export default async function libraryBench(): Promise<void> {
  const log = silentLogger();
  const root = mkdtempSync(join(tmpdir(), 'library-bench-'));
  try {
    // 1. The real content pack: first ingest, then an unchanged re-open (the normal start-up).
    let t = performance.now();
    const first = openLibrary({ dataDir: join(root, 'pack'), contentDir: DEFAULT_CONTENT_DIR, log });
    const firstMs = performance.now() - t;
    first.close();
    t = performance.now();
    const again = openLibrary({ dataDir: join(root, 'pack'), contentDir: DEFAULT_CONTENT_DIR, log });
    const againMs = performance.now() - t;
    again.close();
    report({ name: 'library first ingest of the content pack (once per pack change)', value: firstMs, unit: 'ms', target: '<= 5000', pass: firstMs <= 5000 });
    report({ name: 'library open at start, pack unchanged', value: againMs, unit: 'ms', target: '<= 300', pass: againMs <= 300 });

    // 2. A ~50 MB library: copies of every document with their units rotated, so copies differ.
    const pack = readContentPack(DEFAULT_CONTENT_DIR);
    const docs = pack.files.map((f) => ({ kind: f.kind, stem: f.fileName.replace(/\.\w+$/, ''), doc: parseDocument(f.text, { kind: f.kind, fileName: f.fileName }) }));
    const packBytes = docs.reduce((n, d) => n + d.doc.paragraphs.reduce((m, p) => m + Buffer.byteLength(p.text), 0), 0);
    const copies = Math.ceil(TARGET_TEXT_BYTES / packBytes);
    const { db } = openDatabase(join(root, 'big', 'library.db'), { synchronous: 'NORMAL', migrations: [LIBRARY_MIGRATIONS], log });
    const writer = new LibraryWriter(db);
    t = performance.now();
    db.transaction(() => {
      writer.setMeta('glossary', pack.glossary);
      for (let c = 0; c < copies; c++) {
        for (const { kind, stem, doc } of docs) {
          const n = doc.paragraphs.length;
          const shift = (c * 7) % n;
          const rotated = [...doc.paragraphs.slice(shift), ...doc.paragraphs.slice(0, shift)].map((p, i) => ({ ...p, ordinal: i }));
          const parsed: ParsedDocument = { ...doc, title: c === 0 ? doc.title : `${doc.title}（副本${c}）`, paragraphs: rotated };
          writer.putDocument({ docId: `${kind}:bench-${c}-${stem}`, kind, origin: 'import', parsed });
        }
      }
      writer.rebuildTerms();
    })();
    writer.optimize();
    const buildMs = performance.now() - t;
    const dbBytes = statSync(join(root, 'big', 'library.db')).size;
    console.log(`[bench] info: ${copies} copies, ${((packBytes * copies) / 1048576).toFixed(1)} MB of text, library.db ${(dbBytes / 1048576).toFixed(0)} MB, built in ${(buildMs / 1000).toFixed(1)} s`);

    // 3. 1,000 queries drawn from the corpus.
    const random = rng(20250101);
    const paragraphs = docs.flatMap((d) => d.doc.paragraphs.map((p) => p.text));
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const cjkSubstring = (len: number): string => {
      for (;;) {
        const runs = pick(paragraphs).match(/[\u4e00-\u9fff]+/g) ?? [];
        const run = runs.length ? pick(runs) : '';
        if (run.length >= len) {
          const at = Math.floor(random() * (run.length - len + 1));
          return run.slice(at, at + len);
        }
      }
    };
    const pinyinPool = [...parseGlossary(pack.glossary), ...docs.map((d) => d.doc.title.replace(/^中华人民共和国/, ''))].map(initialsOf).filter((x) => x.length >= 2);
    const queries: string[] = [];
    for (let i = 0; i < QUERIES; i++) {
      const r = random();
      if (r < 0.2) queries.push(cjkSubstring(1));
      else if (r < 0.4) queries.push(cjkSubstring(2));
      else if (r < 0.85) queries.push(cjkSubstring(3 + Math.floor(random() * 6)));
      else queries.push(pick(pinyinPool).slice(0, 2 + Math.floor(random() * 4)));
    }
    const search = new LibrarySearch(db);
    // Warm each statement once (fts, short, pinyin, capped), as a kiosk is after its first few searches.
    for (const q of ['预热', '调', '法律援助', 'flyz', '的']) search.search({ q, limit: 20, offset: 0 });
    const samples: number[] = [];
    const byMode = new Map<SearchMode, number[]>();
    let empty = 0;
    for (const q of queries) {
      const started = performance.now();
      const result = search.search({ q, limit: 20, offset: 0 });
      const ms = performance.now() - started;
      samples.push(ms);
      if (result.hits.length === 0) empty++;
      const list = byMode.get(result.mode) ?? [];
      list.push(ms);
      byMode.set(result.mode, list);
    }
    db.close();
    const all = summarize(samples);
    console.log(`[bench] info: ${QUERIES} queries, ${empty} without hits; per mode: ${[...byMode].map(([m, s]) => `${m} n=${s.length} p50=${summarize(s).p50.toFixed(2)} p95=${summarize(s).p95.toFixed(2)} max=${Math.max(...s).toFixed(1)}`).join('; ')}`);
    report({ name: 'library search p50 (~50 MB library, 1,000 mixed queries)', value: all.p50, unit: 'ms', target: '<= 5', pass: all.p50 <= 5 });
    report({ name: 'library search p95 (~50 MB library, 1,000 mixed queries)', value: all.p95, unit: 'ms', target: '<= 20', pass: all.p95 <= 20 });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
