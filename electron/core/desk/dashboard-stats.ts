import type { Db } from '../storage/database';
import { isoWeek, weeksBetween } from './iso-week';

/**
 * The dashboard's figures from the hub tables the intake domain writes. Only these columns are
 * read: hub_submissions(form_id, status, created_at, accepted_at, outcome),
 * hub_evaluations(score, created_at).
 */
export interface WeekCounts {
  week: string;
  weekStart: string;
  total: number;
  byType: Record<string, number>;
  byStatus: Record<string, number>;
}

export interface DashboardStats {
  /** ISO bounds actually applied (null = open). */
  from: string | null;
  to: string | null;
  /** False until the intake tables exist (a desk before its first migration). */
  available: boolean;
  weeks: WeekCounts[];
  totals: { submissions: number; byType: Record<string, number>; byStatus: Record<string, number> };
  mediation: { resolved: number; agreements: number; successRate: number | null };
  acceptance: { accepted: number; medianMinutes: number | null };
  satisfaction: { count: number; average: number | null; distribution: [number, number, number, number, number] };
}

/** Mediation forms are those whose id names them (`mediation`, `mediation-neighbour`, ...). */
export function isMediationForm(formId: string): boolean {
  return /mediation/i.test(formId);
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function hasTables(db: Db, names: string[]): boolean {
  const found = db.prepare(`SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN (${names.map(() => '?').join(', ')})`).get(...names) as { n: number };
  return found.n === names.length;
}

function bump(record: Record<string, number>, key: string): void {
  record[key] = (record[key] ?? 0) + 1;
}

export function dashboardStats(db: Db, range: { from?: string; to?: string }): DashboardStats {
  const stats: DashboardStats = {
    from: range.from ?? null,
    to: range.to ?? null,
    available: false,
    weeks: [],
    totals: { submissions: 0, byType: {}, byStatus: {} },
    mediation: { resolved: 0, agreements: 0, successRate: null },
    acceptance: { accepted: 0, medianMinutes: null },
    satisfaction: { count: 0, average: null, distribution: [0, 0, 0, 0, 0] },
  };
  if (!hasTables(db, ['hub_submissions', 'hub_evaluations'])) return stats;
  stats.available = true;

  const clauses: string[] = [];
  const params: string[] = [];
  if (range.from) {
    clauses.push('created_at >= ?');
    params.push(range.from);
  }
  if (range.to) {
    clauses.push('created_at < ?');
    params.push(range.to);
  }
  const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';

  const weeks = new Map<string, WeekCounts>();
  const acceptMinutes: number[] = [];
  let first: Date | undefined;
  let last: Date | undefined;
  const rows = db
    .prepare<string[], { form_id: string; status: string; created_at: string; accepted_at: string | null; outcome: string | null }>(
      `SELECT form_id, status, created_at, accepted_at, outcome FROM hub_submissions ${where} ORDER BY created_at`,
    )
    .iterate(...params);
  for (const row of rows) {
    const created = new Date(row.created_at);
    if (Number.isNaN(created.getTime())) continue;
    first ??= created;
    last = created;
    const { week, weekStart } = isoWeek(created);
    let bucket = weeks.get(week);
    if (!bucket) weeks.set(week, (bucket = { week, weekStart, total: 0, byType: {}, byStatus: {} }));
    bucket.total += 1;
    bump(bucket.byType, row.form_id);
    bump(bucket.byStatus, row.status);
    stats.totals.submissions += 1;
    bump(stats.totals.byType, row.form_id);
    bump(stats.totals.byStatus, row.status);
    if (row.accepted_at) {
      const minutes = (Date.parse(row.accepted_at) - created.getTime()) / 60_000;
      if (Number.isFinite(minutes) && minutes >= 0) acceptMinutes.push(minutes);
    }
    if (row.status === 'resolved' && isMediationForm(row.form_id)) {
      stats.mediation.resolved += 1;
      if (row.outcome === 'agreement') stats.mediation.agreements += 1;
    }
  }

  // Empty weeks stay on the chart so a quiet week reads as zero, not as missing.
  const start = range.from ? new Date(range.from) : first;
  const end = range.to ? new Date(Date.parse(range.to) - 1) : last;
  if (start && end && start <= end) {
    stats.weeks = weeksBetween(start, end).map((w) => weeks.get(w.week) ?? { ...w, total: 0, byType: {}, byStatus: {} });
  } else {
    stats.weeks = [...weeks.values()];
  }

  stats.mediation.successRate = stats.mediation.resolved > 0 ? stats.mediation.agreements / stats.mediation.resolved : null;
  stats.acceptance = { accepted: acceptMinutes.length, medianMinutes: median(acceptMinutes) };

  const evaluations = db
    .prepare<string[], { score: number; n: number }>(`SELECT score, COUNT(*) AS n FROM hub_evaluations ${where} GROUP BY score`)
    .all(...params);
  let sum = 0;
  for (const { score, n } of evaluations) {
    if (!(score >= 1 && score <= 5)) continue;
    stats.satisfaction.distribution[score - 1] = (stats.satisfaction.distribution[score - 1] ?? 0) + n;
    stats.satisfaction.count += n;
    sum += score * n;
  }
  stats.satisfaction.average = stats.satisfaction.count > 0 ? sum / stats.satisfaction.count : null;
  return stats;
}
