import { randomInt } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import type { Db } from '../storage/database';
import type { Answers, FormDefinition } from '../../../kiosk-config/forms/form-schema';
import type { FieldCipher } from '../crypto/field-cipher';
import type { AuditSink } from '../audit/audit-types';
import type { FormCatalog } from './form-catalog';
import { DEVICE_CODE_ALPHABET, formatReceipt, receiptDay } from './receipt-number';
import { toHubRecord } from './hub-records';
import { statusNoteKey } from './status-flow';
import {
  evaluationPayloadSchema,
  payloadHash,
  problem,
  pushItemSchema,
  submissionPayloadSchema,
  type PushItemResult,
} from '../sync/sync-protocol';

/**
 * The desk hub's store of what arrived: kiosk pushes (idempotent per kiosk + key) and walk-ins
 * registered at the counter. A batch is one transaction: it is all stored or none of it, and the
 * kiosk marks items sent only after this returns.
 */
export class HubStore {
  private readonly stmts;
  readonly deviceCode: string;
  readonly hubId: string;

  constructor(
    private readonly db: Db,
    private readonly cipher: FieldCipher,
    private readonly catalog: FormCatalog,
    private readonly officeCode: string,
    private readonly now: () => Date,
    private readonly audit: AuditSink,
  ) {
    this.stmts = {
      metaGet: db.prepare<[string], { value: string }>('SELECT value FROM hub_meta WHERE key = ?'),
      metaSet: db.prepare('INSERT INTO hub_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
      idemGet: db.prepare<[string, string], { payload_hash: string; result: string }>('SELECT payload_hash, result FROM hub_idempotency WHERE kiosk_id = ? AND key = ?'),
      idemPut: db.prepare('INSERT INTO hub_idempotency (kiosk_id, key, payload_hash, result, created_at) VALUES (?, ?, ?, ?, ?)'),
      submissionOwner: db.prepare<[string], { kiosk_id: string | null }>('SELECT kiosk_id FROM hub_submissions WHERE id = ?'),
      receiptTaken: db.prepare<[string], { id: string }>('SELECT id FROM hub_submissions WHERE receipt_no = ?'),
      insertSubmission: db.prepare(`INSERT INTO hub_submissions
        (id, receipt_no, form_id, form_version, source, kiosk_id, created_at, received_at, status, service, answers_public, personal, applicant_masked, name_index, id_index, created_by, original_receipt_no)
        VALUES (@id, @receiptNo, @formId, @formVersion, @source, @kioskId, @createdAt, @receivedAt, 'received', @service, @answersPublic, @personal, @applicantMasked, @nameIndex, @idIndex, @createdBy, @originalReceiptNo)`),
      insertEvent: db.prepare('INSERT INTO hub_status_events (submission_id, status, actor, at, detail, kiosk_id, note_key) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      evaluationExists: db.prepare<[string], { kiosk_id: string | null }>('SELECT kiosk_id FROM hub_evaluations WHERE id = ?'),
      insertEvaluation: db.prepare('INSERT INTO hub_evaluations (id, kiosk_id, service, score, tags, created_at, received_at, comment, receipt_no) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      nextSeq: db.prepare<[string], { seq: number }>('INSERT INTO hub_receipt_seq (day, seq) VALUES (?, 1) ON CONFLICT(day) DO UPDATE SET seq = seq + 1 RETURNING seq'),
    };
    this.hubId = this.meta('hubId', () => uuidv7());
    this.deviceCode = this.meta('deviceCode', () => `W${DEVICE_CODE_ALPHABET[randomInt(DEVICE_CODE_ALPHABET.length)] ?? '2'}`);
  }

  private meta(key: string, create: () => string): string {
    const row = this.stmts.metaGet.get(key);
    if (row) return row.value;
    const value = create();
    this.stmts.metaSet.run(key, value);
    return value;
  }

  /** Stores one pushed batch from a paired kiosk; one result per item, in order. */
  receiveBatch(kioskId: string, items: readonly unknown[]): PushItemResult[] {
    const receivedAt = this.now().toISOString();
    const stored: string[] = [];
    const results = this.db.transaction(() => items.map((raw) => this.receiveItem(kioskId, raw, receivedAt, stored))).immediate();
    for (const id of stored) this.audit.append({ actor: `kiosk:${kioskId}`, action: 'submission.received', target: id });
    return results;
  }

  private receiveItem(kioskId: string, raw: unknown, receivedAt: string, stored: string[]): PushItemResult {
    const key = typeof (raw as { idempotencyKey?: unknown } | null)?.idempotencyKey === 'string' ? (raw as { idempotencyKey: string }).idempotencyKey : null;
    if (!key) return { idempotencyKey: null, status: 400, problem: problem(400, 'idempotency-key-missing', 'Idempotency-Key is missing') };
    const item = pushItemSchema.safeParse(raw);
    if (!item.success) return { idempotencyKey: key, status: 400, problem: problem(400, 'malformed-item', 'Malformed item', item.error.issues[0]?.message) };
    const { kind, payload } = item.data;
    const hash = payloadHash(kind, payload);
    const previous = this.stmts.idemGet.get(kioskId, key);
    if (previous) {
      if (previous.payload_hash !== hash) return { idempotencyKey: key, status: 422, problem: problem(422, 'idempotency-key-reused', 'Idempotency-Key was used with a different payload') };
      return { ...(JSON.parse(previous.result) as PushItemResult), idempotencyKey: key, replayed: true };
    }
    let result: PushItemResult;
    if (kind === 'submission') {
      const parsed = submissionPayloadSchema.safeParse(payload);
      if (!parsed.success) return { idempotencyKey: key, status: 400, problem: problem(400, 'malformed-submission', 'Malformed submission', issuePath(parsed.error)) };
      const s = parsed.data;
      const owner = this.stmts.submissionOwner.get(s.id);
      if (owner) return { idempotencyKey: key, status: 409, problem: problem(409, 'id-conflict', 'This submission id is already stored under another key') };
      let receiptNo = s.receiptNo;
      let originalReceiptNo: string | null = null;
      if (this.stmts.receiptTaken.get(receiptNo)) {
        // Two devices issued the same number (a kiosk used before pairing): keep both, rename the newcomer.
        originalReceiptNo = receiptNo;
        receiptNo = `${receiptNo}~${s.id.slice(-4).toUpperCase()}`;
      }
      const record = toHubRecord(this.catalog.get(s.formId), s.answers, s.id, this.cipher);
      this.stmts.insertSubmission.run({
        id: s.id,
        receiptNo,
        formId: s.formId,
        formVersion: s.formVersion,
        source: 'kiosk',
        kioskId,
        createdAt: s.createdAt,
        receivedAt,
        service: record.service,
        answersPublic: record.answersPublic,
        personal: record.personal,
        applicantMasked: record.applicantMasked,
        nameIndex: record.nameIndex,
        idIndex: record.idIndex,
        createdBy: null,
        originalReceiptNo,
      });
      this.stmts.insertEvent.run(s.id, 'received', `kiosk:${kioskId}`, receivedAt, null, kioskId, statusNoteKey('received'));
      stored.push(s.id);
      result = { idempotencyKey: key, status: 200, id: s.id, receiptNo, receivedAt };
    } else {
      const parsed = evaluationPayloadSchema.safeParse(payload);
      if (!parsed.success) return { idempotencyKey: key, status: 400, problem: problem(400, 'malformed-evaluation', 'Malformed evaluation', issuePath(parsed.error)) };
      const e = parsed.data;
      if (this.stmts.evaluationExists.get(e.id)) return { idempotencyKey: key, status: 409, problem: problem(409, 'id-conflict', 'This evaluation id is already stored under another key') };
      const comment = e.comment ? this.cipher.encrypt(e.comment, `hub_evaluations:${e.id}`) : null;
      this.stmts.insertEvaluation.run(e.id, kioskId, e.service, e.score, JSON.stringify(e.tags), e.createdAt, receivedAt, comment, e.receiptNo ?? null);
      result = { idempotencyKey: key, status: 200, id: e.id, receivedAt };
    }
    this.stmts.idemPut.run(kioskId, key, hash, JSON.stringify(result), receivedAt);
    return result;
  }

  /** A walk-in registered by staff at the counter: stored directly, numbered with the desk's device code. */
  insertWalkin(form: FormDefinition, answers: Answers, staffUserId: string): { id: string; receiptNo: string } {
    const id = uuidv7();
    const now = this.now();
    const at = now.toISOString();
    const record = toHubRecord(form, answers, id, this.cipher);
    const receiptNo = this.db
      .transaction(() => {
        const seq = (this.stmts.nextSeq.get(receiptDay(now)) as { seq: number }).seq;
        const receipt = formatReceipt({ officeCode: this.officeCode, deviceCode: this.deviceCode, date: now, sequence: seq });
        this.stmts.insertSubmission.run({
          id,
          receiptNo: receipt,
          formId: form.id,
          formVersion: form.version,
          source: 'walkin',
          kioskId: null,
          createdAt: at,
          receivedAt: at,
          service: record.service,
          answersPublic: record.answersPublic,
          personal: record.personal,
          applicantMasked: record.applicantMasked,
          nameIndex: record.nameIndex,
          idIndex: record.idIndex,
          createdBy: staffUserId,
          originalReceiptNo: null,
        });
        this.stmts.insertEvent.run(id, 'received', staffUserId, at, JSON.stringify({ source: 'walkin' }), null, statusNoteKey('received'));
        return receipt;
      })
      .immediate();
    return { id, receiptNo };
  }
}

function issuePath(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string {
  const first = error.issues[0];
  return first ? `${first.path.map(String).join('.')}: ${first.message}` : 'invalid';
}
