import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSystemInfo } from '../../ui/system-info';
import { LanguageButton } from '../kiosk-chrome';
import { OfficeMark } from '../icons';
import { useLang } from './screen-parts';

const NOTICE_MS = 7000;

/** Idle screen: who we are, 「轻触屏幕开始」, and the office's notices in turn. Any tap starts. */
export function AttractScreen({ onStart }: { onStart(): void }) {
  const { t } = useTranslation();
  const info = useSystemInfo();
  const lang = useLang();
  const notices = info.office.notices;
  const [index, setIndex] = useState(0);

  useEffect(() => {
    if (notices.length < 2) return;
    const timer = window.setInterval(() => setIndex((i) => (i + 1) % notices.length), NOTICE_MS);
    return () => window.clearInterval(timer);
  }, [notices.length]);

  const notice = notices[index % Math.max(1, notices.length)];
  return (
    <div className="attract" data-testid="kiosk-attract" onClick={onStart} role="button" tabIndex={0} aria-label={t('kiosk.attract.start')} onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ' ? onStart() : undefined)}>
      <div className="attract__lang" onClick={(e) => e.stopPropagation()}>
        <LanguageButton className="chrome-button chrome-button--light" />
      </div>
      <div className="attract__brand">
        <OfficeMark size={160} />
        <h1 className="attract__office">{info.office.name[lang]}</h1>
        <p className="attract__tagline">{t('kiosk.attract.tagline')}</p>
      </div>
      <div className="attract__start">
        <span className="attract__pulse" aria-hidden="true" />
        <span className="attract__start-text">{t('kiosk.attract.start')}</span>
      </div>
      {notice ? (
        <div className="attract__notice" aria-live="polite" key={index}>
          <span className="attract__notice-label">{t('kiosk.attract.notice')}</span>
          <span>{notice[lang]}</span>
        </div>
      ) : null}
      <p className="attract__hours">
        {t('kiosk.attract.hours')}
        {info.office.hours[lang]}
      </p>
    </div>
  );
}
