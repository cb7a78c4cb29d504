import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, type Decimal as DecimalT, ZERO, dec } from '../../../src/core/decimal.ts';
import type { Order, OrderSpec, OrderStatus } from '../../../src/core/order.ts';
import type { QuoteWire } from '../../../src/core/protocol.ts';
import { add, compare, compareAbs, eq, wholeNumberOf, gt, gte, isPositive, lt, lte } from '../../../src/core/risk/decimalCompare.ts';
import { orderWarnings, type WarningInput } from '../../../src/core/risk/warnings.ts';
import type { UserProfile } from '../../../src/core/users.ts';
import { DailySpend } from '../../../server/risk/dailySpend.ts';
import { type PreTradeRiskDeps, createPreTradeRisk } from '../../../server/risk/engine.ts';
import { parseRiskLimits } from '../../../server/risk/limitsConfig.ts';
import type { KillSwitch, RiskWarning } from '../../../server/risk/types.ts';
import { createWorkingOrderTotals } from '../../../server/risk/workingOrders.ts';
import { INSTRUMENTS, LIMITS, NOW, TRADER, quote } from './fixtures.ts';
import { DailySpend as DailySpendBefore } from './reference/dailySpendBefore.ts';
import { createPreTradeRisk as createPreTradeRiskBefore } from './reference/engineBefore.ts';
import { orderWarnings as orderWarningsBefore } from './reference/warningsBefore.ts';
import { createWorkingOrderTotals as createWorkingOrderTotalsBefore } from './reference/workingOrdersBefore.ts';

/**
 * The pre-trade risk was made cheaper per order (issue 4): quotes parsed once,
 * bands cached per quote, comparisons without copies, track skipping events
 * that change nothing. Its answers must not change by a byte: every fast path
 * here is run against the code as it was (./reference/*Before.ts) on random
 * inputs, decisions, rule ids, reject texts and warnings compared whole.
 */

/** A decimal as the wire carries it (up to 12 places), or any decimal.js value of our precision. */
const wireDecimal = fc
  .tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 12 }))
  .map(([units, places]) => new Decimal(units.toString()).div(new Decimal(10).pow(places)));
const anyDecimal = fc.oneof(
  wireDecimal,
  fc.tuple(fc.integer({ min: -99999, max: 99999 }), fc.integer({ min: 0, max: 16 })).map(([n, zeros]) => new Decimal(n).times(new Decimal(10).pow(zeros))),
  fc.constantFrom(ZERO, dec(0).neg(), dec(1), dec(-1), new Decimal('1e-30'), new Decimal('9.99e35'), new Decimal(1).div(3), new Decimal(Infinity), new Decimal(-Infinity), new Decimal(NaN)),
  fc.integer({ min: -1000, max: 1000 }).map((n) => new Decimal(n)),
);

describe('comparisons without copies', () => {
  it('answer as decimal.js does, for any two decimals', () => {
    fc.assert(
      fc.property(anyDecimal, anyDecimal, (x, y) => {
        const want = x.cmp(y);
        expect(Number.isNaN(want) ? Number.isNaN(compare(x, y)) : compare(x, y) === want).toBe(true);
        expect([gt(x, y), gte(x, y), lt(x, y), lte(x, y), eq(x, y), isPositive(x)]).toEqual([x.gt(y), x.gte(y), x.lt(y), x.lte(y), x.eq(y), x.gt(0)]);
        expect(compare(x, x)).toBe(x.cmp(x));
        const wantAbs = x.abs().cmp(y.abs());
        expect(Number.isNaN(wantAbs) ? Number.isNaN(compareAbs(x, y)) : compareAbs(x, y) === wantAbs).toBe(true);
        // Whole numbers read off the digits.
        const whole = wholeNumberOf(x);
        if (whole !== undefined) expect([x.isInteger(), new Decimal(whole).eq(x), Number.isSafeInteger(whole)]).toEqual([true, true, true]);
        else if (x.isInteger() && x.abs().lt(1e13)) expect.fail(`${x.toFixed()} is a whole number under 10^13`);
        // Sums that skip adding a zero: the same decimal, sign of a zero included.
        const sum = add(x, y);
        const want2 = x.plus(y);
        expect(sum.isNaN() ? want2.isNaN() : [sum.toFixed(), sum.isNeg(), sum.eq(want2)]).toEqual(want2.isNaN() ? true : [want2.toFixed(), want2.isNeg(), true]);
      }),
      { numRuns: 2000 },
    );
  }, 60_000);
});

describe('order warnings with the cheap first comparison', () => {
  const positive = wireDecimal.map((d) => d.abs()).filter((d) => !d.isZero());
  const near = fc.tuple(positive, fc.integer({ min: -2000, max: 2000 })).map(([r, bp]) => ({ reference: r, price: r.times(10000 + bp).div(10000).toDecimalPlaces(12) }));
  it('say exactly what they said, near and far from the warning percent', () => {
    fc.assert(
      fc.property(
        fc.oneof(near, fc.record({ reference: anyDecimal, price: anyDecimal })),
        fc.constantFrom('buy', 'sell', 'sellShort', undefined),
        fc.oneof(fc.constantFrom(dec(3), dec('0.5'), dec('12.345')), positive),
        fc.option(anyDecimal, { nil: undefined }),
        ({ reference, price }, side, warnCollarPercent, notional) => {
          if (!price.isFinite() || !reference.isFinite()) return;
          const w: WarningInput = { symbol: 'AAPL', side, currency: 'USD', price, reference, notional, warnCollarPercent, warnNotional: dec(1_000_000) };
          expect(orderWarnings(w)).toEqual(orderWarningsBefore(w));
        },
      ),
      { numRuns: 2000 },
    );
  }, 60_000);

  it('still warn at one hundredth of a percent past the threshold, and not at it', () => {
    const base = { symbol: 'AAPL', side: 'buy', currency: 'USD', reference: dec(100), notional: undefined, warnCollarPercent: dec(3), warnNotional: dec(1) };
    expect(orderWarnings({ ...base, price: dec('103') })).toEqual([]);
    expect(orderWarnings({ ...base, price: dec('103.0001') }).map((x) => x.message)).toEqual([
      'price far from market: 103.0001 is 3% from the reference 100 of AAPL (warning above 3%)',
    ]);
  });
});

// ------------------------------------------------------------------ the engine

const SYMBOLS = ['AAPL', 'ES', 'SAP', 'ZAR1', 'GODI', 'SUSP', 'NOPE'];
const ACCOUNTS = ['T1-MAIN', 'T1-HEDGE'];
const USERS: UserProfile[] = [TRADER, { ...TRADER, username: 'trader2', desk: 'Wealth Management' }];
const OPEN: OrderStatus[] = ['pendingNew', 'new', 'partiallyFilled', 'pendingCancel', 'pendingReplace'];
const DONE: OrderStatus[] = ['filled', 'canceled', 'rejected', 'expired'];
const LIMITS_WIDE = { ...LIMITS, traders: {}, accounts: { 'T1-MAIN': { buyingPower: '400000' } }, defaults: { ...LIMITS.defaults, collar: { percent: '4.5' }, throttle: { maxOrders: 2, perMs: 50 } } };

/** A price `bp` basis points from a base, on a 0.01 grid (a quarter for ES). */
const offset = (base: string, bp: number, tick: string) => dec(base).times(10000 + bp).div(10000).div(tick).floor().times(tick);

const orderStep = fc.record({
  kind: fc.constant('order' as const),
  user: fc.nat({ max: USERS.length - 1 }),
  symbol: fc.constantFrom(...SYMBOLS),
  account: fc.constantFrom(...ACCOUNTS),
  side: fc.constantFrom('buy' as const, 'sell' as const, 'sellShort' as const),
  type: fc.constantFrom('limit' as const, 'limit' as const, 'market' as const, 'stop' as const, 'stopLimit' as const),
  quantity: fc.oneof(fc.integer({ min: 1, max: 60_000 }).map((n) => dec(n)), fc.integer({ min: 1, max: 10_000 }).map((n) => dec(n).div(100))),
  bp: fc.integer({ min: -1500, max: 1500 }),
  stopBp: fc.integer({ min: -1500, max: 1500 }),
  session: fc.option(fc.nat({ max: 3 }), { nil: null }),
  locate: fc.boolean(),
  rest: fc.boolean(),
});
const quoteStep = fc.record({
  kind: fc.constant('quote' as const),
  symbol: fc.constantFrom('AAPL', 'ES', 'SAP', 'ZAR1', 'GODI'),
  bp: fc.integer({ min: -800, max: 800 }),
  shape: fc.constantFrom('two-sided', 'two-sided', 'two-sided', 'no-bid', 'stale', 'closed', 'preOpen', 'in-place'),
});
const worldStep = fc.record({
  kind: fc.constant('world' as const),
  position: fc.integer({ min: -2000, max: 2000 }),
  symbol: fc.constantFrom('AAPL', 'ES', 'SAP'),
  account: fc.constantFrom(...ACCOUNTS),
  kill: fc.constantFrom(undefined, 'halted' as const, 'reducing' as const, undefined, undefined),
  tick: fc.integer({ min: 0, max: 40 }),
});
const eventStep = fc.record({
  kind: fc.constant('event' as const),
  pick: fc.nat(),
  what: fc.constantFrom('new', 'fill', 'status', 'done', 'replace', 'fillAll'),
  fraction: fc.integer({ min: 1, max: 99 }),
  bp: fc.integer({ min: -300, max: 300 }),
});
const steps = fc.array(fc.oneof({ arbitrary: orderStep, weight: 5 }, quoteStep, worldStep, { arbitrary: eventStep, weight: 3 }), { minLength: 1, maxLength: 80, size: 'large' });
/** GODI is on the restricted list and SUSP not tradable: both need an instrument to get that far. */
const ALL_INSTRUMENTS = [...INSTRUMENTS, { ...INSTRUMENTS[0]!, symbol: 'GODI', referencePrice: dec(50) }, { ...INSTRUMENTS[0]!, symbol: 'SUSP', referencePrice: dec(5) }];

const BASE: Record<string, [string, string]> = { AAPL: ['100', '0.01'], ES: ['6000', '0.25'], SAP: ['200', '0.01'], ZAR1: ['10', '0.01'], GODI: ['50', '0.01'], SUSP: ['5', '0.01'], NOPE: ['1', '0.01'] };

function specOf(s: typeof orderStep extends fc.Arbitrary<infer T> ? T : never): OrderSpec {
  const [base, tick] = BASE[s.symbol]!;
  const price = offset(base, s.bp, tick);
  const stop = offset(base, s.stopBp, tick);
  const spec: Record<string, unknown> = { type: s.type, symbol: s.symbol, side: s.side, quantity: s.quantity, account: s.account, tif: s.type === 'market' ? 'ioc' : 'day' };
  if (s.type === 'limit' || s.type === 'stopLimit') spec.limitPrice = price;
  if (s.type === 'stop' || s.type === 'stopLimit') spec.stopPrice = stop;
  if (s.side === 'sellShort' && s.locate) spec.locate = 'LOC-1';
  return spec as unknown as OrderSpec;
}

describe('the engine with its fast paths', () => {
  for (const [name, limits] of [['the test limits', LIMITS], ['a percent-only collar and a tight throttle', LIMITS_WIDE]] as const) {
    it(`decides every order as before, word for word, over random flows (${name})`, () => {
      const seen = new Set<string>();
      fc.assert(
        fc.property(steps, (flow) => {
          let now = NOW;
          const quotes = new Map<string, QuoteWire>(Object.entries(BASE).slice(0, 5).map(([s, [b, t]]) => [s, quote(s, dec(b).minus(t).toFixed(), dec(b).plus(t).toFixed(), now - 1000)]));
          const positions = new Map<string, DecimalT>();
          const kill: { current: KillSwitch | undefined } = { current: undefined };
          const instrument = (s: string) => ALL_INSTRUMENTS.find((i) => i.symbol === s);
          const rateToBase = (c: string) => (c === 'USD' ? dec(1) : c === 'EUR' ? dec('1.2') : undefined);
          const spendNew = new DailySpend({ instrument, rateToBase });
          const spendOld = new DailySpendBefore({ instrument, rateToBase });
          const suitability = (req: { spec: OrderSpec }): RiskWarning[] | { block: string } | undefined =>
            req.spec.symbol === 'ES' && req.spec.account === 'T1-HEDGE' ? [{ rule: 'suitability', message: 'not for this client', requiresJustification: true }] : undefined;
          const deps = (spend: { spentToday(a: string, n: number): DecimalT }): PreTradeRiskDeps => ({
            limits: parseRiskLimits(limits),
            instrument,
            quote: (s) => quotes.get(s),
            positionOf: (a, s) => positions.get(`${a}/${s}`) ?? ZERO,
            killSwitch: { governing: () => kill.current },
            spentToday: (a) => spend.spentToday(a, now),
            suitability: suitability as PreTradeRiskDeps['suitability'],
            now: () => now,
          });
          const fresh = createPreTradeRisk(deps(spendNew));
          const old = createPreTradeRiskBefore(deps(spendOld));
          const totalsNew = createWorkingOrderTotals(instrument);
          const totalsOld = createWorkingOrderTotalsBefore(instrument);
          const orders = new Map<string, Order>();
          const track = (o: Order) => {
            orders.set(o.orderId, o);
            totalsNew.track(o);
            totalsOld.track(o);
          };
          let seq = 0;
          for (const step of flow) {
            switch (step.kind) {
              case 'order': {
                const spec = specOf(step);
                const replacing = [...orders.values()].find((o) => o.account === spec.account && !DONE.includes(o.status));
                const base = { user: USERS[step.user]!, spec, clOrdId: `C${++seq}`, sessionId: step.session, confirmed: false };
                const useReplace = step.rest && replacing !== undefined && seq % 3 === 0;
                const a = fresh.check({ ...base, working: useReplace ? totalsNew.excluding(replacing.orderId) : totalsNew, ...(useReplace ? { replacing } : {}) });
                const b = old.check({ ...base, working: useReplace ? totalsOld.excluding(replacing.orderId) : totalsOld, ...(useReplace ? { replacing } : {}) });
                expect(a).toEqual(b);
                if (a.ok) for (const w of a.warnings) seen.add(`warn ${w.rule}`);
                else seen.add(`reject ${a.rule}`);
                if (a.ok && a.warnings.length === 0) seen.add('ok');
                if (a.ok && step.rest) {
                  track({
                    orderId: `O${seq}`, clOrdId: `C${seq}`, origClOrdId: null, trader: 'trader1', account: spec.account, symbol: spec.symbol, side: spec.side,
                    type: spec.type, tif: 'day', quantity: spec.quantity, limitPrice: (spec as { limitPrice?: DecimalT }).limitPrice ?? null,
                    stopPrice: (spec as { stopPrice?: DecimalT }).stopPrice ?? null, expireAt: null, locate: null, status: 'pendingNew',
                    cumQty: ZERO, leavesQty: spec.quantity, filledNotional: ZERO, avgPx: ZERO, text: '', createdAt: now, updatedAt: now,
                  });
                }
                break;
              }
              case 'quote': {
                const [b, t] = BASE[step.symbol]!;
                const mid = offset(b, step.bp, t);
                const q = quote(step.symbol, mid.minus(t).toFixed(), mid.plus(t).toFixed(), step.shape === 'stale' ? now - 120_000 : now - 10,
                  step.shape === 'closed' ? 'closed' : step.shape === 'preOpen' ? 'preOpen' : undefined);
                if (step.shape === 'no-bid') quotes.set(step.symbol, { ...q, bid: '0' });
                else if (step.shape === 'in-place') {
                  // A quote object changed where it lies: what was parsed from it must not be reused.
                  const cur = quotes.get(step.symbol)!;
                  Object.assign(cur, { bid: q.bid, ask: q.ask, last: q.last });
                } else quotes.set(step.symbol, q);
                break;
              }
              case 'world':
                positions.set(`${step.account}/${step.symbol}`, dec(step.position));
                kill.current = step.kill === undefined ? undefined : { scope: { kind: 'all' }, mode: step.kill, reason: 'test', setBy: 'head', setAt: NOW };
                now += step.tick;
                break;
              case 'event': {
                const all = [...orders.values()];
                if (all.length === 0) break;
                const o = all[step.pick % all.length]!;
                if (DONE.includes(o.status)) break;
                let next: Order;
                if (step.what === 'new') next = { ...o, status: 'new' };
                else if (step.what === 'status') next = { ...o, status: OPEN[step.fraction % OPEN.length]! };
                else if (step.what === 'done') next = { ...o, status: DONE[step.fraction % DONE.length]! };
                else if (step.what === 'replace') next = { ...o, quantity: o.quantity.plus(step.fraction), leavesQty: o.leavesQty.plus(step.fraction), limitPrice: o.limitPrice && o.limitPrice.plus(dec(step.bp).div(100)) };
                else {
                  const qty = step.what === 'fillAll' ? o.leavesQty : o.leavesQty.times(step.fraction).div(100).toDecimalPlaces(2);
                  const left = o.leavesQty.minus(qty);
                  next = { ...o, cumQty: o.cumQty.plus(qty), leavesQty: left, status: left.isZero() ? 'filled' : 'partiallyFilled' };
                  const px = o.limitPrice ?? dec(BASE[o.symbol]![0]);
                  const fill = { account: o.account, symbol: o.symbol, side: o.side, quantity: qty, price: px, ts: now };
                  spendNew.apply(fill);
                  spendOld.apply(fill);
                }
                track(next);
                break;
              }
            }
          }
          // The totals themselves, asked directly, and a ticket's limits view.
          for (const account of ACCOUNTS) {
            for (const symbol of SYMBOLS) expect(totalsNew.exposure(account, symbol)).toEqual(totalsOld.exposure(account, symbol));
            const nb = totalsNew.buys(account);
            const ob = totalsOld.buys(account);
            expect([...nb.pricedByCurrency]).toEqual([...ob.pricedByCurrency]);
            expect([...nb.unpriced]).toEqual([...ob.unpriced]);
            expect(spendNew.spentToday(account, now)).toEqual(spendOld.spentToday(account, now));
          }
          const list = [...orders.values()].filter((o) => !DONE.includes(o.status));
          expect(fresh.limitsView(TRADER, list)).toEqual(old.limitsView(TRADER, list));
        }),
        { numRuns: 400 },
      );
      // The flows reach every rule and warning (else the comparison above proves little).
      const rules = ['killSwitch', 'throttle', 'tradable', 'restricted', 'sessionOpen', 'maxQuantity', 'priceCollar', 'maxNotional', 'shortLocate', 'positionLimit', 'buyingPower'];
      expect([...seen].sort()).toEqual(expect.arrayContaining(['ok', 'warn priceCollar', 'warn maxNotional', 'warn suitability', ...rules.map((r) => `reject ${r}`)]));
    }, 120_000);
  }
});
