import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { withAreas } from '../../i18n';
import { useForms } from '../use-desk-data';
import { api } from '../../api/client';
import { useSystemInfo } from '../../ui/system-info';
import { useDeskCard } from './use-desk-card';

// The interview engine is the intake's; the desk only picks the form and hosts it.
const InterviewScreen = lazy(() => withAreas(['intake'], import('../../intake/InterviewScreen')));

/** 登记来访: staff fill a form on behalf of a visitor at the counter. */
export default function WalkinPage(props: { onDone(): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const forms = useForms();
  const info = useSystemInfo();
  const [formId, setFormId] = useState<string | null>(null);
  const readerOn = info.devices.idcard.mode !== 'off';
  const card = useDeskCard(readerOn && formId !== null);

  if (formId) {
    return (
      <section className="desk-page desk-walkin" data-testid="walkin-interview">
        <div className="desk-page-head">
          <button type="button" className="desk-btn desk-btn-quiet" onClick={() => setFormId(null)}>
            ← {t('desk.walkin.chooseAnother')}
          </button>
          {readerOn && (
            <span className="desk-muted" data-testid="walkin-reader" data-state={card.state ?? 'connecting'}>
              {card.identity ? t('desk.walkin.cardRead') : t(`idcard.status.${card.state ?? 'connecting'}`)}
            </span>
          )}
          {readerOn && info.demo && card.simulated && (
            <button type="button" className="desk-btn desk-btn-quiet" data-testid="walkin-demo-card" onClick={() => void api.idcardPlaceDemoCard({}).catch(() => undefined)}>
              {t('desk.walkin.demoCard')}
            </button>
          )}
        </div>
        <Suspense fallback={<p className="desk-empty">{t('common.loading')}</p>}>
          <InterviewScreen formId={formId} variant="desk" onExit={() => setFormId(null)} identity={card.identity} />
        </Suspense>
      </section>
    );
  }

  return (
    <section className="desk-page" data-testid="walkin-page">
      <div className="desk-page-head">
        <h2>{t('desk.nav.walkin')}</h2>
        <span className="desk-muted">{t('desk.walkin.intro')}</span>
      </div>
      {forms.length === 0 && <p className="desk-empty">{t('desk.walkin.noForms')}</p>}
      <div className="desk-form-grid">
        {forms.map((form) => (
          <button key={form.id} type="button" className="desk-card desk-form-card" onClick={() => setFormId(form.id)} data-testid={`walkin-form-${form.id}`}>
            <strong>{form.title[lang]}</strong>
            <span>{form.summary[lang]}</span>
          </button>
        ))}
      </div>
      <div className="desk-row-end">
        <button type="button" className="desk-btn desk-btn-quiet" onClick={props.onDone}>
          {t('desk.walkin.toInbox')}
        </button>
      </div>
    </section>
  );
}
