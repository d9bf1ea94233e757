import type { MigrationSet } from '../storage/database';

/**
 * The library lives in its own file (`library.db`, synchronous=NORMAL): everything in it can be
 * rebuilt from the content pack, so it never shares durability settings with residents' data.
 */
export const LIBRARY_MIGRATIONS: MigrationSet = {
  domain: 'library',
  migrations: [
    {
      version: 1,
      name: 'documents, paragraphs, trigram and bigram indexes, pinyin terms',
      up: (db) => {
        db.exec(`
          CREATE TABLE library_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
          CREATE TABLE library_documents (
            id INTEGER PRIMARY KEY,
            doc_id TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL CHECK (kind IN ('policy', 'law', 'case')),
            title TEXT NOT NULL,
            title_lower TEXT NOT NULL,
            title_initials TEXT NOT NULL,
            date TEXT,
            version_note TEXT,
            origin TEXT NOT NULL CHECK (origin IN ('pack', 'import')),
            sort_key INTEGER NOT NULL
          );
          CREATE INDEX library_documents_kind ON library_documents (kind, sort_key);
          CREATE TABLE library_paragraphs (
            id INTEGER PRIMARY KEY,
            doc INTEGER NOT NULL REFERENCES library_documents (id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            heading TEXT,
            text TEXT NOT NULL,
            UNIQUE (doc, ordinal)
          );
          CREATE VIRTUAL TABLE library_trigram USING fts5 (text, content = 'library_paragraphs', content_rowid = 'id', tokenize = 'trigram');
          CREATE VIRTUAL TABLE library_bigram USING fts5 (grams, content = '', contentless_delete = 1, tokenize = 'unicode61', prefix = '1');
          CREATE TABLE library_terms (term TEXT PRIMARY KEY, initials TEXT NOT NULL, weight INTEGER NOT NULL) WITHOUT ROWID;
          CREATE INDEX library_terms_initials ON library_terms (initials, weight DESC);
        `);
      },
    },
  ],
};
