import type { MigrationSet } from '../storage/database';

/**
 * Tables of the intake domain. One file holds both sides: `kiosk_*` (what a kiosk queues) and
 * `hub_*` (what the desk hub received); an instance only fills the side its role uses.
 * The dashboard reads hub_submissions / hub_status_events / hub_evaluations: keep their names.
 */
export const INTAKE_MIGRATIONS: MigrationSet = {
  domain: 'intake',
  migrations: [
    {
      version: 1,
      name: 'kiosk queue and desk hub',
      up: (db) => {
        db.exec(`
          CREATE TABLE kiosk_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
          CREATE TABLE kiosk_receipt_seq (day TEXT PRIMARY KEY, seq INTEGER NOT NULL);
          CREATE TABLE kiosk_submissions (
            id TEXT PRIMARY KEY,
            receipt_no TEXT NOT NULL UNIQUE,
            form_id TEXT NOT NULL,
            form_version INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            payload BLOB,                  -- AES-GCM of {answers}; NULL once sent and past retention
            id_index TEXT,                 -- HMAC blind index of the applicant's ID number
            status TEXT NOT NULL DEFAULT 'received',
            status_at TEXT NOT NULL,
            note_key TEXT
          );
          CREATE INDEX kiosk_submissions_id_index ON kiosk_submissions(id_index) WHERE id_index IS NOT NULL;
          CREATE TABLE kiosk_evaluations (
            id TEXT PRIMARY KEY,
            service TEXT NOT NULL,
            score INTEGER NOT NULL,
            tags TEXT NOT NULL,
            comment BLOB,
            receipt_no TEXT,
            created_at TEXT NOT NULL
          );
          CREATE TABLE kiosk_outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL CHECK (kind IN ('submission', 'evaluation')),
            item_id TEXT NOT NULL UNIQUE,
            enqueued_at TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'held')),
            attempts INTEGER NOT NULL DEFAULT 0,
            sent_at TEXT,
            last_error TEXT
          );
          CREATE INDEX kiosk_outbox_state ON kiosk_outbox(state, seq);
          CREATE TABLE kiosk_drafts (
            id TEXT PRIMARY KEY,
            form_id TEXT NOT NULL,
            payload BLOB NOT NULL,         -- AES-GCM of {answers, groupIndex}
            updated_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            resume_code TEXT UNIQUE
          );
          CREATE INDEX kiosk_drafts_expires ON kiosk_drafts(expires_at);

          CREATE TABLE hub_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
          CREATE TABLE hub_receipt_seq (day TEXT PRIMARY KEY, seq INTEGER NOT NULL);
          CREATE TABLE hub_kiosks (
            kiosk_id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            device_code TEXT NOT NULL UNIQUE,
            token_hash TEXT NOT NULL,
            paired_at TEXT NOT NULL,
            last_seen_at TEXT,
            queue_depth INTEGER,
            revoked INTEGER NOT NULL DEFAULT 0,
            revoked_at TEXT
          );
          CREATE UNIQUE INDEX hub_kiosks_token ON hub_kiosks(token_hash);
          CREATE TABLE hub_pairing_codes (
            code_hash TEXT PRIMARY KEY,
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            used_at TEXT,
            used_by TEXT
          );
          CREATE TABLE hub_submissions (
            id TEXT PRIMARY KEY,
            receipt_no TEXT UNIQUE NOT NULL,
            form_id TEXT NOT NULL,
            form_version INTEGER,
            source TEXT NOT NULL CHECK (source IN ('kiosk', 'walkin')),
            kiosk_id TEXT,
            created_at TEXT NOT NULL,
            received_at TEXT NOT NULL,
            status TEXT NOT NULL,
            assignee TEXT,
            accepted_at TEXT,
            closed_at TEXT,
            outcome TEXT,
            service TEXT,
            answers_public TEXT NOT NULL,   -- JSON of the non-personal answers
            personal BLOB,                  -- AES-GCM of the personal answers
            applicant_masked TEXT NOT NULL DEFAULT '',
            name_index TEXT,
            id_index TEXT,
            created_by TEXT,                -- staff user id for walk-ins
            original_receipt_no TEXT        -- set only when a clashing receipt had to be renamed
          );
          CREATE INDEX hub_submissions_created ON hub_submissions(created_at, id);
          CREATE INDEX hub_submissions_status ON hub_submissions(status, created_at);
          CREATE INDEX hub_submissions_form ON hub_submissions(form_id, created_at);
          CREATE INDEX hub_submissions_assignee ON hub_submissions(assignee, created_at) WHERE assignee IS NOT NULL;
          CREATE INDEX hub_submissions_name ON hub_submissions(name_index) WHERE name_index IS NOT NULL;
          CREATE INDEX hub_submissions_idnum ON hub_submissions(id_index) WHERE id_index IS NOT NULL;
          CREATE INDEX hub_submissions_received ON hub_submissions(received_at);
          CREATE TABLE hub_status_events (
            id INTEGER PRIMARY KEY,
            submission_id TEXT NOT NULL REFERENCES hub_submissions(id),
            status TEXT NOT NULL,
            actor TEXT NOT NULL,
            at TEXT NOT NULL,
            detail TEXT,
            kiosk_id TEXT,                  -- denormalized so a kiosk's pull is one index range
            note_key TEXT
          );
          CREATE INDEX hub_status_events_submission ON hub_status_events(submission_id, id);
          CREATE INDEX hub_status_events_kiosk ON hub_status_events(kiosk_id, id) WHERE kiosk_id IS NOT NULL;
          CREATE TABLE hub_evaluations (
            id TEXT PRIMARY KEY,
            kiosk_id TEXT,
            service TEXT NOT NULL,
            score INTEGER NOT NULL,
            tags TEXT NOT NULL,
            created_at TEXT NOT NULL,
            received_at TEXT NOT NULL,
            comment BLOB,
            receipt_no TEXT
          );
          CREATE INDEX hub_evaluations_created ON hub_evaluations(created_at);
          CREATE INDEX hub_evaluations_service ON hub_evaluations(service, created_at);
          CREATE TABLE hub_idempotency (
            kiosk_id TEXT NOT NULL,
            key TEXT NOT NULL,
            payload_hash TEXT NOT NULL,
            result TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (kiosk_id, key)
          ) WITHOUT ROWID;
        `);
      },
    },
    {
      version: 2,
      name: 'inbox filter indexes',
      // Combined filters (type + status + dates, assignee + status) at 100k rows need their own
      // indexes: COUNT(*) over a single-column index plus table lookups took hundreds of ms.
      up: (db) => {
        db.exec(`
          CREATE INDEX IF NOT EXISTS hub_submissions_form_status ON hub_submissions(form_id, status, created_at);
          CREATE INDEX IF NOT EXISTS hub_submissions_assignee_status ON hub_submissions(assignee, status, created_at) WHERE assignee IS NOT NULL;
        `);
      },
    },
    {
      version: 3,
      name: 'lean kiosk outbox',
      // Every extra B-tree a submit touches is another page written and synced while the resident
      // waits. The outbox is small (sent rows go after the retention window) and read in seq
      // order, so it needs no index of its own; seq only orders sending, so AUTOINCREMENT's
      // never-reuse guarantee (one more table written per insert) buys nothing here.
      // Receipt numbers now come from the submissions themselves (see DailyReceiptSequence).
      up: (db) => {
        db.exec(`
          CREATE TABLE kiosk_outbox_v3 (
            seq INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('submission', 'evaluation')),
            item_id TEXT NOT NULL,
            enqueued_at TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'held')),
            attempts INTEGER NOT NULL DEFAULT 0,
            sent_at TEXT,
            last_error TEXT
          );
          INSERT INTO kiosk_outbox_v3 (seq, kind, item_id, enqueued_at, state, attempts, sent_at, last_error)
            SELECT seq, kind, item_id, enqueued_at, state, attempts, sent_at, last_error FROM kiosk_outbox;
          DROP TABLE kiosk_outbox;
          ALTER TABLE kiosk_outbox_v3 RENAME TO kiosk_outbox;
        `);
      },
    },
  ],
};
