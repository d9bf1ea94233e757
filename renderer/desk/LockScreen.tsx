import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiCallError } from '../api/client';
import type { StaffIdentity } from '../../electron/core/api/dispatch';
import { signInErrorText } from './SignInScreen';

/**
 * Covers the desk after inactivity (or Ctrl+L). The page underneath stays mounted so unsaved
 * work survives, but it is inert and hidden, and revealed personal data is dropped.
 */
export function LockScreen(props: { user: StaffIdentity; onUnlocked(): void; onSignOut(reason?: string): void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!password) return;
    setBusy(true);
    try {
      await api.staffUnlock({ password });
      props.onUnlocked();
    } catch (caught) {
      setPassword('');
      if (caught instanceof ApiCallError && caught.payload.code === 'locked') {
        props.onSignOut('desk.lock.lockedOut');
        return;
      }
      if (caught instanceof ApiCallError && caught.payload.code === 'unauthenticated' && caught.payload.params?.reason !== 'bad_credentials') {
        props.onSignOut('desk.signIn.sessionEnded');
        return;
      }
      setError(signInErrorText(t, caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="desk-lock" role="dialog" aria-modal="true" aria-labelledby="desk-lock-title" data-testid="desk-lock">
      <form className="desk-card desk-signin-card" onSubmit={(e) => void submit(e)}>
        <h1 id="desk-lock-title">{t('desk.lock.title')}</h1>
        <p className="desk-note">{t('desk.lock.who', { name: props.user.displayName, username: props.user.username })}</p>
        <label className="desk-field">
          <span>{t('desk.signIn.password')}</span>
          <input name="password" type="password" autoComplete="current-password" autoFocus value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error && <p className="desk-error" role="alert">{error}</p>}
        <div className="desk-row-end">
          <button type="button" className="desk-btn" onClick={() => props.onSignOut()}>
            {t('desk.frame.signOut')}
          </button>
          <button type="submit" className="desk-btn desk-btn-primary" disabled={busy}>
            {t('desk.lock.unlock')}
          </button>
        </div>
      </form>
    </div>
  );
}
