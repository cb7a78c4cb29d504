// The demo client book: deterministic for a seed, instruments and day, and big enough to work with.
import { describe, expect, it } from 'vitest';
import { generateBook } from '../../../server/clientbook/seed/generateBook.ts';
import { centsToDecimal, perMilleToDecimal } from '../../../server/clientbook/seed/writeSeed.ts';
import { loadInstruments } from '../../../server/marketdata/loadInstruments.ts';

const instruments = loadInstruments().all();
const now = Date.UTC(2026, 10, 23, 12);
const book = generateBook({ seed: 42, instruments, now });

describe('generateBook', () => {
  it('is the same book for the same seed, instruments and day, and another for another seed', () => {
    const again = generateBook({ seed: 42, instruments, now });
    expect(JSON.stringify({ ...again, closes: [...again.closes] })).toBe(JSON.stringify({ ...book, closes: [...book.closes] }));
    const other = generateBook({ seed: 43, instruments, now });
    expect(other.accounts.map((a) => a.values.at(-1))).not.toEqual(book.accounts.map((a) => a.values.at(-1)));
  });

  it('holds at least 200 clients in households across four advisors, each with one or two accounts', () => {
    expect(book.clients.length).toBeGreaterThanOrEqual(200);
    expect(new Set(book.clients.map((c) => c.advisor))).toEqual(new Set(['advisor1', 'advisor2', 'advisor3', 'advisor4']));
    expect(book.households.length).toBeLessThan(book.clients.length);
    for (const c of book.clients) {
      const n = book.accounts.filter((a) => a.clientId === c.clientId).length;
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(2);
    }
  });

  it('gives every account one to three years of daily values, and every kind of transaction occurs', () => {
    for (const a of book.accounts) {
      expect(a.values.length).toBeGreaterThanOrEqual(260);
      expect(a.values.length).toBeLessThanOrEqual(3 * 262);
      expect(a.values.every((v) => Number.isSafeInteger(v) && v >= 0)).toBe(true);
      expect(a.cashCents).toBeGreaterThanOrEqual(0);
    }
    expect(new Set(book.transactions.map((t) => t.kind))).toEqual(new Set(['buy', 'sell', 'deposit', 'withdrawal', 'dividend', 'fee']));
  });

  it('values each day as cash plus holdings: the last value matches the final holdings at the last close', () => {
    for (const a of book.accounts.slice(0, 40)) {
      const last = book.calendar.length - 1;
      const held = a.holdings.reduce((s, h) => s + h.quantity * book.closes.get(h.symbol)![last]!, 0);
      expect(a.values.at(-1)).toBe(held + a.cashCents);
    }
  });

  it('has models whose weights and cash sum to exactly 1', () => {
    for (const m of book.models) expect(m.cashPerMille + m.targets.reduce((s, t) => s + t.perMille, 0)).toBe(1000);
  });
});

describe('integer cents to decimal text', () => {
  it('writes cents and per-mille exactly', () => {
    expect([centsToDecimal(123456), centsToDecimal(-5), centsToDecimal(100), centsToDecimal(120)]).toEqual(['1234.56', '-0.05', '1', '1.2']);
    expect([perMilleToDecimal(85), perMilleToDecimal(1000), perMilleToDecimal(200)]).toEqual(['0.085', '1', '0.2']);
  });
});
