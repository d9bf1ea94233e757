import { z } from 'zod';
import { method } from '../api/method';
import type { HandlerTable } from '../api/dispatch';
import type { DomainContext, DomainRuntime } from '../domain';
import type { AuditSink } from '../audit/audit-types';
import { dashboardStats, type DashboardStats } from './dashboard-stats';
import { dateOrTimestamp, rangeEnd, rangeStart } from './date-range';
import { csvFilename, toCsv, type CsvCell } from './csv-text';

const range = z.object({ from: dateOrTimestamp.optional(), to: dateOrTimestamp.optional() }).strict();

/** The desk's own rows: the dashboard and its export. */
export const deskMethods = {
  dashboardStats: method<DashboardStats>()({ input: range, roles: ['desk'], permission: 'dashboard.view' }),
  dashboardExportCsv: method<{ filename: string; csv: string }>()({ input: range, roles: ['desk'], permission: 'inbox.export' }),
};

export interface DeskDeps {
  audit: AuditSink;
}

export function createDeskDomain(ctx: DomainContext, deps: DeskDeps): DomainRuntime<HandlerTable<typeof deskMethods>> {
  const statsFor = (input: z.output<typeof range>): DashboardStats => dashboardStats(ctx.db, { from: rangeStart(input.from), to: rangeEnd(input.to) });
  return {
    handlers: {
      dashboardStats: (input) => statsFor(input),
      dashboardExportCsv(input, callCtx) {
        const stats = statsFor(input);
        const csv = dashboardCsv(stats);
        deps.audit.append({ actor: callCtx.staff?.userId ?? 'system', action: 'export.csv', detail: { kind: 'dashboard', weeks: stats.weeks.length, from: stats.from, to: stats.to } });
        return { filename: csvFilename('dashboard', ctx.now()), csv };
      },
    },
  };
}

/** One row per week with a column per form type and status, then the summary figures. */
export function dashboardCsv(stats: DashboardStats): string {
  const types = Object.keys(stats.totals.byType).sort();
  const statuses = Object.keys(stats.totals.byStatus).sort();
  const header = ['周 week', '周一 weekStart', '合计 total', ...types.map((t) => `类型 type:${t}`), ...statuses.map((s) => `状态 status:${s}`)];
  const rows: CsvCell[][] = stats.weeks.map((w) => [w.week, w.weekStart, w.total, ...types.map((t) => w.byType[t] ?? 0), ...statuses.map((s) => w.byStatus[s] ?? 0)]);
  rows.push([]);
  rows.push(['调解成功率 mediationSuccessRate', stats.mediation.successRate === null ? '' : stats.mediation.successRate.toFixed(4), `${stats.mediation.agreements}/${stats.mediation.resolved}`]);
  rows.push(['受理用时中位数(分钟) medianMinutesToAccept', stats.acceptance.medianMinutes === null ? '' : stats.acceptance.medianMinutes.toFixed(1), stats.acceptance.accepted]);
  rows.push(['满意度平均分 satisfactionAverage', stats.satisfaction.average === null ? '' : stats.satisfaction.average.toFixed(2), stats.satisfaction.count]);
  rows.push(['满意度分布 1-5 satisfaction1to5', ...stats.satisfaction.distribution]);
  return toCsv(header, rows);
}
