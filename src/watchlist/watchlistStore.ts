/**
 * The watchlist a user built, kept in the browser between sessions (per user
 * name). What is read back is checked: only known symbols, each once, so a
 * stale or hand-edited entry can never put a symbol the gateway lacks on screen.
 */

/** The part of Storage this needs; tests hand in a Map-backed one. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const MAX_WATCHLIST = 2000;

export function watchlistKey(username: string): string {
  return `fo-terminal.watchlist.${username}`;
}

/** The stored list, filtered to symbols `isKnown` accepts; undefined when nothing usable is stored. */
export function parseWatchlist(raw: string | null, isKnown: (symbol: string) => boolean): string[] | undefined {
  if (raw === null) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!Array.isArray(data)) return undefined;
  const seen = new Set<string>();
  for (const s of data) if (typeof s === 'string' && isKnown(s) && seen.size < MAX_WATCHLIST) seen.add(s);
  return seen.size > 0 ? [...seen] : undefined;
}

function browserStore(): KeyValueStore | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    // Storage can be refused (privacy settings); the list then lives for the session only.
    return undefined;
  }
}

export function loadWatchlist(username: string, isKnown: (symbol: string) => boolean, store = browserStore()): string[] | undefined {
  return parseWatchlist(store?.getItem(watchlistKey(username)) ?? null, isKnown);
}

export function saveWatchlist(username: string, symbols: readonly string[], store = browserStore()): void {
  try {
    store?.setItem(watchlistKey(username), JSON.stringify(symbols));
  } catch {
    // Full or refused storage loses only the convenience, never the session.
  }
}
