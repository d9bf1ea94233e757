import { z } from 'zod';
import { method } from '../api/method';
import type { HandlerTable } from '../api/dispatch';
import { dateOrTimestamp, rangeEnd, rangeStart } from '../desk/date-range';
import { csvFilename, toCsv } from '../desk/csv-text';
import { AUDIT_ACTIONS, type AuditAction } from './audit-types';
import type { AuditEntry, AuditFilter, AuditTrail } from './audit-trail';
import type { ChainBreak } from './audit-chain';

/** API rows for reading, checking and exporting the audit trail (director and admin). */
const auditFilter = z.object({
  from: dateOrTimestamp.optional(),
  to: dateOrTimestamp.optional(),
  /** A staff user name or a raw actor (`kiosk:<id>`, `system`). */
  actor: z.string().trim().max(80).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
});

export interface AuditRow extends AuditEntry {
  /** `username (display name)` for staff actors, else the raw actor. */
  actorLabel: string;
}

export type AuditVerifyResult = { ok: true; entries: number } | { ok: false; brokenAt: number; reason: ChainBreak; entries: number };

export const auditMethods = {
  auditList: method<{ rows: AuditRow[]; total: number }>()({
    input: auditFilter.extend({ limit: z.number().int().min(1).max(500), offset: z.number().int().min(0).default(0) }).strict(),
    roles: ['desk'],
    permission: 'audit.view',
  }),
  auditVerify: method<AuditVerifyResult>()({ input: z.object({}).strict(), roles: ['desk'], permission: 'audit.view' }),
  auditExportCsv: method<{ filename: string; csv: string; rows: number }>()({ input: auditFilter.strict(), roles: ['desk'], permission: 'audit.export' }),
};

export interface ActorDirectory {
  /** Label for a stored actor id. */
  label(actor: string): string;
  /** Stored actor id for what someone typed in the filter (a user name, or the id itself). */
  resolve(typed: string): string;
}

export function createAuditHandlers(trail: AuditTrail, actors: ActorDirectory, now: () => Date): HandlerTable<typeof auditMethods> {
  const toFilter = (input: z.output<typeof auditFilter>): AuditFilter => ({
    from: rangeStart(input.from),
    to: rangeEnd(input.to),
    actor: input.actor ? actors.resolve(input.actor) : undefined,
    action: input.action,
  });
  const withLabel = (entry: AuditEntry): AuditRow => ({ ...entry, actorLabel: actors.label(entry.actor) });

  return {
    auditList(input) {
      const { rows, total } = trail.list(toFilter(input), { limit: input.limit, offset: input.offset });
      return { rows: rows.map(withLabel), total };
    },
    auditVerify(_input, ctx) {
      const result = trail.verify();
      trail.append({ actor: ctx.staff?.userId ?? 'system', action: 'audit.verify', detail: result.ok ? { ok: true, entries: result.entries } : { ok: false, brokenAt: result.brokenAt, reason: result.reason } });
      return result;
    },
    auditExportCsv(input, ctx) {
      const filter = toFilter(input);
      let count = 0;
      const rows = (function* () {
        for (const entry of trail.iterate(filter)) {
          count += 1;
          yield [entry.id, entry.at, actors.label(entry.actor), entry.action, entry.target, entry.detail ? JSON.stringify(entry.detail) : ''];
        }
      })();
      const csv = toCsv(['编号 id', '时间 at', '操作人 actor', '动作 action', '对象 target', '详情 detail'], rows);
      trail.append({
        actor: ctx.staff?.userId ?? 'system',
        action: 'audit.export',
        detail: { rows: count, from: filter.from ?? null, to: filter.to ?? null, actor: filter.actor ?? null, action: filter.action ?? null },
      });
      return { filename: csvFilename('audit', now()), csv, rows: count };
    },
  };
}

export type { AuditAction };
