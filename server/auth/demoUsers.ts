import type { Role } from '../../src/core/users.ts';

export const DEMO_PASSWORD = 'demo';

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  desk: string;
  /** Books traded for; advisors get their clients' accounts from the client book instead. */
  accounts: string[];
}

/** Seeded into an empty database; every one logs in with DEMO_PASSWORD. */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'trader1', displayName: 'Tara Quinn', role: 'trader', desk: 'Equities', accounts: ['T1-MAIN', 'T1-HEDGE'] },
  { username: 'trader2', displayName: 'Tomás Reyes', role: 'trader', desk: 'Equities', accounts: ['T2-MAIN'] },
  { username: 'advisor1', displayName: 'Alice Hart', role: 'advisor', desk: 'Wealth Management', accounts: [] },
  { username: 'advisor2', displayName: 'Arun Mehta', role: 'advisor', desk: 'Wealth Management', accounts: [] },
  // The desk head has a desk book to flatten risk in; seeing everything is a rule of entitlements, not of accounts.
  { username: 'deskhead', displayName: 'Dana Brooks', role: 'deskHead', desk: 'Equities', accounts: ['EQ-DESK'] },
  // More advisors for the client book (issue 6); listed after the desk head so the first logins read as before.
  { username: 'advisor3', displayName: 'Beatriz Santos', role: 'advisor', desk: 'Wealth Management', accounts: [] },
  { username: 'advisor4', displayName: 'Kwame Asante', role: 'advisor', desk: 'Wealth Management', accounts: [] },
];
