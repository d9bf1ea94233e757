import { api } from '../api/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BigButton } from '../ui/big-button';
import { Dialog } from '../ui/dialog';

import { useErrorText } from './use-error-text';

const PIN_MAX = 12;

/** Staff PIN pad behind the hidden gesture; the PIN is shown as dots and never leaves this state. */
export function MaintenanceUnlock({ onCancel, onUnlocked }: { onCancel(): void; onUnlocked(token: string): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const press = (key: string) => {
    setError(null);
    if (key === 'del') setPin((p) => p.slice(0, -1));
    else if (key === 'clear') setPin('');
    else setPin((p) => (p.length < PIN_MAX ? p + key : p));
  };

  const submit = () => {
    if (!pin || busy) return;
    setBusy(true);
    api
      .kioskMaintenanceUnlock({ pin })
      .then(({ token }) => onUnlocked(token))
      .catch((err: unknown) => {
        setPin('');
        setError(errorText(err));
      })
      .finally(() => setBusy(false));
  };

  return (
    <Dialog
      open
      title={t('kiosk.maintenance.pinTitle')}
      testId="pin-dialog"
      actions={
        <div className="pin-actions">
          <BigButton variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </BigButton>
          <BigButton onClick={submit} disabled={!pin || busy} data-testid="pin-submit">
            {t('common.confirm')}
          </BigButton>
        </div>
      }
    >
      <div className="pin-display" aria-label={t('kiosk.maintenance.pinEntered', { count: pin.length })} data-testid="pin-display">
        {pin.length ? '●'.repeat(pin.length) : <span className="pin-display__empty">{t('kiosk.maintenance.pinHint')}</span>}
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="pin-pad">
        {['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'del'].map((key) => (
          <button key={key} type="button" className={`pin-pad__key${key.length > 1 ? ' pin-pad__key--fn' : ''}`} onClick={() => press(key)} data-key={key}>
            {key === 'del' ? t('keyboard.backspace') : key === 'clear' ? t('keyboard.clear') : key}
          </button>
        ))}
      </div>
    </Dialog>
  );
}
