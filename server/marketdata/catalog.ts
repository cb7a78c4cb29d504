import type { Instrument } from '../../src/core/instrument.ts';
import type { InstrumentCatalog } from './types.ts';

/** An immutable catalog in file order; lookups by exact symbol. */
export function createCatalog(instruments: readonly Instrument[]): InstrumentCatalog {
  const list = Object.freeze([...instruments]);
  const bySymbol = new Map(list.map((i) => [i.symbol, i] as const));
  if (bySymbol.size !== list.length) throw new Error('instrument catalog holds a symbol twice');
  return {
    get: (symbol) => bySymbol.get(symbol),
    all: () => list,
  };
}
