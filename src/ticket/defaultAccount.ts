/** Where the ticket remembers the last account a user sent an order for (per user, on this browser). */
export const lastAccountKey = (username: string): string => `fo-terminal.ticket.lastAccount.${username}`;

/** The part of localStorage the ticket uses; tests hand in a Map-backed one. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * The account a fresh ticket opens on: the last one used, if the user may
 * still trade for it; else the main book, i.e. the first account that is not
 * a hedge book (a hedge account is traded on purpose, never by default).
 */
export function defaultAccount(accounts: readonly string[], lastUsed: string | null | undefined): string {
  if (lastUsed && accounts.includes(lastUsed)) return lastUsed;
  return accounts.find((a) => !/hedge/i.test(a)) ?? accounts[0] ?? '';
}

/** Reads without failing: storage can be disabled or full, and the ticket must still open. */
export function readLastAccount(store: KeyValueStore | undefined, username: string): string | null {
  try {
    return store?.getItem(lastAccountKey(username)) ?? null;
  } catch {
    return null;
  }
}

export function rememberAccount(store: KeyValueStore | undefined, username: string, account: string): void {
  try {
    store?.setItem(lastAccountKey(username), account);
  } catch {
    // A private window may refuse storage; the default is then the main account again.
  }
}

/** The browser's localStorage when there is one (not in Node tests). */
export function browserStore(): KeyValueStore | undefined {
  return typeof localStorage === 'undefined' ? undefined : localStorage;
}
