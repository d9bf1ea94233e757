import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  APPLICANT_ID,
  APPLICANT_NAME,
  MEDIATION_ID,
  expectApiError,
  legalAidAnswers,
  mediationAnswers,
  pair,
  startDesk,
  startKiosk,
  type Desk,
  type Kiosk,
} from './fixtures/intake-harness';

describe('kiosk -> desk hub sync', () => {
  let desk: Desk;
  let kiosk: Kiosk;
  let token: string;
  let legal: { id: string; receiptNo: string };
  let mediation: { id: string; receiptNo: string };

  beforeAll(async () => {
    desk = await startDesk();
    kiosk = await startKiosk({ hubUrl: desk.hubUrl });
    token = await pair(kiosk, desk);
    legal = await kiosk.call('intakeSubmit', { formId: 'legal-aid', answers: legalAidAnswers() });
    mediation = await kiosk.call('intakeSubmit', { formId: 'mediation', answers: mediationAnswers() });
    const status = await kiosk.call('kioskSyncNow', { token });
    expect(status.pending).toBe(0);
  });

  afterAll(async () => {
    await kiosk?.close();
    await desk?.close();
  });

  it('lists both submissions at the desk with the right fields', async () => {
    const { rows, total } = await desk.call('inboxList', { limit: 50, offset: 0 });
    expect(total).toBe(2);
    const legalRow = rows.find((r) => r.receiptNo === legal.receiptNo);
    const mediationRow = rows.find((r) => r.receiptNo === mediation.receiptNo);
    const status = await kiosk.call('kioskQueueStatus', { token });
    expect(legalRow).toMatchObject({ id: legal.id, formId: 'legal-aid', status: 'received', source: 'kiosk', kioskId: status.kioskId, applicantMasked: '张**', assignee: null });
    expect(mediationRow).toMatchObject({ id: mediation.id, formId: 'mediation', status: 'received', source: 'kiosk', applicantMasked: '李**' });
    expect(status).toMatchObject({ paired: true, hubReachable: true, pending: 0, sentAwaitingRetention: 2, lastError: null });
    expect(desk.events.some((e) => e.name === 'inbox.changed')).toBe(true);
    expect(kiosk.events.some((e) => e.name === 'queue.changed')).toBe(true);
  });

  it('filters by type, status and receipt number', async () => {
    expect((await desk.call('inboxList', { type: 'mediation', limit: 50, offset: 0 })).rows.map((r) => r.id)).toEqual([mediation.id]);
    expect((await desk.call('inboxList', { status: 'resolved', limit: 50, offset: 0 })).total).toBe(0);
    const typed = legal.receiptNo.replace(/-/g, ' ').toLowerCase();
    expect((await desk.call('inboxList', { receiptNo: typed, limit: 50, offset: 0 })).rows.map((r) => r.id)).toEqual([legal.id]);
  });

  it('masks personal answers in inboxGet and reveals them with an audit entry', async () => {
    const item = await desk.call('inboxGet', { id: mediation.id });
    expect(item.answers.applicantIdNumber).toBe(`${MEDIATION_ID.slice(0, 4)}**********${MEDIATION_ID.slice(-4)}`);
    expect(item.answers.applicantPhone).toBe('139****1111');
    expect(item.answers.applicantName).toBe('李**');
    expect((item.answers.otherParties as Array<Record<string, unknown>>)[0]).toMatchObject({ name: '王***', phone: '137****2222', relationship: 'neighbour' });
    expect(item.answers.category).toBe('neighbour');
    expect(item.personalFields).toEqual(expect.arrayContaining(['applicantName', 'applicantIdNumber', 'otherParties', 'facts']));
    expect(item.history.map((h) => h.status)).toEqual(['received']);

    const revealed = await desk.call('inboxReveal', { id: legal.id });
    expect(revealed.personal.applicantIdNumber).toBe(APPLICANT_ID);
    expect(revealed.personal.applicantName).toBe(APPLICANT_NAME);
    expect(desk.audit.entries.find((e) => e.action === 'personal.reveal')).toMatchObject({ actor: 'u-director', target: legal.id });

    const denied = await expectApiError(desk.call('inboxReveal', { id: legal.id }, 'assistant'));
    expect(denied.code).toBe('permission_denied');
  });

  it('finds an applicant by full name through the blind index, audited', async () => {
    const found = await desk.call('inboxList', { name: ` ${APPLICANT_NAME} `, limit: 50, offset: 0 });
    expect(found.rows.map((r) => r.id)).toEqual([legal.id]);
    expect((await desk.call('inboxList', { name: '张三', limit: 50, offset: 0 })).total).toBe(0);
    expect(desk.audit.entries.filter((e) => e.action === 'personal.search')).toHaveLength(2);
  });

  it('sends desk status changes back to the kiosk progress lookup', async () => {
    expect(await kiosk.call('progressLookup', { receiptNo: legal.receiptNo })).toEqual([
      expect.objectContaining({ receiptNo: legal.receiptNo, formId: 'legal-aid', status: 'received' }),
    ]);
    expect(await desk.call('inboxAct', { id: legal.id, action: 'accept' }, 'staff')).toEqual({ id: legal.id, status: 'accepted' });
    await kiosk.call('kioskSyncNow', { token });
    const [entry] = await kiosk.call('progressLookup', { receiptNo: legal.receiptNo });
    expect(entry).toMatchObject({ status: 'accepted', noteKey: 'progress.accepted' });
    expect(Object.keys(entry ?? {}).sort()).toEqual(['formId', 'noteKey', 'receiptNo', 'status', 'updatedAt']);

    await desk.call('inboxAct', { id: legal.id, action: 'transfer', transferTo: 'legalAidCenter', reason: '符合条件' }, 'staff');
    await kiosk.call('kioskSyncNow', { token });
    expect(await kiosk.call('progressLookupByIdNumber', { idNumber: APPLICANT_ID })).toEqual([
      expect.objectContaining({ receiptNo: legal.receiptNo, status: 'transferred', noteKey: 'progress.transferred.legalAidCenter' }),
    ]);

    const item = await desk.call('inboxGet', { id: legal.id });
    expect(item).toMatchObject({ status: 'transferred', assignee: 'u-staff' });
    expect(item.acceptedAt).not.toBeNull();
    expect(item.closedAt).not.toBeNull();
    expect(item.history.map((h) => [h.status, h.actor])).toEqual([
      ['received', expect.stringMatching(/^kiosk:/)],
      ['accepted', 'u-staff'],
      ['transferred', 'u-staff'],
    ]);
    expect(desk.audit.entries.filter((e) => e.action === 'submission.status')).toHaveLength(2);
  });

  it('refuses a status change that does not follow the flow', async () => {
    const refused = await expectApiError(desk.call('inboxAct', { id: legal.id, action: 'accept' }));
    expect(refused.code).toBe('conflict');
    const missing = await expectApiError(desk.call('inboxAct', { id: mediation.id, action: 'reject' }));
    expect(missing.issues?.[0]).toMatchObject({ path: 'reason', key: 'validation.required' });
  });

  it('exports a masked CSV, audited', async () => {
    const { filename, csv } = await desk.call('inboxExportCsv', {});
    expect(filename).toMatch(/^inbox-\d{8}T\d{4}\.csv$/);
    expect(csv).toContain(legal.receiptNo);
    expect(csv).toContain('张**');
    expect(csv).not.toContain(APPLICANT_NAME);
    expect(desk.audit.actions()).toContain('export.csv');
  });

  it('lists the paired kiosk with its heartbeat and queue depth', async () => {
    const kiosks = await desk.call('kiosksList', {});
    expect(kiosks).toHaveLength(1);
    expect(kiosks[0]).toMatchObject({ revoked: false, queueDepth: 0 });
    expect(kiosks[0]?.lastSeenAt).not.toBeNull();
  });

  it('registers a walk-in at the desk with the same validation', async () => {
    const walkin = await desk.call('walkinSubmit', { formId: 'mediation', answers: mediationAnswers({ applicantName: '赵六' }) }, 'assistant');
    const { rows } = await desk.call('inboxList', { receiptNo: walkin.receiptNo, limit: 10, offset: 0 });
    expect(rows[0]).toMatchObject({ source: 'walkin', kioskId: null, applicantMasked: '赵*' });
    const bad = await expectApiError(desk.call('walkinSubmit', { formId: 'mediation', answers: mediationAnswers({ applicantPhone: '12345' }) }));
    expect(bad.issues).toEqual([{ path: 'applicantPhone', key: 'validation.phone' }]);
  });

  it('keeps no plaintext ID number, name, address or phone in the raw database files', async () => {
    await kiosk.call('draftSave', { formId: 'legal-aid', answers: legalAidAnswers(), groupIndex: 2 });
    const needles = [APPLICANT_ID, APPLICANT_NAME, '幸福村十八组', '13812345678', MEDIATION_ID, '王大海'].map((s) => Buffer.from(s, 'utf8'));
    for (const dir of [kiosk.dataDir, desk.dataDir]) {
      const files = readdirSync(dir).filter((f) => f.startsWith('sifa.db'));
      expect(files).toEqual(expect.arrayContaining(['sifa.db', 'sifa.db-wal']));
      for (const file of files) {
        const bytes = readFileSync(join(dir, file));
        for (const needle of needles) expect(bytes.includes(needle), `${file} contains ${needle.toString()}`).toBe(false);
      }
    }
  });
});
