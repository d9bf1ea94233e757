import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { APPLICANT_ID, expectApiError, legalAidAnswers, startKiosk, type Kiosk } from './fixtures/intake-harness';

function countRows(dataDir: string): { submissions: number; outbox: number; drafts: number } {
  const db = new Database(join(dataDir, 'sifa.db'), { readonly: true });
  try {
    const n = (table: string): number => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { submissions: n('kiosk_submissions'), outbox: n('kiosk_outbox'), drafts: n('kiosk_drafts') };
  } finally {
    db.close();
  }
}

describe('kiosk intake', () => {
  let kiosk: Kiosk;
  let now = Date.now();

  beforeAll(async () => {
    // No hub: everything here stays on the kiosk.
    kiosk = await startKiosk({ hubUrl: 'http://127.0.0.1:9', now: () => new Date(now) });
  });
  afterAll(async () => {
    await kiosk?.close();
  });

  it('lists forms and serves a definition', async () => {
    const forms = await kiosk.call('formsList', {});
    expect(forms.map((f) => f.service).sort()).toEqual(['legalAid', 'legislativeOpinion', 'mediation', 'reconsideration']);
    const form = await kiosk.call('formGet', { formId: 'legal-aid' });
    expect(form.privacyNotice.purpose['zh-CN']).toContain('法律援助');
    expect((await expectApiError(kiosk.call('formGet', { formId: 'nope' }))).code).toBe('not_found');
  });

  it('refuses an invalid field by name and stores nothing', async () => {
    const { draftId } = await kiosk.call('draftSave', { formId: 'legal-aid', answers: legalAidAnswers(), groupIndex: 3 });
    const before = countRows(kiosk.dataDir);
    const refused = await expectApiError(kiosk.call('intakeSubmit', { formId: 'legal-aid', answers: legalAidAnswers({ applicantPhone: '1234', facts: '短' }), draftId }));
    expect(refused.code).toBe('invalid_input');
    expect(refused.issues).toEqual([
      { path: 'applicantPhone', key: 'validation.phone' },
      { path: 'facts', key: 'validation.tooShort', params: { limit: 10 } },
    ]);
    expect(countRows(kiosk.dataDir)).toEqual(before);
  });

  it('stores a valid submission, its outbox row and drops the draft in one go', async () => {
    const { draftId } = await kiosk.call('draftSave', { formId: 'legal-aid', answers: legalAidAnswers(), groupIndex: 5 });
    const before = countRows(kiosk.dataDir);
    const result = await kiosk.call('intakeSubmit', { formId: 'legal-aid', answers: { ...legalAidAnswers({ specialSituation: 'goodSamaritan' }), stray: 'x' }, draftId });
    expect(result.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
    expect(result.receiptNo).toMatch(/^01[2-9A-HJ-NP-Z]{2}-\d{6}-\d{4}-[0-9A-HJ-NP-Z]$/);
    expect(countRows(kiosk.dataDir)).toEqual({ submissions: before.submissions + 1, outbox: before.outbox + 1, drafts: before.drafts - 1 });
    expect(await kiosk.call('progressLookup', { receiptNo: result.receiptNo })).toEqual([{ receiptNo: result.receiptNo, formId: 'legal-aid', status: 'received', updatedAt: result.submittedAt }]);
    expect((await kiosk.call('progressLookupByIdNumber', { idNumber: APPLICANT_ID })).map((e) => e.receiptNo)).toContain(result.receiptNo);
    expect((await expectApiError(kiosk.call('progressLookup', { receiptNo: 'XYZ' }))).issues?.[0]).toMatchObject({ path: 'receiptNo' });
  });

  it('pauses a draft with a short code and resumes it, encrypted at rest', async () => {
    const answers = legalAidAnswers();
    const { draftId } = await kiosk.call('draftSave', { formId: 'legal-aid', answers, groupIndex: 2 });
    const { code, expiresAt } = await kiosk.call('draftPause', { draftId });
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
    expect(Date.parse(expiresAt) - now).toBe(72 * 3600_000);
    const resumed = await kiosk.call('draftResume', { code: code.toLowerCase() });
    expect(resumed).toEqual({ draftId, formId: 'legal-aid', answers, groupIndex: 2 });
    expect((await expectApiError(kiosk.call('draftResume', { code: 'ZZZZZZ' }))).code).toBe('not_found');

    now += 73 * 3600_000;
    expect((await expectApiError(kiosk.call('draftResume', { code }))).code).toBe('not_found');
    await kiosk.call('draftDiscard', { draftId });
  });

  it('wipes expired drafts when the kiosk starts', async () => {
    await kiosk.call('draftSave', { formId: 'mediation', answers: {}, groupIndex: 0 });
    now += 3 * 3600_000;
    await kiosk.close();
    kiosk = await startKiosk({ dataDir: kiosk.dataDir, hubUrl: 'http://127.0.0.1:9', now: () => new Date(now) });
    expect(countRows(kiosk.dataDir).drafts).toBe(0);
  });

  it('takes an evaluation without identity unless a receipt is given', async () => {
    expect(await kiosk.call('evaluationSubmit', { service: 'mediation', score: 4, tags: ['fast'] })).toEqual({ ok: true });
    expect((await expectApiError(kiosk.call('evaluationSubmit', { service: 'mediation', score: 6, tags: [] }))).code).toBe('invalid_input');
    expect((await expectApiError(kiosk.call('evaluationSubmit', { service: 'mediation', score: 3, tags: [], comment: 'x'.repeat(201) }))).code).toBe('invalid_input');
  });

  it('locks the maintenance panel after five wrong PINs', async () => {
    const token = await kiosk.maintenanceToken();
    const status = await kiosk.call('kioskQueueStatus', { token });
    expect(status).toMatchObject({ paired: false, hubUrl: 'http://127.0.0.1:9' });
    expect(status.pending).toBeGreaterThanOrEqual(2);
    expect((await expectApiError(kiosk.call('kioskQueueStatus', { token: 'x'.repeat(20) }))).code).toBe('unauthenticated');
    for (let i = 0; i < 5; i += 1) expect((await expectApiError(kiosk.call('kioskMaintenanceUnlock', { pin: '000000' }))).code).toBe('unauthenticated');
    expect((await expectApiError(kiosk.call('kioskMaintenanceUnlock', { pin: '246810' }))).code).toBe('rate_limited');
    now += 6 * 60_000;
    expect(await kiosk.maintenanceToken()).toMatch(/.{20,}/);
  });
});
