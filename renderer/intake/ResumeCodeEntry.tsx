import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BigButton } from '../ui/big-button';
import { ApiCallError } from '../api/client';
import { TouchField } from '../ui/touch-field';
import { intakeApi, type ResumedDraft } from './intake-api';

/** Codes use 2-9 and A-Z without look-alikes; the core checks them, this only tidies the typing. */
function tidyCode(raw: string): string {
  return raw.toUpperCase().replace(/[^0-9A-Z]/g, '').slice(0, 6);
}

/** The code entry alone: resolves to the draft it unlocks. */
export function ResumeCodeEntry(props: { variant: 'kiosk' | 'desk'; onResumed(draft: ResumedDraft): void; onCancel(): void }) {
  const { variant, onResumed, onCancel } = props;
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (code.length !== 6) {
      setError(t('intake.resume.codeLength'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onResumed(await intakeApi.draftResume({ code }));
    } catch (err) {
      const apiCode = err instanceof ApiCallError ? err.payload.code : 'internal';
      setError(apiCode === 'not_found' || apiCode === 'invalid_input' ? t('intake.resume.notFound') : t(`errors.${apiCode}`, err instanceof ApiCallError ? (err.payload.params ?? {}) : {}));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={`intake-step intake-resume intake--${variant}`} data-testid="intake-resume" aria-labelledby="intake-resume-title">
      <h1 id="intake-resume-title" className="intake-title">
        {t('intake.resume.title')}
      </h1>
      <p className="intake-lead">{t('intake.resume.intro')}</p>
      <form
        className="intake-resume__form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <div className="intake-resume__field">
          <TouchField id="intake-resume-code" label={t('intake.resume.codeLabel')} value={code} onChange={(v) => setCode(tidyCode(v))} kind="text" maxLength={6} autoFocus {...(error ? { error } : {})} />
        </div>
        <div className="intake-actions">
          <BigButton variant="secondary" onClick={onCancel} disabled={busy}>
            {t('common.back')}
          </BigButton>
          <BigButton type="submit" variant="primary" disabled={busy} aria-busy={busy}>
            {t('intake.resume.continue')}
          </BigButton>
        </div>
      </form>
    </section>
  );
}
