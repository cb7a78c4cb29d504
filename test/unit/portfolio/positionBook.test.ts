import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import { instrumentFromWire } from '../../../src/core/instrument.ts';
import type { QuoteWire } from '../../../src/core/protocol.ts';
import { canSee } from '../../../server/oms/entitlements.ts';
import { DEFAULT_COMMISSIONS, commissionFor } from '../../../server/portfolio/commissions.ts';
import { createPortfolioService } from '../../../server/portfolio/portfolioService.ts';
import { type Fill, positionToWire } from '../../../server/portfolio/positionBook.ts';
import { AAPL, ES, advisor, catalog, deskHead, quote, trader1, trader2 } from '../oms/fixtures.ts';

const SAPX = instrumentFromWire({
  symbol: 'SAPX', name: 'SAP (test)', assetClass: 'equity', sector: 'Technology', currency: 'EUR',
  tickSize: '0.01', lotSize: '1', multiplier: '1', referencePrice: '200.00',
});
const EURUSD = instrumentFromWire({
  symbol: 'EURUSD', name: 'Euro / US Dollar', assetClass: 'fx', sector: 'G10 FX', currency: 'USD',
  tickSize: '0.00001', lotSize: '1000', multiplier: '1', referencePrice: '1.10000',
});
const USDJPY = instrumentFromWire({
  symbol: 'USDJPY', name: 'US Dollar / Yen', assetClass: 'fx', sector: 'G10 FX', currency: 'JPY',
  tickSize: '0.001', lotSize: '1000', multiplier: '1', referencePrice: '150.000',
});
const instruments = catalog(AAPL, ES, SAPX, EURUSD, USDJPY);
const fill = (over: Partial<Fill> & Pick<Fill, 'side'>, qty: string, px: string): Fill => ({
  trader: 'trader1',
  account: 'T1-MAIN',
  symbol: 'AAPL',
  quantity: dec(qty),
  price: dec(px),
  ...over,
});

function service(pastFills: Fill[], extra: Partial<Parameters<typeof createPortfolioService>[0]> = {}) {
  const fills$ = new Subject<Fill>();
  const svc = createPortfolioService({ pastFills, fills$, instrument: (s) => instruments.get(s), canSee, ...extra });
  return { svc, fills$ };
}

describe('commissions', () => {
  it('charges per share with a floor for equities, per contract for futures, basis points for FX, in cents', () => {
    expect(commissionFor(DEFAULT_COMMISSIONS, AAPL, dec(100), dec(200)).toFixed()).toBe('1'); // 0.50 → floor 1.00
    expect(commissionFor(DEFAULT_COMMISSIONS, AAPL, dec(1000), dec(200)).toFixed()).toBe('5');
    expect(commissionFor(DEFAULT_COMMISSIONS, ES, dec(3), dec(6700)).toFixed()).toBe('6.75');
    // 1,000,000 EUR at 1.1 = 1,100,000 USD × 0.2 bp = 22 USD
    expect(commissionFor(DEFAULT_COMMISSIONS, EURUSD, dec(1_000_000), dec('1.1')).toFixed()).toBe('22');
    // 1,234 units: 0.0057 × … rounds half up to the cent
    expect(commissionFor(DEFAULT_COMMISSIONS, EURUSD, dec(12_345), dec('1.1')).toFixed()).toBe('0.27');
  });
});

describe('portfolio service', () => {
  it('keeps one position per trader, account and symbol, with average cost, realized P&L and fees', () => {
    const { svc } = service([
      fill({ side: 'buy' }, '100', '200'),
      fill({ side: 'buy' }, '200', '203'),
      fill({ side: 'sell' }, '100', '210'),
      fill({ side: 'buy', account: 'T1-HEDGE' }, '100', '199'),
      fill({ side: 'sellShort', trader: 'trader2', account: 'T2-MAIN' }, '300', '201'),
    ]);
    const wire = [...svc.positions()].map(positionToWire);
    expect(wire.map(({ trader, account, quantity, avgCost, realizedPnl, fees }) => ({ trader, account, quantity, avgCost, realizedPnl, fees }))).toEqual([
      { trader: 'trader1', account: 'T1-MAIN', quantity: '200', avgCost: '202', realizedPnl: '800', fees: '3' },
      { trader: 'trader1', account: 'T1-HEDGE', quantity: '100', avgCost: '199', realizedPnl: '0', fees: '1' },
      { trader: 'trader2', account: 'T2-MAIN', quantity: '-300', avgCost: '201', realizedPnl: '0', fees: '1.5' },
    ]);
    expect(svc.quantity('T1-MAIN', 'AAPL').toFixed()).toBe('200');
    expect(svc.quantity('T2-MAIN', 'AAPL').toFixed()).toBe('-300');
    expect(svc.quantity('T2-MAIN', 'ES').toFixed()).toBe('0');
  });

  it('scales realized P&L by a future multiplier and rounds repeating averages for the wire only', () => {
    const { svc } = service([
      fill({ side: 'buy', symbol: 'ES' }, '1', '6700.25'),
      fill({ side: 'buy', symbol: 'ES' }, '2', '6700.5'),
      fill({ side: 'sell', symbol: 'ES' }, '1', '6710'),
    ]);
    const [p] = [...svc.positions()];
    expect(positionToWire(p!)).toMatchObject({ quantity: '2', avgCost: '6700.41666667', realizedPnl: '479.16666667', multiplier: '50', fees: '9' }); // 2.25 per contract: 1 + 2 + 1 contracts
  });

  it('loads start-of-day holdings and measures the day from their mark', () => {
    const { svc, fills$ } = service([], {
      startOfDay: [{ trader: 'trader1', account: 'T1-MAIN', symbol: 'AAPL', quantity: dec(1000), cost: dec('180'), mark: dec('195') }],
    });
    fills$.next(fill({ side: 'sell' }, '400', '199'));
    const w = positionToWire([...svc.positions()][0]!);
    expect(w).toMatchObject({ quantity: '600', avgCost: '180', realizedPnl: '7600', sodQuantity: '1000', sodMark: '195', todayQuantity: '-400', todayNotional: '-79600' });
    // At 200: position P&L 1000 × (200 − 195) = 5000; trading −400 × 200 + 79600 = −400; day = 4600.
    const m = dec(200);
    const day = dec(w.sodQuantity!).times(m.minus(dec(w.sodMark!))).plus(dec(w.todayQuantity!).times(m).minus(dec(w.todayNotional!)));
    expect(day.toFixed()).toBe('4600');
  });

  it('publishes each new fill as its position, marks from quotes, and filters by entitlement', () => {
    const quotes$ = new Subject<QuoteWire>();
    const latest = new Map<string, QuoteWire>();
    const { svc, fills$ } = service([fill({ side: 'buy' }, '100', '200')], { quotes$, latest: (s) => latest.get(s) });
    const seen: string[] = [];
    const marked: string[] = [];
    svc.updates$.subscribe((p) => seen.push(`${p.trader} ${p.symbol} ${positionToWire(p).quantity}`));
    svc.marks$.subscribe((s) => marked.push(s));
    fills$.next(fill({ side: 'buy' }, '100', '202'));
    fills$.next(fill({ side: 'buy', trader: 'advisor1', account: 'A-1001' }, '100', '202'));
    expect(seen).toEqual(['trader1 AAPL 200', 'advisor1 AAPL 100']);
    const q = quote('AAPL', '205.00', '205.02');
    latest.set('AAPL', q);
    quotes$.next(q);
    quotes$.next(quote('ES', '6700.00', '6700.25')); // nobody holds ES: no mark event
    expect(marked).toEqual(['AAPL']);
    expect(svc.markOf('AAPL')?.toFixed()).toBe('205');
    expect(svc.snapshot(trader1).map((p) => positionToWire(p).avgCost)).toEqual(['201']);
    expect(svc.snapshot(trader2)).toEqual([]);
    expect(svc.snapshot(advisor).map((p) => p.account)).toEqual(['A-1001']);
    expect(svc.snapshot(deskHead)).toHaveLength(2);
    svc.stop();
  });

  it('takes FX rates to the base currency from the pairs, inverting USD-first pairs', () => {
    const latest = new Map<string, QuoteWire>([
      ['EURUSD', quote('EURUSD', '1.09990', '1.10010')],
      ['USDJPY', quote('USDJPY', '149.990', '150.010')],
    ]);
    const { svc } = service([], { latest: (s) => latest.get(s), fxPairs: [EURUSD, USDJPY] });
    const rates = svc.fxRates();
    expect(rates.perUnit.get('EUR')?.toFixed()).toBe('1.1');
    expect(rates.perUnit.get('JPY')?.times(150).toFixed()).toBe('1');
    expect(rates.perUnit.has('CHF')).toBe(false);
  });
});
