import { api } from '../../api/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BigButton } from '../../ui/big-button';
import { TouchField, useKeyboardControl } from '../../ui/touch-field';

import { useErrorText } from '../use-error-text';
import { LoadView, ScreenTitle, useLoad } from './screen-parts';

/** Staff panel behind the PIN: outbox state, sync now, and pairing with the desk hub. */
export default function MaintenanceScreen({ token }: { token: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const keyboard = useKeyboardControl();
  const [load, reload] = useLoad(() => api.kioskQueueStatus({ token }), [token]);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [code, setCode] = useState('');
  const [hubUrl, setHubUrl] = useState('');

  const run = (action: () => Promise<unknown>, okText: string) => {
    keyboard.close();
    setBusy(true);
    setMessage(null);
    action()
      .then(() => {
        setMessage({ tone: 'ok', text: okText });
        reload();
      })
      .catch((err: unknown) => setMessage({ tone: 'error', text: errorText(err) }))
      .finally(() => setBusy(false));
  };

  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : t('kiosk.maintenance.never'));
  const yesNo = (v: boolean | null) => (v === null ? t('kiosk.maintenance.unknown') : v ? t('common.yes') : t('common.no'));

  return (
    <section className="screen maintenance" data-testid="maintenance">
      <ScreenTitle title={t('kiosk.maintenance.title')} sub={t('kiosk.maintenance.sub')} />
      <LoadView load={load} retry={reload}>
        {(status) => (
          <dl className="facts" data-testid="queue-status">
            <div className="fact">
              <dt>{t('kiosk.maintenance.pending')}</dt>
              <dd>{status.pending}</dd>
            </div>
            <div className="fact">
              <dt>{t('kiosk.maintenance.lastSync')}</dt>
              <dd>{when(status.lastSyncAt)}</dd>
            </div>
            <div className="fact">
              <dt>{t('kiosk.maintenance.hub')}</dt>
              <dd>{yesNo(status.hubReachable)}</dd>
            </div>
            <div className="fact">
              <dt>{t('kiosk.maintenance.paired')}</dt>
              <dd>{yesNo(status.paired)}</dd>
            </div>
            <div className="fact">
              <dt>{t('kiosk.maintenance.kioskId')}</dt>
              <dd className="mono">{status.kioskId ?? '—'}</dd>
            </div>
          </dl>
        )}
      </LoadView>
      <div className="actions actions--start">
        <BigButton onClick={() => run(() => api.kioskSyncNow({ token }), t('kiosk.maintenance.synced'))} disabled={busy} data-testid="sync-now">
          {t('kiosk.maintenance.syncNow')}
        </BigButton>
      </div>
      {message ? (
        <p className={message.tone === 'ok' ? 'form-ok' : 'form-error'} role="status">
          {message.text}
        </p>
      ) : null}
      <h2 className="section-title">{t('kiosk.maintenance.pairTitle')}</h2>
      <TouchField id="pair-code" label={t('kiosk.maintenance.pairCode')} value={code} onChange={(v) => setCode(v.toUpperCase())} kind="text" preferLatin maxLength={16} />
      <TouchField id="pair-hub" label={t('kiosk.maintenance.hubUrl')} value={hubUrl} onChange={setHubUrl} kind="text" preferLatin maxLength={200} help={t('kiosk.maintenance.hubUrlHelp')} />
      <BigButton onClick={() => run(() => api.kioskPair({ token, code: code.trim(), ...(hubUrl.trim() ? { hubUrl: hubUrl.trim() } : {}) }), t('kiosk.maintenance.pairedOk'))} disabled={busy || !code.trim()}>
        {t('kiosk.maintenance.pair')}
      </BigButton>
    </section>
  );
}
