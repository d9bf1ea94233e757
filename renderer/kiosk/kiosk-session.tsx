import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskService } from '../../kiosk-config/site-schema';
import { KeyboardProvider } from '../ui/touch-field';
import { useSystemInfo } from '../ui/system-info';
import { CardIdentityProvider } from './card-identity';
import { idleTiming } from './idle-timing';
import { IdleGuard } from './idle-guard';
import { KioskFooter, KioskHeader } from './kiosk-chrome';
import { KioskNavContext, type KioskNav } from './kiosk-nav';
import { current, HOME, pop, push, replace, serviceOfRoute, type NavState, type Route } from './kiosk-route';
import { MaintenanceUnlock } from './maintenance-unlock';
import { ScrollButtons } from './scroll-buttons';
import { AttractScreen } from './screens/AttractScreen';
import { HomeScreen } from './screens/HomeScreen';
import { GuidesScreen } from './screens/GuidesScreen';
import { GuideScreen } from './screens/GuideScreen';
import { LibraryScreen } from './screens/LibraryScreen';
import { LibraryDocScreen } from './screens/LibraryDocScreen';
import { TransparencyScreen } from './screens/TransparencyScreen';
import { ProgressScreen } from './screens/ProgressScreen';
import { EvaluationScreen } from './screens/EvaluationScreen';
import { IntakeScreen, ResumeScreen } from './screens/IntakeScreen';

// Staff-only, rarely opened: its own chunk.
const MaintenanceScreen = lazy(() => import('./screens/MaintenanceScreen'));

function Screen({ route }: { route: Route }) {
  const { t } = useTranslation();
  switch (route.name) {
    case 'home':
      return <HomeScreen />;
    case 'guides':
      return <GuidesScreen />;
    case 'guide':
      return <GuideScreen id={route.id} />;
    case 'library':
      return <LibraryScreen {...(route.q ? { initialQuery: route.q } : {})} {...(route.kind ? { initialKind: route.kind } : {})} />;
    case 'libraryDoc':
      return <LibraryDocScreen docId={route.docId} ordinal={route.ordinal} {...(route.q ? { query: route.q } : {})} />;
    case 'transparency':
      return <TransparencyScreen />;
    case 'progress':
      return <ProgressScreen />;
    case 'evaluation':
      return <EvaluationScreen {...(route.service ? { service: route.service } : {})} />;
    case 'intake':
      return <IntakeScreen service={route.service} />;
    case 'resume':
      return <ResumeScreen />;
    case 'maintenance':
      return (
        <Suspense fallback={<p className="screen-status">{t('common.loading')}</p>}>
          <MaintenanceScreen token={route.token} />
        </Suspense>
      );
  }
}

/** One resident's visit: navigation, elder mode, the card identity and the idle guard. */
export function KioskSession({ begin, onEnd }: { begin: 'home' | 'attract'; onEnd(): void }) {
  const info = useSystemInfo();
  const [attract, setAttract] = useState(begin === 'attract');
  const [elder, setElder] = useState(false);
  const [nav, setNav] = useState<NavState>({ stack: [HOME] });
  const [ratePrompt, setRatePrompt] = useState<KioskService | null>(null);
  const [unlocking, setUnlocking] = useState(false);
  const timing = useMemo(() => idleTiming(info, window.location.search), [info]);
  const route = current(nav);
  const mainRef = useRef<HTMLElement>(null);
  // Lets the layout keep a lane free for the scroll buttons (kiosk.css, portrait).
  const [scrollable, setScrollable] = useState(false);

  const go = useCallback((next: Route) => {
    performance.mark('kiosk:navigate');
    setNav((state) => push(state, next));
  }, []);
  const home = useCallback(() => {
    setNav((state) => {
      const left = serviceOfRoute(current(state));
      if (left && info.services.includes('evaluation')) setRatePrompt(left);
      return { stack: [HOME] };
    });
  }, [info.services]);
  const value = useMemo<KioskNav>(
    () => ({
      route,
      depth: nav.stack.length,
      go,
      replace: (next) => setNav((state) => replace(state, next)),
      back: () => (nav.stack.length <= 2 ? home() : setNav(pop)),
      home,
      elder,
      ratePrompt,
      dismissRatePrompt: () => setRatePrompt(null),
    }),
    [route, nav.stack.length, go, home, elder, ratePrompt],
  );

  // A new screen starts at its top.
  useEffect(() => {
    mainRef.current?.scrollTo(0, 0);
  }, [route]);

  return (
    <KioskNavContext.Provider value={value}>
      <CardIdentityProvider>
        <div className="kiosk" data-elder={elder} data-testid="kiosk-root">
          <KeyboardProvider>
            {attract ? (
              <AttractScreen onStart={() => setAttract(false)} />
            ) : (
              <>
                <KioskHeader elder={elder} onToggleElder={() => setElder((e) => !e)} onSecretTap={() => setUnlocking(true)} />
                <main className="kiosk-main" ref={mainRef} data-screen={route.name} data-scrollable={scrollable}>
                  <Screen route={route} />
                </main>
                <ScrollButtons target={mainRef} watch={route} onScrollable={setScrollable} />
                <KioskFooter />
              </>
            )}
          </KeyboardProvider>
          {unlocking ? (
            <MaintenanceUnlock
              onCancel={() => setUnlocking(false)}
              onUnlocked={(token) => {
                setUnlocking(false);
                go({ name: 'maintenance', token });
              }}
            />
          ) : null}
          <IdleGuard enabled={!attract} timing={timing} onTimeout={onEnd} />
        </div>
      </CardIdentityProvider>
    </KioskNavContext.Provider>
  );
}
