import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import { canSee } from '../../../server/oms/entitlements.ts';
import { createPortfolioService } from '../../../server/portfolio/portfolioService.ts';
import { type Fill, positionToWire, rebuildPositions } from '../../../server/portfolio/positionBook.ts';
import { AAPL, ES, advisor, catalog, deskHead, trader1, trader2 } from '../oms/fixtures.ts';

const instruments = catalog(AAPL, ES);
const fill = (over: Partial<Fill> & Pick<Fill, 'side'>, qty: string, px: string): Fill => ({
  trader: 'trader1',
  account: 'T1-MAIN',
  symbol: 'AAPL',
  quantity: dec(qty),
  price: dec(px),
  ...over,
});

describe('position book', () => {
  it('keeps one average-cost position per trader, account and symbol', () => {
    const book = rebuildPositions(
      [
        fill({ side: 'buy' }, '100', '200'),
        fill({ side: 'buy' }, '200', '203'),
        fill({ side: 'sell' }, '100', '210'),
        fill({ side: 'buy', account: 'T1-HEDGE' }, '100', '199'),
        fill({ side: 'sell', trader: 'trader2', account: 'T2-MAIN' }, '300', '201'),
      ],
      (s) => instruments.get(s),
    );
    const wire = book.all().map(positionToWire);
    expect(wire).toEqual([
      { trader: 'trader1', account: 'T1-MAIN', symbol: 'AAPL', currency: 'USD', quantity: '200', avgCost: '202', realizedPnl: '800', multiplier: '1' },
      { trader: 'trader1', account: 'T1-HEDGE', symbol: 'AAPL', currency: 'USD', quantity: '100', avgCost: '199', realizedPnl: '0', multiplier: '1' },
      { trader: 'trader2', account: 'T2-MAIN', symbol: 'AAPL', currency: 'USD', quantity: '-300', avgCost: '201', realizedPnl: '0', multiplier: '1' },
    ]);
  });

  it('scales realized P&L by a future multiplier and rounds repeating averages for the wire only', () => {
    const book = rebuildPositions(
      [
        fill({ side: 'buy', symbol: 'ES' }, '1', '6700.25'),
        fill({ side: 'buy', symbol: 'ES' }, '2', '6700.5'),
        fill({ side: 'sell', symbol: 'ES' }, '1', '6710'),
      ],
      (s) => instruments.get(s),
    );
    const [p] = book.all();
    // Average 6700.41666…: exact inside, 8 places on the wire.
    expect(p!.held.avgCost.decimalPlaces()).toBeGreaterThan(8);
    expect(positionToWire(p!)).toMatchObject({ quantity: '2', avgCost: '6700.41666667', realizedPnl: '479.16666667', multiplier: '50' });
  });
});

describe('portfolio service', () => {
  it('rebuilds from past fills, publishes each new fill as its position, and filters by entitlement', () => {
    const fills$ = new Subject<Fill>();
    const svc = createPortfolioService({
      pastFills: [fill({ side: 'buy' }, '100', '200')],
      fills$,
      instrument: (s) => instruments.get(s),
      canSee,
    });
    const seen: string[] = [];
    svc.updates$.subscribe((p) => seen.push(`${p.trader} ${p.symbol} ${p.held.quantity.toFixed()}`));
    fills$.next(fill({ side: 'buy' }, '100', '202'));
    fills$.next(fill({ side: 'buy', trader: 'advisor1', account: 'A-1001' }, '100', '202'));
    expect(seen).toEqual(['trader1 AAPL 200', 'advisor1 AAPL 100']);
    expect(svc.snapshot(trader1).map((p) => p.held.avgCost.toFixed())).toEqual(['201']);
    expect(svc.snapshot(trader2)).toEqual([]);
    expect(svc.snapshot(advisor).map((p) => p.account)).toEqual(['A-1001']);
    expect(svc.snapshot(deskHead)).toHaveLength(2);
    svc.stop();
  });
});
