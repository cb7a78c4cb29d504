// The desk roll-up's memos against what they stand for: the same marks, rates, figures and limit usages, to the digit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, ZERO, dec } from '../../../src/core/decimal.ts';
import { type Instrument, instrumentFromWire } from '../../../src/core/instrument.ts';
import type { CostMethod } from '../../../src/core/pnl/inventory.ts';
import { averagePrice, openCost, positionQuantity } from '../../../src/core/pnl/position.ts';
import { fxRates } from '../../../src/core/pnl/fx.ts';
import type { QuoteWire } from '../../../src/core/protocol.ts';
import { createRowCache, createUsageCache, deskRows, limitUsages } from '../../../server/portfolio/deskView.ts';
import { createFxRatesMemo, createMarkMemo, fxRatesFromQuotes, markOf } from '../../../server/portfolio/fxMarks.ts';
import { type BookPosition, applyBookedFill, figuresAt, openBookPosition, withStartOfDay } from '../../../server/portfolio/ledgerBook.ts';
import { type Usage, parseLimits } from '../../../server/portfolio/limits.ts';

const instrument = (symbol: string, assetClass: 'equity' | 'future' | 'fx', currency: string, multiplier: string, lotSize = '1'): Instrument =>
  instrumentFromWire({ symbol, name: symbol, assetClass, sector: 'Test', currency, tickSize: '0.01', lotSize, multiplier, referencePrice: '100' });
const INSTRUMENTS = [instrument('AAA', 'equity', 'USD', '1'), instrument('FUT', 'future', 'USD', '50'), instrument('MINI', 'future', 'USD', '0.1'), instrument('EUX', 'equity', 'EUR', '1'), instrument('JPX', 'equity', 'JPY', '1000')];
const FX_PAIRS = [instrument('EURUSD', 'fx', 'USD', '1', '1000'), instrument('USDJPY', 'fx', 'JPY', '1', '1000'), instrument('EURJPY', 'fx', 'JPY', '1', '1000')];

const cents = (n: number) => dec(n).div(100);
/** A price text as quotes carry it ('0' now and then: no trade yet, or a side missing). */
const priceText = fc.oneof(fc.constant('0'), fc.integer({ min: 1, max: 30_000_000 }).map((n) => cents(n).toFixed()));
const quoteOf = (symbol: string, bid: string, ask: string, last: string): QuoteWire => ({
  symbol, bid, ask, last, bidSize: '1', askSize: '1', lastSize: '1', open: last, high: last, low: last, prevClose: last, change: '0', changePct: '0', volume: '0', ts: 1, seq: 1,
});

describe('mark and FX memos', () => {
  it('a remembered mark is markOf of the quote, whatever the quotes did in between', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('AAA', 'FUT'), priceText, priceText, priceText), { minLength: 1, maxLength: 40 }), (updates) => {
        const memo = createMarkMemo();
        for (const [symbol, bid, ask, last] of updates) {
          const q = quoteOf(symbol, bid, ask, last);
          expect(memo(q)?.toFixed()).toBe(markOf(q)?.toFixed());
        }
      }),
    );
  });

  it('remembered rates are fxRatesFromQuotes of the latest quotes, pass after pass', () => {
    const update = fc.tuple(fc.constantFrom(...FX_PAIRS.map((p) => p.symbol)), fc.option(fc.tuple(priceText, priceText, priceText), { nil: undefined }));
    fc.assert(
      fc.property(fc.constantFrom('USD', 'EUR', 'JPY'), fc.array(fc.array(update, { maxLength: 4 }), { minLength: 1, maxLength: 15 }), (base, passes) => {
        const latest = new Map<string, QuoteWire>();
        const memo = createFxRatesMemo(base, FX_PAIRS, (s) => latest.get(s));
        for (const pass of passes) {
          for (const [symbol, q] of pass) {
            if (q === undefined) latest.delete(symbol);
            else latest.set(symbol, quoteOf(symbol, ...q));
          }
          const got = memo();
          const want = fxRatesFromQuotes(base, FX_PAIRS, (s) => latest.get(s));
          expect(got.base).toBe(want.base);
          expect([...got.perUnit].map(([c, r]) => `${c}=${r.toFixed()}`)).toEqual([...want.perUnit].map(([c, r]) => `${c}=${r.toFixed()}`));
        }
      }),
    );
  });
});

/** The figures as figuresAt computed them before it skipped × 1. */
function figuresReference(p: BookPosition, method: CostMethod, mark: Decimal) {
  const ledger = p.byMethod[method];
  const quantity = positionQuantity(ledger);
  const m = p.multiplier;
  const positionPnl = p.sodMark === null ? ZERO : p.sodQuantity.times(mark.minus(p.sodMark)).times(m);
  const tradingPnl = p.todayQuantity.times(mark).minus(p.todayNotional).times(m);
  const avg = quantity.isZero() ? null : openCost(ledger).div(quantity.abs()).div(m);
  const value = quantity.abs().times(mark).times(m);
  const cost = openCost(ledger);
  const open = ledger.inventory.open;
  const unrealized = open === null ? ZERO : open.direction === 'long' ? value.minus(cost) : cost.minus(value);
  return { quantity, averagePrice: avg, marketValue: quantity.times(mark).times(m), realized: ledger.realized, unrealized, daily: positionPnl.plus(tradingPnl), fees: ledger.fees, todayFees: p.todayFees };
}

const text = (o: object) => JSON.stringify(o, (_k, v: unknown) => (v instanceof Decimal ? `D${v.toFixed()}` : v));

const fillArb = fc.record({
  at: fc.nat(),
  trader: fc.constantFrom('trader1', 'trader2'),
  account: fc.constantFrom('A', 'B'),
  side: fc.constantFrom('buy' as const, 'sell' as const, 'sellShort' as const),
  quantity: fc.integer({ min: 1, max: 40 }),
  price: fc.integer({ min: 1, max: 2_000_000 }),
  fee: fc.integer({ min: 0, max: 300 }),
});
const sodArb = fc.option(fc.record({ quantity: fc.integer({ min: -30, max: 30 }), cost: fc.integer({ min: 1, max: 2_000_000 }), mark: fc.integer({ min: 1, max: 2_000_000 }) }), { nil: undefined });

describe('desk figures', () => {
  it('figuresAt is the formula it was, for every cost method, multiplier and start of day', () => {
    fc.assert(
      fc.property(fc.constantFrom(...INSTRUMENTS), sodArb, fc.array(fillArb, { maxLength: 12 }), fc.integer({ min: 1, max: 2_000_000 }), (ins, sod, fills, mark) => {
        const key = { trader: 'trader1', account: 'A', symbol: ins.symbol };
        let p = openBookPosition(key, ins);
        if (sod) p = withStartOfDay(p, { ...key, quantity: dec(sod.quantity), cost: cents(sod.cost), mark: cents(sod.mark) });
        for (const f of fills) p = applyBookedFill(p, { ...key, side: f.side, quantity: dec(f.quantity), price: cents(f.price), fee: cents(f.fee) });
        for (const method of ['averageCost', 'fifo'] as const) {
          expect(text(figuresAt(p, method, cents(mark)))).toBe(text(figuresReference(p, method, cents(mark))));
          expect(averagePrice(p.byMethod[method])?.toFixed()).toBe(figuresReference(p, method, cents(mark)).averagePrice?.toFixed());
        }
      }),
    );
  });

  it('rows and limit usages with the caches kept across passes are those computed afresh', () => {
    const limits = parseLimits({
      warningPercent: '80',
      traders: { default: { grossExposure: '2000000', netExposure: '1000000', dailyLoss: '20000', position: '60' }, trader2: { position: '25' } },
      desks: { default: { grossExposure: '3000000' } },
    });
    const pass = fc.record({
      fills: fc.array(fc.tuple(fc.constantFrom(...INSTRUMENTS.map((i) => i.symbol)), fillArb), { maxLength: 6 }),
      marks: fc.array(fc.tuple(fc.constantFrom(...INSTRUMENTS.map((i) => i.symbol)), fc.integer({ min: 1, max: 2_000_000 })), { maxLength: 3 }),
      eur: fc.constantFrom('1.1', '1.0875', '1'),
    });
    const usageText = (us: readonly Usage[]) => us.map((u) => text(u));
    fc.assert(
      fc.property(fc.array(pass, { minLength: 1, maxLength: 8 }), (passes) => {
        const positions = new Map<string, BookPosition>();
        const marks = new Map(INSTRUMENTS.map((i) => [i.symbol, dec(100)]));
        const rowCache = createRowCache();
        const usageCache = createUsageCache();
        for (const { fills, marks: moves, eur } of passes) {
          for (const [symbol, f] of fills) {
            const key = `${f.trader}/${f.account}/${symbol}`;
            const ins = INSTRUMENTS.find((i) => i.symbol === symbol)!;
            const before = positions.get(key) ?? openBookPosition({ trader: f.trader, account: f.account, symbol }, ins);
            positions.set(key, applyBookedFill(before, { trader: f.trader, account: f.account, symbol, side: f.side, quantity: dec(f.quantity), price: cents(f.price), fee: cents(f.fee) }));
          }
          for (const [symbol, m] of moves) marks.set(symbol, cents(m));
          const inputs = { positions: [...positions.values()], method: 'averageCost' as const, rates: fxRates('USD', { EUR: eur, JPY: '0.0067' }), markOf: (s: string) => marks.get(s), deskOf: (t: string) => (t === 'trader1' ? 'Equities' : 'Futures') };
          const cached = deskRows(inputs, rowCache);
          const fresh = deskRows(inputs);
          expect(cached.rows.map(text)).toEqual(fresh.rows.map(text));
          expect(usageText(limitUsages(cached.rows, limits, usageCache))).toEqual(usageText(limitUsages(fresh.rows, limits)));
        }
      }),
      { numRuns: 150 },
    );
  });
});
