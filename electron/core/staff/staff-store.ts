import { createHash, randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import type { Db, MigrationSet } from '../storage/database';
import type { StaffIdentity } from '../api/dispatch';
import type { StaffRole } from './permissions';
import { SESSION_HOURS } from './staff-rules';

/** Staff accounts and their sessions in the main database. Session tokens are stored hashed only. */
export const staffMigrations: MigrationSet = {
  domain: 'staff',
  migrations: [
    {
      version: 1,
      name: 'staff_users and staff_sessions',
      up: (db) => {
        db.exec(`
          CREATE TABLE staff_users (
            id TEXT PRIMARY KEY,
            username TEXT NOT NULL UNIQUE COLLATE NOCASE,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('director', 'staff', 'assistant', 'admin')),
            password_hash TEXT NOT NULL,
            must_change_password INTEGER NOT NULL DEFAULT 0,
            disabled INTEGER NOT NULL DEFAULT 0,
            failed_attempts INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            last_sign_in_at TEXT
          );
          CREATE TABLE staff_sessions (
            token_hash TEXT PRIMARY KEY,
            user_id TEXT NOT NULL REFERENCES staff_users (id),
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL
          );
          CREATE INDEX staff_sessions_user ON staff_sessions (user_id);
        `);
      },
    },
  ],
};

export interface StaffUserRow {
  id: string;
  username: string;
  display_name: string;
  role: StaffRole;
  password_hash: string;
  must_change_password: number;
  disabled: number;
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
  last_sign_in_at: string | null;
}

/** What the account list shows; never the hash. */
export interface StaffAccount {
  userId: string;
  username: string;
  displayName: string;
  role: StaffRole;
  disabled: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  lastSignInAt: string | null;
  createdAt: string;
}

export function toIdentity(row: Pick<StaffUserRow, 'id' | 'username' | 'display_name' | 'role' | 'must_change_password'>): StaffIdentity {
  return { userId: row.id, username: row.username, displayName: row.display_name, role: row.role, mustChangePassword: row.must_change_password === 1 };
}

export function toAccount(row: StaffUserRow): StaffAccount {
  return {
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled === 1,
    mustChangePassword: row.must_change_password === 1,
    lockedUntil: row.locked_until,
    lastSignInAt: row.last_sign_in_at,
    createdAt: row.created_at,
  };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export type StaffStore = ReturnType<typeof createStaffStore>;

export function createStaffStore(db: Db, now: () => Date) {
  const byName = db.prepare<[string], StaffUserRow>('SELECT * FROM staff_users WHERE username = ?');
  const byId = db.prepare<[string], StaffUserRow>('SELECT * FROM staff_users WHERE id = ?');
  const all = db.prepare<[], StaffUserRow>('SELECT * FROM staff_users ORDER BY disabled, role, username');
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM staff_users');
  const activeAdmins = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM staff_users WHERE role = 'admin' AND disabled = 0");
  const insertUser = db.prepare(
    'INSERT INTO staff_users (id, username, display_name, role, password_hash, must_change_password, disabled, failed_attempts, locked_until, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, 0, NULL, ?, ?)',
  );
  const setAttempts = db.prepare('UPDATE staff_users SET failed_attempts = ?, locked_until = ?, updated_at = ? WHERE id = ?');
  const signedIn = db.prepare('UPDATE staff_users SET failed_attempts = 0, locked_until = NULL, last_sign_in_at = ?, updated_at = ? WHERE id = ?');
  const setPassword = db.prepare('UPDATE staff_users SET password_hash = ?, must_change_password = ?, failed_attempts = 0, locked_until = NULL, updated_at = ? WHERE id = ?');
  const setRole = db.prepare('UPDATE staff_users SET role = ?, updated_at = ? WHERE id = ?');
  const setDisabled = db.prepare('UPDATE staff_users SET disabled = ?, updated_at = ? WHERE id = ?');
  const insertSession = db.prepare('INSERT INTO staff_sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)');
  const deleteSession = db.prepare('DELETE FROM staff_sessions WHERE token_hash = ?');
  const deleteUserSessions = db.prepare('DELETE FROM staff_sessions WHERE user_id = ? AND token_hash <> ?');
  const deleteExpired = db.prepare('DELETE FROM staff_sessions WHERE expires_at <= ?');
  const session = db.prepare<[string, string], Pick<StaffUserRow, 'id' | 'username' | 'display_name' | 'role' | 'must_change_password'>>(
    `SELECT u.id, u.username, u.display_name, u.role, u.must_change_password
       FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id
      WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0`,
  );

  const stamp = (): string => now().toISOString();

  return {
    count: () => count.get()?.n ?? 0,
    activeAdmins: () => activeAdmins.get()?.n ?? 0,
    byName: (username: string) => byName.get(username),
    byId: (id: string) => byId.get(id),
    all: () => all.all(),
    create(user: { username: string; displayName: string; role: StaffRole; passwordHash: string; mustChangePassword: boolean }): StaffUserRow {
      const id = uuidv7();
      const at = stamp();
      insertUser.run(id, user.username, user.displayName, user.role, user.passwordHash, user.mustChangePassword ? 1 : 0, at, at);
      return byId.get(id) as StaffUserRow;
    },
    setAttempts: (id: string, failedAttempts: number, lockedUntil: string | null) => setAttempts.run(failedAttempts, lockedUntil, stamp(), id),
    setPassword: (id: string, passwordHash: string, mustChange: boolean) => setPassword.run(passwordHash, mustChange ? 1 : 0, stamp(), id),
    setRole: (id: string, role: StaffRole) => setRole.run(role, stamp(), id),
    setDisabled: (id: string, disabled: boolean) => setDisabled.run(disabled ? 1 : 0, stamp(), id),
    /** Starts a session and returns the raw token; only its hash is kept. */
    openSession(userId: string): string {
      const token = randomBytes(32).toString('base64url');
      const at = now();
      deleteExpired.run(at.toISOString());
      signedIn.run(at.toISOString(), at.toISOString(), userId);
      insertSession.run(hashToken(token), userId, at.toISOString(), new Date(at.getTime() + SESSION_HOURS * 3_600_000).toISOString());
      return token;
    },
    closeSession: (token: string) => deleteSession.run(hashToken(token)),
    /** Ends every session of the user except `keepToken`'s (none when omitted). */
    closeOtherSessions: (userId: string, keepToken?: string) => deleteUserSessions.run(userId, keepToken ? hashToken(keepToken) : ''),
    resolve(token: string): StaffIdentity | null {
      const row = session.get(hashToken(token), stamp());
      return row ? toIdentity(row) : null;
    },
  };
}
