import { z } from 'zod';
import { method } from '../api/method';
import { ApiError } from '../api/api-error';
import { migrate } from '../storage/database';
import type { CallContext, HandlerTable, StaffIdentity } from '../api/dispatch';
import type { DomainContext, DomainRuntime } from '../domain';
import type { AuditSink } from '../audit/audit-types';
import { auditMigrations, createAuditTrail, type AuditTrail } from '../audit/audit-trail';
import { auditMethods, createAuditHandlers } from '../audit/audit-api';
import { STAFF_ROLES } from './permissions';
import { dummyHash, hashPassword, verifyPassword } from './password-hash';
import { createStaffStore, staffMigrations, toAccount, toIdentity, type StaffAccount, type StaffStore, type StaffUserRow } from './staff-store';
import { afterFailedAttempt, lockState, passwordProblem, MIN_PASSWORD_LENGTH } from './staff-rules';
import { bootstrapAccounts } from './staff-bootstrap';

export interface SignInResult {
  /** Opaque token; the client sends it with every call until sign-out. */
  session: string;
  user: StaffIdentity;
  /** Seconds of inactivity after which the desk locks its screen. */
  lockAfterSeconds: number;
}

export interface StaffDirectoryEntry {
  userId: string;
  username: string;
  displayName: string;
  role: StaffAccount['role'];
  disabled: boolean;
}

const empty = z.object({}).strict();
const passwordText = z.string().min(1).max(256);
const username = z.string().trim().regex(/^[A-Za-z0-9._-]{2,32}$/);

const accountMethods = {
  staffSignIn: method<SignInResult>()({ input: z.object({ username: z.string().trim().min(1).max(64), password: passwordText }).strict(), roles: ['desk'] }),
  staffSignOut: method<{ ok: true }>()({ input: empty, roles: ['desk'], permission: 'session.self' }),
  staffMe: method<{ user: StaffIdentity; lockAfterSeconds: number }>()({ input: empty, roles: ['desk'], permission: 'session.self' }),
  /** Re-enter the password on the lock screen; wrong passwords count towards the account lock. */
  staffUnlock: method<{ ok: true }>()({ input: z.object({ password: passwordText }).strict(), roles: ['desk'], permission: 'session.self' }),
  staffChangePassword: method<{ user: StaffIdentity }>()({ input: z.object({ current: passwordText, next: z.string().max(256) }).strict(), roles: ['desk'], permission: 'session.self' }),
  /** Colleagues' names for assignee pickers and history lines (no account state). */
  staffDirectory: method<StaffDirectoryEntry[]>()({ input: empty, roles: ['desk'], permission: 'session.self' }),
  staffList: method<StaffAccount[]>()({ input: empty, roles: ['desk'], permission: 'staff.manage' }),
  staffCreate: method<StaffAccount>()({
    input: z.object({ username, displayName: z.string().trim().min(1).max(40), role: z.enum(STAFF_ROLES), password: z.string().max(256) }).strict(),
    roles: ['desk'],
    permission: 'staff.manage',
  }),
  staffUpdate: method<StaffAccount>()({
    input: z
      .object({ userId: z.string().min(1).max(64), role: z.enum(STAFF_ROLES).optional(), disabled: z.boolean().optional(), resetPassword: z.string().max(256).optional() })
      .strict(),
    roles: ['desk'],
    permission: 'staff.manage',
  }),
};

/** Staff accounts plus the audit trail's own rows (the staff domain owns the trail). */
export const staffMethods = { ...accountMethods, ...auditMethods };

export interface StaffDomain extends DomainRuntime<HandlerTable<typeof staffMethods>> {
  resolveStaff(token: string): StaffIdentity | null;
  audit: AuditSink;
}

export function createStaffDomain(ctx: DomainContext): StaffDomain {
  migrate(ctx.db, staffMigrations, ctx.log);
  migrate(ctx.db, auditMigrations, ctx.log);
  const store = createStaffStore(ctx.db, ctx.now);
  const trail = createAuditTrail(ctx.db, ctx.now);
  if (ctx.site.role === 'desk') bootstrapAccounts(store, ctx.site, ctx.log);
  const lockAfterSeconds = ctx.site.deskLockAfterSeconds;

  const handlers: HandlerTable<typeof staffMethods> = {
    ...accountHandlers(store, trail, ctx, lockAfterSeconds),
    ...createAuditHandlers(
      trail,
      {
        label: (actor) => {
          const user = store.byId(actor);
          return user ? `${user.username}（${user.display_name}）` : actor;
        },
        resolve: (typed) => store.byName(typed)?.id ?? typed,
      },
      ctx.now,
    ),
  };

  return {
    handlers,
    resolveStaff: (token) => store.resolve(token),
    audit: trail,
  };
}

function accountHandlers(store: StaffStore, trail: AuditTrail, ctx: DomainContext, lockAfterSeconds: number): HandlerTable<typeof accountMethods> {
  const me = (callCtx: CallContext): StaffIdentity => {
    if (!callCtx.staff) throw new ApiError('unauthenticated', 'no staff session');
    return callCtx.staff;
  };

  /**
   * Checks a password against the account and applies the lock rule. Returns the fresh row on
   * success; throws 'locked' or 'unauthenticated' (reason bad_credentials) otherwise.
   */
  const checkPassword = async (user: StaffUserRow, password: string, via: 'sign_in' | 'unlock' | 'change'): Promise<StaffUserRow> => {
    const lock = lockState(user.locked_until, ctx.now());
    if (lock.locked) {
      trail.append({ actor: user.id, action: 'staff.sign_in_failed', detail: { reason: 'locked', via } });
      throw new ApiError('locked', 'account locked', { params: { minutes: lock.minutes } });
    }
    const matches = await verifyPassword(password, user.password_hash);
    // Re-read after the await: another attempt may have changed the counter meanwhile.
    const fresh = store.byId(user.id) as StaffUserRow;
    const freshLock = lockState(fresh.locked_until, ctx.now());
    if (freshLock.locked) throw new ApiError('locked', 'account locked', { params: { minutes: freshLock.minutes } });
    if (matches) return fresh;
    const next = afterFailedAttempt(fresh.failed_attempts, ctx.now());
    store.setAttempts(user.id, next.failedAttempts, next.lockedUntil);
    trail.append({ actor: user.id, action: 'staff.sign_in_failed', detail: { reason: 'bad_password', via } });
    if (next.lockedUntil) {
      store.closeOtherSessions(user.id);
      trail.append({ actor: user.id, action: 'staff.locked', detail: { until: next.lockedUntil, via } });
      ctx.log.warn({ event: 'staff.locked', userId: user.id }, 'staff account locked after repeated wrong passwords');
      const minutes = lockState(next.lockedUntil, ctx.now());
      throw new ApiError('locked', 'account locked', { params: { minutes: minutes.locked ? minutes.minutes : 5 } });
    }
    throw new ApiError('unauthenticated', 'wrong user name or password', { params: { reason: 'bad_credentials' } });
  };

  const checkNewPassword = (password: string, forUsername: string, path: string): void => {
    const problem = passwordProblem(password, forUsername);
    if (problem === 'too_short') throw new ApiError('invalid_input', 'password too short', { issues: [{ path, key: 'validation.tooShort', params: { limit: MIN_PASSWORD_LENGTH } }] });
    if (problem === 'same_as_username') throw new ApiError('invalid_input', 'password equals user name', { issues: [{ path, key: 'desk.password.sameAsUsername' }] });
  };

  const target = (userId: string): StaffUserRow => {
    const row = store.byId(userId);
    if (!row) throw new ApiError('not_found', 'no such staff account');
    return row;
  };

  return {
    async staffSignIn(input) {
      const user = store.byName(input.username);
      if (!user) {
        await verifyPassword(input.password, dummyHash());
        // The typed name is not recorded: people type passwords into the wrong field.
        trail.append({ actor: 'unknown', action: 'staff.sign_in_failed', detail: { reason: 'unknown_user' } });
        throw new ApiError('unauthenticated', 'wrong user name or password', { params: { reason: 'bad_credentials' } });
      }
      const fresh = await checkPassword(user, input.password, 'sign_in');
      if (fresh.disabled === 1) {
        trail.append({ actor: user.id, action: 'staff.sign_in_failed', detail: { reason: 'disabled' } });
        throw new ApiError('permission_denied', 'account disabled', { params: { reason: 'disabled' } });
      }
      const session = store.openSession(user.id);
      trail.append({ actor: user.id, action: 'staff.sign_in', detail: { role: fresh.role } });
      ctx.log.info({ event: 'staff.sign_in', userId: user.id });
      return { session, user: toIdentity(fresh), lockAfterSeconds };
    },

    staffSignOut(_input, callCtx) {
      const staff = me(callCtx);
      if (callCtx.sessionToken) store.closeSession(callCtx.sessionToken);
      trail.append({ actor: staff.userId, action: 'staff.sign_out' });
      return { ok: true };
    },

    staffMe(_input, callCtx) {
      return { user: me(callCtx), lockAfterSeconds };
    },

    async staffUnlock(input, callCtx) {
      const staff = me(callCtx);
      const user = target(staff.userId);
      try {
        await checkPassword(user, input.password, 'unlock');
      } catch (error) {
        // A lock reached from the lock screen ends this session too (closeOtherSessions above
        // keeps none); make that explicit for the caller's own token.
        if (error instanceof ApiError && error.code === 'locked' && callCtx.sessionToken) store.closeSession(callCtx.sessionToken);
        throw error;
      }
      return { ok: true };
    },

    async staffChangePassword(input, callCtx) {
      const staff = me(callCtx);
      const user = target(staff.userId);
      // Wrong current passwords count towards the account lock, as at sign-in: an unattended
      // signed-in desk must not become a place to guess passwords.
      try {
        await checkPassword(user, input.current, 'change');
      } catch (error) {
        if (error instanceof ApiError && error.code === 'locked' && callCtx.sessionToken) store.closeSession(callCtx.sessionToken);
        if (error instanceof ApiError && error.code === 'unauthenticated') {
          throw new ApiError('invalid_input', 'current password wrong', { issues: [{ path: 'current', key: 'desk.password.currentWrong' }] });
        }
        throw error;
      }
      checkNewPassword(input.next, user.username, 'next');
      if (input.next === input.current) throw new ApiError('invalid_input', 'same password', { issues: [{ path: 'next', key: 'desk.password.sameAsCurrent' }] });
      store.setPassword(user.id, await hashPassword(input.next), false);
      store.closeOtherSessions(user.id, callCtx.sessionToken);
      trail.append({ actor: user.id, action: 'staff.password_changed', target: user.id });
      return { user: toIdentity(target(user.id)) };
    },

    staffDirectory() {
      return store.all().map((row) => ({ userId: row.id, username: row.username, displayName: row.display_name, role: row.role, disabled: row.disabled === 1 }));
    },

    staffList() {
      return store.all().map(toAccount);
    },

    async staffCreate(input, callCtx) {
      const staff = me(callCtx);
      if (store.byName(input.username)) throw new ApiError('conflict', 'user name taken', { params: { reason: 'username_taken' }, issues: [{ path: 'username', key: 'desk.staff.usernameTaken' }] });
      checkNewPassword(input.password, input.username, 'password');
      const passwordHash = await hashPassword(input.password);
      if (store.byName(input.username)) throw new ApiError('conflict', 'user name taken', { params: { reason: 'username_taken' }, issues: [{ path: 'username', key: 'desk.staff.usernameTaken' }] });
      // Whoever set the first password knows it: the new colleague must choose their own.
      const row = store.create({ username: input.username, displayName: input.displayName, role: input.role, passwordHash, mustChangePassword: true });
      trail.append({ actor: staff.userId, action: 'staff.created', target: row.id, detail: { role: row.role } });
      return toAccount(row);
    },

    async staffUpdate(input, callCtx) {
      const staff = me(callCtx);
      const row = target(input.userId);
      const demotes = input.role !== undefined && input.role !== row.role && row.role === 'admin';
      const disables = input.disabled === true && row.disabled === 0;
      if (row.id === staff.userId && (demotes || disables)) throw new ApiError('conflict', 'cannot demote or disable yourself', { params: { reason: 'self' } });
      if (row.role === 'admin' && row.disabled === 0 && (demotes || disables) && store.activeAdmins() <= 1) {
        throw new ApiError('conflict', 'last administrator', { params: { reason: 'last_admin' } });
      }
      let passwordHash: string | undefined;
      if (input.resetPassword !== undefined) {
        checkNewPassword(input.resetPassword, row.username, 'resetPassword');
        passwordHash = await hashPassword(input.resetPassword);
      }
      const changes: Record<string, string | boolean> = {};
      if (input.role !== undefined && input.role !== row.role) {
        store.setRole(row.id, input.role);
        changes.role = input.role;
      }
      if (input.disabled !== undefined && (input.disabled ? 1 : 0) !== row.disabled) {
        store.setDisabled(row.id, input.disabled);
        changes.disabled = input.disabled;
      }
      if (passwordHash) {
        store.setPassword(row.id, passwordHash, true);
        changes.passwordReset = true;
      }
      // Any change to who someone is or how they sign in ends their open sessions.
      if (Object.keys(changes).length > 0) {
        store.closeOtherSessions(row.id, row.id === staff.userId ? callCtx.sessionToken : undefined);
        trail.append({ actor: staff.userId, action: 'staff.updated', target: row.id, detail: changes });
      }
      return toAccount(target(row.id));
    },
  };
}
