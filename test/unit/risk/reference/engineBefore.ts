// The risk code as it was before the per-order cost cut (issue 4), kept verbatim as the reference the fast paths are compared with (riskFastPath.test.ts, test/bench/oms/riskCheck.bench.ts). Do not optimise.
/**
 * The pre-trade risk engine: gathers the facts of one order (limits that
 * apply, reference price, position, working orders, kill switch) and runs
 * the rules in a fixed order; the first reject wins. An order that passes
 * may still carry warnings, which the OMS turns into an orderWarning until
 * the trader confirms.
 */
import { type Decimal, ZERO, dec } from '../../../../src/core/decimal.ts';
import { type Instrument, notional } from '../../../../src/core/instrument.ts';
import type { Order, OrderSpec } from '../../../../src/core/order.ts';
import type { QuoteWire } from '../../../../src/core/protocol.ts';
import { referencePrice } from './collarBefore.ts';
import { type Touch, valuationPrice } from '../../../../src/core/risk/notional.ts';
import { orderWarnings } from './warningsBefore.ts';
import { type SessionState, type TradingSession, sessionStateAt } from '../../../../src/core/tradingSession.ts';
import type { UserProfile } from '../../../../src/core/users.ts';
import type { EffectiveLimits, RiskLimitsBook } from '../../../../server/risk/limitsConfig.ts';
import {
  type NotionalFacts,
  type RuleOutcome,
  buyingPowerRule,
  collarTarget,
  isBuy,
  killSwitchRule,
  maxNotionalRule,
  maxQuantityRule,
  ownPrice,
  positionLimitRule,
  priceCollarRule,
  restrictedRule,
  sessionRule,
  shortSaleRule,
  tradableRule,
} from './rulesBefore.ts';
import { SessionThrottle } from './throttleBefore.ts';
import type { KillSwitch, PreTradeRisk, RiskDecision, RiskRequest, RiskWarning, TradingMode } from '../../../../server/risk/types.ts';
import { type WorkingOrders, listWorkingOrders, workingBuysValue } from './workingOrdersBefore.ts';

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

function touchOf(q: QuoteWire | undefined): Touch | undefined {
  return q === undefined ? undefined : { bid: dec(q.bid), ask: dec(q.ask) };
}

function referenceOf(q: QuoteWire | undefined): Decimal | undefined {
  return q === undefined ? undefined : referencePrice({ bid: dec(q.bid), ask: dec(q.ask), last: dec(q.last) });
}

export function createPreTradeRisk(deps: PreTradeRiskDeps): RiskEngine {
  const { limits: book } = deps;
  const throttle = new SessionThrottle();

  function toBase(amount: Decimal, currency: string): Decimal | undefined {
    const rate = book.rateToBase(currency);
    return rate === undefined ? undefined : amount.times(rate);
  }

  const buyValuation = {
    instrument: deps.instrument,
    // Only a working market buy needs the touch (parsing a quote is the costly part).
    touch: (symbol: string) => touchOf(deps.quote(symbol)),
    toBase,
  };

  /** Buying power in use: today's net filled purchases plus the account's working buys, in the base currency. */
  function workingBuys(working: WorkingOrders, account: string): Decimal {
    return (deps.spentToday?.(account) ?? ZERO).plus(workingBuysValue(working.buys(account), buyValuation));
  }

  function sessionOf(symbol: string, instrument: Instrument): { state: SessionState; opensAt: string | undefined } {
    const session: TradingSession | undefined = book.sessionOverride(symbol) ?? instrument.session;
    const opensAt = session === undefined ? undefined : `${clock(session.open)} ${session.timeZone}`;
    if (book.tradingCalendar === 'feed') {
      const fromFeed = deps.quote(symbol)?.sessionState;
      if (fromFeed !== undefined) return { state: fromFeed, opensAt };
    }
    return { state: session === undefined ? 'open' : sessionStateAt(session, deps.now()), opensAt };
  }

  function check(req: RiskRequest): RiskDecision {
    const { spec, user } = req;
    const now = deps.now();
    const instrument = deps.instrument(spec.symbol);
    if (!instrument) return { ok: false, rule: 'tradable', reason: `not tradable: unknown symbol ${spec.symbol}` };
    const limits: EffectiveLimits = book.limitsFor(user, spec.account);
    const position = deps.positionOf(spec.account, spec.symbol);
    const exposure = req.working.exposure(spec.account, spec.symbol);
    const quote = deps.quote(spec.symbol);
    const reference = referenceOf(quote);

    const first = (...rules: (() => RuleOutcome)[]): RuleOutcome => {
      for (const rule of rules) {
        const out = rule();
        if (out) return out;
      }
      return undefined;
    };

    let notionalFacts: NotionalFacts | undefined;
    const valued = (): NotionalFacts => {
      if (notionalFacts) return notionalFacts;
      // priceCollarRule has made sure a market order has a live quote by now.
      const price = valuationPrice(spec as OrderSpec & { limitPrice?: Decimal; stopPrice?: Decimal }, touchOf(quote)) ?? reference ?? instrument.referencePrice;
      const local = notional(spec.quantity, price, instrument);
      return (notionalFacts = { local, currency: instrument.currency, base: toBase(local, instrument.currency), baseCurrency: book.baseCurrency });
    };

    const outcome = first(
      () => killSwitchRule(deps.killSwitch?.governing(user), spec, position, exposure),
      () => {
        if (req.sessionId === null) return undefined;
        const t = throttle.record(req.sessionId, now, limits.throttle.maxOrders, limits.throttle.perMs);
        if (t.ok) return undefined;
        return {
          rule: 'throttle',
          reason: `throttle: ${t.count} orders within ${limits.throttle.perMs} ms on this connection, over the limit of ${limits.throttle.maxOrders}; slow down`,
        };
      },
      () => tradableRule(spec.symbol, book.nonTradable(spec.symbol)),
      () => restrictedRule(spec.symbol, limits),
      () => {
        const s = sessionOf(spec.symbol, instrument);
        return sessionRule(spec, s.state, s.opensAt);
      },
      () => maxQuantityRule(spec, limits),
      () => priceCollarRule(spec, instrument, { price: reference, ageMs: quote === undefined ? undefined : Math.max(0, (deps.marketNow?.() ?? now) - quote.ts) }, limits),
      () => {
        // A market order needs a live touch to be valued; a one-sided book cannot value it.
        if (ownPrice(spec) !== undefined || valuationPrice(spec, touchOf(quote)) !== undefined) return undefined;
        return { rule: 'priceCollar', reason: `price collar fails closed: a market order for ${spec.symbol} needs a two-sided quote and there is none` };
      },
      () => maxNotionalRule(valued(), limits),
      () => shortSaleRule(spec, instrument, position, exposure),
      () => positionLimitRule(spec, position, exposure, limits.positionLimit(spec.symbol)),
      () => (limits.buyingPower === undefined || !isBuy(spec.side) ? undefined : buyingPowerRule(spec, valued(), workingBuys(req.working, spec.account), limits.buyingPower)),
    );
    if (outcome) return { ok: false, rule: outcome.rule, reason: outcome.reason };

    const warnings: RiskWarning[] = [];
    const suitability = deps.suitability?.(req);
    if (suitability !== undefined) {
      if ('block' in suitability) return { ok: false, rule: 'suitability', reason: suitability.block };
      warnings.push(...suitability);
    }
    const target = reference === undefined ? undefined : collarTarget(spec, reference);
    warnings.push(
      ...orderWarnings({
        symbol: spec.symbol,
        side: spec.side,
        currency: book.baseCurrency,
        price: target?.against === 'market' ? target.price : undefined,
        reference,
        notional: valued().base,
        warnCollarPercent: limits.warnCollarPercent,
        warnNotional: limits.warnNotional,
      }),
    );
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

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
