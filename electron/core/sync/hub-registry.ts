import { randomBytes, randomInt } from 'node:crypto';
import type { Db } from '../storage/database';
import type { AuditSink } from '../audit/audit-types';
import { DEVICE_CODE_ALPHABET } from '../intake/receipt-number';
import { isShortCode, normalizeShortCode, randomShortCode } from '../intake/short-code';
import type { KioskInfo } from '../intake/intake-methods';
import type { SubmissionStatus } from '../intake/status-flow';
import { hashToken, type PairRequest, type PairResponse, type StatusResponse } from './sync-protocol';

export const PAIRING_CODE_TTL_MS = 10 * 60_000;
/** Wrong pairing codes tolerated per window before the hub refuses all pairing for a while. */
const PAIR_FAILURE_LIMIT = 10;
const PAIR_FAILURE_WINDOW_MS = 10 * 60_000;

export type PairOutcome = { ok: true; response: PairResponse } | { ok: false; status: 400 | 429; reason: string };
export type AuthOutcome = { kioskId: string } | { refused: 'unknown' | 'revoked' };

/**
 * The hub's side of pairing and kiosk identity: one-time pairing codes (stored hashed),
 * device tokens (stored hashed), revocation, heartbeat bookkeeping and the status feed.
 */
export class HubRegistry {
  private readonly failures: number[] = [];
  private readonly stmts;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    private readonly audit: AuditSink,
    private readonly hubId: string,
    private readonly hubDeviceCode: string,
  ) {
    this.stmts = {
      insertCode: db.prepare('INSERT INTO hub_pairing_codes (code_hash, created_by, created_at, expires_at) VALUES (?, ?, ?, ?)'),
      useCode: db.prepare('UPDATE hub_pairing_codes SET used_at = ?, used_by = ? WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?'),
      kiosk: db.prepare<[string], { kiosk_id: string; device_code: string }>('SELECT kiosk_id, device_code FROM hub_kiosks WHERE kiosk_id = ?'),
      codeTaken: db.prepare<[string], { kiosk_id: string }>('SELECT kiosk_id FROM hub_kiosks WHERE device_code = ?'),
      insertKiosk: db.prepare('INSERT INTO hub_kiosks (kiosk_id, name, device_code, token_hash, paired_at) VALUES (?, ?, ?, ?, ?)'),
      repairKiosk: db.prepare('UPDATE hub_kiosks SET name = ?, token_hash = ?, paired_at = ?, revoked = 0, revoked_at = NULL WHERE kiosk_id = ?'),
      byToken: db.prepare<[string], { kiosk_id: string; revoked: number }>('SELECT kiosk_id, revoked FROM hub_kiosks WHERE token_hash = ?'),
      touch: db.prepare('UPDATE hub_kiosks SET last_seen_at = ?, queue_depth = COALESCE(?, queue_depth) WHERE kiosk_id = ?'),
      list: db.prepare<[], { kiosk_id: string; name: string; device_code: string; paired_at: string; last_seen_at: string | null; queue_depth: number | null; revoked: number }>(
        'SELECT kiosk_id, name, device_code, paired_at, last_seen_at, queue_depth, revoked FROM hub_kiosks ORDER BY paired_at',
      ),
      revoke: db.prepare('UPDATE hub_kiosks SET revoked = 1, revoked_at = ? WHERE kiosk_id = ?'),
      // 'received' is what the kiosk already shows after submitting; only later changes travel back.
      events: db.prepare<[string, number, number], { id: number; submission_id: string; status: SubmissionStatus; at: string; note_key: string | null }>(
        "SELECT id, submission_id, status, at, note_key FROM hub_status_events WHERE kiosk_id = ? AND id > ? AND status <> 'received' ORDER BY id LIMIT ?",
      ),
      lastEvent: db.prepare<[string], { id: number | null }>('SELECT MAX(id) AS id FROM hub_status_events WHERE kiosk_id = ?'),
    };
  }

  createPairingCode(createdBy: string): { code: string; expiresAt: string } {
    const now = this.now();
    const code = randomShortCode(6);
    const expiresAt = new Date(now.getTime() + PAIRING_CODE_TTL_MS).toISOString();
    this.stmts.insertCode.run(hashToken(code), createdBy, now.toISOString(), expiresAt);
    this.audit.append({ actor: createdBy, action: 'kiosk.pairing_code', detail: { expiresAt } });
    return { code, expiresAt };
  }

  pair(request: PairRequest): PairOutcome {
    const nowMs = this.now().getTime();
    while (this.failures.length > 0 && (this.failures[0] as number) < nowMs - PAIR_FAILURE_WINDOW_MS) this.failures.shift();
    if (this.failures.length >= PAIR_FAILURE_LIMIT) return { ok: false, status: 429, reason: 'too many wrong pairing codes; wait and try again' };
    const code = normalizeShortCode(request.code);
    const at = new Date(nowMs).toISOString();
    const token = randomBytes(32).toString('base64url');
    const outcome = this.db
      .transaction((): PairOutcome => {
        if (!isShortCode(code) || this.stmts.useCode.run(at, request.kioskId, hashToken(code), at).changes !== 1) {
          return { ok: false, status: 400, reason: 'pairing code unknown, used or expired' };
        }
        const existing = this.stmts.kiosk.get(request.kioskId);
        let deviceCode: string;
        if (existing) {
          deviceCode = existing.device_code;
          this.stmts.repairKiosk.run(request.name, hashToken(token), at, request.kioskId);
        } else {
          deviceCode = this.freeDeviceCode(request.deviceCode);
          this.stmts.insertKiosk.run(request.kioskId, request.name, deviceCode, hashToken(token), at);
        }
        return { ok: true, response: { deviceToken: token, deviceCode, hubId: this.hubId } };
      })
      .immediate();
    if (!outcome.ok) this.failures.push(nowMs);
    else this.audit.append({ actor: `kiosk:${request.kioskId}`, action: 'kiosk.paired', target: request.kioskId });
    return outcome;
  }

  private freeDeviceCode(proposed: string | undefined): string {
    const free = (c: string): boolean => c !== this.hubDeviceCode && !this.stmts.codeTaken.get(c);
    if (proposed && free(proposed)) return proposed;
    for (;;) {
      const c = `${DEVICE_CODE_ALPHABET[randomInt(DEVICE_CODE_ALPHABET.length)] ?? '2'}${DEVICE_CODE_ALPHABET[randomInt(DEVICE_CODE_ALPHABET.length)] ?? '2'}`;
      if (free(c)) return c;
    }
  }

  authenticate(token: string | undefined): AuthOutcome {
    if (!token) return { refused: 'unknown' };
    const row = this.stmts.byToken.get(hashToken(token));
    if (!row) return { refused: 'unknown' };
    if (row.revoked) return { refused: 'revoked' };
    return { kioskId: row.kiosk_id };
  }

  touch(kioskId: string, queueDepth: number | undefined): void {
    this.stmts.touch.run(this.now().toISOString(), queueDepth ?? null, kioskId);
  }

  list(): KioskInfo[] {
    return this.stmts.list.all().map((r) => ({
      kioskId: r.kiosk_id,
      name: r.name,
      deviceCode: r.device_code,
      pairedAt: r.paired_at,
      lastSeenAt: r.last_seen_at,
      queueDepth: r.queue_depth,
      revoked: r.revoked === 1,
    }));
  }

  revoke(kioskId: string, actor: string): boolean {
    const changed = this.stmts.revoke.run(this.now().toISOString(), kioskId).changes === 1;
    if (changed) this.audit.append({ actor, action: 'kiosk.revoked', target: kioskId });
    return changed;
  }

  /** Status changes of one kiosk's submissions after `cursor`, oldest first. */
  statusesSince(kioskId: string, cursor: number, limit = 500): StatusResponse {
    const rows = this.stmts.events.all(kioskId, cursor, limit + 1);
    const page = rows.slice(0, limit);
    const more = rows.length > limit;
    // With nothing more to send, jump the cursor past the skipped 'received' events too.
    const next = more ? (page[page.length - 1] as { id: number }).id : Math.max(cursor, this.stmts.lastEvent.get(kioskId)?.id ?? cursor);
    return {
      events: page.map((r) => ({ cursor: r.id, submissionId: r.submission_id, status: r.status, at: r.at, noteKey: r.note_key })),
      cursor: next,
      more,
    };
  }
}
