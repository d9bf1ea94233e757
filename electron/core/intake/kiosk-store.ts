import { randomInt } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import type { Db } from '../storage/database';
import type { Answers, FormDefinition } from '../../../kiosk-config/forms/form-schema';
import type { FieldCipher } from '../crypto/field-cipher';
import { DEVICE_CODE_ALPHABET, formatReceipt, officePrefix, receiptDay } from './receipt-number';
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

/**
 * The day's receipt sequence, kept in memory and seeded from what is on disk: the receipt rows
 * themselves are the durable record (receipt_no is UNIQUE), so the submit transaction needs no
 * counter row of its own. A number is only taken once its transaction has committed.
 */
export class DailyReceiptSequence {
  private day: string | undefined;
  private last = 0;

  constructor(private readonly highestOnDisk: (day: string) => number) {}

  peek(day: string): number {
    if (day !== this.day) {
      this.day = day;
      this.last = this.highestOnDisk(day);
    }
    return this.last + 1;
  }

  commit(day: string, sequence: number): void {
    if (day === this.day && sequence > this.last) this.last = sequence;
  }

  /** Forget the cached value (another writer took numbers on the same file). */
  reload(): void {
    this.day = undefined;
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
  private readonly sequence: DailyReceiptSequence;
  private readonly writeSubmission;
  private cachedDeviceCode: string;
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
    this.sequence = new DailyReceiptSequence((day) => this.highestSequence(day));
    this.cachedDeviceCode = this.meta.get('deviceCode') as string;
    this.stmts = {
      receiptsWithPrefix: db.prepare<[string, string], { receipt_no: string }>('SELECT receipt_no FROM kiosk_submissions WHERE receipt_no >= ? AND receipt_no < ?'),
      // Version 1 kept the counter in its own table; its value still bounds the day's numbers.
      legacySeq: db.prepare<[string], { seq: number }>('SELECT seq FROM kiosk_receipt_seq WHERE day = ?'),
      insertSubmission: db.prepare(
        'INSERT INTO kiosk_submissions (id, receipt_no, form_id, form_version, created_at, payload, id_index, status, status_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      insertOutbox: db.prepare('INSERT INTO kiosk_outbox (kind, item_id, enqueued_at) VALUES (?, ?, ?)'),
      deleteDraft: db.prepare('DELETE FROM kiosk_drafts WHERE id = ?'),
      insertEvaluation: db.prepare('INSERT INTO kiosk_evaluations (id, service, score, tags, comment, receipt_no, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      byReceipt: db.prepare<[string], ProgressRow>('SELECT receipt_no, form_id, status, status_at, note_key FROM kiosk_submissions WHERE receipt_no = ?'),
      byIdIndex: db.prepare<[string], ProgressRow>('SELECT receipt_no, form_id, status, status_at, note_key FROM kiosk_submissions WHERE id_index = ? ORDER BY created_at DESC LIMIT 20'),
    };
    this.writeSubmission = db.transaction((row: SubmissionRow) => {
      this.stmts.insertSubmission.run(row.id, row.receiptNo, row.formId, row.formVersion, row.submittedAt, row.payload, row.idIndex, 'received', row.submittedAt);
      this.stmts.insertOutbox.run('submission', row.id, row.submittedAt);
      if (row.draftId) this.stmts.deleteDraft.run(row.draftId);
    });
  }

  get deviceCode(): string {
    return this.cachedDeviceCode;
  }

  /** The hub may hand out another device code at pairing; `kiosk_meta` is written by the caller. */
  adoptDeviceCode(code: string): void {
    this.cachedDeviceCode = code;
    this.sequence.reload();
  }

  /** `answers` must already be validated and pruned by the form engine. */
  submit(form: FormDefinition, answers: Answers, draftId: string | undefined, now: Date): SubmitResult {
    const id = uuidv7();
    const submittedAt = now.toISOString();
    const payload = this.cipher.encryptJson({ answers }, submissionAad(id));
    const idIndex = idNumberIndex(form, answers, this.cipher);
    const day = receiptDay(now);
    for (let attempt = 1; ; attempt += 1) {
      const sequence = this.sequence.peek(day);
      const receiptNo = formatReceipt({ officeCode: this.officeCode, deviceCode: this.cachedDeviceCode, date: now, sequence });
      try {
        this.writeSubmission.immediate({ id, receiptNo, formId: form.id, formVersion: form.version, submittedAt, payload, idIndex, draftId });
      } catch (error) {
        // Another process on the same data dir took this number: read the day again and retry.
        if (attempt < 3 && isReceiptClash(error)) {
          this.sequence.reload();
          continue;
        }
        throw error;
      }
      this.sequence.commit(day, sequence);
      return { id, receiptNo, submittedAt };
    }
  }

  private highestSequence(day: string): number {
    const prefix = `${officePrefix(this.officeCode)}${this.cachedDeviceCode}-${day}-`;
    // '.' sorts right after '-': the range holds exactly the receipts with this prefix.
    let highest = this.stmts.legacySeq.get(day)?.seq ?? 0;
    for (const { receipt_no } of this.stmts.receiptsWithPrefix.all(prefix, `${prefix.slice(0, -1)}.`)) {
      const sequence = Number(receipt_no.slice(prefix.length).split('-')[0]);
      if (Number.isInteger(sequence) && sequence > highest) highest = sequence;
    }
    return highest;
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

interface SubmissionRow {
  id: string;
  receiptNo: string;
  formId: string;
  formVersion: number;
  submittedAt: string;
  payload: Buffer;
  idIndex: string | null;
  draftId: string | undefined;
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

function isReceiptClash(error: unknown): boolean {
  return (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE' && String((error as Error).message).includes('receipt_no');
}

const idNumberQuestions = new WeakMap<FormDefinition, string[]>();

function idNumberIndex(form: FormDefinition, answers: Answers, cipher: FieldCipher): string | null {
  let ids = idNumberQuestions.get(form);
  if (!ids) {
    ids = [...questionsById(form).values()].filter(isIdNumberQuestion).map((q) => q.id);
    idNumberQuestions.set(form, ids);
  }
  for (const id of ids) {
    const v = answers[id];
    if (typeof v === 'string' && v.trim()) return cipher.blindIndex('idNumber', v);
  }
  return null;
}
