import { useTranslation } from 'react-i18next';
import { BigButton } from '../ui/big-button';
import type { FormLang } from './form-text';
import { QrCode } from '../ui/qr-code';

function formatExpiry(iso: string, lang: FormLang): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'long', timeStyle: 'short' });
}

/** After 「暂停，稍后继续」: the pickup code, large, to continue here or at the counter later. */
export function PauseView(props: { code: string; expiresAt: string; lang: FormLang; onDone(): void }) {
  const { code, expiresAt, lang, onDone } = props;
  const { t } = useTranslation();
  return (
    <section className="intake-step intake-pause" data-testid="intake-paused" aria-labelledby="intake-pause-title">
      <h1 id="intake-pause-title" className="intake-title">
        {t('intake.pause.title')}
      </h1>
      <p className="intake-lead">{t('intake.pause.intro')}</p>
      <div className="intake-receipt__card">
        <div className="intake-receipt__number">
          <span className="intake-receipt__caption">{t('intake.pause.code')}</span>
          <strong className="intake-code intake-code--spaced" data-testid="intake-pickup-code">
            {code}
          </strong>
          <span className="intake-lead">{t('intake.pause.expires', { time: formatExpiry(expiresAt, lang) })}</span>
        </div>
        <QrCode text={code} size={200} label={t('intake.pause.qr', { code })} />
      </div>
      <p className="intake-prose">{t('intake.pause.howToResume')}</p>
      <div className="intake-actions">
        <BigButton variant="primary" onClick={onDone}>
          {t('intake.pause.done')}
        </BigButton>
      </div>
    </section>
  );
}
