import { describe, expect, it } from 'vitest';
import { moveHighlight, searchInstruments } from '../../../src/search/searchInstruments.ts';

const CATALOG = [
  { symbol: 'MSFT', name: 'Microsoft Corp.' },
  { symbol: 'MS', name: 'Morgan Stanley' },
  { symbol: 'GM', name: 'General Motors Co.' },
  { symbol: 'GE', name: 'General Electric' },
  { symbol: 'AAPL', name: 'Apple Inc.' },
  { symbol: 'XMSX', name: 'Something Else' },
  { symbol: 'EURUSD', name: 'Euro / US Dollar' },
];
const syms = (q: string, limit?: number) => searchInstruments(CATALOG, q, limit).map((i) => i.symbol);

describe('searchInstruments', () => {
  it('ranks the exact symbol, then symbol prefixes, then name words, then symbols and names containing the text', () => {
    expect(syms('ms')).toEqual(['MS', 'MSFT', 'XMSX']);
    expect(syms('gen')).toEqual(['GE', 'GM']);
    expect(syms('gen mot')).toEqual(['GM']);
    expect(syms('dollar')).toEqual(['EURUSD']);
    expect(syms('lectr')).toEqual(['GE']);
  });

  it('finds nothing for blank text and keeps to the limit', () => {
    expect(syms('   ')).toEqual([]);
    expect(syms('e', 2)).toHaveLength(2);
  });

  it('is case-insensitive on both symbol and name', () => {
    expect(syms('AaPl')).toEqual(['AAPL']);
    expect(syms('APPLE')).toEqual(['AAPL']);
  });
});

describe('moveHighlight', () => {
  it('wraps both ways and starts from the end that the key points to', () => {
    expect(moveHighlight(-1, 3, 1)).toBe(0);
    expect(moveHighlight(-1, 3, -1)).toBe(2);
    expect(moveHighlight(2, 3, 1)).toBe(0);
    expect(moveHighlight(0, 3, -1)).toBe(2);
    expect(moveHighlight(1, 0, 1)).toBe(-1);
  });
});
