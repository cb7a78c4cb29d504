// When the desk feed re-values after a fill: at once (the fill timer) for someone watching, in the conflation window otherwise.
import { Subject } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import { createDeskFeed } from '../../../server/portfolio/deskFeed.ts';
import { parseLimits } from '../../../server/portfolio/limits.ts';
import { createPortfolioService } from '../../../server/portfolio/portfolioService.ts';
import type { Fill } from '../../../server/portfolio/positionBook.ts';
import { AAPL, catalog, quote } from '../oms/fixtures.ts';

function setup() {
  const fills$ = new Subject<Fill>();
  const instruments = catalog(AAPL);
  const q = quote('AAPL', '210.00', '210.02');
  const portfolio = createPortfolioService({ pastFills: [], fills$, instrument: (s) => instruments.get(s), canSee: () => true, latest: (s) => (s === 'AAPL' ? q : undefined) });
  const breaches: string[] = [];
  // 100 AAPL at 210 is 21,000 of gross exposure: a breach of 10,000.
  const limits = parseLimits({ traders: { default: { grossExposure: '10000' } } });
  const desk = createDeskFeed({ portfolio, limits, deskOf: () => 'Equities', now: () => 0, onTraderBreach: (t) => (breaches.push(t), null), conflateMs: 250 });
  const buy = () => fills$.next({ trader: 'trader1', account: 'T1-MAIN', symbol: 'AAPL', side: 'buy', quantity: dec(100), price: dec('210.00') });
  return { desk, buy, breaches, stop: () => (desk.stop(), portfolio.stop()) };
}

describe('desk feed after a fill', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('re-values within the fill gap for a subscriber, and the breach acts then', () => {
    const s = setup();
    const states: number[] = [];
    const sub = s.desk.states$.subscribe((st) => states.push(st.rows('averageCost').length));
    s.buy();
    vi.advanceTimersByTime(30);
    expect(states).toEqual([1]);
    expect(s.breaches).toEqual(['trader1']);
    sub.unsubscribe();
    s.stop();
  });

  it('with nobody watching, waits for the conflation window: the limits are still measured and a breach still acts', () => {
    const s = setup();
    s.buy();
    vi.advanceTimersByTime(30);
    expect(s.breaches).toEqual([]);
    vi.advanceTimersByTime(250);
    expect(s.breaches).toEqual(['trader1']);
    // Asked directly, the state is current at once.
    expect(s.desk.state().rows('averageCost').map((r) => r.quantity.toFixed())).toEqual(['100']);
    s.stop();
  });
});
