import { useTranslation } from 'react-i18next';
import { useSystemInfo } from '../../ui/system-info';
import { Icon } from '../icons';
import { ScreenTitle, useLang } from './screen-parts';

/** 所务公开: what the office does, how matters proceed, who is on duty, hours and whom to complain to. */
export function TransparencyScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const { office } = useSystemInfo();
  return (
    <section className="screen transparency">
      <ScreenTitle icon="transparency" title={t('kiosk.services.transparency.title')} sub={office.name[lang]} />
      <div className="supervision" data-testid="supervision">
        <Icon name="phone" />
        <div>
          <p className="supervision__label">{t('kiosk.transparency.supervision')}</p>
          <p className="supervision__phone">{office.supervisionPhone}</p>
        </div>
      </div>
      <dl className="facts">
        <div className="fact">
          <dt>{t('kiosk.transparency.hours')}</dt>
          <dd>{office.hours[lang]}</dd>
        </div>
        <div className="fact">
          <dt>{t('kiosk.transparency.address')}</dt>
          <dd>{office.address[lang]}</dd>
        </div>
        <div className="fact">
          <dt>{t('kiosk.transparency.phone')}</dt>
          <dd>{office.phone}</dd>
        </div>
      </dl>
      <h2 className="section-title">{t('kiosk.transparency.functions')}</h2>
      <ol className="check-list">
        {office.functions.map((fn, i) => (
          <li key={i}>{fn[lang]}</li>
        ))}
      </ol>
      {office.staffOnDuty.length ? (
        <>
          <h2 className="section-title">{t('kiosk.transparency.staff')}</h2>
          <ul className="staff-list">
            {office.staffOnDuty.map((person) => (
              <li key={`${person.name}-${person.phone}`} className="staff-card">
                <span className="staff-card__name">{person.name}</span>
                <span className="staff-card__role">{person.role[lang]}</span>
                {person.days ? <span className="staff-card__days">{t('kiosk.transparency.onDuty', { days: person.days[lang] })}</span> : null}
                <span className="staff-card__phone">
                  <Icon name="phone" /> {person.phone}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {office.workflows.map((flow, i) => (
        <div key={i} className="workflow">
          <h2 className="section-title">{flow.title[lang]}</h2>
          <ol className="steps">
            {flow.steps.map((step, j) => (
              <li key={j}>{step[lang]}</li>
            ))}
          </ol>
        </div>
      ))}
    </section>
  );
}
