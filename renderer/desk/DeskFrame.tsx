import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffIdentity } from '../../electron/core/api/dispatch';
import { useSystemInfo } from '../ui/system-info';
import { DeskSessionContext, type DeskSession } from './desk-session';
import { visiblePages, type DeskPage } from './desk-nav';
import { useIdle } from './use-idle';
import { LockScreen } from './LockScreen';
import { NavIcon } from './NavIcon';
import { LanguageToggle } from './LanguageToggle';
import { PasswordChangeScreen } from './PasswordChangeScreen';
import { InboxPage } from './inbox/InboxPage';
import { KiosksPage } from './kiosks/KiosksPage';
import { AuditPage } from './audit/AuditPage';
import { StaffPage } from './staff/StaffPage';

// The dashboard pulls in chart.js and the walk-in page the interview engine: load them on use.
const DashboardPage = lazy(() => import('./dashboard/DashboardPage'));
const WalkinPage = lazy(() => import('./walkin/WalkinPage'));

/** The desk after sign-in: header, the role's pages in a left nav, the inactivity lock. */
export function DeskFrame(props: { user: StaffIdentity; lockAfterSeconds: number; onSignOut(reason?: string): void; onSessionLost(): void }) {
  const { t, i18n } = useTranslation();
  const info = useSystemInfo();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const pages = useMemo(() => visiblePages(props.user.role), [props.user.role]);
  const [page, setPage] = useState<DeskPage | null>(pages[0] ?? null);
  const [locked, setLocked] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);

  useIdle(props.lockAfterSeconds, !locked, () => setLocked(true));

  // Alt+1..6 jump between pages; Ctrl+L locks the screen.
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (locked) return;
      if (event.altKey && /^[1-9]$/.test(event.key)) {
        const target = pages[Number(event.key) - 1];
        if (target) {
          event.preventDefault();
          setPage(target);
        }
      } else if (event.ctrlKey && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        setLocked(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [locked, pages]);

  const session = useMemo<DeskSession>(() => ({ user: props.user, locked, sessionLost: props.onSessionLost }), [props.user, locked, props.onSessionLost]);
  const unlock = useCallback(() => setLocked(false), []);

  return (
    <DeskSessionContext.Provider value={session}>
      <div className="desk-frame" data-testid="desk-frame">
        <header className="desk-header" inert={locked}>
          <div className="desk-brand">
            <span className="desk-brand-mark" aria-hidden="true">司</span>
            <span className="desk-brand-office">{info.office.name[lang]}</span>
            <span className="desk-brand-app">{t('desk.frame.title')}</span>
          </div>
          <div className="desk-header-user">
            <span data-testid="desk-user">
              {props.user.displayName} · {t(`desk.roles.${props.user.role}`)}
            </span>
            <LanguageToggle />
            <button type="button" className="desk-btn desk-btn-quiet" onClick={() => setChangingPassword(true)}>
              {t('desk.frame.changePassword')}
            </button>
            <button type="button" className="desk-btn desk-btn-quiet" onClick={() => setLocked(true)} title="Ctrl+L">
              {t('desk.frame.lock')}
            </button>
            <button type="button" className="desk-btn" onClick={() => props.onSignOut()}>
              {t('desk.frame.signOut')}
            </button>
          </div>
        </header>
        <nav className="desk-nav" aria-label={t('desk.frame.nav')} inert={locked}>
          {pages.map((p, index) => (
            <button key={p} type="button" className="desk-nav-item" aria-current={p === page ? 'page' : undefined} onClick={() => setPage(p)} data-testid={`nav-${p}`} title={`Alt+${index + 1}`}>
              <NavIcon page={p} />
              {t(`desk.nav.${p}`)}
            </button>
          ))}
        </nav>
        <main className="desk-main" inert={locked} aria-hidden={locked}>
          <Suspense fallback={<p className="desk-empty">{t('common.loading')}</p>}>
            {page === 'inbox' && <InboxPage />}
            {page === 'walkin' && <WalkinPage onDone={() => setPage(pages.includes('inbox') ? 'inbox' : 'walkin')} />}
            {page === 'dashboard' && <DashboardPage />}
            {page === 'kiosks' && <KiosksPage />}
            {page === 'audit' && <AuditPage />}
            {page === 'staff' && <StaffPage />}
            {page === null && <p className="desk-empty">{t('desk.frame.noPages')}</p>}
          </Suspense>
        </main>
        {changingPassword && !locked && (
          <div className="desk-overlay" role="dialog" aria-modal="true">
            <PasswordChangeScreen user={props.user} forced={false} onChanged={() => setChangingPassword(false)} onCancel={() => setChangingPassword(false)} />
          </div>
        )}
        {locked && <LockScreen user={props.user} onUnlocked={unlock} onSignOut={props.onSignOut} />}
      </div>
    </DeskSessionContext.Provider>
  );
}
