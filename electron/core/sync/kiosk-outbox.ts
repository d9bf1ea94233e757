import type { Db } from '../storage/database';
import type { FieldCipher } from '../crypto/field-cipher';
import type { Answers } from '../../../kiosk-config/forms/form-schema';
import { evaluationAad, submissionAad, type KioskMeta } from '../intake/kiosk-store';
import type { PushItem, PushItemResult, StatusResponse } from './sync-protocol';
import { wireBytes } from './batch';

export interface OutboxEntry {
  seq: number;
  itemId: string;
  item: PushItem;
  bytes: number;
}

interface OutboxRow {
  seq: number;
  kind: 'submission' | 'evaluation';
  item_id: string;
  receipt_no: string | null;
  form_id: string | null;
  form_version: number | null;
  s_created: string | null;
  s_payload: Buffer | null;
  service: string | null;
  score: number | null;
  tags: string | null;
  comment: Buffer | null;
  e_receipt: string | null;
  e_created: string | null;
}

export interface OutboxCounts {
  pending: number;
  held: number;
  sent: number;
}

/**
 * The kiosk's queue of things the hub has not acknowledged. States only move forward:
 * pending -> sent (acknowledged) -> purged after the retention window; a refused item becomes
 * held (kept, never deleted) until staff retry it.
 */
export class KioskOutbox {
  private readonly stmts;

  constructor(
    private readonly db: Db,
    private readonly cipher: FieldCipher,
    private readonly meta: KioskMeta,
    private readonly now: () => Date,
  ) {
    this.stmts = {
      pending: db.prepare<[number], OutboxRow>(`SELECT o.seq, o.kind, o.item_id,
          s.receipt_no, s.form_id, s.form_version, s.created_at AS s_created, s.payload AS s_payload,
          e.service, e.score, e.tags, e.comment, e.receipt_no AS e_receipt, e.created_at AS e_created
        FROM kiosk_outbox o
        LEFT JOIN kiosk_submissions s ON o.kind = 'submission' AND s.id = o.item_id
        LEFT JOIN kiosk_evaluations e ON o.kind = 'evaluation' AND e.id = o.item_id
        WHERE o.state = 'pending' ORDER BY o.seq LIMIT ?`),
      markSent: db.prepare("UPDATE kiosk_outbox SET state = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE seq = ? AND state = 'pending'"),
      markHeld: db.prepare("UPDATE kiosk_outbox SET state = 'held', attempts = attempts + 1, last_error = ? WHERE seq = ? AND state = 'pending'"),
      counts: db.prepare<[], { state: string; n: number }>('SELECT state, COUNT(*) AS n FROM kiosk_outbox GROUP BY state'),
      requeue: db.prepare("UPDATE kiosk_outbox SET state = 'pending' WHERE state = 'held'"),
      heldError: db.prepare<[], { last_error: string | null }>("SELECT last_error FROM kiosk_outbox WHERE state = 'held' ORDER BY seq LIMIT 1"),
      purgeSubmissions: db.prepare("UPDATE kiosk_submissions SET payload = NULL WHERE id IN (SELECT item_id FROM kiosk_outbox WHERE kind = 'submission' AND state = 'sent' AND sent_at <= ?)"),
      purgeEvaluations: db.prepare("DELETE FROM kiosk_evaluations WHERE id IN (SELECT item_id FROM kiosk_outbox WHERE kind = 'evaluation' AND state = 'sent' AND sent_at <= ?)"),
      purgeOutbox: db.prepare("DELETE FROM kiosk_outbox WHERE state = 'sent' AND sent_at <= ?"),
      applyStatus: db.prepare('UPDATE kiosk_submissions SET status = ?, status_at = ?, note_key = ? WHERE id = ?'),
    };
  }

  /** Up to `limit` pending items, oldest first, with their payloads decrypted for sending. */
  pending(limit: number): OutboxEntry[] {
    const entries: OutboxEntry[] = [];
    const broken: Array<{ seq: number; error: string }> = [];
    for (const row of this.stmts.pending.all(limit)) {
      try {
        const item = this.toItem(row);
        entries.push({ seq: row.seq, itemId: row.item_id, item, bytes: wireBytes(item) });
      } catch (error) {
        broken.push({ seq: row.seq, error: `unreadable: ${(error as Error).message}` });
      }
    }
    if (broken.length > 0) {
      this.db.transaction(() => {
        for (const b of broken) this.stmts.markHeld.run(b.error, b.seq);
      })();
    }
    return entries;
  }

  private toItem(row: OutboxRow): PushItem {
    if (row.kind === 'submission') {
      if (!row.s_payload || !row.receipt_no || !row.form_id || row.form_version === null || !row.s_created) throw new Error('submission row missing');
      const { answers } = this.cipher.decryptJson<{ answers: Answers }>(row.s_payload, submissionAad(row.item_id));
      return {
        idempotencyKey: row.item_id,
        kind: 'submission',
        payload: { id: row.item_id, receiptNo: row.receipt_no, formId: row.form_id, formVersion: row.form_version, createdAt: row.s_created, answers: answers as never },
      };
    }
    if (!row.service || row.score === null || row.tags === null || !row.e_created) throw new Error('evaluation row missing');
    return {
      idempotencyKey: row.item_id,
      kind: 'evaluation',
      payload: {
        id: row.item_id,
        service: row.service,
        score: row.score,
        tags: JSON.parse(row.tags) as string[],
        ...(row.comment ? { comment: this.cipher.decrypt(row.comment, evaluationAad(row.item_id)) } : {}),
        ...(row.e_receipt ? { receiptNo: row.e_receipt } : {}),
        createdAt: row.e_created,
      },
    };
  }

  /** Applies the hub's answers: acknowledged -> sent, refused -> held. One transaction. */
  record(entries: readonly OutboxEntry[], results: readonly PushItemResult[]): { sent: number; held: number; firstError: string | null } {
    const byKey = new Map(results.filter((r) => r.idempotencyKey).map((r) => [r.idempotencyKey as string, r]));
    const at = this.now().toISOString();
    let sent = 0;
    let held = 0;
    let firstError: string | null = null;
    this.db
      .transaction(() => {
        for (const entry of entries) {
          const result = byKey.get(entry.item.idempotencyKey);
          if (!result) continue; // not answered: stays pending, goes again next time
          if (result.status === 200) {
            sent += this.stmts.markSent.run(at, entry.seq).changes;
          } else {
            const error = `hub_${result.status}:${result.problem?.type ?? 'refused'}`;
            firstError ??= error;
            held += this.stmts.markHeld.run(error, entry.seq).changes;
          }
        }
      })
      .immediate();
    return { sent, held, firstError };
  }

  counts(): OutboxCounts {
    const out: OutboxCounts = { pending: 0, held: 0, sent: 0 };
    for (const row of this.stmts.counts.all()) {
      if (row.state === 'pending' || row.state === 'held' || row.state === 'sent') out[row.state] = row.n;
    }
    return out;
  }

  heldError(): string | null {
    return this.stmts.heldError.get()?.last_error ?? null;
  }

  requeueHeld(): number {
    return this.stmts.requeue.run().changes;
  }

  /** Forgets acknowledged items older than the retention window; unsent data is never touched. */
  purge(retentionMs: number): number {
    const cutoff = new Date(this.now().getTime() - retentionMs).toISOString();
    return this.db
      .transaction(() => {
        this.stmts.purgeSubmissions.run(cutoff);
        this.stmts.purgeEvaluations.run(cutoff);
        return this.stmts.purgeOutbox.run(cutoff).changes;
      })
      .immediate();
  }

  statusCursor(): number {
    return Number(this.meta.get('statusCursor') ?? '0');
  }

  applyStatuses(feed: StatusResponse): number {
    return this.db
      .transaction(() => {
        let changed = 0;
        for (const e of feed.events) changed += this.stmts.applyStatus.run(e.status, e.at, e.noteKey, e.submissionId).changes;
        this.meta.set('statusCursor', String(feed.cursor));
        return changed;
      })
      .immediate();
  }
}
