import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSystemInfo } from '../ui/system-info';
import { DemoCardControl, ReaderStatus } from './card-identity';
import { Icon, OfficeMark } from './icons';
import { useKioskNav } from './kiosk-nav';

const SECRET_TAPS = 5;
const SECRET_WINDOW_MS = 3000;

/** zh-CN <-> en; the button names the language it switches to, in that language. */
export function LanguageButton({ className }: { className?: string }) {
  const { t, i18n } = useTranslation();
  const info = useSystemInfo();
  const english = i18n.language === 'en';
  if (!info.languages.includes('en') || !info.languages.includes('zh-CN')) return null;
  return (
    <button type="button" className={className ?? 'chrome-button'} lang={english ? 'zh-CN' : 'en'} onClick={() => void i18n.changeLanguage(english ? 'zh-CN' : 'en')}>
      <Icon name="globe" />
      <span>{english ? t('common.switchToChinese') : t('common.switchToEnglish')}</span>
    </button>
  );
}

/**
 * Always on screen: Back and Home on the left (where a reader's eye starts), the office in the
 * middle, elder mode and language on the right. Five quick taps on the office mark open the
 * staff PIN pad; nothing shows that it exists.
 */
export function KioskHeader({ elder, onToggleElder, onSecretTap }: { elder: boolean; onToggleElder(): void; onSecretTap(): void }) {
  const { t, i18n } = useTranslation();
  const info = useSystemInfo();
  const nav = useKioskNav();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const taps = useRef<number[]>([]);
  const atHome = nav.route.name === 'home';

  const secretTap = () => {
    const now = performance.now();
    taps.current = [...taps.current.filter((at) => now - at < SECRET_WINDOW_MS), now];
    if (taps.current.length >= SECRET_TAPS) {
      taps.current = [];
      onSecretTap();
    }
  };

  return (
    <header className="kiosk-header">
      <nav className="kiosk-header__nav" aria-label={t('kiosk.chrome.navigation')}>
        <button type="button" className="chrome-button chrome-button--back" onClick={nav.back} disabled={atHome} data-testid="nav-back">
          <Icon name="back" />
          <span>{t('common.back')}</span>
        </button>
        <button type="button" className="chrome-button chrome-button--home" onClick={nav.home} data-testid="nav-home">
          <Icon name="home" />
          <span>{t('common.home')}</span>
        </button>
      </nav>
      <div className="kiosk-header__office" onClick={secretTap} data-testid="office-mark">
        <OfficeMark size={56} />
        <span className="kiosk-header__name">{info.office.name[lang]}</span>
      </div>
      <div className="kiosk-header__tools">
        <button type="button" className={`chrome-button chrome-button--elder${elder ? ' is-on' : ''}`} aria-pressed={elder} onClick={onToggleElder} data-testid="elder-toggle">
          <Icon name="elder" />
          <span>{t('kiosk.chrome.elder')}</span>
        </button>
        <LanguageButton />
      </div>
    </header>
  );
}

function useClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 15_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/**
 * 「11月27日周五 09:05」 / 「Fri 27 November 09:05」, from the resource strings rather than
 * toLocaleDateString: the first Intl date format in a page costs tens of milliseconds of ICU
 * set-up, which the first screen would otherwise wait for.
 */
export function clockText(now: Date, t: (key: string, params?: Record<string, string>) => string): string {
  const pick = (key: string, index: number) => t(key).split(' ')[index] ?? '';
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = t('kiosk.chrome.clockDate', { month: pick('kiosk.chrome.months', now.getMonth()), day: String(now.getDate()), weekday: pick('kiosk.chrome.weekdays', now.getDay()) });
  return `${date} ${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

export function KioskFooter() {
  const { t } = useTranslation();
  const info = useSystemInfo();
  const now = useClock();
  return (
    <footer className="kiosk-footer">
      <div className="kiosk-footer__device">
        <ReaderStatus />
        <DemoCardControl />
      </div>
      <span className="kiosk-footer__supervision">
        <Icon name="phone" />
        {t('kiosk.chrome.supervision', { phone: info.office.supervisionPhone })}
      </span>
      <time className="kiosk-footer__clock" dateTime={now.toISOString()}>
        {clockText(now, t)}
      </time>
    </footer>
  );
}
