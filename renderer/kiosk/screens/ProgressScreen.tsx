import { api } from '../../api/client';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BigButton } from '../../ui/big-button';
import { TouchField, useKeyboardControl } from '../../ui/touch-field';
import { Icon } from '../icons';
import { type ProgressEntry } from '../kiosk-api';
import { useErrorText } from '../use-error-text';
import { ScreenTitle, useLang } from './screen-parts';

const KNOWN_STATUS = ['received', 'accepted', 'needs_materials', 'transferred', 'rejected', 'resolved', 'queued'];

/** The core's note key (`progress.transferred.court`) as a sentence, when we have one for it. */
function useNoteText(): (noteKey: string | undefined) => ReactNode {
  const { t, i18n } = useTranslation();
  return (noteKey) => {
    const key = noteKey ? `kiosk.progressNotes.${noteKey.replace(/^progress\./, '')}` : null;
    return key && i18n.exists(key) ? <p className="progress-card__note">{t(key)}</p> : null;
  };
}

/** Receipt numbers use digits and capital letters without I or O (see receipt-number.ts). */
export function tidyReceipt(raw: string): string {
  return raw
    .toUpperCase()
    .replace(/[^0-9A-Z-]/g, '')
    .replace(/O/g, '0')
    .replace(/I/g, '1')
    .slice(0, 24);
}

/** 办理进度查询: a receipt number in, plain status words out; nothing personal is shown. */
export function ProgressScreen() {
  const { t, i18n } = useTranslation();
  const noteText = useNoteText();
  const lang = useLang();
  const keyboard = useKeyboardControl();
  const errorText = useErrorText();
  const [receipt, setReceipt] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [entries, setEntries] = useState<ProgressEntry[] | null>(null);

  const lookup = (event?: FormEvent) => {
    event?.preventDefault();
    const receiptNo = receipt.trim();
    if (!receiptNo) return;
    keyboard.close();
    setBusy(true);
    setError(null);
    api
      .progressLookup({ receiptNo })
      .then(setEntries)
      .catch((err: unknown) => {
        setEntries(null);
        setError(errorText(err));
      })
      .finally(() => setBusy(false));
  };

  const formName = (formId: string) => (i18n.exists(`kiosk.forms.${formId}`) ? t(`kiosk.forms.${formId}`) : formId);
  const date = (iso: string) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'long', timeStyle: 'short' });
  };

  return (
    <section className="screen progress">
      <ScreenTitle icon="progress" title={t('kiosk.services.progress.title')} sub={t('kiosk.progress.sub')} />
      <form className="search-bar" onSubmit={lookup}>
        <TouchField id="progress-receipt" label={t('kiosk.progress.label')} value={receipt} onChange={(v) => setReceipt(tidyReceipt(v))} kind="text" preferLatin maxLength={24} help={t('kiosk.progress.help')} />
        <BigButton type="submit" size="xl" icon={<Icon name="search" />} disabled={!receipt.trim() || busy} data-testid="progress-lookup">
          {t('kiosk.progress.lookup')}
        </BigButton>
      </form>
      {error ? (
        <div className="screen-status screen-status--error" role="alert">
          <p>{error}</p>
        </div>
      ) : null}
      {entries ? (
        entries.length === 0 ? (
          <p className="screen-status" role="status" data-testid="progress-none">
            {t('kiosk.progress.none')}
          </p>
        ) : (
          <ul className="progress-list" data-testid="progress-results">
            {entries.map((entry) => {
              const status = KNOWN_STATUS.includes(entry.status) ? entry.status : 'unknown';
              return (
                <li key={`${entry.receiptNo}-${entry.formId}`} className={`progress-card progress-card--${status}`}>
                  <span className="progress-card__status">{t(`kiosk.progress.status.${status}`)}</span>
                  <span className="progress-card__explain">{t(`kiosk.progress.explain.${status}`)}</span>
                  <dl className="facts facts--compact">
                    <div className="fact">
                      <dt>{t('kiosk.progress.receiptNo')}</dt>
                      <dd className="mono">{entry.receiptNo}</dd>
                    </div>
                    <div className="fact">
                      <dt>{t('kiosk.progress.matter')}</dt>
                      <dd>{formName(entry.formId)}</dd>
                    </div>
                    <div className="fact">
                      <dt>{t('kiosk.progress.updated')}</dt>
                      <dd>{date(entry.updatedAt)}</dd>
                    </div>
                  </dl>
                  {noteText(entry.noteKey)}
                </li>
              );
            })}
          </ul>
        )
      ) : null}
    </section>
  );
}
