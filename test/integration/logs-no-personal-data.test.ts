import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoSite, startHost } from '../e2e/harness';
import { APPLICANT_ID, APPLICANT_NAME, legalAidAnswers } from './fixtures/intake-data';

function allLogText(dataDir: string): string {
  const dir = join(dataDir, 'logs');
  return readdirSync(dir)
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}

describe('logs carry no personal data', () => {
  it('an ID number, name, phone and address submitted through the API never reach the log files', async () => {
    const answers = legalAidAnswers();
    const phone = String(answers.applicantPhone);
    const address = String(answers.applicantAddress);

    const kiosk = await startHost({ site: demoSite({ devices: { idcard: { port: 'off' } }, hub: { url: 'http://127.0.0.1:9', listenHost: '127.0.0.1', listenPort: 0 } }) });
    const desk = await startHost({ site: demoSite({ role: 'desk', devices: { idcard: { port: 'off' } }, hub: { listenHost: '127.0.0.1', listenPort: 0 } }) });
    try {
      const submitted = await kiosk.call<{ receiptNo: string }>('intakeSubmit', { formId: 'legal-aid', answers });
      expect(submitted.ok).toBe(true);
      // A refused submission echoes nothing personal either.
      const refused = await kiosk.call('intakeSubmit', { formId: 'legal-aid', answers: { ...answers, applicantPhone: `${phone}99` } });
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(JSON.stringify(refused)).not.toContain(APPLICANT_NAME);
      await kiosk.call('progressLookupByIdNumber', { idNumber: APPLICANT_ID });
      await kiosk.call('draftSave', { formId: 'legal-aid', answers, groupIndex: 1 });

      const signIn = await desk.call<{ session: string }>('staffSignIn', { username: 'wang', password: 'Demo-2026!' });
      expect(signIn.ok).toBe(true);
      const session = signIn.result!.session;
      const walkin = await desk.call<{ id: string }>('walkinSubmit', { formId: 'legal-aid', answers }, session);
      expect(walkin.ok).toBe(true);
      await desk.call('inboxList', { name: APPLICANT_NAME, limit: 20, offset: 0 }, session);
      const revealed = await desk.call<Record<string, unknown>>('inboxReveal', { id: walkin.result!.id }, session);
      expect(JSON.stringify(revealed)).toContain(APPLICANT_ID);
      await desk.call('staffSignIn', { username: 'wang', password: APPLICANT_ID });
    } finally {
      await kiosk.stop();
      await desk.stop();
    }

    for (const dataDir of [kiosk.dataDir, desk.dataDir]) {
      const logs = allLogText(dataDir);
      expect(logs.length).toBeGreaterThan(0);
      for (const secret of [APPLICANT_ID, APPLICANT_NAME, phone, address, 'Demo-2026!']) expect(logs).not.toContain(secret);
    }
  });
});
