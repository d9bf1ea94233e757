import { useTranslation } from 'react-i18next';
import { BigButton } from '../ui/big-button';
import type { FormDefinition } from '../../kiosk-config/forms/form-schema';
import { pick, type FormLang } from './form-text';

/** Step 0 (PIPL): what is collected, why, who sees it, how long — before any personal data. */
export function ConsentStep(props: { form: FormDefinition; lang: FormLang; onAccept(): void; onDecline(): void; onResume?: () => void }) {
  const { form, lang, onAccept, onDecline, onResume } = props;
  const { t } = useTranslation();
  const notice = form.privacyNotice;
  const sections: [string, string][] = [
    [t('intake.consent.collected'), pick(notice.collected, lang)],
    [t('intake.consent.purpose'), pick(notice.purpose, lang)],
    [t('intake.consent.recipients'), pick(notice.recipients, lang)],
    [t('intake.consent.retention'), pick(notice.retention, lang)],
  ];
  return (
    <section className="intake-step intake-consent-step" data-testid="intake-consent" aria-labelledby="intake-consent-title">
      <h1 className="intake-title">{pick(form.title, lang)}</h1>
      <p className="intake-lead">{pick(form.summary, lang)}</p>
      <h2 id="intake-consent-title" className="intake-subtitle">
        {t('intake.consent.title')}
      </h2>
      <p className="intake-lead">{t('intake.consent.intro')}</p>
      <dl className="intake-privacy">
        {sections.map(([term, text]) => (
          <div key={term} className="intake-privacy__row">
            <dt>{term}</dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
      <p className="intake-muted">{t('intake.consent.rights')}</p>
      <div className="intake-actions">
        <BigButton variant="secondary" onClick={onDecline}>
          {t('intake.consent.decline')}
        </BigButton>
        <BigButton variant="primary" onClick={onAccept}>
          {t('intake.consent.accept')}
        </BigButton>
      </div>
      {onResume ? (
        <p className="intake-resume-link">
          <button type="button" className="intake-link" onClick={onResume}>
            {t('intake.resume.entry')}
          </button>
        </p>
      ) : null}
    </section>
  );
}
