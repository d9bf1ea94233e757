import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiCallError } from '../api/client';
import { useSystemInfo } from '../ui/system-info';
import type { SignInResult } from '../../electron/core/staff/staff-domain';
import { errorText } from './desk-format';
import { LanguageToggle } from './LanguageToggle';

/** What a refused sign-in says: wrong password, locked (with minutes), disabled, or the generic text. */
export function signInErrorText(t: ReturnType<typeof useTranslation>['t'], error: unknown): string {
  if (error instanceof ApiCallError) {
    const { code, params } = error.payload;
    if (code === 'unauthenticated' && params?.reason === 'bad_credentials') return t('desk.signIn.wrong');
    if (code === 'locked') return t('desk.signIn.locked', { minutes: params?.minutes ?? 5 });
    if (code === 'permission_denied' && params?.reason === 'disabled') return t('desk.signIn.disabled');
  }
  return errorText(t, error);
}

export function SignInScreen(props: { notice: string | null; onSignedIn(result: SignInResult): void }) {
  const { t, i18n } = useTranslation();
  const info = useSystemInfo();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!username.trim() || !password) {
      setError(t('desk.signIn.missing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await api.staffSignIn({ username: username.trim(), password });
      setPassword('');
      props.onSignedIn(result);
    } catch (caught) {
      setPassword('');
      setError(signInErrorText(t, caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="desk-signin" data-testid="desk-signin">
      <div className="desk-signin-lang">
        <LanguageToggle />
      </div>
      <form className="desk-card desk-signin-card" onSubmit={(e) => void submit(e)} noValidate>
        <p className="desk-signin-office">{info.office.name[lang]}</p>
        <h1>{t('desk.signIn.title')}</h1>
        {props.notice && !error && <p className="desk-note" role="status">{t(props.notice)}</p>}
        <label className="desk-field">
          <span>{t('desk.signIn.username')}</span>
          <input name="username" autoComplete="username" autoFocus value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label className="desk-field">
          <span>{t('desk.signIn.password')}</span>
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error && (
          <p className="desk-error" role="alert" data-testid="signin-error">
            {error}
          </p>
        )}
        <button type="submit" className="desk-btn desk-btn-primary desk-btn-block" disabled={busy}>
          {busy ? t('desk.signIn.busy') : t('desk.signIn.submit')}
        </button>
        {info.demo && <p className="desk-hint" data-testid="demo-accounts">{t('desk.signIn.demoAccounts')}</p>}
      </form>
    </main>
  );
}
