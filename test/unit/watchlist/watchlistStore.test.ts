import { describe, expect, it } from 'vitest';
import { type KeyValueStore, loadWatchlist, parseWatchlist, saveWatchlist, watchlistKey } from '../../../src/watchlist/watchlistStore.ts';

const known = (s: string) => ['AAPL', 'MSFT', 'IBM'].includes(s);

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('watchlist store', () => {
  it('keeps a user’s list between sessions, per user', () => {
    const store = memoryStore();
    saveWatchlist('trader1', ['MSFT', 'AAPL'], store);
    expect(loadWatchlist('trader1', known, store)).toEqual(['MSFT', 'AAPL']);
    expect(loadWatchlist('trader2', known, store)).toBeUndefined();
    expect([...store.data.keys()]).toEqual([watchlistKey('trader1')]);
  });

  it('reads back only known symbols, each once, and ignores anything that is not a list', () => {
    expect(parseWatchlist('["AAPL","GONE","AAPL",7,"IBM"]', known)).toEqual(['AAPL', 'IBM']);
    expect(parseWatchlist('["GONE"]', known)).toBeUndefined();
    expect(parseWatchlist('{"a":1}', known)).toBeUndefined();
    expect(parseWatchlist('not json', known)).toBeUndefined();
    expect(parseWatchlist(null, known)).toBeUndefined();
  });
});
