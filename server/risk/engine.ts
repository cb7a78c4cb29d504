/**
 * The pre-trade risk engine: gathers the facts of one order (limits that
 * apply, reference price, position, working orders, kill switch) and runs
 * the rules in a fixed order; the first reject wins. An order that passes
 * may still carry warnings, which the OMS turns into an orderWarning until
 * the trader confirms.
 */
import { type Decimal, ZERO, dec, mulDec, unitsAt } from '../../src/core/decimal.ts';
import type { Instrument } from '../../src/core/instrument.ts';
import type { Order, OrderSpec } from '../../src/core/order.ts';
import type { QuoteWire } from '../../src/core/protocol.ts';
import { type CollarBand, type CollarSpec, referencePrice } from '../../src/core/risk/collar.ts';
import { add, wholeNumberOf } from '../../src/core/risk/decimalCompare.ts';
import { type Touch, valuationPrice } from '../../src/core/risk/notional.ts';
import { orderWarnings } from '../../src/core/risk/warnings.ts';
import { type SessionState, type TradingSession, sessionStateAt } from '../../src/core/tradingSession.ts';
import type { UserProfile } from '../../src/core/users.ts';
import type { EffectiveLimits, RiskLimitsBook } from './limitsConfig.ts';
import {
  type NotionalFacts,
  type Reject,
  type RuleOutcome,
  type WorkingExposure,
  bandAround,
  buyingPowerRule,
  collarTarget,
  isBuy,
  killSwitchRule,
  maxNotionalRule,
  maxQuantityRule,
  ownPrice,
  positionLimitRule,
  priceCollarRuleOn,
  restrictedRule,
  sessionRule,
  shortSaleRule,
  tradableRule,
} from './rules.ts';
import { SessionThrottle } from './throttle.ts';
import type { KillSwitch, PreTradeRisk, RiskDecision, RiskRequest, RiskWarning, TradingMode } from './types.ts';
import { type WorkingOrders, contractValue, isOne, listWorkingOrders, workingBuysValue } from './workingOrders.ts';

export interface PreTradeRiskDeps {
  limits: RiskLimitsBook;
  instrument(symbol: string): Instrument | undefined;
  /** The latest quote of a symbol (reference price, touch, session state). */
  quote(symbol: string): QuoteWire | undefined;
  /** Net filled position of an account in a symbol, every trader of the account together. */
  positionOf(account: string, symbol: string): Decimal;
  /** The switch in force for a user, the most restrictive when several apply. */
  killSwitch?: { governing(user: UserProfile): KillSwitch | undefined };
  /** Net purchases of an account filled today, base currency (DailySpend): buying power they already used. */
  spentToday?: (account: string) => Decimal;
  /** Advisory accounts: the client book's suitability (warnings needing a justification, or a block). */
  suitability?: (req: RiskRequest) => RiskWarning[] | { block: string };
  now(): number;
  /**
   * The time quotes are judged against for staleness: a replay's quotes carry
   * their recorded times, so there it is the newest quote time seen; `now` by default.
   */
  marketNow?: () => number;
}

/** What the ticket needs to show "buying power after this order" and the same warnings (riskLimits). */
export interface RiskLimitsView {
  accounts: { account: string; currency: string; buyingPower: Decimal; used: Decimal }[];
  /** Per account, the fat-finger limits (notional in the base currency): the ticket warns before the gateway refuses. */
  orderLimits: { account: string; maxOrderQty: Decimal; maxOrderNotional: Decimal }[];
  warnNotional: Decimal;
  warnCollarPercent: Decimal;
  collarPercent: Decimal;
  mode: TradingMode;
  baseCurrency: string;
  fxRates: Record<string, string>;
}

export interface RiskEngine extends PreTradeRisk {
  /** The limits of a user's accounts; `working` are the user's working orders. */
  limitsView(user: UserProfile, working: readonly Order[]): RiskLimitsView;
}

/**
 * A quote's prices as decimals, parsed once per quote object (the same quote
 * answers many orders until the next tick) and kept beside it. The texts are
 * compared on every use, so a quote object changed in place is parsed again.
 */
interface QuoteFacts {
  readonly bidText: string;
  readonly askText: string;
  readonly touch: Touch;
  /** Made on first use (the last price is parsed only for a reference). */
  lastText: string | undefined;
  reference: Decimal | undefined;
}

const quoteFacts = new WeakMap<QuoteWire, QuoteFacts>();

function factsOf(q: QuoteWire): QuoteFacts {
  let f = quoteFacts.get(q);
  if (f === undefined || f.bidText !== q.bid || f.askText !== q.ask) {
    f = { bidText: q.bid, askText: q.ask, touch: { bid: dec(q.bid), ask: dec(q.ask) }, lastText: undefined, reference: undefined };
    quoteFacts.set(q, f);
  }
  return f;
}

function touchOf(q: QuoteWire | undefined): Touch | undefined {
  return q === undefined ? undefined : factsOf(q).touch;
}

function referenceOf(q: QuoteWire | undefined): Decimal | undefined {
  if (q === undefined) return undefined;
  const f = factsOf(q);
  if (f.lastText !== q.last) {
    f.reference = referencePrice({ bid: f.touch.bid, ask: f.touch.ask, last: dec(q.last) });
    f.lastText = q.last;
  }
  return f.reference;
}

/**
 * Collar bands by reference object: a market reference is the quote's (see
 * referenceOf), the same object for every order until the quote moves, and
 * the collar and instrument are the same few objects (limitsConfig shares
 * equal collars), so a band is worked out once per quote and collar.
 */
interface BandMemo {
  readonly collar: CollarSpec;
  readonly instrument: Instrument;
  readonly band: CollarBand | undefined;
}
const bandMemos = new WeakMap<Decimal, BandMemo[]>();
const MAX_BANDS_PER_REFERENCE = 4;

function cachedBand(reference: Decimal, collar: CollarSpec, instrument: Instrument): CollarBand | undefined {
  let memos = bandMemos.get(reference);
  if (memos === undefined) bandMemos.set(reference, (memos = []));
  for (const m of memos) if (m.collar === collar && m.instrument === instrument) return m.band;
  const band = bandAround(reference, collar, instrument);
  if (memos.length < MAX_BANDS_PER_REFERENCE) memos.push({ collar, instrument, band });
  return band;
}

export function createPreTradeRisk(deps: PreTradeRiskDeps): RiskEngine {
  const { limits: book } = deps;
  const throttle = new SessionThrottle();

  function toBase(amount: Decimal, currency: string): Decimal | undefined {
    const rate = book.rateToBase(currency);
    // × 1 leaves a value of at most 40 digits as it is (every decimal here is one).
    return rate === undefined ? undefined : isOne(rate) ? amount : mulDec(amount, rate);
  }

  const buyValuation = {
    instrument: deps.instrument,
    // Only a working market buy needs the touch.
    touch: (symbol: string) => touchOf(deps.quote(symbol)),
    toBase,
    isBase,
  };

  function isBase(currency: string): boolean {
    const rate = book.rateToBase(currency);
    return rate !== undefined && isOne(rate);
  }

  /** Buying power in use: today's net filled purchases plus the account's working buys, in the base currency. */
  function workingBuys(working: WorkingOrders, account: string): Decimal {
    const spent = deps.spentToday?.(account) ?? ZERO;
    return add(spent, working.buysValue ? working.buysValue(account, buyValuation) : workingBuysValue(working.buys(account), buyValuation));
  }

  /**
   * buyingPowerRule's pass decided in integers when every amount is short:
   * spent today + working buys + this order ≤ buying power, each × 10^places
   * (the finest places of the order, the limit and the spend). No Decimal is
   * made for the sums. False: not known this way, or over; the rule decides
   * (and words the reject).
   */
  function withinBuyingPower(working: WorkingOrders, account: string, base: Decimal | undefined, buyingPower: Decimal): boolean {
    if (base === undefined || working.buysValueUnits === undefined) return false;
    const spent = deps.spentToday?.(account) ?? ZERO;
    const workingUnits = working.buysValueUnits(account, buyValuation, Math.max(base.decimalPlaces(), buyingPower.decimalPlaces(), spent.decimalPlaces()));
    if (workingUnits === undefined) return false;
    const { units: w, places } = workingUnits;
    const s = unitsAt(spent, places);
    const b = unitsAt(base, places);
    const limit = unitsAt(buyingPower, places);
    // Non-negative terms: no partial sum can pass 2^53 and come back under it.
    if (s === undefined || b === undefined || limit === undefined || s < 0 || w < 0 || b < 0) return false;
    const total = s + w + b;
    // Each term is a safe integer; a total past 2^53 reads as at least 2^53 and goes to the rule.
    return total <= Number.MAX_SAFE_INTEGER && total <= limit;
  }

  function sessionStateOf(symbol: string, session: TradingSession | undefined): SessionState {
    if (book.tradingCalendar === 'feed') {
      const fromFeed = deps.quote(symbol)?.sessionState;
      if (fromFeed !== undefined) return fromFeed;
    }
    return session === undefined ? 'open' : sessionStateAt(session, deps.now());
  }

  /** The order's value: at its own price, else the touch it would take, else the reference. */
  function valueOf(spec: OrderSpec, instrument: Instrument, quote: QuoteWire | undefined, reference: Decimal | undefined): NotionalFacts {
    const price = valuationPrice(spec as OrderSpec & { limitPrice?: Decimal; stopPrice?: Decimal }, touchOf(quote)) ?? reference ?? instrument.referencePrice;
    const local = contractValue(spec.quantity, price, instrument.multiplier);
    return { local, currency: instrument.currency, base: toBase(local, instrument.currency), baseCurrency: book.baseCurrency };
  }

  /**
   * The rules in a fixed order, the first reject wins: kill switch, throttle,
   * tradable, restricted, session, quantity, price collar (and a market
   * order's two-sided quote), notional, short sale, position, buying power.
   * Written out, with no closure per order (each costs a __name call under tsx).
   */
  function check(req: RiskRequest): RiskDecision {
    const { spec, user } = req;
    const now = deps.now();
    const instrument = deps.instrument(spec.symbol);
    if (!instrument) return { ok: false, rule: 'tradable', reason: `not tradable: unknown symbol ${spec.symbol}` };
    const limits: EffectiveLimits = book.limitsFor(user, spec.account);
    const position = deps.positionOf(spec.account, spec.symbol);
    // Asked when a rule reads it (a buy with no kill switch needs it only past the whole-number position check).
    let exposure: WorkingExposure | undefined;
    const quote = deps.quote(spec.symbol);
    const reference = referenceOf(quote);

    let out: RuleOutcome;
    const kill = deps.killSwitch?.governing(user);
    if (kill !== undefined && (out = killSwitchRule(kill, spec, position, (exposure ??= req.working.exposure(spec.account, spec.symbol))))) return refused(out);
    if (req.sessionId !== null) {
      const count = throttle.record(req.sessionId, now, limits.throttle.perMs);
      if (count > limits.throttle.maxOrders) {
        return refused({
          rule: 'throttle',
          reason: `throttle: ${count} orders within ${limits.throttle.perMs} ms on this connection, over the limit of ${limits.throttle.maxOrders}; slow down`,
        });
      }
    }
    if ((out = tradableRule(spec.symbol, book.nonTradable(spec.symbol)))) return refused(out);
    if ((out = restrictedRule(spec.symbol, limits))) return refused(out);
    const session: TradingSession | undefined = book.sessionOverride(spec.symbol) ?? instrument.session;
    const state = sessionStateOf(spec.symbol, session);
    // Where the session opens is said only when it is closed.
    if ((out = sessionRule(spec, state, state !== 'closed' || session === undefined ? undefined : `${clock(session.open)} ${session.timeZone}`))) return refused(out);
    if ((out = maxQuantityRule(spec, limits))) return refused(out);
    const target = reference === undefined ? undefined : collarTarget(spec, reference);
    const ageMs = quote === undefined ? undefined : Math.max(0, (deps.marketNow?.() ?? now) - quote.ts);
    if ((out = priceCollarRuleOn(spec, instrument, { price: reference, ageMs }, limits, target, target?.against === 'market' ? cachedBand : bandAround))) return refused(out);
    // A market order needs a live touch to be valued; a one-sided book cannot value it.
    if (ownPrice(spec) === undefined && valuationPrice(spec, touchOf(quote)) === undefined) {
      return refused({ rule: 'priceCollar', reason: `price collar fails closed: a market order for ${spec.symbol} needs a two-sided quote and there is none` });
    }
    // priceCollarRule has made sure a market order has a live quote by now.
    const valued = valueOf(spec, instrument, quote, reference);
    if ((out = maxNotionalRule(valued, limits))) return refused(out);
    // A buy is never a short sale (shortSaleRule reads no exposure for it).
    if (!isBuy(spec.side) && (out = shortSaleRule(spec, instrument, position, (exposure ??= req.working.exposure(spec.account, spec.symbol))))) return refused(out);
    const positionLimit = limits.positionLimit(spec.symbol);
    if (positionLimit !== undefined && !withinWholeLimit(req.working, spec, position, positionLimit)) {
      if ((out = positionLimitRule(spec, position, (exposure ??= req.working.exposure(spec.account, spec.symbol)), positionLimit))) return refused(out);
    }
    if (limits.buyingPower !== undefined && isBuy(spec.side) && !withinBuyingPower(req.working, spec.account, valued.base, limits.buyingPower)) {
      if ((out = buyingPowerRule(spec, valued, workingBuys(req.working, spec.account), limits.buyingPower))) return refused(out);
    }

    const warnings: RiskWarning[] = [];
    const suitability = deps.suitability?.(req);
    if (suitability !== undefined) {
      if ('block' in suitability) return { ok: false, rule: 'suitability', reason: suitability.block };
      for (const w of suitability) warnings.push(w);
    }
    const found = orderWarnings({
      symbol: spec.symbol,
      side: spec.side,
      currency: book.baseCurrency,
      price: target?.against === 'market' ? target.price : undefined,
      reference,
      notional: valued.base,
      warnCollarPercent: limits.warnCollarPercent,
      warnNotional: limits.warnNotional,
    });
    for (const w of found) warnings.push(w);
    return { ok: true, warnings };
  }

  return {
    // A throw here (a bug) reaches the transport as INTERNAL before anything is journaled: the order is not sent.
    check,

    limitsView(user, workingList) {
      // Asked when a ticket opens, with the user's orders as a list: summed afresh.
      const working = listWorkingOrders(workingList, deps.instrument);
      const k = deps.killSwitch?.governing(user);
      const defaults = book.limitsFor(user, user.accounts[0] ?? '');
      const accounts = user.accounts.flatMap((account) => {
        const bp = book.limitsFor(user, account).buyingPower;
        return bp === undefined ? [] : [{ account, currency: book.baseCurrency, buyingPower: bp, used: workingBuys(working, account) }];
      });
      const orderLimits = user.accounts.map((account) => {
        const l = book.limitsFor(user, account);
        return { account, maxOrderQty: l.maxOrderQty, maxOrderNotional: l.maxOrderNotional };
      });
      return {
        accounts,
        orderLimits,
        warnNotional: defaults.warnNotional,
        warnCollarPercent: defaults.warnCollarPercent,
        collarPercent: defaults.collar.percent ?? ZERO,
        mode: k?.mode ?? 'active',
        baseCurrency: book.baseCurrency,
        fxRates: book.file.fxRates,
      };
    },
  };
}

/**
 * positionLimitRule's pass, decided in whole numbers when position, working
 * quantity, order quantity and limit all are (shares mostly are): each under
 * 10^14 and the working sum under 2^52, so the sum is exact as a double, as
 * it is in decimal.js. False: not known this way, or over; the rule decides
 * (and words the reject).
 */
function withinWholeLimit(working: WorkingOrders, spec: OrderSpec, position: Decimal, limit: Decimal): boolean {
  const buy = isBuy(spec.side);
  const w = working.wholeWorking?.(spec.account, spec.symbol, buy);
  if (w === undefined) return false;
  const p = wholeNumberOf(position);
  const q = wholeNumberOf(spec.quantity);
  const l = wholeNumberOf(limit);
  if (p === undefined || q === undefined || l === undefined) return false;
  return Math.abs(buy ? p + w + q : p - w - q) <= l;
}

function refused(out: Reject): RiskDecision {
  return { ok: false, rule: out.rule, reason: out.reason };
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
