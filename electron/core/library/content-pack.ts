import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ROOT } from '../../app-root';
import type { Logger } from '../log/logger';
import { parseDocument } from './document-parse';
import type { LibraryKind } from './library-types';
import type { LibraryWriter } from './library-store';
import type { Db } from '../storage/database';

/** Where the shipped content pack lives (policies/, laws/, cases/, guides/, library-terms.txt). */
export const DEFAULT_CONTENT_DIR = join(APP_ROOT, 'kiosk-config', 'content');

/** Bump when parsing or indexing changes, so existing library.db files re-ingest once. */
export const INGEST_VERSION = 1;

const KIND_FOLDERS: ReadonlyArray<[string, LibraryKind]> = [
  ['policies', 'policy'],
  ['laws', 'law'],
  ['cases', 'case'],
];
const GLOSSARY_FILE = 'library-terms.txt';

export interface PackFile {
  kind: LibraryKind;
  /** `laws/民法典_总则.md` */
  relPath: string;
  fileName: string;
  text: string;
}

export function docIdFor(kind: LibraryKind, fileName: string, origin: 'pack' | 'import'): string {
  const stem = fileName.replace(/\.(md|txt)$/i, '');
  return origin === 'pack' ? `${kind}:${stem}` : `${kind}:import:${stem}`;
}

export function listTextFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(md|txt)$/i.test(f) && !f.startsWith('.') && !/^readme\.md$/i.test(f))
    .filter((f) => statSync(join(dir, f)).size > 0)
    .sort();
}

export function readContentPack(contentDir: string): { files: PackFile[]; glossary: string; hash: string } {
  const hash = createHash('sha256').update(`ingest-v${INGEST_VERSION}\n`);
  const files: PackFile[] = [];
  for (const [folder, kind] of KIND_FOLDERS) {
    for (const fileName of listTextFiles(join(contentDir, folder))) {
      const bytes = readFileSync(join(contentDir, folder, fileName));
      const relPath = `${folder}/${fileName}`;
      hash.update(`${relPath}\0${bytes.length}\0`).update(bytes);
      files.push({ kind, relPath, fileName, text: bytes.toString('utf8') });
    }
  }
  const glossaryPath = join(contentDir, GLOSSARY_FILE);
  const glossary = existsSync(glossaryPath) ? readFileSync(glossaryPath, 'utf8') : '';
  hash.update(`${GLOSSARY_FILE}\0`).update(glossary);
  return { files, glossary, hash: hash.digest('hex') };
}

export interface IngestReport {
  ingested: boolean;
  documents: number;
  paragraphs: number;
  ms: number;
}

/**
 * Brings library.db in line with the content pack when (and only when) the pack's hash changed.
 * Imported documents (scripts/import-docs.ts) are left alone.
 */
export function ingestContentPack(db: Db, writer: LibraryWriter, contentDir: string, log: Logger, options: { force?: boolean } = {}): IngestReport {
  const started = performance.now();
  const pack = readContentPack(contentDir);
  if (!options.force && writer.getMeta('packHash') === pack.hash) {
    return { ingested: false, documents: pack.files.length, paragraphs: 0, ms: performance.now() - started };
  }
  const parsed = pack.files.map((file) => ({ file, doc: parseDocument(file.text, { kind: file.kind, fileName: file.fileName }) }));
  let paragraphs = 0;
  db.transaction(() => {
    const keep = new Set(parsed.map(({ file }) => docIdFor(file.kind, file.fileName, 'pack')));
    for (const docId of writer.docIds('pack')) if (!keep.has(docId)) writer.removeDocument(docId);
    for (const { file, doc } of parsed) {
      writer.putDocument({ docId: docIdFor(file.kind, file.fileName, 'pack'), kind: file.kind, origin: 'pack', parsed: doc });
      paragraphs += doc.paragraphs.length;
    }
    writer.setMeta('glossary', pack.glossary);
    writer.rebuildTerms();
    writer.setMeta('packHash', pack.hash);
  })();
  writer.optimize();
  const ms = performance.now() - started;
  log.info({ event: 'library.ingested', documents: parsed.length, paragraphs, ms: Math.round(ms) }, 'library content pack ingested');
  return { ingested: true, documents: parsed.length, paragraphs, ms };
}
