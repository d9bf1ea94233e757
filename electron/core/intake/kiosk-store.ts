import { randomInt } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import type { Db } from '../storage/database';
import type { Answers, FormDefinition } from '../../../kiosk-config/forms/form-schema';
import type { FieldCipher } from '../crypto/field-cipher';
import { DEVICE_CODE_ALPHABET, formatReceipt, receiptDay } from './receipt-number';
import { isIdNumberQuestion, questionsById } from './masking';
import type { ProgressEntry } from './intake-methods';
import type { SubmissionStatus } from './status-flow';

export function submissionAad(id: string): string {
  return `kiosk_submissions:${id}`;
}

export function evaluationAad(id: string): string {
  return `kiosk_evaluations:${id}`;
}

/** Small key/value settings of the kiosk (identity, pairing, sync cursor). */
export class KioskMeta {
  private readonly getStmt;
  private readonly setStmt;
  private readonly delStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare<[string], { value: string }>('SELECT value FROM kiosk_meta WHERE key = ?');
    this.setStmt = db.prepare('INSERT INTO kiosk_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    this.delStmt = db.prepare('DELETE FROM kiosk_meta WHERE key = ?');
  }

  get(key: string): string | undefined {
    return this.getStmt.get(key)?.value;
  }

  set(key: string, value: string | null): void {
    if (value === null) this.delStmt.run(key);
    else this.setStmt.run(key, value);
  }

  getOrCreate(key: string, create: () => string): string {
    const existing = this.get(key);
    if (existing !== undefined) return existing;
    const value = create();
    this.set(key, value);
    return value;
  }
}

export interface SubmitResult {
  id: string;
  receiptNo: string;
  submittedAt: string;
}

/**
 * The kiosk's durable side of intake: one transaction per submission (row + outbox + draft
 * removal), committed with synchronous=FULL before the receipt is returned.
 */
export class KioskStore {
  private readonly stmts;
  readonly meta: KioskMeta;
  readonly kioskId: string;

  constructor(
    private readonly db: Db,
    private readonly cipher: FieldCipher,
    private readonly officeCode: string,
  ) {
    this.meta = new KioskMeta(db);
    this.kioskId = this.meta.getOrCreate('kioskId', () => uuidv7());
    this.meta.getOrCreate('deviceCode', () => Array.from({ length: 2 }, () => DEVICE_CODE_ALPHABET[randomInt(DEVICE_CODE_ALPHABET.length)]).join(''));
    this.stmts = {
      nextSeq: db.prepare<[string], { seq: number }>('INSERT INTO kiosk_receipt_seq (day, seq) VALUES (?, 1) ON CONFLICT(day) DO UPDATE SET seq = seq + 1 RETURNING seq'),
      insertSubmission: db.prepare(
        'INSERT INTO kiosk_submissions (id, receipt_no, form_id, form_version, created_at, payload, id_index, status, status_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      insertOutbox: db.prepare('INSERT INTO kiosk_outbox (kind, item_id, enqueued_at) VALUES (?, ?, ?)'),
      deleteDraft: db.prepare('DELETE FROM kiosk_drafts WHERE id = ?'),
      insertEvaluation: db.prepare('INSERT INTO kiosk_evaluations (id, service, score, tags, comment, receipt_no, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      byReceipt: db.prepare<[string], ProgressRow>('SELECT receipt_no, form_id, status, status_at, note_key FROM kiosk_submissions WHERE receipt_no = ?'),
      byIdIndex: db.prepare<[string], ProgressRow>('SELECT receipt_no, form_id, status, status_at, note_key FROM kiosk_submissions WHERE id_index = ? ORDER BY created_at DESC LIMIT 20'),
    };
  }

  get deviceCode(): string {
    return this.meta.get('deviceCode') as string;
  }

  /** `answers` must already be validated and pruned by the form engine. */
  submit(form: FormDefinition, answers: Answers, draftId: string | undefined, now: Date): SubmitResult {
    const id = uuidv7();
    const submittedAt = now.toISOString();
    const payload = this.cipher.encryptJson({ answers }, submissionAad(id));
    const idIndex = idNumberIndex(form, answers, this.cipher);
    const deviceCode = this.deviceCode;
    const receiptNo = this.db
      .transaction(() => {
        const seq = (this.stmts.nextSeq.get(receiptDay(now)) as { seq: number }).seq;
        const receipt = formatReceipt({ officeCode: this.officeCode, deviceCode, date: now, sequence: seq });
        this.stmts.insertSubmission.run(id, receipt, form.id, form.version, submittedAt, payload, idIndex, 'received', submittedAt);
        this.stmts.insertOutbox.run('submission', id, submittedAt);
        if (draftId) this.stmts.deleteDraft.run(draftId);
        return receipt;
      })
      .immediate();
    return { id, receiptNo, submittedAt };
  }

  addEvaluation(input: { service: string; score: number; tags: string[]; comment?: string; receiptNo?: string }, now: Date): string {
    const id = uuidv7();
    const at = now.toISOString();
    const comment = input.comment?.trim() ? this.cipher.encrypt(input.comment.trim(), evaluationAad(id)) : null;
    this.db
      .transaction(() => {
        this.stmts.insertEvaluation.run(id, input.service, input.score, JSON.stringify(input.tags), comment, input.receiptNo ?? null, at);
        this.stmts.insertOutbox.run('evaluation', id, at);
      })
      .immediate();
    return id;
  }

  progressByReceipt(receiptNo: string): ProgressEntry[] {
    const row = this.stmts.byReceipt.get(receiptNo);
    return row ? [toProgress(row)] : [];
  }

  progressByIdNumber(idNumber: string): ProgressEntry[] {
    return this.stmts.byIdIndex.all(this.cipher.blindIndex('idNumber', idNumber)).map(toProgress);
  }
}

interface ProgressRow {
  receipt_no: string;
  form_id: string;
  status: SubmissionStatus;
  status_at: string;
  note_key: string | null;
}

function toProgress(row: ProgressRow): ProgressEntry {
  return { receiptNo: row.receipt_no, formId: row.form_id, status: row.status, updatedAt: row.status_at, ...(row.note_key ? { noteKey: row.note_key } : {}) };
}

function idNumberIndex(form: FormDefinition, answers: Answers, cipher: FieldCipher): string | null {
  for (const q of questionsById(form).values()) {
    const v = answers[q.id];
    if (isIdNumberQuestion(q) && typeof v === 'string' && v.trim()) return cipher.blindIndex('idNumber', v);
  }
  return null;
}
