import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartConfiguration } from 'chart.js';
import { api } from '../../api/client';
import type { DashboardStats } from '../../../electron/core/desk/dashboard-stats';
import { downloadText, errorText, localDay } from '../desk-format';
import { useDeskSession, useSessionGuard } from '../desk-session';
import { can } from '../desk-nav';
import { useFormTitle } from '../use-desk-data';
import { SUBMISSION_STATUSES } from '../desk-api';
import { LazyChart } from './LazyChart';

const PALETTE = ['#b91c1c', '#1d4ed8', '#047857', '#b45309', '#7c3aed', '#0e7490', '#be185d', '#4b5563'];
const STATUS_COLORS: Record<string, string> = {
  received: '#1d4ed8',
  accepted: '#0e7490',
  needs_materials: '#b45309',
  transferred: '#7c3aed',
  rejected: '#6b7280',
  resolved: '#047857',
};

function weeksAgo(weeks: number): string {
  const d = new Date();
  d.setDate(d.getDate() - weeks * 7 + 1);
  return localDay(d);
}

/** 数据看板: weekly counts by type and status, mediation success, time to acceptance, satisfaction. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const { user } = useDeskSession();
  const guard = useSessionGuard();
  const formTitle = useFormTitle();
  const [range, setRange] = useState({ from: weeksAgo(12), to: localDay(new Date()) });
  const [stats, setStats] = useState<DashboardStats | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api
      .dashboardStats({ from: range.from || undefined, to: range.to || undefined })
      .then((result) => {
        if (!live) return;
        setStats(result);
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
  }, [range, guard, t]);

  const exportCsv = async (): Promise<void> => {
    try {
      const result = await api.dashboardExportCsv({ from: range.from || undefined, to: range.to || undefined });
      downloadText(result.filename, result.csv);
    } catch (caught) {
      guard(caught);
      setError(errorText(t, caught));
    }
  };

  const types = useMemo(() => Object.keys(stats?.totals.byType ?? {}).sort(), [stats]);
  const labels = useMemo(() => (stats?.weeks ?? []).map((w) => w.weekStart.slice(5)), [stats]);
  const byTypeChart = useMemo<ChartConfiguration>(
    () => ({
      type: 'bar',
      data: {
        labels,
        datasets: types.map((type, i) => ({ label: formTitle(type), data: (stats?.weeks ?? []).map((w) => w.byType[type] ?? 0), backgroundColor: PALETTE[i % PALETTE.length] })),
      },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } }, plugins: { legend: { position: 'bottom' } } },
    }),
    [labels, types, stats, formTitle],
  );
  const byStatusChart = useMemo<ChartConfiguration>(
    () => ({
      type: 'bar',
      data: {
        labels,
        datasets: SUBMISSION_STATUSES.filter((s) => stats?.totals.byStatus[s]).map((status) => ({
          label: t(`desk.status.${status}`),
          data: (stats?.weeks ?? []).map((w) => w.byStatus[status] ?? 0),
          backgroundColor: STATUS_COLORS[status] ?? '#4b5563',
        })),
      },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } }, plugins: { legend: { position: 'bottom' } } },
    }),
    [labels, stats, t],
  );
  const satisfactionChart = useMemo<ChartConfiguration>(
    () => ({
      type: 'bar',
      data: {
        labels: ['1', '2', '3', '4', '5'].map((score) => t('desk.dashboard.stars', { score })),
        datasets: [{ label: t('desk.dashboard.evaluations'), data: stats?.satisfaction.distribution ?? [0, 0, 0, 0, 0], backgroundColor: ['#b91c1c', '#c2410c', '#b45309', '#15803d', '#047857'] }],
      },
      options: { indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } }, plugins: { legend: { display: false } } },
    }),
    [stats, t],
  );

  const rate = stats?.mediation.successRate;
  const median = stats?.acceptance.medianMinutes;
  const average = stats?.satisfaction.average;

  return (
    <section className="desk-page" data-testid="dashboard-page">
      <div className="desk-page-head">
        <h2>{t('desk.nav.dashboard')}</h2>
        <label className="desk-field desk-field-inline">
          <span>{t('desk.common.from')}</span>
          <input type="date" value={range.from} onChange={(e) => setRange({ ...range, from: e.target.value })} />
        </label>
        <label className="desk-field desk-field-inline">
          <span>{t('desk.common.to')}</span>
          <input type="date" value={range.to} onChange={(e) => setRange({ ...range, to: e.target.value })} />
        </label>
        <div className="desk-spacer" />
        {can(user.role, 'inbox.export') && (
          <button type="button" className="desk-btn" onClick={() => void exportCsv()}>
            {t('desk.common.exportCsv')}
          </button>
        )}
      </div>
      {error && (
        <p className="desk-error" role="alert">
          {error}
        </p>
      )}
      {stats && !stats.available && <p className="desk-note">{t('desk.dashboard.unavailable')}</p>}
      {stats && (
        <>
          <div className="desk-kpis">
            <div className="desk-card desk-kpi" data-testid="kpi-total">
              <span>{t('desk.dashboard.total')}</span>
              <strong>{stats.totals.submissions}</strong>
              <em>{t('desk.dashboard.inRange')}</em>
            </div>
            <div className="desk-card desk-kpi" data-testid="kpi-mediation">
              <span>{t('desk.dashboard.mediationRate')}</span>
              <strong>{rate === null || rate === undefined ? '—' : `${Math.round(rate * 100)}%`}</strong>
              <em>{t('desk.dashboard.mediationOf', { agreements: stats.mediation.agreements, resolved: stats.mediation.resolved })}</em>
            </div>
            <div className="desk-card desk-kpi" data-testid="kpi-acceptance">
              <span>{t('desk.dashboard.medianAccept')}</span>
              <strong>{median === null || median === undefined ? '—' : durationText(t, median)}</strong>
              <em>{t('desk.dashboard.acceptedCount', { count: stats.acceptance.accepted })}</em>
            </div>
            <div className="desk-card desk-kpi" data-testid="kpi-satisfaction">
              <span>{t('desk.dashboard.satisfaction')}</span>
              <strong>{average === null || average === undefined ? '—' : average.toFixed(2)}</strong>
              <em>{t('desk.dashboard.evaluationCount', { count: stats.satisfaction.count })}</em>
            </div>
          </div>
          <div className="desk-charts">
            <div className="desk-card">
              <h3>{t('desk.dashboard.byType')}</h3>
              <LazyChart config={byTypeChart} label={t('desk.dashboard.byType')} />
            </div>
            <div className="desk-card">
              <h3>{t('desk.dashboard.byStatus')}</h3>
              <LazyChart config={byStatusChart} label={t('desk.dashboard.byStatus')} />
            </div>
            <div className="desk-card">
              <h3>{t('desk.dashboard.satisfactionDist')}</h3>
              <LazyChart config={satisfactionChart} label={t('desk.dashboard.satisfactionDist')} height={220} />
            </div>
            <div className="desk-card">
              <h3>{t('desk.dashboard.statusTotals')}</h3>
              <table className="desk-table desk-table-compact">
                <tbody>
                  {SUBMISSION_STATUSES.map((status) => (
                    <tr key={status}>
                      <td>{t(`desk.status.${status}`)}</td>
                      <td className="desk-num">{stats.totals.byStatus[status] ?? 0}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </>
      )}
    </section>
  );
}

function durationText(t: ReturnType<typeof useTranslation>['t'], minutes: number): string {
  if (minutes < 1) return t('desk.dashboard.underMinute');
  if (minutes < 60) return t('desk.dashboard.minutes', { n: Math.round(minutes) });
  if (minutes < 48 * 60) return t('desk.dashboard.hours', { n: (minutes / 60).toFixed(1) });
  return t('desk.dashboard.days', { n: (minutes / 1440).toFixed(1) });
}
