import { api } from '../../api/client';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type KioskInfo } from '../desk-api';
import { errorText, formatDateTime } from '../desk-format';
import { useSessionGuard } from '../desk-session';

/** 一体机管理: a pairing code shown large for the kiosk's maintenance screen, the paired kiosks, revoke. */
export function KiosksPage() {
  const { t } = useTranslation();
  const guard = useSessionGuard();
  const [kiosks, setKiosks] = useState<KioskInfo[]>([]);
  const [code, setCode] = useState<{ code: string; expiresAt: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    api
      .kiosksList({})
      .then((list) => {
        setKiosks(list);
        setError(null);
      })
      .catch((caught: unknown) => {
        guard(caught);
        setError(errorText(t, caught));
      });
  }, [guard, t]);

  useEffect(() => {
    load();
    const timer = window.setInterval(load, 15_000);
    return () => window.clearInterval(timer);
  }, [load]);

  const newCode = async (): Promise<void> => {
    try {
      setCode(await api.pairingCodeCreate({}));
    } catch (caught) {
      guard(caught);
      setError(errorText(t, caught));
    }
  };

  const revoke = async (kioskId: string): Promise<void> => {
    setConfirming(null);
    try {
      await api.kioskRevoke({ kioskId });
      load();
    } catch (caught) {
      guard(caught);
      setError(errorText(t, caught));
    }
  };

  return (
    <section className="desk-page" data-testid="kiosks-page">
      <div className="desk-page-head">
        <h2>{t('desk.nav.kiosks')}</h2>
      </div>
      {error && (
        <p className="desk-error" role="alert">
          {error}
        </p>
      )}
      <div className="desk-card desk-pairing">
        <div>
          <h3>{t('desk.kiosks.pairTitle')}</h3>
          <p className="desk-muted">{t('desk.kiosks.pairHelp')}</p>
          <button type="button" className="desk-btn desk-btn-primary" onClick={() => void newCode()}>
            {code ? t('desk.kiosks.newCodeAgain') : t('desk.kiosks.newCode')}
          </button>
        </div>
        {code && (
          <div className="desk-pairing-code" data-testid="pairing-code">
            <output aria-label={t('desk.kiosks.code')}>{code.code}</output>
            <span className="desk-muted">{t('desk.kiosks.expires', { at: formatDateTime(code.expiresAt) })}</span>
          </div>
        )}
      </div>
      <div className="desk-table-wrap">
        <table className="desk-table">
          <thead>
            <tr>
              <th>{t('desk.kiosks.name')}</th>
              <th>{t('desk.kiosks.id')}</th>
              <th>{t('desk.kiosks.pairedAt')}</th>
              <th>{t('desk.kiosks.lastSeen')}</th>
              <th>{t('desk.kiosks.queue')}</th>
              <th>{t('desk.kiosks.state')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {kiosks.map((kiosk) => (
              <tr key={kiosk.kioskId} className={kiosk.revoked ? 'is-muted' : undefined}>
                <td>{kiosk.name}</td>
                <td className="desk-mono">{kiosk.kioskId}</td>
                <td className="desk-mono">{formatDateTime(kiosk.pairedAt)}</td>
                <td className="desk-mono">{formatDateTime(kiosk.lastSeenAt)}</td>
                <td>{kiosk.queueDepth ?? '—'}</td>
                <td>{kiosk.revoked ? t('desk.kiosks.revoked') : t('desk.kiosks.active')}</td>
                <td className="desk-cell-actions">
                  {!kiosk.revoked &&
                    (confirming === kiosk.kioskId ? (
                      <>
                        <button type="button" className="desk-btn desk-btn-danger" onClick={() => void revoke(kiosk.kioskId)}>
                          {t('desk.kiosks.confirmRevoke')}
                        </button>
                        <button type="button" className="desk-btn desk-btn-quiet" onClick={() => setConfirming(null)}>
                          {t('common.cancel')}
                        </button>
                      </>
                    ) : (
                      <button type="button" className="desk-btn" onClick={() => setConfirming(kiosk.kioskId)}>
                        {t('desk.kiosks.revoke')}
                      </button>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {kiosks.length === 0 && !error && <p className="desk-empty">{t('desk.kiosks.none')}</p>}
      </div>
    </section>
  );
}
