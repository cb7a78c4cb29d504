/**
 * Type-ahead over the instrument master (every instrument came with loginOk).
 * Pure: the ranking is the whole behaviour, so it is tested without a browser.
 */

export interface Searchable {
  readonly symbol: string;
  readonly name: string;
  readonly assetClass?: string;
}

/** Best first: what a trader typing "MS" most likely means. */
const Rank = { ExactSymbol: 0, SymbolPrefix: 1, NameWordPrefix: 2, SymbolContains: 3, NameContains: 4 } as const;
type Rank = (typeof Rank)[keyof typeof Rank];

function rankOf(item: Searchable, q: string): Rank | undefined {
  const symbol = item.symbol.toUpperCase();
  const upper = q.toUpperCase();
  if (symbol === upper) return Rank.ExactSymbol;
  if (symbol.startsWith(upper)) return Rank.SymbolPrefix;
  const name = item.name.toLowerCase();
  const lower = q.toLowerCase();
  // "gen mot" finds General Motors: every typed word starts some word of the name.
  const words = name.split(/[\s.,&/()-]+/).filter((w) => w !== '');
  const typed = lower.split(/\s+/).filter((w) => w !== '');
  if (typed.length > 0 && typed.every((t) => words.some((w) => w.startsWith(t)))) return Rank.NameWordPrefix;
  if (symbol.includes(upper)) return Rank.SymbolContains;
  if (name.includes(lower)) return Rank.NameContains;
  return undefined;
}

/**
 * The instruments matching `query`, best first, at most `limit`. Within a rank
 * shorter symbols come first (AAPL before AAPLW), then alphabetical order, so
 * the list does not reshuffle between two keystrokes that keep the same matches.
 */
export function searchInstruments<T extends Searchable>(instruments: readonly T[], query: string, limit = 12): T[] {
  const q = query.trim();
  if (q === '') return [];
  const hits: { item: T; rank: Rank }[] = [];
  for (const item of instruments) {
    const rank = rankOf(item, q);
    if (rank !== undefined) hits.push({ item, rank });
  }
  hits.sort((a, b) => a.rank - b.rank || a.item.symbol.length - b.item.symbol.length || (a.item.symbol < b.item.symbol ? -1 : a.item.symbol > b.item.symbol ? 1 : 0));
  return hits.slice(0, limit).map((h) => h.item);
}

/** The highlighted row after an arrow key: wraps around, stays -1 when there is nothing. */
export function moveHighlight(current: number, count: number, step: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0) return step === 1 ? 0 : count - 1;
  return (current + step + count) % count;
}
