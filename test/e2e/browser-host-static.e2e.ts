import { describe, expect, it } from 'vitest';
import { demoSite, startHost } from './harness';

// Needs the built UI (npm run test:e2e builds it first), so it lives with the e2e suite.
describe('browser host: static files', () => {
  it('serves the app at / and never a file outside the renderer folder', async () => {
    const host = await startHost({ site: demoSite({ devices: { idcard: { port: 'off' } } }) });
    try {
      const headers = { Authorization: `Bearer ${host.token}` };
      const index = await fetch(host.url, { headers });
      expect(index.status).toBe(200);
      const html = await index.text();
      const boot = JSON.parse(/<script type="application\/json" id="sifa-boot">(.*?)<\/script>/s.exec(html)![1]!) as { role: string; office: { code: string } };
      expect(boot).toMatchObject({ role: 'kiosk', office: { code: '320199000001' } });
      // The launch URL sets the token cookie in the same answer (no redirect).
      const launch = await fetch(host.launchUrl, { redirect: 'manual' });
      expect(launch.status).toBe(200);
      expect(launch.headers.get('set-cookie')).toMatch(/sifa_token=.+; HttpOnly; SameSite=Strict/);
      for (const path of ['..%2Fpackage.json', '%2e%2e/%2e%2e/package.json', '../renderer-other/x.js']) {
        const response = await fetch(`${host.url}${path}`, { headers });
        expect(await response.text()).not.toContain('"name": "sifa-terminal"');
      }
    } finally {
      await host.stop();
    }
  });
});
