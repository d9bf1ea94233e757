import type { SiteConfig } from '../../../kiosk-config/site-schema';
import type { Logger } from '../log/logger';
import type { StaffRole } from './permissions';
import { hashPasswordSync, randomPassword } from './password-hash';
import type { StaffStore } from './staff-store';

/** The password of every demo account (demo sites only; documented in the README and report). */
export const DEMO_PASSWORD = 'Demo-2026!';

export const DEMO_ACCOUNTS: ReadonlyArray<{ username: string; displayName: string; role: StaffRole }> = [
  { username: 'wang', displayName: '王所长', role: 'director' },
  { username: 'li', displayName: '李调解员', role: 'staff' },
  { username: 'chen', displayName: '陈助理', role: 'assistant' },
  { username: 'zhao', displayName: '赵管理员', role: 'admin' },
];

/**
 * First run of a desk: an `admin` account with a random one-time password, printed once to the
 * console (stderr) and never to the log file; it must be changed at first sign-in. Demo sites
 * also get the demo accounts so the demo can be tried straight away.
 */
export function bootstrapAccounts(store: StaffStore, site: SiteConfig, log: Logger, print: (text: string) => void = (text) => process.stderr.write(text)): void {
  if (store.count() === 0) {
    const password = randomPassword();
    store.create({ username: 'admin', displayName: '系统管理员', role: 'admin', passwordHash: hashPasswordSync(password), mustChangePassword: true });
    print(
      [
        '',
        '================================================================',
        `首次启动：已创建管理员账户 admin，一次性密码：${password}`,
        '首次登录后必须修改密码。此密码只显示这一次，请立即记下。',
        `First run: created the administrator account "admin" with one-time password: ${password}`,
        'You must change it at first sign-in. It is shown only this once: write it down now.',
        '================================================================',
        '',
      ].join('\n'),
    );
    log.warn({ event: 'staff.admin_created' }, 'first-run administrator account created; one-time password shown on the console only');
  }
  if (!site.demo) return;
  for (const account of DEMO_ACCOUNTS) {
    if (store.byName(account.username)) continue;
    store.create({ ...account, passwordHash: hashPasswordSync(DEMO_PASSWORD), mustChangePassword: false });
  }
}
