import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, onEvent } from '../../api/client';
import { SUBMISSION_STATUSES, type InboxFilter, type InboxRow, type SubmissionStatus } from '../desk-api';
import { downloadText, errorText, formatDateTime } from '../desk-format';
import { useDeskSession, useSessionGuard } from '../desk-session';
import { can } from '../desk-nav';
import { useDirectory, useForms, useFormTitle } from '../use-desk-data';
import { InboxItemView } from './InboxItemView';
import { StatusBadge } from './StatusBadge';

const PAGE_SIZE = 50;

type SearchMode = 'receiptNo' | 'name';

/** Submissions from kiosks and walk-ins: filters, a keyboard-driven table, CSV export. */
export function InboxPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const { user } = useDeskSession();
  const guard = useSessionGuard();
  const forms = useForms();
  const formTitle = useFormTitle();
  const directory = useDirectory();
  const [draft, setDraft] = useState<InboxFilter & { search: string; mode: SearchMode }>({ search: '', mode: 'receiptNo' });
  const [filter, setFilter] = useState<InboxFilter>({});
  const [offset, setOffset] = useState(0);
  const [rows, setRows] = useState<InboxRow[]>([]);
  const [total, setTotal] = useState(0);
  const [selected, setSelected] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [reload, setReload] = useState(0);
  const tableRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    api
      .inboxList({ ...filter, limit: PAGE_SIZE, offset })
      .then((result) => {
        if (!live) return;
        setRows(result.rows);
        setTotal(result.total);
        setSelected((s) => Math.min(s, Math.max(0, result.rows.length - 1)));
        setError(null);
      })
      .catch((caught: unknown) => {
        if (!live) return;
        guard(caught);
        setRows([]);
        setTotal(0);
        setError(errorText(t, caught));
      })
      .finally(() => live && setLoaded(true));
    return () => {
      live = false;
    };
  }, [filter, offset, reload, guard, t]);

  // New submissions from kiosks or colleagues refresh the list.
  useEffect(() => onEvent('inbox.changed', () => setReload((n) => n + 1)), []);

  const apply = (): void => {
    const search = draft.search.trim();
    setFilter({
      type: draft.type || undefined,
      status: draft.status || undefined,
      from: draft.from || undefined,
      to: draft.to || undefined,
      assignee: draft.assignee || undefined,
      receiptNo: search && draft.mode === 'receiptNo' ? search : undefined,
      name: search && draft.mode === 'name' ? search : undefined,
    });
    setOffset(0);
    setSelected(0);
  };

  const clear = (): void => {
    setDraft({ search: '', mode: 'receiptNo' });
    setFilter({});
    setOffset(0);
  };

  const exportCsv = async (): Promise<void> => {
    try {
      const result = await api.inboxExportCsv(filter);
      downloadText(result.filename, result.csv);
    } catch (caught) {
      guard(caught);
      setError(errorText(t, caught));
    }
  };

  const onTableKey = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setSelected((s) => Math.min(rows.length - 1, s + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setSelected((s) => Math.max(0, s - 1));
    } else if (event.key === 'Home') {
      event.preventDefault();
      setSelected(0);
    } else if (event.key === 'End') {
      event.preventDefault();
      setSelected(Math.max(0, rows.length - 1));
    } else if (event.key === 'Enter') {
      const row = rows[selected];
      if (row) {
        event.preventDefault();
        setOpenId(row.id);
      }
    } else if (event.key === 'PageDown' && offset + PAGE_SIZE < total) {
      event.preventDefault();
      setOffset(offset + PAGE_SIZE);
      setSelected(0);
    } else if (event.key === 'PageUp' && offset > 0) {
      event.preventDefault();
      setOffset(Math.max(0, offset - PAGE_SIZE));
      setSelected(0);
    }
  };

  useEffect(() => {
    tableRef.current?.querySelector(`[data-row-index="${selected}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const close = useCallback(() => {
    setOpenId(null);
    setReload((n) => n + 1);
    // Back in the list, the keyboard continues where it left off.
    setTimeout(() => tableRef.current?.focus(), 0);
  }, []);

  if (openId) return <InboxItemView id={openId} onBack={close} />;

  return (
    <section className="desk-page" data-testid="inbox-page">
      <div className="desk-page-head">
        <h2>{t('desk.nav.inbox')}</h2>
        <span className="desk-count">{t('desk.inbox.total', { count: total })}</span>
        <div className="desk-spacer" />
        {can(user.role, 'inbox.export') && (
          <button type="button" className="desk-btn" onClick={() => void exportCsv()}>
            {t('desk.common.exportCsv')}
          </button>
        )}
      </div>
      <form
        className="desk-filters"
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <label className="desk-field desk-field-inline">
          <span>{t('desk.inbox.type')}</span>
          <select value={draft.type ?? ''} onChange={(e) => setDraft({ ...draft, type: e.target.value || undefined })}>
            <option value="">{t('desk.common.all')}</option>
            {forms.map((f) => (
              <option key={f.id} value={f.id}>
                {f.title[lang]}
              </option>
            ))}
          </select>
        </label>
        <label className="desk-field desk-field-inline">
          <span>{t('desk.inbox.status')}</span>
          <select value={draft.status ?? ''} onChange={(e) => setDraft({ ...draft, status: (e.target.value || undefined) as SubmissionStatus | undefined })}>
            <option value="">{t('desk.common.all')}</option>
            {SUBMISSION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`desk.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="desk-field desk-field-inline">
          <span>{t('desk.common.from')}</span>
          <input type="date" value={draft.from ?? ''} onChange={(e) => setDraft({ ...draft, from: e.target.value || undefined })} />
        </label>
        <label className="desk-field desk-field-inline">
          <span>{t('desk.common.to')}</span>
          <input type="date" value={draft.to ?? ''} onChange={(e) => setDraft({ ...draft, to: e.target.value || undefined })} />
        </label>
        <label className="desk-field desk-field-inline">
          <span>{t('desk.inbox.assignee')}</span>
          <select value={draft.assignee ?? ''} onChange={(e) => setDraft({ ...draft, assignee: e.target.value || undefined })}>
            <option value="">{t('desk.common.all')}</option>
            {directory.staff
              .filter((s) => s.role !== 'admin' && !s.disabled)
              .map((s) => (
                <option key={s.userId} value={s.userId}>
                  {s.displayName}
                </option>
              ))}
          </select>
        </label>
        <div className="desk-search">
          <select aria-label={t('desk.inbox.searchBy')} value={draft.mode} onChange={(e) => setDraft({ ...draft, mode: e.target.value as SearchMode })}>
            <option value="receiptNo">{t('desk.inbox.byReceipt')}</option>
            <option value="name">{t('desk.inbox.byName')}</option>
          </select>
          <input
            type="search"
            aria-label={t('desk.inbox.search')}
            placeholder={draft.mode === 'name' ? t('desk.inbox.namePlaceholder') : t('desk.inbox.receiptPlaceholder')}
            value={draft.search}
            onChange={(e) => setDraft({ ...draft, search: e.target.value })}
          />
        </div>
        <button type="submit" className="desk-btn desk-btn-primary">
          {t('desk.common.search')}
        </button>
        <button type="button" className="desk-btn desk-btn-quiet" onClick={clear}>
          {t('desk.common.clear')}
        </button>
      </form>
      {draft.mode === 'name' && <p className="desk-hint">{t('desk.inbox.nameAudited')}</p>}
      {error && (
        <p className="desk-error" role="alert">
          {error}
        </p>
      )}
      <div className="desk-table-wrap" ref={tableRef} tabIndex={0} onKeyDown={onTableKey} role="grid" aria-label={t('desk.nav.inbox')} aria-rowcount={total} data-testid="inbox-table">
        <table className="desk-table">
          <thead>
            <tr>
              <th>{t('desk.inbox.receiptNo')}</th>
              <th>{t('desk.inbox.type')}</th>
              <th>{t('desk.inbox.applicant')}</th>
              <th>{t('desk.inbox.source')}</th>
              <th>{t('desk.inbox.createdAt')}</th>
              <th>{t('desk.inbox.status')}</th>
              <th>{t('desk.inbox.assignee')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr
                key={row.id}
                data-row-index={index}
                aria-selected={index === selected}
                className={index === selected ? 'is-selected' : undefined}
                onClick={() => setSelected(index)}
                onDoubleClick={() => setOpenId(row.id)}
              >
                <td className="desk-mono">
                  <button type="button" className="desk-link" onClick={() => setOpenId(row.id)} tabIndex={-1}>
                    {row.receiptNo}
                  </button>
                </td>
                <td>{formTitle(row.formId)}</td>
                <td>{row.applicantMasked || '—'}</td>
                <td>{row.source === 'kiosk' ? t('desk.inbox.fromKiosk') : t('desk.inbox.fromWalkin')}</td>
                <td className="desk-mono">{formatDateTime(row.createdAt)}</td>
                <td>
                  <StatusBadge status={row.status} />
                </td>
                <td>{directory.nameOf(row.assignee)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {loaded && rows.length === 0 && !error && <p className="desk-empty">{t('desk.inbox.empty')}</p>}
      </div>
      <div className="desk-pager">
        <span className="desk-hint">{t('desk.inbox.keys')}</span>
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
