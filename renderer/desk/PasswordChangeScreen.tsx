import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiCallError } from '../api/client';
import type { StaffIdentity } from '../../electron/core/api/dispatch';
import { errorText, issueTexts } from './desk-format';

/**
 * Choosing a new password: forced after the first sign-in of a new or reset account, and
 * available from the desk header at any time.
 */
export function PasswordChangeScreen(props: { user: StaffIdentity; forced: boolean; onChanged(user: StaffIdentity): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setError(null);
    if (next !== confirm) {
      setIssues({ confirm: t('desk.password.mismatch') });
      return;
    }
    setIssues({});
    setBusy(true);
    try {
      const result = await api.staffChangePassword({ current, next });
      props.onChanged(result.user);
    } catch (caught) {
      if (caught instanceof ApiCallError && caught.payload.code === 'invalid_input') setIssues(issueTexts(t, caught));
      else setError(errorText(t, caught));
    } finally {
      setBusy(false);
    }
  };

  const body = (
    <form className="desk-card desk-signin-card" onSubmit={(e) => void submit(e)} noValidate data-testid="password-change">
      <h1>{t('desk.password.title')}</h1>
      <p className="desk-note">{props.forced ? t('desk.password.forced', { name: props.user.displayName }) : t('desk.password.rules')}</p>
      <label className="desk-field">
        <span>{t('desk.password.current')}</span>
        <input name="current" type="password" autoComplete="current-password" autoFocus value={current} onChange={(e) => setCurrent(e.target.value)} aria-invalid={Boolean(issues.current)} />
        {issues.current && <em className="desk-field-error">{issues.current}</em>}
      </label>
      <label className="desk-field">
        <span>{t('desk.password.next')}</span>
        <input name="next" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} aria-invalid={Boolean(issues.next)} />
        {issues.next && <em className="desk-field-error">{issues.next}</em>}
      </label>
      <label className="desk-field">
        <span>{t('desk.password.confirm')}</span>
        <input name="confirm" type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} aria-invalid={Boolean(issues.confirm)} />
        {issues.confirm && <em className="desk-field-error">{issues.confirm}</em>}
      </label>
      {props.forced && <p className="desk-hint">{t('desk.password.rules')}</p>}
      {error && <p className="desk-error" role="alert">{error}</p>}
      <div className="desk-row-end">
        <button type="button" className="desk-btn" onClick={props.onCancel}>
          {props.forced ? t('desk.frame.signOut') : t('common.cancel')}
        </button>
        <button type="submit" className="desk-btn desk-btn-primary" disabled={busy}>
          {t('desk.password.submit')}
        </button>
      </div>
    </form>
  );
  return props.forced ? <main className="desk-signin">{body}</main> : body;
}
