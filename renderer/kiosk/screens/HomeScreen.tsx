import { useTranslation } from 'react-i18next';
import type { KioskService } from '../../../kiosk-config/site-schema';
import { useSystemInfo } from '../../ui/system-info';
import { Icon } from '../icons';
import { useKioskNav } from '../kiosk-nav';
import { isIntakeService, routeForService } from '../kiosk-route';

/** Nine services as large tiles: applications (filled) first, then information (outlined). */
export function HomeScreen() {
  const { t } = useTranslation();
  const info = useSystemInfo();
  const nav = useKioskNav();
  const apply = info.services.filter(isIntakeService);
  const other = info.services.filter((s) => !isIntakeService(s));

  const open = (service: KioskService) => {
    nav.dismissRatePrompt();
    nav.go(routeForService(service));
  };

  const tile = (service: KioskService) => (
    <button key={service} type="button" className={`tile tile--${isIntakeService(service) ? 'apply' : 'info'}`} data-testid={`tile-${service}`} onClick={() => open(service)}>
      <span className="tile__icon">
        <Icon name={service} />
      </span>
      <span className="tile__text">
        <span className="tile__title">{t(`kiosk.services.${service}.title`)}</span>
        <span className="tile__desc">{t(`kiosk.services.${service}.desc`)}</span>
      </span>
    </button>
  );

  return (
    <section className="home" data-testid="kiosk-home">
      <h1 className="home__title">{t('kiosk.home.title')}</h1>
      {nav.ratePrompt ? (
        <div className="rate-prompt" role="status" data-testid="rate-prompt">
          <span className="rate-prompt__text">{t('kiosk.home.ratePrompt', { service: t(`kiosk.services.${nav.ratePrompt}.title`) })}</span>
          <button type="button" className="rate-prompt__go" onClick={() => nav.ratePrompt && nav.go({ name: 'evaluation', service: nav.ratePrompt })}>
            {t('kiosk.home.rateGo')}
          </button>
          <button type="button" className="rate-prompt__close" onClick={nav.dismissRatePrompt}>
            {t('kiosk.home.rateLater')}
          </button>
        </div>
      ) : null}
      {apply.length ? (
        <>
          <h2 className="home__group">{t('kiosk.home.groupApply')}</h2>
          <div className="home__grid home__grid--apply">{apply.map(tile)}</div>
          <button type="button" className="home__resume" data-testid="home-resume" onClick={() => nav.go({ name: 'resume' })}>
            {t('kiosk.home.resume')}
          </button>
        </>
      ) : null}
      {other.length ? (
        <>
          <h2 className="home__group">{t('kiosk.home.groupInfo')}</h2>
          <div className="home__grid">{other.map(tile)}</div>
        </>
      ) : null}
    </section>
  );
}
