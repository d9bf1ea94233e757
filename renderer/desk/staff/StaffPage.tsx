import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiCallError } from '../../api/client';
import { STAFF_ROLES, type StaffRole } from '../../../electron/core/staff/permissions';
import type { StaffAccount } from '../../../electron/core/staff/staff-store';
import { errorText, formatDateTime, issueTexts } from '../desk-format';
import { useDeskSession, useSessionGuard } from '../desk-session';

/** 账户管理 (admin): list, create, change role, disable / enable, reset password. */
export function StaffPage() {
  const { t } = useTranslation();
  const { user } = useDeskSession();
  const guard = useSessionGuard();
  const [accounts, setAccounts] = useState<StaffAccount[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<StaffAccount | null>(null);
  // "Locked" is judged against the time the list was loaded.
  const [loadedAt, setLoadedAt] = useState(0);

  const load = useCallback(() => {
    api
      .staffList({})
      .then((list) => {
        setAccounts(list);
        setLoadedAt(Date.now());
        setError(null);
      })
      .catch((caught: unknown) => {
        guard(caught);
        setError(errorText(t, caught));
      });
  }, [guard, t]);

  useEffect(load, [load]);

  const update = async (input: { userId: string; role?: StaffRole; disabled?: boolean }): Promise<void> => {
    try {
      await api.staffUpdate(input);
      setMessage(t('desk.staff.saved'));
      load();
    } catch (caught) {
      guard(caught);
      setError(caught instanceof ApiCallError && caught.payload.code === 'conflict' && caught.payload.params?.reason ? t(`desk.staff.conflict.${caught.payload.params.reason}`) : errorText(t, caught));
    }
  };

  return (
    <section className="desk-page" data-testid="staff-page">
      <div className="desk-page-head">
        <h2>{t('desk.nav.staff')}</h2>
        <div className="desk-spacer" />
        <button type="button" className="desk-btn desk-btn-primary" onClick={() => setCreating(true)}>
          {t('desk.staff.create')}
        </button>
      </div>
      {error && (
        <p className="desk-error" role="alert">
          {error}
        </p>
      )}
      {message && !error && (
        <p className="desk-ok" role="status">
          {message}
        </p>
      )}
      <div className="desk-table-wrap">
        <table className="desk-table">
          <thead>
            <tr>
              <th>{t('desk.staff.username')}</th>
              <th>{t('desk.staff.displayName')}</th>
              <th>{t('desk.staff.role')}</th>
              <th>{t('desk.staff.state')}</th>
              <th>{t('desk.staff.lastSignIn')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => {
              const self = account.userId === user.userId;
              const lockedNow = account.lockedUntil !== null && Date.parse(account.lockedUntil) > loadedAt;
              return (
                <tr key={account.userId} className={account.disabled ? 'is-muted' : undefined}>
                  <td className="desk-mono">{account.username}</td>
                  <td>{account.displayName}</td>
                  <td>
                    <select aria-label={t('desk.staff.role')} value={account.role} disabled={self} onChange={(e) => void update({ userId: account.userId, role: e.target.value as StaffRole })}>
                      {STAFF_ROLES.map((role) => (
                        <option key={role} value={role}>
                          {t(`desk.roles.${role}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {account.disabled ? t('desk.staff.disabled') : lockedNow ? t('desk.staff.locked') : account.mustChangePassword ? t('desk.staff.mustChange') : t('desk.staff.active')}
                  </td>
                  <td className="desk-mono">{formatDateTime(account.lastSignInAt)}</td>
                  <td className="desk-cell-actions">
                    <button type="button" className="desk-btn" onClick={() => setResetting(account)}>
                      {t('desk.staff.resetPassword')}
                    </button>
                    {!self && (
                      <button type="button" className={`desk-btn ${account.disabled ? '' : 'desk-btn-danger'}`} onClick={() => void update({ userId: account.userId, disabled: !account.disabled })}>
                        {account.disabled ? t('desk.staff.enable') : t('desk.staff.disable')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {creating && (
        <CreateDialog
          onDone={() => {
            setCreating(false);
            setMessage(t('desk.staff.created'));
            load();
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      {resetting && (
        <ResetDialog
          account={resetting}
          onDone={() => {
            setResetting(null);
            setMessage(t('desk.staff.resetDone'));
            load();
          }}
          onCancel={() => setResetting(null)}
        />
      )}
    </section>
  );
}

function CreateDialog(props: { onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ username: '', displayName: '', role: 'staff' as StaffRole, password: '' });
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    try {
      await api.staffCreate(form);
      props.onDone();
    } catch (caught) {
      const found = issueTexts(t, caught);
      setIssues(found);
      setError(Object.keys(found).length ? null : errorText(t, caught));
    }
  };

  return (
    <div className="desk-overlay" role="dialog" aria-modal="true">
      <form className="desk-card desk-dialog" onSubmit={(e) => void submit(e)}>
        <h3>{t('desk.staff.create')}</h3>
        <label className="desk-field">
          <span>{t('desk.staff.username')}</span>
          <input autoFocus value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} placeholder={t('desk.staff.usernameHint')} />
          {issues.username && <em className="desk-field-error">{issues.username}</em>}
        </label>
        <label className="desk-field">
          <span>{t('desk.staff.displayName')}</span>
          <input value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} />
          {issues.displayName && <em className="desk-field-error">{issues.displayName}</em>}
        </label>
        <label className="desk-field">
          <span>{t('desk.staff.role')}</span>
          <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as StaffRole })}>
            {STAFF_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`desk.roles.${role}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="desk-field">
          <span>{t('desk.staff.initialPassword')}</span>
          <input type="password" autoComplete="new-password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} />
          {issues.password && <em className="desk-field-error">{issues.password}</em>}
        </label>
        <p className="desk-hint">{t('desk.staff.initialHint')}</p>
        {error && <p className="desk-error">{error}</p>}
        <div className="desk-row-end">
          <button type="button" className="desk-btn" onClick={props.onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="desk-btn desk-btn-primary">
            {t('common.confirm')}
          </button>
        </div>
      </form>
    </div>
  );
}

function ResetDialog(props: { account: StaffAccount; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    try {
      await api.staffUpdate({ userId: props.account.userId, resetPassword: password });
      props.onDone();
    } catch (caught) {
      const found = issueTexts(t, caught);
      setIssues(found);
      setError(Object.keys(found).length ? null : errorText(t, caught));
    }
  };

  return (
    <div className="desk-overlay" role="dialog" aria-modal="true">
      <form className="desk-card desk-dialog" onSubmit={(e) => void submit(e)}>
        <h3>{t('desk.staff.resetFor', { name: props.account.displayName, username: props.account.username })}</h3>
        <label className="desk-field">
          <span>{t('desk.staff.newPassword')}</span>
          <input type="password" autoComplete="new-password" autoFocus value={password} onChange={(e) => setPassword(e.target.value)} />
          {issues.resetPassword && <em className="desk-field-error">{issues.resetPassword}</em>}
        </label>
        <p className="desk-hint">{t('desk.staff.resetHint')}</p>
        {error && <p className="desk-error">{error}</p>}
        <div className="desk-row-end">
          <button type="button" className="desk-btn" onClick={props.onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="desk-btn desk-btn-primary">
            {t('common.confirm')}
          </button>
        </div>
      </form>
    </div>
  );
}
