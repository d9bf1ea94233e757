import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from './api/client';
import type { SystemInfo } from '../electron/core/system/system-api';
import { SystemInfoContext } from './ui/system-info';
import { i18n as i18nInstance } from './i18n';

// Each role's screens load on their own so the kiosk never downloads the desk's code.
const roleScreens = {
  kiosk: () => import('./kiosk/KioskApp'),
  desk: () => import('./desk/DeskApp'),
  visit: () => import('./visit/VisitApp'),
};
const KioskApp = lazy(roleScreens.kiosk);
const DeskApp = lazy(roleScreens.desk);
const VisitApp = lazy(roleScreens.visit);

// The browser host puts systemInfo in the page; Electron names the role in ?role= and the page asks.
// Either way the role's chunk starts downloading before the first render.
const bootText = document.getElementById('sifa-boot')?.textContent;
const boot = bootText ? (JSON.parse(bootText) as SystemInfo | null) : null;
const roleHint = boot?.role ?? new URLSearchParams(location.search).get('role');
if (roleHint === 'kiosk' || roleHint === 'desk' || roleHint === 'visit') void roleScreens[roleHint]();
const systemInfoRequest = boot ? Promise.resolve(boot) : api.systemInfo({});
// The launch token has done its work (it is now an HttpOnly cookie): keep it out of the address bar.
const launchParams = new URLSearchParams(location.search);
if (launchParams.has('token')) {
  launchParams.delete('token');
  const rest = launchParams.toString();
  history.replaceState(null, '', `${location.pathname}${rest ? `?${rest}` : ''}${location.hash}`);
}

export function App() {
  // The hook's i18n is a new wrapper after every language change; the start-up effect must not
  // re-run then (it would reset the language), so it uses the instance itself.
  const { t } = useTranslation();
  const i18n = i18nInstance;
  const [info, setInfo] = useState<SystemInfo | null>(boot);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    systemInfoRequest
      .then((result) => {
        if (cancelled) return;
        document.documentElement.style.setProperty('--brand', result.primaryColor);
        document.documentElement.dataset.role = result.role;
        void i18n.changeLanguage(result.defaultLanguage);
        setInfo(result);
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
    };
  }, [i18n]);

  if (failed) return <div className="app-message" role="alert">{t('common.startFailed')}</div>;
  if (!info) return <div className="app-message">{t('common.loading')}</div>;
  return (
    <SystemInfoContext.Provider value={info}>
      <Suspense fallback={<div className="app-message">{t('common.loading')}</div>}>
        {info.role === 'kiosk' ? <KioskApp /> : info.role === 'desk' ? <DeskApp /> : <VisitApp />}
      </Suspense>
    </SystemInfoContext.Provider>
  );
}
