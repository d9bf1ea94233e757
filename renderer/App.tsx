import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from './api/client';
import type { SystemInfo } from '../electron/core/system/system-api';
import { SystemInfoContext } from './ui/system-info';
import { i18n as i18nInstance } from './i18n';

// Each role's screens load on their own so the kiosk never downloads the desk's code.
const KioskApp = lazy(() => import('./kiosk/KioskApp'));
const DeskApp = lazy(() => import('./desk/DeskApp'));
const VisitApp = lazy(() => import('./visit/VisitApp'));

export function App() {
  // The hook's i18n is a new wrapper after every language change; the start-up effect must not
  // re-run then (it would reset the language), so it uses the instance itself.
  const { t } = useTranslation();
  const i18n = i18nInstance;
  const [info, setInfo] = useState<SystemInfo | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    api
      .systemInfo({})
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
