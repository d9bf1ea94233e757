import type { Db } from '../storage/database';
import { bigramDocument } from './text-grams';
import { extractKeyTerms, initialsOf, parseGlossary } from './key-terms';
import type { LibraryKind, ParsedDocument } from './library-types';

export interface DocumentInput {
  docId: string;
  kind: LibraryKind;
  origin: 'pack' | 'import';
  parsed: ParsedDocument;
}

/**
 * Writes to library.db: documents, their units and both full-text indexes, kept in step inside
 * one transaction per batch. Reads live in library-search.ts.
 */
export class LibraryWriter {
  private readonly db: Db;
  private readonly stmts;

  constructor(db: Db) {
    this.db = db;
    this.stmts = {
      findDoc: db.prepare<[string], { id: number }>('SELECT id FROM library_documents WHERE doc_id = ?'),
      docParagraphs: db.prepare<[number], { id: number; text: string }>('SELECT id, text FROM library_paragraphs WHERE doc = ?'),
      trigramDelete: db.prepare("INSERT INTO library_trigram (library_trigram, rowid, text) VALUES ('delete', ?, ?)"),
      bigramDelete: db.prepare('DELETE FROM library_bigram WHERE rowid = ?'),
      deleteDoc: db.prepare('DELETE FROM library_documents WHERE id = ?'),
      nextSortKey: db.prepare<[], { k: number }>('SELECT COALESCE(MAX(sort_key), 0) + 1 AS k FROM library_documents'),
      insertDoc: db.prepare(
        'INSERT INTO library_documents (doc_id, kind, title, title_lower, title_initials, date, version_note, origin, sort_key) VALUES (@docId, @kind, @title, @titleLower, @titleInitials, @date, @versionNote, @origin, @sortKey)',
      ),
      insertParagraph: db.prepare('INSERT INTO library_paragraphs (doc, ordinal, heading, text) VALUES (?, ?, ?, ?)'),
      trigramInsert: db.prepare('INSERT INTO library_trigram (rowid, text) VALUES (?, ?)'),
      bigramInsert: db.prepare('INSERT INTO library_bigram (rowid, grams) VALUES (?, ?)'),
      docsByOrigin: db.prepare<[string], { doc_id: string }>('SELECT doc_id FROM library_documents WHERE origin = ?'),
      getMeta: db.prepare<[string], { value: string }>('SELECT value FROM library_meta WHERE key = ?'),
      setMeta: db.prepare('INSERT INTO library_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    };
  }

  getMeta(key: string): string | null {
    return this.stmts.getMeta.get(key)?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.stmts.setMeta.run(key, value);
  }

  /** Adds a document, replacing one with the same id. Call inside a transaction for batches. */
  putDocument(input: DocumentInput): void {
    this.removeDocument(input.docId);
    const { parsed } = input;
    const docRow = this.stmts.insertDoc.run({
      docId: input.docId,
      kind: input.kind,
      title: parsed.title,
      titleLower: parsed.title.toLowerCase(),
      titleInitials: initialsOf(parsed.title),
      date: parsed.date,
      versionNote: parsed.versionNote,
      origin: input.origin,
      sortKey: this.stmts.nextSortKey.get()?.k ?? 1,
    });
    const doc = Number(docRow.lastInsertRowid);
    for (const p of parsed.paragraphs) {
      const id = Number(this.stmts.insertParagraph.run(doc, p.ordinal, p.heading, p.text).lastInsertRowid);
      this.stmts.trigramInsert.run(id, p.text);
      this.stmts.bigramInsert.run(id, bigramDocument(p.text));
    }
  }

  removeDocument(docId: string): boolean {
    const doc = this.stmts.findDoc.get(docId);
    if (!doc) return false;
    for (const p of this.stmts.docParagraphs.all(doc.id)) {
      this.stmts.trigramDelete.run(p.id, p.text);
      this.stmts.bigramDelete.run(p.id);
    }
    this.stmts.deleteDoc.run(doc.id);
    return true;
  }

  docIds(origin: 'pack' | 'import'): string[] {
    return this.stmts.docsByOrigin.all(origin).map((r) => r.doc_id);
  }

  /** Recomputes the pinyin-initials term list from everything now in the library. */
  rebuildTerms(): number {
    const glossary = parseGlossary(this.getMeta('glossary') ?? '');
    const titles = this.db.prepare<[], { title: string }>('SELECT title FROM library_documents').all().map((r) => r.title);
    const headings = this.db.prepare<[], { heading: string }>('SELECT DISTINCT heading FROM library_paragraphs WHERE heading IS NOT NULL').all().map((r) => r.heading);
    const texts = this.db.prepare<[], { text: string }>('SELECT text FROM library_paragraphs ORDER BY id').pluck().iterate() as IterableIterator<unknown> as IterableIterator<string>;
    const terms = extractKeyTerms({ glossary, titles, headings, texts });
    const insert = this.db.prepare('INSERT INTO library_terms (term, initials, weight) VALUES (?, ?, ?)');
    this.db.exec('DELETE FROM library_terms');
    for (const t of terms) insert.run(t.term, t.initials, t.weight);
    return terms.length;
  }

  /** Folds the FTS b-trees together after a bulk load so queries touch fewer segments. */
  optimize(): void {
    this.db.exec("INSERT INTO library_trigram (library_trigram) VALUES ('optimize'); INSERT INTO library_bigram (library_bigram) VALUES ('optimize');");
  }
}
