import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from './api/client';
import type { SystemInfo } from '../electron/core/system/system-api';
import { SystemInfoContext } from './ui/system-info';
import { i18n as i18nInstance, withAreas } from './i18n';

type Role = SystemInfo['role'];
type RoleModule = { default: ComponentType };

// Each role's screens load on their own so the kiosk never downloads the desk's code; a role's
// own strings (the desk's area) come with its screens.
const roleScreens: Record<Role, () => Promise<RoleModule>> = {
  kiosk: () => import('./kiosk/KioskApp'),
  desk: () => withAreas(['desk'], import('./desk/DeskApp')),
  visit: () => import('./visit/VisitApp'),
};
const loadedScreens: Partial<Record<Role, RoleModule>> = {};
function loadRole(role: Role): Promise<void> {
  return roleScreens[role]().then((module) => {
    loadedScreens[role] = module;
  });
}
/**
 * A role's screens already imported (the usual case: main.tsx waits for them) are handed to
 * React.lazy as an already-settled thenable, which lazy reads synchronously: the first render is
 * the role's first screen, with no loading fallback committed and replaced in between.
 */
function roleModule(role: Role): Promise<RoleModule> {
  const loaded = loadedScreens[role];
  if (!loaded) return roleScreens[role]();
  const settled = { then: (resolve: (module: RoleModule) => void) => resolve(loaded) };
  return settled as unknown as Promise<RoleModule>;
}
const KioskApp = lazy(() => roleModule('kiosk'));
const DeskApp = lazy(() => roleModule('desk'));
const VisitApp = lazy(() => roleModule('visit'));

/** The page settles on the site's colour, role and language (before the first render when it can). */
function applySystemInfo(info: SystemInfo): Promise<unknown> {
  document.documentElement.style.setProperty('--brand', info.primaryColor);
  document.documentElement.dataset.role = info.role;
  // Changing to the language already shown would re-render every translated component.
  return info.defaultLanguage === i18nInstance.language ? Promise.resolve() : i18nInstance.changeLanguage(info.defaultLanguage);
}

// The browser host puts systemInfo in the page; Electron names the role in ?role= and the page asks.
// Either way the role's chunk starts downloading before the first render.
const bootText = document.getElementById('sifa-boot')?.textContent;
const boot = bootText ? (JSON.parse(bootText) as SystemInfo | null) : null;
const roleHint = boot?.role ?? new URLSearchParams(location.search).get('role');
const rolePreload = roleHint === 'kiosk' || roleHint === 'desk' || roleHint === 'visit' ? loadRole(roleHint) : Promise.resolve();
const systemInfoRequest = boot ? Promise.resolve(boot) : api.systemInfo({});
// The launch token has done its work (it is now an HttpOnly cookie): keep it out of the address bar.
const launchParams = new URLSearchParams(location.search);
if (launchParams.has('token')) {
  launchParams.delete('token');
  const rest = launchParams.toString();
  history.replaceState(null, '', `${location.pathname}${rest ? `?${rest}` : ''}${location.hash}`);
}

/**
 * Resolves when the first render can be the role's first screen: with systemInfo in the page,
 * once the role's screens (fetched alongside the main bundle) and the site's language are
 * there. Never rejects: anything missing then goes through the loading path in App.
 */
export const firstScreenReady: Promise<void> = (boot ? Promise.all([rolePreload, applySystemInfo(boot)]) : Promise.resolve()).then(
  () => undefined,
  () => undefined,
);

export function App() {
  const { t } = useTranslation();
  const [info, setInfo] = useState<SystemInfo | null>(boot);
  const [failed, setFailed] = useState(false);

  // Runs once: a re-run after a language change would reset the language.
  useEffect(() => {
    if (boot) return; // applied before the first render
    let cancelled = false;
    systemInfoRequest
      .then((result) => {
        if (cancelled) return;
        void applySystemInfo(result);
        setInfo(result);
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
    };
  }, []);

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
