import { useTranslation } from 'react-i18next';
import { BigButton } from '../ui/big-button';
import type { FormDefinition } from '../../kiosk-config/forms/form-schema';
import { pick, type FormLang } from './form-text';
import type { IntakeReceipt } from './intake-api';
import { QrCode } from '../ui/qr-code';

function formatTime(iso: string, lang: FormLang): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'long', timeStyle: 'short' });
}

/** Shown only after the core accepted the submission: the number to quote when asking about progress. */
export function ReceiptView(props: { form: FormDefinition; receipt: IntakeReceipt; lang: FormLang; variant: 'kiosk' | 'desk'; onDone(): void }) {
  const { form, receipt, lang, variant, onDone } = props;
  const { t } = useTranslation();
  return (
    <section className="intake-step intake-receipt" data-testid="intake-receipt" aria-labelledby="intake-receipt-title">
      <h1 id="intake-receipt-title" className="intake-title intake-title--ok">
        {t('intake.receipt.title')}
      </h1>
      <div className="intake-receipt__card">
        <div className="intake-receipt__number">
          <span className="intake-receipt__caption">{t('intake.receipt.number')}</span>
          <strong className="intake-code" data-testid="intake-receipt-no">
            {receipt.receiptNo}
          </strong>
          {receipt.submittedAt ? <span className="intake-muted">{t('intake.receipt.submittedAt', { time: formatTime(receipt.submittedAt, lang) })}</span> : null}
          <p className="intake-receipt__progress">{t('intake.receipt.progressHint')}</p>
        </div>
        <QrCode text={receipt.receiptNo} size={220} label={t('intake.receipt.qr', { number: receipt.receiptNo })} />
      </div>
      <h2 className="intake-subtitle">{t('intake.receipt.nextSteps')}</h2>
      <p className="intake-prose">{pick(form.nextSteps, lang)}</p>
      {form.disclaimer ? <p className="intake-disclaimer">{pick(form.disclaimer, lang)}</p> : null}
      <div className="intake-actions">
        <BigButton variant="primary" onClick={onDone}>
          {variant === 'desk' ? t('intake.receipt.doneDesk') : t('intake.receipt.done')}
        </BigButton>
      </div>
    </section>
  );
}
