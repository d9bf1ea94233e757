import type Database from 'better-sqlite3';
import type { Db } from '../storage/database';
import { buildSnippet } from './snippet';
import { bigramTermQuery, charLength, trigramTermQuery } from './text-grams';
import type { LibraryDocumentView, LibraryHit, LibraryKind, LibraryListItem, LibraryParagraph, LibrarySearchResult, SearchMode, SnippetSegment } from './library-types';

/**
 * Paragraph hits are counted only up to this many. Below it they are ranked by bm25; above it
 * they come in document order, because ranking a hundred thousand matches of a one-character
 * query would cost far more than the kiosk's 20 ms budget and nobody pages that far.
 */
export const COUNT_CAP = 1000;
/** Pinyin initials expand to at most this many terms (highest weight first). */
const MAX_EXPANSIONS = 6;
const PINYIN_QUERY = /^[a-z]{2,24}$/;
const KIND_ORDER: Record<LibraryKind, number> = { policy: 0, law: 1, case: 2 };

export interface SearchInput {
  q: string;
  kind?: LibraryKind;
  limit: number;
  offset: number;
}

interface DocRow {
  id: number;
  docId: string;
  kind: LibraryKind;
  title: string;
  titleLower: string;
  titleInitials: string;
  date: string | null;
  sortKey: number;
}

interface ParagraphRow {
  ordinal: number;
  heading: string | null;
  text: string;
  doc: number;
}

type Index = 'trigram' | 'bigram';

/** All read paths of the library, on prepared statements made once. */
export class LibrarySearch {
  private readonly db: Db;
  private docs: DocRow[] | null = null;
  private docsById = new Map<number, DocRow>();
  private readonly stmts;
  private readonly pageStmts = new Map<string, Database.Statement<unknown[]>>();

  constructor(db: Db) {
    this.db = db;
    this.stmts = {
      allDocs: db.prepare<[], DocRow>(
        'SELECT id, doc_id AS docId, kind, title, title_lower AS titleLower, title_initials AS titleInitials, date, sort_key AS sortKey FROM library_documents',
      ),
      paragraphById: db.prepare<[number], ParagraphRow>('SELECT ordinal, heading, text, doc FROM library_paragraphs WHERE id = ?'),
      firstParagraph: db.prepare<[number], ParagraphRow>('SELECT ordinal, heading, text, doc FROM library_paragraphs WHERE doc = ? ORDER BY ordinal LIMIT 1'),
      docByDocId: db.prepare<[string], { id: number; version_note: string | null }>('SELECT id, version_note FROM library_documents WHERE doc_id = ?'),
      docParagraphs: db.prepare<[number], LibraryParagraph>('SELECT ordinal, heading, text FROM library_paragraphs WHERE doc = ? ORDER BY ordinal'),
      termsExact: db.prepare<[string, number], { term: string }>('SELECT term FROM library_terms WHERE initials = ? ORDER BY weight DESC LIMIT ?'),
      termsPrefix: db.prepare<[string, string, number], { term: string }>('SELECT term FROM library_terms WHERE initials > ? AND initials < ? ORDER BY weight DESC LIMIT ?'),
    };
  }

  /** Forget cached document rows after the library was written to. */
  invalidate(): void {
    this.docs = null;
  }

  private documents(): DocRow[] {
    if (!this.docs) {
      this.docs = this.stmts.allDocs.all().sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.sortKey - b.sortKey);
      this.docsById = new Map(this.docs.map((d) => [d.id, d]));
    }
    return this.docs;
  }

  list(kind?: LibraryKind): LibraryListItem[] {
    return this.documents()
      .filter((d) => !kind || d.kind === kind)
      .map((d) => ({ docId: d.docId, title: d.title, kind: d.kind, date: d.date }));
  }

  document(docId: string, ordinal?: number): LibraryDocumentView | null {
    const row = this.stmts.docByDocId.get(docId);
    const doc = row ? this.documentsById().get(row.id) : undefined;
    if (!row || !doc) return null;
    const paragraphs = this.stmts.docParagraphs.all(row.id);
    const focusOrdinal = ordinal !== undefined && paragraphs.some((p) => p.ordinal === ordinal) ? ordinal : null;
    return { docId: doc.docId, title: doc.title, kind: doc.kind, date: doc.date, versionNote: row.version_note, paragraphs, focusOrdinal };
  }

  private documentsById(): Map<number, DocRow> {
    this.documents();
    return this.docsById;
  }

  search(input: SearchInput): LibrarySearchResult {
    const q = input.q.trim().replace(/\s+/g, ' ').toLowerCase();
    const terms = [...new Set(q.split(' ').filter(Boolean))];
    if (terms.length === 0) return { hits: [], total: 0, totalCapped: false, mode: 'fts' };

    const single = terms.length === 1 ? (terms[0] ?? '') : '';
    if (PINYIN_QUERY.test(single)) {
      const pinyin = this.pinyinSearch(single, input);
      if (pinyin) return pinyin;
    }

    const short = terms.some((t) => charLength(t) < 3);
    const mode: SearchMode = short ? 'short' : 'fts';
    const index: Index = short ? 'bigram' : 'trigram';
    const parts = short ? terms.map(bigramTermQuery).filter((x): x is string => x !== null) : terms.map(trigramTermQuery);
    if (parts.length === 0) return { hits: [], total: 0, totalCapped: false, mode };
    const titleDocs = this.documents().filter((d) => (!input.kind || d.kind === input.kind) && terms.every((t) => d.titleLower.includes(t)));
    return this.collect({ index, expression: parts.join(' AND '), needles: terms, titleDocs, mode, input });
  }

  /** `flyz`: titles whose initials contain it, plus paragraphs containing the terms it abbreviates. */
  private pinyinSearch(initials: string, input: SearchInput): LibrarySearchResult | null {
    const titleDocs = this.documents().filter((d) => (!input.kind || d.kind === input.kind) && d.titleInitials.includes(initials));
    let expansions = this.stmts.termsExact.all(initials, MAX_EXPANSIONS).map((r) => r.term);
    if (expansions.length === 0) expansions = this.stmts.termsPrefix.all(initials, `${initials}{`, MAX_EXPANSIONS).map((r) => r.term);
    if (titleDocs.length === 0 && expansions.length === 0) return null;
    const parts = expansions.map(bigramTermQuery).filter((x): x is string => x !== null);
    const expression = parts.length > 0 ? parts.map((p) => `(${p})`).join(' OR ') : null;
    return this.collect({ index: 'bigram', expression, needles: expansions, titleDocs, mode: 'pinyin', input });
  }

  private collect(args: { index: Index; expression: string | null; needles: string[]; titleDocs: DocRow[]; mode: SearchMode; input: SearchInput }): LibrarySearchResult {
    const { index, expression, needles, titleDocs, mode, input } = args;
    const hits: LibraryHit[] = [];
    for (const doc of titleDocs.slice(input.offset, input.offset + input.limit)) {
      const first = this.stmts.firstParagraph.get(doc.id);
      const firstText = first?.text ?? '';
      const showFirst = needles.some((n) => firstText.toLowerCase().includes(n.toLowerCase()));
      hits.push(this.hit(doc, first?.ordinal ?? 0, first?.heading ?? null, buildSnippet(showFirst ? firstText : doc.title, needles)));
    }
    let paragraphTotal = 0;
    if (expression) {
      const kindArgs: unknown[] = input.kind ? [input.kind] : [];
      paragraphTotal = (this.page(index, 'count', !!input.kind).get(expression, ...kindArgs, COUNT_CAP + 1) as { n: number }).n;
      const remaining = input.limit - hits.length;
      if (remaining > 0 && paragraphTotal > 0) {
        const offset = Math.max(0, input.offset - titleDocs.length);
        const order = paragraphTotal > COUNT_CAP ? 'rowid' : 'rank';
        const ids = this.page(index, order, !!input.kind).pluck().all(expression, ...kindArgs, remaining, offset) as number[];
        const docs = this.documentsById();
        // A title hit already opens its document at the first unit; do not list that unit twice.
        const shown = new Set(hits.map((h) => `${h.docId}#${h.ordinal}`));
        for (const id of ids) {
          const p = this.stmts.paragraphById.get(id);
          const doc = p ? docs.get(p.doc) : undefined;
          if (p && doc && !shown.has(`${doc.docId}#${p.ordinal}`)) hits.push(this.hit(doc, p.ordinal, p.heading, buildSnippet(p.text, needles)));
        }
      }
    }
    const capped = paragraphTotal > COUNT_CAP;
    return { hits, total: titleDocs.length + Math.min(paragraphTotal, COUNT_CAP), totalCapped: capped, mode };
  }

  private hit(doc: DocRow, ordinal: number, heading: string | null, snippet: SnippetSegment[]): LibraryHit {
    return { docId: doc.docId, title: doc.title, kind: doc.kind, date: doc.date, ordinal, heading, snippet };
  }

  /** One prepared statement per (index, purpose, kind filter); FTS5 picks the fast plan for each. */
  private page(index: Index, purpose: 'count' | 'rank' | 'rowid', byKind: boolean): Database.Statement<unknown[]> {
    const key = `${index}:${purpose}:${byKind}`;
    let stmt = this.pageStmts.get(key);
    if (!stmt) {
      const table = `library_${index}`;
      const join = byKind ? `JOIN library_paragraphs p ON p.id = f.rowid JOIN library_documents d ON d.id = p.doc` : '';
      const where = `${table} MATCH ?${byKind ? ' AND d.kind = ?' : ''}`;
      const sql =
        purpose === 'count'
          ? `SELECT count(*) AS n FROM (SELECT f.rowid FROM ${table} f ${join} WHERE ${where} LIMIT ?)`
          : `SELECT f.rowid FROM ${table} f ${join} WHERE ${where} ORDER BY ${purpose === 'rank' ? 'f.rank' : 'f.rowid'} LIMIT ? OFFSET ?`;
      stmt = this.db.prepare<unknown[]>(sql);
      this.pageStmts.set(key, stmt);
    }
    return stmt;
  }
}
