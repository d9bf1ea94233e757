import { z } from 'zod';
import { ApiError, type ApiErrorPayload, type ApiErrorIssue } from './api-error';
import type { Role } from './roles';
import type { MethodSpec } from './method';
import { roleHasPermission, type StaffRole } from '../staff/permissions';
import type { Logger } from '../log/logger';

export interface StaffIdentity {
  userId: string;
  username: string;
  displayName: string;
  role: StaffRole;
  mustChangePassword: boolean;
}

/** Who is calling. `role` comes from the host's site config, never from the client. */
export interface CallContext {
  role: Role;
  /** Window or connection id, for logs and per-client state. */
  clientId: string;
  /** Opaque staff session token the client presents (desk). */
  sessionToken?: string;
  /** Filled by dispatch when the token resolves to a signed-in staff member. */
  staff?: StaffIdentity;
}

export type Envelope<R = unknown> = { ok: true; result: R } | { ok: false; error: ApiErrorPayload };

export type MethodTable = Record<string, MethodSpec>;
export type HandlerTable<T extends MethodTable> = {
  [M in keyof T]: (input: z.output<T[M]['input']>, ctx: CallContext) => ResultOfSpec<T[M]> | Promise<ResultOfSpec<T[M]>>;
};
export type ResultOfSpec<S> = S extends MethodSpec<z.ZodType, infer R> ? R : never;

export interface Dispatcher {
  dispatch(ctx: CallContext, method: string, input: unknown): Promise<Envelope>;
}

/**
 * The one entry point of both hosts: unknown method -> role -> staff permission -> input schema
 * -> handler. Nothing reaches a handler without passing all four.
 */
export function createDispatcher<T extends MethodTable>(options: {
  contract: T;
  handlers: HandlerTable<T>;
  resolveStaff: (token: string) => StaffIdentity | null;
  log: Logger;
}): Dispatcher {
  const { contract, handlers, resolveStaff, log } = options;
  return {
    async dispatch(ctx, method, input) {
      const started = performance.now();
      try {
        if (!Object.hasOwn(contract, method)) throw new ApiError('unknown_method', `no method ${method}`);
        const spec = contract[method] as MethodSpec;
        if (!spec.roles.includes(ctx.role)) throw new ApiError('role_forbidden', `${method} is not served to ${ctx.role} clients`, { params: { method, role: ctx.role } });
        let callCtx = ctx;
        if (spec.permission) {
          const staff = ctx.sessionToken ? resolveStaff(ctx.sessionToken) : null;
          if (!staff) throw new ApiError('unauthenticated', `${method} needs a staff sign-in`);
          if (staff.mustChangePassword && spec.permission !== 'session.self') throw new ApiError('permission_denied', 'password change required first', { params: { reason: 'must_change_password' } });
          if (!roleHasPermission(staff.role, spec.permission)) throw new ApiError('permission_denied', `${staff.role} lacks ${spec.permission}`, { params: { permission: spec.permission } });
          callCtx = { ...ctx, staff };
        }
        const parsed = spec.input.safeParse(input ?? {});
        if (!parsed.success) throw new ApiError('invalid_input', `invalid input for ${method}`, { issues: zodIssues(parsed.error) });
        const handler = handlers[method] as (input: unknown, ctx: CallContext) => unknown;
        const result = await handler(parsed.data, callCtx);
        log.debug({ event: 'api.call', method, ms: Math.round(performance.now() - started) });
        return { ok: true, result };
      } catch (error) {
        if (error instanceof ApiError) {
          log.info({ event: 'api.refused', method, code: error.code, ms: Math.round(performance.now() - started) });
          return { ok: false, error: error.toPayload() };
        }
        const storage = storageErrorCode(error);
        log.error({ event: 'api.failed', method, err: { message: (error as Error).message, code: (error as NodeJS.ErrnoException).code } });
        return { ok: false, error: { code: storage ?? 'internal', detail: storage ? (error as Error).message : 'internal error' } };
      }
    },
  };
}

/** Disk full and I/O failures get their own codes so the screen can say what happened. */
function storageErrorCode(error: unknown): 'storage_full' | 'storage_failure' | undefined {
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return 'storage_full';
  if (typeof code === 'string' && (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN' || code === 'EIO')) return 'storage_failure';
  return undefined;
}

export function zodIssues(error: z.ZodError): ApiErrorIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    key: issueKey(issue),
    params: issueParams(issue),
  }));
}

function issueKey(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'validation.required';
  if (issue.code === 'too_small') return issue.origin === 'string' && issue.minimum === 1 ? 'validation.required' : 'validation.tooSmall';
  if (issue.code === 'too_big') return 'validation.tooBig';
  if (issue.code === 'invalid_format') return 'validation.format';
  if (issue.code === 'invalid_value') return 'validation.choice';
  if (issue.code === 'custom' && typeof issue.params?.key === 'string') return issue.params.key;
  return 'validation.invalid';
}

function issueParams(issue: z.core.$ZodIssue): Record<string, string | number> | undefined {
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const limit = issue.code === 'too_small' ? issue.minimum : issue.maximum;
    return { limit: typeof limit === 'bigint' ? Number(limit) : limit };
  }
  return undefined;
}
