import { uuidv7 } from 'uuidv7';
import type { Db } from '../storage/database';
import type { Answers } from '../../../kiosk-config/forms/form-schema';
import type { FieldCipher } from '../crypto/field-cipher';
import { ApiError } from '../api/api-error';
import { isShortCode, normalizeShortCode, randomShortCode } from './short-code';

/** An unpaused draft (autosave) lives this long after its last save. */
export const DRAFT_TTL_MS = 2 * 60 * 60_000;
/** A paused draft can be resumed with its code for 72 hours. */
export const PAUSED_DRAFT_TTL_MS = 72 * 60 * 60_000;
const RESUME_FAILURE_LIMIT = 10;
const RESUME_FAILURE_WINDOW_MS = 10 * 60_000;

interface DraftContent {
  answers: Answers;
  groupIndex: number;
}

function draftAad(id: string): string {
  return `kiosk_drafts:${id}`;
}

/**
 * Interview drafts at the kiosk, encrypted like submissions (ODK leaves drafts in clear; we do
 * not). A paused draft gets a 6-character code the resident writes down; expired drafts are
 * deleted on start and periodically.
 */
export class KioskDrafts {
  private readonly stmts;
  private readonly failures: number[] = [];

  constructor(
    private readonly db: Db,
    private readonly cipher: FieldCipher,
    private readonly now: () => Date,
  ) {
    this.stmts = {
      get: db.prepare<[string], { id: string; form_id: string; expires_at: string; resume_code: string | null }>('SELECT id, form_id, expires_at, resume_code FROM kiosk_drafts WHERE id = ?'),
      upsert: db.prepare(`INSERT INTO kiosk_drafts (id, form_id, payload, updated_at, expires_at) VALUES (@id, @formId, @payload, @at, @expiresAt)
        ON CONFLICT(id) DO UPDATE SET form_id = excluded.form_id, payload = excluded.payload, updated_at = excluded.updated_at,
        expires_at = CASE WHEN kiosk_drafts.resume_code IS NULL THEN excluded.expires_at ELSE kiosk_drafts.expires_at END`),
      pause: db.prepare('UPDATE kiosk_drafts SET resume_code = ?, expires_at = ? WHERE id = ? AND expires_at > ?'),
      codeTaken: db.prepare<[string], { id: string }>('SELECT id FROM kiosk_drafts WHERE resume_code = ?'),
      byCode: db.prepare<[string, string], { id: string; form_id: string; payload: Buffer }>('SELECT id, form_id, payload FROM kiosk_drafts WHERE resume_code = ? AND expires_at > ?'),
      discard: db.prepare('DELETE FROM kiosk_drafts WHERE id = ?'),
      wipe: db.prepare('DELETE FROM kiosk_drafts WHERE expires_at <= ?'),
    };
  }

  save(input: { draftId?: string; formId: string; answers: Answers; groupIndex: number }): { draftId: string } {
    const now = this.now();
    let id = input.draftId;
    // An id that expired or was discarded starts a fresh draft rather than failing an autosave.
    if (id) {
      const existing = this.stmts.get.get(id);
      if (!existing || existing.expires_at <= now.toISOString()) {
        if (existing) this.stmts.discard.run(id);
        id = undefined;
      }
    }
    id ??= uuidv7();
    const content: DraftContent = { answers: input.answers, groupIndex: input.groupIndex };
    this.stmts.upsert.run({
      id,
      formId: input.formId,
      payload: this.cipher.encryptJson(content, draftAad(id)),
      at: now.toISOString(),
      expiresAt: new Date(now.getTime() + DRAFT_TTL_MS).toISOString(),
    });
    return { draftId: id };
  }

  pause(draftId: string): { code: string; expiresAt: string } {
    const now = this.now();
    const expiresAt = new Date(now.getTime() + PAUSED_DRAFT_TTL_MS).toISOString();
    return this.db
      .transaction(() => {
        let code = randomShortCode(6);
        while (this.stmts.codeTaken.get(code)) code = randomShortCode(6);
        if (this.stmts.pause.run(code, expiresAt, draftId, now.toISOString()).changes !== 1) throw new ApiError('not_found', 'no such draft (expired or discarded)');
        return { code, expiresAt };
      })
      .immediate();
  }

  resume(rawCode: string): { draftId: string; formId: string; answers: Answers; groupIndex: number } {
    const nowMs = this.now().getTime();
    while (this.failures.length > 0 && (this.failures[0] as number) < nowMs - RESUME_FAILURE_WINDOW_MS) this.failures.shift();
    if (this.failures.length >= RESUME_FAILURE_LIMIT) {
      const retryAfter = Math.ceil(((this.failures[0] as number) + RESUME_FAILURE_WINDOW_MS - nowMs) / 1000);
      throw new ApiError('rate_limited', 'too many wrong resume codes', { params: { retryAfterSeconds: retryAfter } });
    }
    const code = normalizeShortCode(rawCode);
    const row = isShortCode(code) ? this.stmts.byCode.get(code, new Date(nowMs).toISOString()) : undefined;
    if (!row) {
      this.failures.push(nowMs);
      throw new ApiError('not_found', 'no paused draft with that code');
    }
    const content = this.cipher.decryptJson<DraftContent>(row.payload, draftAad(row.id));
    return { draftId: row.id, formId: row.form_id, answers: content.answers, groupIndex: content.groupIndex };
  }

  discard(draftId: string): void {
    this.stmts.discard.run(draftId);
  }

  /** Deletes expired drafts; returns how many. */
  wipeExpired(): number {
    return this.stmts.wipe.run(this.now().toISOString()).changes;
  }
}
