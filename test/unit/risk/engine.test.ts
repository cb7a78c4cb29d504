import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import { DailySpend } from '../../../server/risk/index.ts';
import { INSTRUMENTS, NOW, LIMITS, limit, market, quote, request, working, world } from './fixtures.ts';

const rejected = (r: ReturnType<ReturnType<typeof world>['engine']['check']>) => (r.ok ? undefined : { rule: r.rule, reason: r.reason });

describe('pre-trade risk: fat finger', () => {
  it('passes an order at the quantity limit and refuses one lot more, naming both numbers', () => {
    const w = world();
    expect(w.engine.check(request(limit('buy', '50000', '60.00'))).ok).toBe(true);
    expect(rejected(w.engine.check(request(limit('buy', '50001', '60.00'))))).toEqual({
      rule: 'maxQuantity',
      reason: 'fat finger: order quantity 50,001 exceeds the per-order limit of 50,000',
    });
  });

  it('refuses a notional over the limit, converting the currency to the base', () => {
    const w = world();
    expect(w.engine.check(request(limit('buy', '20000', '200.00', { symbol: 'SAP', account: 'T1-HEDGE' }))).ok).toBe(true);
    expect(rejected(w.engine.check(request(limit('buy', '21000', '200.00', { symbol: 'SAP', account: 'T1-HEDGE' }))))).toEqual({
      rule: 'maxNotional',
      reason: 'fat finger: order notional 4,200,000 EUR (5,040,000 USD) exceeds the per-order limit of 5,000,000 USD',
    });
  });

  it('fails closed when the limits have no rate for the currency', () => {
    const w = world();
    expect(rejected(w.engine.check(request(limit('buy', '100', '10.00', { symbol: 'ZAR1' }))))?.reason).toBe(
      'fat finger check fails closed: the risk limits have no ZAR/USD rate to value the order in USD',
    );
  });
});

describe('pre-trade risk: price collar', () => {
  it('lets a buy through up to the band and refuses it beyond, on the aggressive side only', () => {
    const w = world();
    expect(w.engine.check(request(limit('buy', '100', '110.00'))).ok).toBe(true);
    expect(rejected(w.engine.check(request(limit('buy', '100', '110.01'))))).toEqual({
      rule: 'priceCollar',
      reason: 'price collar: 110.01 is 10.01% above the reference 100.00 of AAPL; the collar (10% or 5 ticks) allows at most 110.00',
    });
    // A buy far below the market cannot trade through it: it rests.
    expect(w.engine.check(request(limit('buy', '100', '1.00'))).ok).toBe(true);
    w.positions.set('T1-MAIN/AAPL', dec(100));
    expect(rejected(w.engine.check(request(limit('sell', '100', '89.99'))))?.reason).toMatch(/^price collar: 89.99 is 10.01% below .* allows at least 90.00$/);
  });

  it('names the last price on the tick grid inside the band, not the band edge itself', () => {
    const w = world();
    // Reference 266.435 (a mid between ticks): 10% gives 293.0785 and 239.7915; the trader can type 293.07 and 239.80.
    w.quotes.set('AAPL', quote('AAPL', '266.43', '266.44'));
    w.positions.set('T1-MAIN/AAPL', dec(100));
    expect(w.engine.check(request(limit('buy', '100', '293.07'))).ok).toBe(true);
    expect(rejected(w.engine.check(request(limit('buy', '100', '293.08'))))?.reason).toMatch(/ allows at most 293\.07$/);
    expect(w.engine.check(request(limit('sell', '100', '239.80'))).ok).toBe(true);
    expect(rejected(w.engine.check(request(limit('sell', '100', '239.79'))))?.reason).toMatch(/ allows at least 239\.80$/);
  });

  it('collars a stop-limit against its stop price and leaves a plain stop alone', () => {
    const w = world();
    const stopLimit = (stop: string, lim: string) =>
      ({ type: 'stopLimit', symbol: 'AAPL', side: 'buy', quantity: dec(100), stopPrice: dec(stop), limitPrice: dec(lim), account: 'T1-MAIN', tif: 'day' }) as const;
    // A breakout buy: triggers at 120, 20% above today's price, buys up to 121.
    expect(w.engine.check(request(stopLimit('120.00', '121.00'))).ok).toBe(true);
    expect(rejected(w.engine.check(request(stopLimit('120.00', '140.00'))))?.reason).toBe(
      'price collar: 140.00 is 16.67% above the stop price 120.00; the collar (10% or 5 ticks) allows at most 132.00',
    );
    const stop = { type: 'stop', symbol: 'AAPL', side: 'buy', quantity: dec(100), stopPrice: dec('150.00'), account: 'T1-MAIN', tif: 'day' } as const;
    expect(w.engine.check(request(stop))).toEqual({ ok: true, warnings: [] });
  });

  it('fails closed without a reference or with a stale one', () => {
    const w = world();
    w.quotes.delete('AAPL');
    expect(rejected(w.engine.check(request(limit('buy', '100', '100.00'))))).toEqual({
      rule: 'priceCollar',
      reason: 'price collar fails closed: there is no reference price for AAPL',
    });
    w.quotes.set('AAPL', quote('AAPL', '99.99', '100.01', NOW - 75_000));
    expect(rejected(w.engine.check(request(market('buy', '100'))))).toEqual({
      rule: 'priceCollar',
      reason: 'price collar fails closed: the reference price of AAPL is 75 s old, older than the 60 s allowed',
    });
  });

  it('judges a replayed quote against the newest quote time, not the wall clock', () => {
    const recorded = Date.UTC(2025, 0, 6, 15, 0, 0);
    const w = world(LIMITS, NOW, { marketNow: () => recorded + 5_000 });
    w.quotes.set('AAPL', quote('AAPL', '99.99', '100.01', recorded));
    expect(w.engine.check(request(limit('buy', '100', '100.00'))).ok).toBe(true);
    w.quotes.set('AAPL', quote('AAPL', '99.99', '100.01', recorded - 70_000));
    expect(rejected(w.engine.check(request(limit('buy', '100', '100.00'))))?.reason).toMatch(/is 75 s old/);
  });

  it('warns between the warning threshold and the collar, and of a large notional', () => {
    const w = world();
    const r = w.engine.check(request(limit('buy', '10000', '105.00')));
    expect(r).toEqual({
      ok: true,
      warnings: [
        { rule: 'priceCollar', message: 'price far from market: 105 is 5% from the reference 100 of AAPL (warning above 3%)', requiresJustification: false },
        { rule: 'maxNotional', message: 'large order: notional 1,050,000 USD is above 1,000,000 USD', requiresJustification: false },
      ],
    });
    expect(w.engine.check(request(limit('buy', '100', '102.00')))).toEqual({ ok: true, warnings: [] });
  });
});

describe('pre-trade risk: lists and sessions', () => {
  it('refuses a restricted and a non-tradable symbol with the reason', () => {
    const limits = { ...LIMITS, nonTradable: { AAPL: 'suspended pending news' } };
    expect(rejected(world(limits).engine.check(request(limit('buy', '1', '100.00'))))).toEqual({ rule: 'tradable', reason: 'not tradable: AAPL (suspended pending news)' });
    const restricted = { ...LIMITS, traders: { trader1: { restricted: { AAPL: 'research blackout' } } } };
    expect(rejected(world(restricted).engine.check(request(limit('buy', '1', '100.00'))))).toEqual({
      rule: 'restricted',
      reason: 'restricted list: AAPL may not be traded (research blackout)',
    });
  });

  it('follows the feed session state: closed refuses all, pre-open only limits that can wait', () => {
    const w = world();
    w.quotes.set('AAPL', quote('AAPL', '99.99', '100.01', NOW - 1000, 'closed'));
    expect(rejected(w.engine.check(request(limit('buy', '1', '100.00'))))?.rule).toBe('sessionOpen');
    w.quotes.set('AAPL', quote('AAPL', '99.99', '100.01', NOW - 1000, 'preOpen'));
    expect(w.engine.check(request(limit('buy', '1', '100.00'))).ok).toBe(true);
    expect(rejected(w.engine.check(request(market('buy', '1'))))?.reason).toBe(
      'session in pre-open: a market order for AAPL cannot be accepted before the open; send a limit order',
    );
    expect(rejected(w.engine.check(request(limit('buy', '1', '100.00', { tif: 'ioc' }))))?.rule).toBe('sessionOpen');
  });

  it('reads the calendar (with the limits file overriding the hours) when told to', () => {
    const closedNow = { open: '00:00', close: '01:00', timeZone: 'UTC', days: 'Mon-Fri' };
    const w = world({ ...LIMITS, tradingCalendar: 'calendar', sessions: { AAPL: closedNow } });
    expect(rejected(w.engine.check(request(limit('buy', '1', '100.00'))))).toEqual({
      rule: 'sessionOpen',
      reason: 'session closed: AAPL is not trading now (its session opens 00:00 UTC)',
    });
    // ES has no session of its own and no override: always open.
    expect(w.engine.check(request(limit('buy', '1', '6000.00', { symbol: 'ES' }))).ok).toBe(true);
  });
});

describe('pre-trade risk: positions, short sales and buying power', () => {
  it('refuses a plain sale beyond the long position (less working sales), but not on a future', () => {
    const w = world();
    w.positions.set('T1-MAIN/AAPL', dec(300));
    const sells = [working(limit('sell', '100', '120.00'))];
    expect(w.engine.check(request(limit('sell', '200', '100.00'), { working: sells })).ok).toBe(true);
    expect(rejected(w.engine.check(request(limit('sell', '300', '100.00'), { working: sells })))).toEqual({
      rule: 'shortLocate',
      reason: 'sale exceeds position: selling 300 AAPL but T1-MAIN holds 300 (100 already on working sells); sell the rest as sell short with a locate',
    });
    expect(w.engine.check(request(limit('sell', '5', '6000.00', { symbol: 'ES' }))).ok).toBe(true);
  });

  it('needs a locate for a short sale', () => {
    const w = world();
    expect(rejected(w.engine.check(request(limit('sellShort', '100', '100.00'))))).toEqual({
      rule: 'shortLocate',
      reason: 'short sale without locate: sell short AAPL needs the locate id from your stock loan desk',
    });
    expect(w.engine.check(request(limit('sellShort', '100', '100.00', { locate: 'LOC-1' }))).ok).toBe(true);
  });

  it('counts every working order on the side of the new one against the position limit', () => {
    const w = world();
    w.positions.set('T1-MAIN/ES', dec(4));
    const buys = [working(limit('buy', '3', '5990.00', { symbol: 'ES' }))];
    expect(w.engine.check(request(limit('buy', '3', '5990.00', { symbol: 'ES' }), { working: buys })).ok).toBe(true);
    expect(rejected(w.engine.check(request(limit('buy', '4', '5990.00', { symbol: 'ES' }), { working: buys })))).toEqual({
      rule: 'positionLimit',
      reason: 'position limit: ES in T1-MAIN could reach 11 (position 4, working buys 3, this order 4), beyond the limit of 10',
    });
    // A sale of 14 takes a long of 4 to −10: within the limit.
    expect(w.engine.check(request(limit('sell', '14', '6000.00', { symbol: 'ES' }), { working: buys })).ok).toBe(true);
  });

  it('charges working buys of the account against its buying power', () => {
    const w = world();
    const buys = [working(limit('buy', '20000', '100.00')), working(limit('buy', '100', '100.00', { account: 'T1-HEDGE' }))];
    expect(w.engine.check(request(limit('buy', '10000', '100.00'), { working: buys })).ok).toBe(true);
    expect(rejected(w.engine.check(request(limit('buy', '10001', '100.00'), { working: buys })))).toEqual({
      rule: 'buyingPower',
      reason: 'buying power: T1-MAIN would commit 3,000,100 USD (bought today and working buys 2,000,000 + this order 1,000,100), over its buying power of 3,000,000 USD',
    });
    // Sales use no buying power; an account without one is not limited.
    w.positions.set('T1-MAIN/AAPL', dec(40000));
    expect(w.engine.check(request(limit('sell', '40000', '100.00'), { working: buys })).ok).toBe(true);
    expect(w.engine.check(request(limit('buy', '40000', '100.00', { account: 'T1-HEDGE' }))).ok).toBe(true);
  });

  it('counts what the account bought today, net of its sales, as used', () => {
    const spend = new DailySpend({ instrument: (s) => INSTRUMENTS.find((i) => i.symbol === s), rateToBase: (c) => (c === 'USD' ? dec(1) : c === 'EUR' ? dec('1.2') : undefined) });
    const w = world(LIMITS, NOW, { spentToday: (a) => spend.spentToday(a, NOW) });
    spend.apply({ account: 'T1-MAIN', symbol: 'SAP', side: 'buy', quantity: dec(10000), price: dec('200'), ts: NOW - 60_000 }); // 2,400,000 USD
    spend.apply({ account: 'T1-MAIN', symbol: 'AAPL', side: 'sell', quantity: dec(4000), price: dec('100'), ts: NOW - 30_000 }); // −400,000
    spend.apply({ account: 'T1-MAIN', symbol: 'AAPL', side: 'buy', quantity: dec(100000), price: dec('100'), ts: NOW - 86_400_000 }); // yesterday: ignored
    expect(spend.spentToday('T1-MAIN', NOW).toFixed()).toBe('2000000');
    expect(w.engine.check(request(limit('buy', '10000', '100.00'))).ok).toBe(true);
    expect(rejected(w.engine.check(request(limit('buy', '10100', '100.00'))))?.rule).toBe('buyingPower');
    expect(spend.spentToday('T1-MAIN', NOW + 86_400_000).toFixed()).toBe('0');
  });

  it('shows the same figures to the ticket', () => {
    const w = world();
    const view = w.engine.limitsView(request(market('buy', '1')).user, [working(limit('buy', '100', '100.00'))]);
    expect(view).toMatchObject({ accounts: [{ account: 'T1-MAIN', currency: 'USD', buyingPower: dec('3000000'), used: dec('10000') }], mode: 'active', baseCurrency: 'USD' });
    expect(view.collarPercent.toFixed()).toBe('10');
  });
});

describe('pre-trade risk: throttle and kill switch', () => {
  it('throttles a connection beyond its orders per window, not the orders the gateway makes itself', () => {
    const w = world();
    for (let k = 0; k < 5; k++) expect(w.engine.check(request(limit('buy', '1', '100.00'), { sessionId: 7 })).ok).toBe(true);
    expect(rejected(w.engine.check(request(limit('buy', '1', '100.00'), { sessionId: 7 })))).toEqual({
      rule: 'throttle',
      reason: 'throttle: 6 orders within 1000 ms on this connection, over the limit of 5; slow down',
    });
    expect(w.engine.check(request(limit('buy', '1', '100.00'), { sessionId: 8 })).ok).toBe(true);
    expect(w.engine.check(request(limit('buy', '1', '100.00'), { sessionId: null })).ok).toBe(true);
  });

  it('HALTED refuses everything with who set it and why', () => {
    const w = world();
    w.killSwitch.current = { scope: { kind: 'desk', desk: 'Equities' }, mode: 'halted', reason: 'runaway algo', setBy: 'deskhead', setAt: NOW };
    expect(rejected(w.engine.check(request(limit('buy', '1', '100.00'))))).toEqual({
      rule: 'killSwitch',
      reason: 'kill switch: trading is HALTED (set for desk Equities by deskhead at 15:00 UTC: runaway algo)',
    });
  });

  it('REDUCING lets through only what moves a position towards flat without crossing it', () => {
    const w = world();
    w.killSwitch.current = { scope: { kind: 'trader', trader: 'trader1' }, mode: 'reducing', reason: 'loss limit', setBy: 'deskhead', setAt: NOW };
    w.positions.set('T1-MAIN/AAPL', dec(300));
    expect(w.engine.check(request(limit('sell', '300', '100.00'))).ok).toBe(true);
    expect(rejected(w.engine.check(request(limit('buy', '100', '100.00'))))?.reason).toMatch(/^kill switch: REDUCING only \(set for trader1 by deskhead .*: loss limit\); this order would not reduce the position of 300 AAPL in T1-MAIN$/);
    const sells = [working(limit('sell', '200', '101.00'))];
    expect(rejected(w.engine.check(request(limit('sell', '200', '100.00'), { working: sells })))?.rule).toBe('killSwitch');
    expect(w.engine.check(request(limit('sell', '100', '100.00'), { working: sells })).ok).toBe(true);
    // Flat: nothing reduces.
    expect(rejected(w.engine.check(request(limit('buy', '1', '100.00', { account: 'T1-HEDGE' }))))?.rule).toBe('killSwitch');
  });
});

describe('pre-trade risk: suitability hook', () => {
  it('passes the client book warnings on, and its block as a reject', () => {
    const justify = { rule: 'suitability' as const, message: 'above the client risk tolerance', requiresJustification: true };
    const warned = world(LIMITS, NOW, { suitability: () => [justify] });
    expect(warned.engine.check(request(limit('buy', '1', '100.00')))).toEqual({ ok: true, warnings: [justify] });
    const blocked = world(LIMITS, NOW, { suitability: () => ({ block: 'suitability: excluded sector Tobacco for this client' }) });
    expect(blocked.engine.check(request(limit('buy', '1', '100.00')))).toEqual({
      ok: false,
      rule: 'suitability',
      reason: 'suitability: excluded sector Tobacco for this client',
    });
  });
});
