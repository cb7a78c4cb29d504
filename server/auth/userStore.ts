import type { Role, UserProfile } from '../../src/core/users.ts';
import type { Db } from '../storage/database.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './demoUsers.ts';
import { type PasswordHash, hashPassword, verifyPassword } from './password.ts';

interface UserRow {
  username: string;
  display_name: string;
  role: Role;
  desk: string;
  salt: Buffer;
  password_hash: Buffer;
}

export type LoginResult = { ok: true; user: UserProfile } | { ok: false; reason: string };

export interface AuthServiceDeps {
  db: Db;
  /** An advisor trades for their clients' accounts: the client book knows which. */
  advisorAccounts(username: string): string[];
}

export interface AuthService {
  login(username: string, password: string): Promise<LoginResult>;
  profile(username: string): UserProfile | undefined;
}

/** Inserts the demo users when the users table is empty (first start). */
export async function seedDemoUsers(db: Db): Promise<void> {
  const count = (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
  if (count > 0) return;
  const hashes = await Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD)));
  const insertUser = db.prepare(
    'INSERT INTO users (username, display_name, role, desk, salt, password_hash) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertAccount = db.prepare('INSERT INTO user_accounts (username, account_id) VALUES (?, ?)');
  db.transaction(() => {
    DEMO_USERS.forEach((u, i) => {
      const h = hashes[i]!;
      insertUser.run(u.username, u.displayName, u.role, u.desk, h.salt, h.hash);
      for (const a of u.accounts) insertAccount.run(u.username, a);
    });
  })();
}

export async function createAuthService(deps: AuthServiceDeps): Promise<AuthService> {
  const { db } = deps;
  const byName = db.prepare('SELECT * FROM users WHERE username = ?');
  const accountsOf = db.prepare('SELECT account_id FROM user_accounts WHERE username = ? ORDER BY account_id').pluck();
  // Verifying against a throwaway hash for unknown names keeps the time of a
  // failed login the same whether or not the name exists.
  const decoy: PasswordHash = await hashPassword('decoy password that matches nothing');

  function profileOf(row: UserRow): UserProfile {
    const accounts = row.role === 'advisor' ? deps.advisorAccounts(row.username) : (accountsOf.all(row.username) as string[]);
    return { username: row.username, displayName: row.display_name, role: row.role, desk: row.desk, accounts };
  }

  return {
    async login(username, password) {
      const row = byName.get(username) as UserRow | undefined;
      const ok = await verifyPassword(password, row ? { salt: row.salt, hash: row.password_hash } : decoy);
      if (!row || !ok) return { ok: false, reason: 'wrong username or password' };
      return { ok: true, user: profileOf(row) };
    },
    profile(username) {
      const row = byName.get(username) as UserRow | undefined;
      return row ? profileOf(row) : undefined;
    },
  };
}
