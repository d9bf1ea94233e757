import type { Db } from '../storage/database';
import type { Statement } from 'better-sqlite3';
import type { Answers } from '../../../kiosk-config/forms/form-schema';
import type { FieldCipher } from '../crypto/field-cipher';
import type { AuditSink } from '../audit/audit-types';
import type { StaffIdentity } from '../api/dispatch';
import { ApiError } from '../api/api-error';
import type { FormCatalog } from './form-catalog';
import type { InboxFilter, InboxItem, InboxRow, StatusHistoryEntry } from './intake-methods';
import { maskAnswers } from './masking';
import { personalAad } from './hub-records';
import { normalizeReceipt } from './receipt-number';
import { isClosed, missingActionFields, nextStatus, statusNoteKey, type InboxAction, type Outcome, type SubmissionStatus, type TransferTarget } from './status-flow';

interface SubmissionRow {
  id: string;
  receipt_no: string;
  form_id: string;
  form_version: number | null;
  status: SubmissionStatus;
  source: 'kiosk' | 'walkin';
  kiosk_id: string | null;
  created_at: string;
  received_at: string;
  assignee: string | null;
  applicant_masked: string;
  outcome: Outcome | null;
  accepted_at: string | null;
  closed_at: string | null;
  answers_public: string;
  personal: Buffer | null;
}

const ROW_COLUMNS = 'id, receipt_no, form_id, status, source, kiosk_id, created_at, received_at, assignee, applicant_masked, outcome';

export interface ActInput {
  id: string;
  action: InboxAction;
  assignee?: string;
  materials?: string[];
  transferTo?: TransferTarget;
  reason?: string;
  outcome?: Outcome;
  agreementRef?: string;
}

/**
 * The desk's inbox over hub_submissions: masked lists and items, audited reveal and search,
 * forward-only status actions that flow back to the kiosk through hub_status_events.
 */
export class Inbox {
  private readonly cache = new Map<string, Statement>();
  private readonly stmts;

  constructor(
    private readonly db: Db,
    private readonly cipher: FieldCipher,
    private readonly catalog: FormCatalog,
    private readonly audit: AuditSink,
    private readonly now: () => Date,
  ) {
    this.stmts = {
      get: db.prepare<[string], SubmissionRow>(`SELECT ${ROW_COLUMNS}, form_version, accepted_at, closed_at, answers_public, personal FROM hub_submissions WHERE id = ?`),
      history: db.prepare<[string], { status: SubmissionStatus; actor: string; at: string; detail: string | null }>('SELECT status, actor, at, detail FROM hub_status_events WHERE submission_id = ? ORDER BY id'),
      update: db.prepare(`UPDATE hub_submissions SET status = @status, assignee = COALESCE(@assignee, assignee),
        accepted_at = COALESCE(accepted_at, @acceptedAt), closed_at = COALESCE(@closedAt, closed_at), outcome = COALESCE(@outcome, outcome)
        WHERE id = @id AND status = @from`),
      event: db.prepare('INSERT INTO hub_status_events (submission_id, status, actor, at, detail, kiosk_id, note_key) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    };
  }

  private prepared(sql: string): Statement {
    let stmt = this.cache.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.cache.set(sql, stmt);
    }
    return stmt;
  }

  private where(filter: Omit<InboxFilter, 'limit' | 'offset'>): { sql: string; params: unknown[] } {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (filter.type) {
      clauses.push('form_id = ?');
      params.push(filter.type);
    }
    if (filter.status) {
      clauses.push('status = ?');
      params.push(filter.status);
    }
    if (filter.from) {
      clauses.push('created_at >= ?');
      params.push(dateBound(filter.from, 'from'));
    }
    if (filter.to) {
      clauses.push('created_at < ?');
      params.push(dateBound(filter.to, 'to'));
    }
    if (filter.assignee) {
      clauses.push('assignee = ?');
      params.push(filter.assignee);
    }
    if (filter.receiptNo) {
      const receipt = normalizeReceipt(filter.receiptNo);
      clauses.push('(receipt_no = ? OR receipt_no = ?)');
      params.push(receipt ?? filter.receiptNo.trim().toUpperCase(), filter.receiptNo.trim().toUpperCase());
    }
    if (filter.name) {
      clauses.push('name_index = ?');
      params.push(this.cipher.blindIndex('name', filter.name));
    }
    return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
  }

  list(filter: InboxFilter, staff: StaffIdentity): { rows: InboxRow[]; total: number } {
    const { sql, params } = this.where(filter);
    const rows = (this.prepared(`SELECT ${ROW_COLUMNS} FROM hub_submissions ${sql} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`).all(...params, filter.limit, filter.offset) as SubmissionRow[]).map(toRow);
    const total = (this.prepared(`SELECT COUNT(*) AS n FROM hub_submissions ${sql}`).get(...params) as { n: number }).n;
    if (filter.name) this.audit.append({ actor: staff.userId, action: 'personal.search', detail: { field: 'name', results: total } });
    return { rows, total };
  }

  get(id: string): InboxItem {
    const row = this.stmts.get.get(id);
    if (!row) throw new ApiError('not_found', 'no such submission');
    const form = this.catalog.get(row.form_id);
    const personal = this.decryptPersonal(row);
    const answers: Answers = { ...(JSON.parse(row.answers_public) as Answers), ...maskAnswers(form, personal) };
    return {
      ...toRow(row),
      formVersion: row.form_version,
      acceptedAt: row.accepted_at,
      closedAt: row.closed_at,
      answers,
      personalFields: Object.keys(personal),
      history: this.history(id),
    };
  }

  reveal(id: string, staff: StaffIdentity): { id: string; personal: Answers } {
    const row = this.stmts.get.get(id);
    if (!row) throw new ApiError('not_found', 'no such submission');
    const personal = this.decryptPersonal(row);
    this.audit.append({ actor: staff.userId, action: 'personal.reveal', target: id, detail: { fields: Object.keys(personal).join(',') } });
    return { id, personal };
  }

  act(input: ActInput, staff: StaffIdentity): { id: string; status: SubmissionStatus } {
    const missing = missingActionFields(input);
    if (missing.length > 0) throw new ApiError('invalid_input', `${input.action} needs ${missing.join(', ')}`, { issues: missing.map((path) => ({ path, key: 'validation.required' })) });
    const at = this.now().toISOString();
    const result = this.db
      .transaction(() => {
        const row = this.stmts.get.get(input.id);
        if (!row) throw new ApiError('not_found', 'no such submission');
        const to = nextStatus(row.status, input.action);
        if (!to) throw new ApiError('conflict', `cannot ${input.action} a submission that is ${row.status}`, { params: { status: row.status, action: input.action } });
        const detail = compact({
          action: input.action,
          assignee: input.assignee,
          materials: input.materials,
          transferTo: input.transferTo,
          reason: input.reason,
          outcome: input.outcome,
          agreementRef: input.agreementRef,
        });
        this.stmts.update.run({
          id: input.id,
          from: row.status,
          status: to,
          assignee: input.action === 'accept' ? (input.assignee ?? staff.userId) : (input.assignee ?? null),
          acceptedAt: to === 'accepted' ? at : null,
          closedAt: isClosed(to) ? at : null,
          outcome: input.outcome ?? null,
        });
        this.stmts.event.run(input.id, to, staff.userId, at, JSON.stringify(detail), row.kiosk_id, statusNoteKey(to, { transferTo: input.transferTo, outcome: input.outcome }));
        return { id: input.id, status: to, from: row.status };
      })
      .immediate();
    this.audit.append({ actor: staff.userId, action: 'submission.status', target: input.id, detail: { from: result.from, to: result.status, action: input.action } });
    return { id: result.id, status: result.status };
  }

  exportCsv(filter: Omit<InboxFilter, 'limit' | 'offset'>, staff: StaffIdentity): { filename: string; csv: string } {
    const { sql, params } = this.where(filter);
    const rows = (this.prepared(`SELECT ${ROW_COLUMNS} FROM hub_submissions ${sql} ORDER BY created_at DESC, id DESC LIMIT 100000`).all(...params) as SubmissionRow[]).map(toRow);
    const header = ['受理编号 receiptNo', '表单 formId', '状态 status', '来源 source', '一体机 kioskId', '提交时间 createdAt', '接收时间 receivedAt', '承办人 assignee', '申请人 applicant', '结果 outcome'];
    const lines = [header, ...rows.map((r) => [r.receiptNo, r.formId, r.status, r.source, r.kioskId ?? '', r.createdAt, r.receivedAt, r.assignee ?? '', r.applicantMasked, r.outcome ?? ''])];
    const csv = `\uFEFF${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
    const stamp = this.now().toISOString().replace(/[-:]/g, '').slice(0, 13);
    this.audit.append({ actor: staff.userId, action: 'export.csv', detail: { rows: rows.length, filter: JSON.stringify(compact({ ...filter, name: filter.name ? '[name]' : undefined })) } });
    if (filter.name) this.audit.append({ actor: staff.userId, action: 'personal.search', detail: { field: 'name', results: rows.length, export: true } });
    return { filename: `inbox-${stamp}.csv`, csv };
  }

  private history(id: string): StatusHistoryEntry[] {
    return this.stmts.history.all(id).map((h) => ({ status: h.status, actor: h.actor, at: h.at, detail: h.detail ? (JSON.parse(h.detail) as Record<string, unknown>) : null }));
  }

  private decryptPersonal(row: SubmissionRow): Answers {
    return row.personal ? this.cipher.decryptJson<Answers>(row.personal, personalAad(row.id)) : {};
  }
}

function toRow(r: SubmissionRow): InboxRow {
  return {
    id: r.id,
    receiptNo: r.receipt_no,
    formId: r.form_id,
    status: r.status,
    source: r.source,
    kioskId: r.kiosk_id,
    createdAt: r.created_at,
    receivedAt: r.received_at,
    assignee: r.assignee,
    applicantMasked: r.applicant_masked,
    outcome: r.outcome,
  };
}

/** YYYY-MM-DD is a local calendar day: `from` its midnight, `to` the next midnight (inclusive day). */
function dateBound(value: string, side: 'from' | 'to'): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) {
    const d = new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]) + (side === 'to' ? 1 : 0));
    return d.toISOString();
  }
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new ApiError('invalid_input', `bad ${side} date`, { issues: [{ path: side, key: 'validation.date' }] });
  return new Date(ms).toISOString();
}

/** Spreadsheet-safe: quotes, and a leading apostrophe before formula characters. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function compact(obj: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));
}
