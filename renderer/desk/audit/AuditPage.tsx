import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { AUDIT_ACTIONS, type AuditAction } from '../../../electron/core/audit/audit-types';
import type { AuditRow, AuditVerifyResult } from '../../../electron/core/audit/audit-api';
import { downloadText, errorText, formatDateTime } from '../desk-format';
import { useDeskSession, useSessionGuard } from '../desk-session';
import { can } from '../desk-nav';

const PAGE_SIZE = 100;

interface AuditFilterDraft {
  from?: string;
  to?: string;
  actor?: string;
  action?: AuditAction;
}

/** 审计日志: who looked at or changed what, the chain check, export. */
export function AuditPage() {
  const { t } = useTranslation();
  const { user } = useDeskSession();
  const guard = useSessionGuard();
  const [draft, setDraft] = useState<AuditFilterDraft>({});
  const [filter, setFilter] = useState<AuditFilterDraft>({});
  const [offset, setOffset] = useState(0);
  const [rows, setRows] = useState<AuditRow[]>([]);
  const [total, setTotal] = useState(0);
  const [verify, setVerify] = useState<AuditVerifyResult | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    api
      .auditList({ ...filter, limit: PAGE_SIZE, offset })
      .then((result) => {
        if (!live) return;
        setRows(result.rows);
        setTotal(result.total);
        setError(null);
      })
      .catch((caught: unknown) => {
        if (!live) return;
        guard(caught);
        setError(errorText(t, caught));
      });
    return () => {
      live = false;
    };
  }, [filter, offset, reload, guard, t]);

  const runVerify = async (): Promise<void> => {
    setVerifying(true);
    try {
      setVerify(await api.auditVerify({}));
      setReload((n) => n + 1);
    } catch (caught) {
      guard(caught);
      setError(errorText(t, caught));
    } finally {
      setVerifying(false);
    }
  };

  const exportCsv = async (): Promise<void> => {
    try {
      const result = await api.auditExportCsv(filter);
      downloadText(result.filename, result.csv);
      setReload((n) => n + 1);
    } catch (caught) {
      guard(caught);
      setError(errorText(t, caught));
    }
  };

  return (
    <section className="desk-page" data-testid="audit-page">
      <div className="desk-page-head">
        <h2>{t('desk.nav.audit')}</h2>
        <span className="desk-count">{t('desk.audit.total', { count: total })}</span>
        <div className="desk-spacer" />
        <button type="button" className="desk-btn desk-btn-primary" onClick={() => void runVerify()} disabled={verifying} data-testid="audit-verify">
          {verifying ? t('desk.audit.verifying') : t('desk.audit.verify')}
        </button>
        {can(user.role, 'audit.export') && (
          <button type="button" className="desk-btn" onClick={() => void exportCsv()}>
            {t('desk.common.exportCsv')}
          </button>
        )}
      </div>
      {verify && (
        <p className={verify.ok ? 'desk-ok' : 'desk-error'} role="status" data-testid="audit-verify-result">
          {verify.ok ? t('desk.audit.verifyOk', { count: verify.entries }) : t('desk.audit.verifyBroken', { id: verify.brokenAt, reason: t(`desk.audit.reason.${verify.reason}`), count: verify.entries })}
        </p>
      )}
      <form
        className="desk-filters"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter({ ...draft, actor: draft.actor?.trim() || undefined });
          setOffset(0);
        }}
      >
        <label className="desk-field desk-field-inline">
          <span>{t('desk.common.from')}</span>
          <input type="date" value={draft.from ?? ''} onChange={(e) => setDraft({ ...draft, from: e.target.value || undefined })} />
        </label>
        <label className="desk-field desk-field-inline">
          <span>{t('desk.common.to')}</span>
          <input type="date" value={draft.to ?? ''} onChange={(e) => setDraft({ ...draft, to: e.target.value || undefined })} />
        </label>
        <label className="desk-field desk-field-inline">
          <span>{t('desk.audit.actor')}</span>
          <input value={draft.actor ?? ''} placeholder={t('desk.audit.actorPlaceholder')} onChange={(e) => setDraft({ ...draft, actor: e.target.value || undefined })} />
        </label>
        <label className="desk-field desk-field-inline">
          <span>{t('desk.audit.action')}</span>
          <select value={draft.action ?? ''} onChange={(e) => setDraft({ ...draft, action: (e.target.value || undefined) as AuditAction | undefined })}>
            <option value="">{t('desk.common.all')}</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {t(`desk.auditAction.${action}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="desk-btn desk-btn-primary">
          {t('desk.common.search')}
        </button>
        <button
          type="button"
          className="desk-btn desk-btn-quiet"
          onClick={() => {
            setDraft({});
            setFilter({});
            setOffset(0);
          }}
        >
          {t('desk.common.clear')}
        </button>
      </form>
      {error && (
        <p className="desk-error" role="alert">
          {error}
        </p>
      )}
      <div className="desk-table-wrap" data-testid="audit-table">
        <table className="desk-table">
          <thead>
            <tr>
              <th className="desk-num">#</th>
              <th>{t('desk.audit.at')}</th>
              <th>{t('desk.audit.actor')}</th>
              <th>{t('desk.audit.action')}</th>
              <th>{t('desk.audit.target')}</th>
              <th>{t('desk.audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-action={row.action}>
                <td className="desk-num desk-mono">{row.id}</td>
                <td className="desk-mono">{formatDateTime(row.at)}</td>
                <td>{row.actor === 'unknown' ? t('desk.audit.unknownActor') : row.actorLabel}</td>
                <td>{t(`desk.auditAction.${row.action}`, { defaultValue: row.action })}</td>
                <td className="desk-mono desk-ellipsis" title={row.target ?? ''}>
                  {row.target ?? '—'}
                </td>
                <td className="desk-detail">{detailText(row.detail)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && !error && <p className="desk-empty">{t('desk.audit.empty')}</p>}
      </div>
      <div className="desk-pager">
        <div className="desk-spacer" />
        <button type="button" className="desk-btn" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
          {t('desk.common.prev')}
        </button>
        <span>{t('desk.common.range', { from: total === 0 ? 0 : offset + 1, to: Math.min(total, offset + PAGE_SIZE), total })}</span>
        <button type="button" className="desk-btn" disabled={offset + PAGE_SIZE >= total} onClick={() => setOffset(offset + PAGE_SIZE)}>
          {t('desk.common.next')}
        </button>
      </div>
    </section>
  );
}

function detailText(detail: AuditRow['detail']): string {
  if (!detail) return '';
  return Object.entries(detail)
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(' · ');
}
