import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ORDER_LINES, groupOrderLines } from '../../../src/chart/orderLineGroups.ts';
import type { OrderLineSpec } from '../../../src/chart/orderLines.ts';
import { Decimal, dec } from '../../../src/core/decimal.ts';

const line = (orderId: string, price: string, side: 'buy' | 'sell' = 'buy', kind: 'limit' | 'stop' = 'limit'): OrderLineSpec => ({
  key: `${orderId}:${kind}`,
  orderId,
  kind,
  price,
  side,
  title: `${side.toUpperCase()} 100 ${kind === 'limit' ? 'LMT' : 'STP'}`,
});

const leavesOf = (specs: readonly OrderLineSpec[], qty = '100') => new Map(specs.map((s) => [s.orderId, qty]));

describe('groupOrderLines: orders at one price and side share a line', () => {
  it('keeps a lone order its own draggable line, with its own title and key', () => {
    const specs = [line('O-1', '101.00')];
    const { shown, hiddenOrders } = groupOrderLines(specs, leavesOf(specs), '100.00');
    expect(hiddenOrders).toBe(0);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ key: 'O-1:limit', shared: false, title: 'BUY 100 LMT', price: '101.00', orderIds: ['O-1'] });
  });

  it('draws three buys at one price as one line titled with the count and the total quantity, not draggable', () => {
    const specs = [line('O-1', '300.00'), line('O-2', '300.00'), line('O-3', '300.0')];
    const leaves = new Map([
      ['O-1', '100'],
      ['O-2', '150'],
      ['O-3', '50'],
    ]);
    const { shown } = groupOrderLines(specs, leaves, '299.00');
    expect(shown).toHaveLength(1);
    const [group] = shown;
    expect(group).toMatchObject({ key: 'buy@300', shared: true, title: 'BUY 3 · 300', quantity: '300', orderIds: ['O-1', 'O-2', 'O-3'] });
    expect(group?.tooltip).toBe('3 buy orders at 300.00, 300 in all: a shared line cannot be dragged; amend each order from the blotter');
  });

  it('keeps a buy and a sell at the same price apart, and groups thousands in the title', () => {
    const specs = [line('O-1', '50.00', 'sell'), line('O-2', '50.00', 'sell'), line('O-3', '50.00', 'buy')];
    const { shown } = groupOrderLines(specs, leavesOf(specs, '2500'), '49.00');
    expect(shown.map((g) => [g.side, g.title])).toEqual([
      ['buy', 'BUY 100 LMT'],
      ['sell', 'SELL 2 · 5,000'],
    ]);
  });

  it('says SHORT on a shared line of short sales only, SELL when sells and shorts share it', () => {
    const short = (id: string) => ({ ...line(id, '50.00', 'sell'), short: true, title: 'SHORT 100 LMT' });
    const shorts = groupOrderLines([short('O-1'), short('O-2')], leavesOf([short('O-1'), short('O-2')], '100'), '49.00').shown;
    expect(shorts.map((g) => g.title)).toEqual(['SHORT 2 · 200']);
    expect(shorts[0]!.tooltip).toMatch(/^2 short sales at 50.00/);
    const mixed = [short('O-1'), line('O-2', '50.00', 'sell')];
    expect(groupOrderLines(mixed, leavesOf(mixed, '100'), '49.00').shown.map((g) => g.title)).toEqual(['SELL 2 · 200']);
  });

  it('counts a stop limit with both prices equal once, and draws an all-stop line dotted like a stop', () => {
    const specs = [line('O-1', '10.00', 'buy', 'limit'), line('O-1', '10.00', 'buy', 'stop'), line('O-2', '12.00', 'buy', 'stop'), line('O-3', '12.00', 'buy', 'stop')];
    const { shown } = groupOrderLines(specs, leavesOf(specs), null);
    const at10 = shown.find((g) => g.price === '10.00');
    const at12 = shown.find((g) => g.price === '12.00');
    expect(at10).toMatchObject({ shared: true, orderIds: ['O-1'], quantity: '100', title: 'BUY 1 · 100', allStops: false });
    expect(at12).toMatchObject({ shared: true, allStops: true, title: 'BUY 2 · 200' });
  });

  it('lists the lines highest price first, as they stand on the chart', () => {
    const specs = [line('O-1', '99.00'), line('O-2', '101.00', 'sell'), line('O-3', '100.00')];
    const { shown } = groupOrderLines(specs, leavesOf(specs), '100.00');
    expect(shown.map((g) => g.price)).toEqual(['101.00', '100.00', '99.00']);
  });
});

describe('groupOrderLines: at most eight lines, the nearest the last price', () => {
  // Twelve buy prices, 1.00 apart, from 90 to 101; last at 100.40.
  const ladder = Array.from({ length: 12 }, (_, i) => line(`O-${i}`, dec(90 + i).toFixed(2)));

  it('draws all the lines when there are eight or fewer', () => {
    const eight = ladder.slice(0, MAX_ORDER_LINES);
    const view = groupOrderLines(eight, leavesOf(eight), '100.40');
    expect(view.shown).toHaveLength(8);
    expect(view.hiddenOrders).toBe(0);
  });

  it('draws the eight nearest the last price and counts the orders left off', () => {
    const view = groupOrderLines(ladder, leavesOf(ladder), '100.40');
    // Nearest to 100.40: 100, 101, 99, 98, 97, 96, 95, 94; left off: 90 to 93.
    expect(view.shown.map((g) => g.price)).toEqual(['101.00', '100.00', '99.00', '98.00', '97.00', '96.00', '95.00', '94.00']);
    expect(view.hiddenOrders).toBe(4);
  });

  it('counts the orders of a hidden shared line one by one', () => {
    const far = [line('F-1', '50.00'), line('F-2', '50.00'), line('F-3', '50.00')];
    const specs = [...ladder.slice(4), ...far];
    const view = groupOrderLines(specs, leavesOf(specs), '100.40');
    expect(view.shown).toHaveLength(8);
    expect(view.shown.some((g) => g.price === '50.00')).toBe(false);
    expect(view.hiddenOrders).toBe(3);
  });

  it('does not count as hidden an order whose other price is drawn', () => {
    // O-S is a stop limit: its limit near the market is drawn, its stop far away is not.
    const specs = [...ladder.slice(4, 11), line('O-S', '100.50', 'buy', 'limit'), line('O-S', '60.00', 'buy', 'stop'), line('O-F', '61.00')];
    const view = groupOrderLines(specs, leavesOf(specs), '100.40');
    expect(view.shown.some((g) => g.key === 'O-S:limit')).toBe(true);
    expect(view.hiddenOrders).toBe(1);
  });

  it('without a last price keeps the eight around the middle of the orders', () => {
    const view = groupOrderLines(ladder, leavesOf(ladder), null);
    // The lower middle of 90..101 is 95: nearest are 95, then 96/94, 97/93, 98/92 and, of 99/91, the higher.
    expect(view.shown.map((g) => g.price)).toEqual(['99.00', '98.00', '97.00', '96.00', '95.00', '94.00', '93.00', '92.00']);
    expect(view.hiddenOrders).toBe(4);
  });

  it('shows the same lines whatever order the orders come in', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ cents: fc.integer({ min: 1, max: 2_000 }), sell: fc.boolean() }), { minLength: 0, maxLength: 30 }),
        fc.integer({ min: 1, max: 2_000 }),
        fc.integer(),
        (orders, lastCents, seed) => {
          const specs = orders.map((o, i) => line(`O-${i}`, dec(o.cents).div(100).toFixed(2), o.sell ? 'sell' : 'buy'));
          const turn = Math.abs(seed) % Math.max(1, specs.length);
          const shuffled = [...specs.slice(turn), ...specs.slice(0, turn)].reverse();
          const last = dec(lastCents).div(100).toFixed(2);
          const a = groupOrderLines(specs, leavesOf(specs), last);
          const b = groupOrderLines(shuffled, leavesOf(shuffled), last);
          const keyOf = (v: typeof a) => v.shown.map((g) => `${g.side}@${g.price}:${g.orderIds.length}`);
          expect(keyOf(b)).toEqual(keyOf(a));
          expect(b.hiddenOrders).toBe(a.hiddenOrders);
          // Never more than eight lines; every order is either on a drawn line or counted.
          expect(a.shown.length).toBeLessThanOrEqual(MAX_ORDER_LINES);
          const drawn = new Set(a.shown.flatMap((g) => g.orderIds));
          expect(drawn.size + a.hiddenOrders).toBe(new Set(specs.map((s) => s.orderId)).size);
          // Every drawn line is at least as near the last price as every line left off.
          const shownPrices = new Set(a.shown.map((g) => `${g.side}@${dec(g.price).toFixed()}`));
          const far = a.shown.reduce((max, g) => Decimal.max(max, dec(g.price).minus(last).abs()), dec(0));
          for (const s of specs) if (!shownPrices.has(`${s.side}@${dec(s.price).toFixed()}`)) expect(dec(s.price).minus(last).abs().gte(far)).toBe(true);
        },
      ),
    );
  });
});
