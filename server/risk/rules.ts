/**
 * The pre-trade rules, one pure function each: facts in, nothing or a reject
 * out. A reject names its rule and the numbers that broke it, in words a
 * trader reads in the blotter. The engine (engine.ts) gathers the facts.
 */
import { Decimal, ZERO, toWire } from '../../src/core/decimal.ts';
import type { Instrument } from '../../src/core/instrument.ts';
import type { Order, OrderSpec } from '../../src/core/order.ts';
import { type CollarBand, type CollarSpec, aggressiveInsideCollar, collarBand, collarDistancePercent, collarWidth, isAggressive, isInsideBand } from '../../src/core/risk/collar.ts';
import { add, compareAbs, lte } from '../../src/core/risk/decimalCompare.ts';
import { formatAmount, formatMoney, formatPercent } from '../../src/core/risk/format.ts';
import { collarEdgeOnGrid } from '../../src/core/risk/collarEdge.ts';
import { tickSizeAt } from '../../src/core/tickTable.ts';
import type { SessionState } from '../../src/core/tradingSession.ts';
import type { EffectiveLimits } from './limitsConfig.ts';
import type { KillSwitch, RiskRuleId } from './types.ts';

export interface Reject {
  readonly rule: RiskRuleId;
  readonly reason: string;
}
export type RuleOutcome = Reject | undefined;

const reject = (rule: RiskRuleId, reason: string): Reject => ({ rule, reason });

/** sellShort trades as a sale; compared as text so the rule reads the same for every side the order model has. */
export function isBuy(side: string): boolean {
  return side === 'buy';
}
export function isShortSale(side: string): boolean {
  return side === 'sellShort';
}
/** +quantity for a buy, −quantity for any sale. */
export function signedQuantity(side: string, quantity: Decimal): Decimal {
  return isBuy(side) ? quantity : quantity.neg();
}

/** The order's own price: its limit, else its stop trigger; undefined for a market order. */
export function ownPrice(spec: OrderSpec): Decimal | undefined {
  const s = spec as { limitPrice?: Decimal | null; stopPrice?: Decimal | null };
  return s.limitPrice ?? s.stopPrice ?? undefined;
}

export function locateOf(spec: OrderSpec): string | undefined {
  const locate = (spec as { locate?: string | null }).locate;
  return locate === null || locate === undefined || locate.trim() === '' ? undefined : locate;
}

/** Orders still able to trade on the same account and symbol, split by side: Σ leaves. */
export interface WorkingExposure {
  readonly buys: Decimal;
  /** Plain sells (long sales): they use up the long position. */
  readonly longSells: Decimal;
  /** Every sale, long or short: what the short side of a position limit counts. */
  readonly allSells: Decimal;
}

export function workingExposure(working: readonly Order[], account: string, symbol: string): WorkingExposure {
  let buys = ZERO;
  let longSells = ZERO;
  let allSells = ZERO;
  for (const o of working) {
    if (o.account !== account || o.symbol !== symbol) continue;
    if (isBuy(o.side)) buys = buys.plus(o.leavesQty);
    else {
      allSells = allSells.plus(o.leavesQty);
      if (!isShortSale(o.side)) longSells = longSells.plus(o.leavesQty);
    }
  }
  return { buys, longSells, allSells };
}

function describeScope(k: KillSwitch): string {
  switch (k.scope.kind) {
    case 'trader':
      return `for ${k.scope.trader}`;
    case 'desk':
      return `for desk ${k.scope.desk}`;
    case 'all':
      return 'for all trading';
  }
}

function describeSwitch(k: KillSwitch): string {
  return `set ${describeScope(k)} by ${k.setBy} at ${new Date(k.setAt).toISOString().slice(11, 16)} UTC: ${k.reason}`;
}

/**
 * HALTED refuses everything. REDUCING lets an order through only when it
 * moves the position towards flat without crossing it, counting the working
 * orders already reducing it (two sells of 60 against a long of 100 would flip it).
 */
export function killSwitchRule(k: KillSwitch | undefined, spec: OrderSpec, position: Decimal, exposure: WorkingExposure): RuleOutcome {
  if (k === undefined) return undefined;
  if (k.mode === 'halted') return reject('killSwitch', `kill switch: trading is HALTED (${describeSwitch(k)})`);
  const signed = signedQuantity(spec.side, spec.quantity);
  const alreadyReducing = position.gt(0) ? exposure.allSells.neg() : position.lt(0) ? exposure.buys : ZERO;
  const reduces = !position.isZero() && signed.isNeg() !== position.isNeg() && alreadyReducing.plus(signed).abs().lte(position.abs());
  if (reduces) return undefined;
  return reject(
    'killSwitch',
    `kill switch: REDUCING only (${describeSwitch(k)}); this order would not reduce the position of ` +
      `${formatAmount(position)} ${spec.symbol} in ${spec.account}` +
      (alreadyReducing.isZero() ? '' : ` (${formatAmount(alreadyReducing.abs())} already on working orders reducing it)`),
  );
}

export function tradableRule(symbol: string, whyNot: string | undefined): RuleOutcome {
  return whyNot === undefined ? undefined : reject('tradable', `not tradable: ${symbol} (${whyNot})`);
}

export function restrictedRule(symbol: string, limits: EffectiveLimits): RuleOutcome {
  const why = limits.restricted.get(symbol);
  return why === undefined ? undefined : reject('restricted', `restricted list: ${symbol} may not be traded (${why})`);
}

/**
 * Closed: nothing is accepted. Pre-open: only orders that can wait for the
 * open (a limit that is not IOC or FOK); a market order has no price to wait at.
 */
export function sessionRule(spec: OrderSpec, state: SessionState, opensAt: string | undefined): RuleOutcome {
  if (state === 'open') return undefined;
  if (state === 'closed') {
    return reject('sessionOpen', `session closed: ${spec.symbol} is not trading now${opensAt === undefined ? '' : ` (its session opens ${opensAt})`}`);
  }
  const s = spec as { type: string; tif: string };
  if (s.type === 'market' || s.type === 'stop') return reject('sessionOpen', `session in pre-open: a ${s.type} order for ${spec.symbol} cannot be accepted before the open; send a limit order`);
  if (s.tif === 'ioc' || s.tif === 'fok') return reject('sessionOpen', `session in pre-open: an ${s.tif.toUpperCase()} order for ${spec.symbol} cannot execute before the open`);
  return undefined;
}

export function maxQuantityRule(spec: OrderSpec, limits: EffectiveLimits): RuleOutcome {
  if (lte(spec.quantity, limits.maxOrderQty)) return undefined;
  return reject('maxQuantity', `fat finger: order quantity ${formatAmount(spec.quantity)} exceeds the per-order limit of ${formatAmount(limits.maxOrderQty)}`);
}

export interface ReferenceFacts {
  readonly price: Decimal | undefined;
  /** Milliseconds since the quote behind it; undefined when there is no quote. */
  readonly ageMs: number | undefined;
}

/**
 * Fails closed: without a fresh reference no price can be judged, and a
 * market order cannot be valued, so the order is refused rather than waved
 * through. Then the order's own price must sit inside the collar on the side
 * where it would trade through the market (see isAggressive).
 */
export function priceCollarRule(spec: OrderSpec, instrument: Instrument, ref: ReferenceFacts, limits: EffectiveLimits): RuleOutcome {
  return priceCollarRuleOn(spec, instrument, ref, limits, ref.price === undefined ? undefined : collarTarget(spec, ref.price), bandAround);
}

/** The band a collar allows around a reference; undefined when no collar is configured. */
export type BandOf = (reference: Decimal, collar: CollarSpec, instrument: Instrument) => CollarBand | undefined;

export function bandAround(reference: Decimal, collar: CollarSpec, instrument: Instrument): CollarBand | undefined {
  const width = collarWidth(reference, collar, instrument);
  return width === undefined ? undefined : collarBand(reference, width);
}

/**
 * priceCollarRule with what the engine already has: the collar target of the
 * order against `ref.price` (collarTarget; it is needed again for the
 * warnings) and the band from its cache (a band changes with the quote and
 * the limits, not with the order).
 */
export function priceCollarRuleOn(
  spec: OrderSpec,
  instrument: Instrument,
  ref: ReferenceFacts,
  limits: EffectiveLimits,
  target: CollarTarget | undefined,
  bandOf: BandOf,
): RuleOutcome {
  if (ref.price === undefined || ref.ageMs === undefined) {
    return reject('priceCollar', `price collar fails closed: there is no reference price for ${spec.symbol}`);
  }
  if (ref.ageMs > limits.maxReferenceAgeMs) {
    return reject(
      'priceCollar',
      `price collar fails closed: the reference price of ${spec.symbol} is ${seconds(ref.ageMs)} old, older than the ${seconds(limits.maxReferenceAgeMs)} allowed`,
    );
  }
  if (target === undefined || !isAggressive(spec.side, target.price, target.reference)) return undefined;
  // Most aggressive prices are well inside: decided in integers, no band built (the band words a reject).
  if (aggressiveInsideCollar(target.price, target.reference, limits.collar, instrument) === true) return undefined;
  const band = bandOf(target.reference, limits.collar, instrument);
  if (band === undefined) return undefined;
  if (isInsideBand(target.price, band)) return undefined;
  const px = (p: Decimal) => priceText(p, instrument);
  // The edge as a price the trader can type: the last tick inside the band.
  const bound = isBuy(spec.side) ? `at most ${px(collarEdgeOnGrid(band.high, instrument, 'down'))}` : `at least ${px(collarEdgeOnGrid(band.low, instrument, 'up'))}`;
  const against = target.against === 'market' ? `the reference ${px(target.reference)} of ${spec.symbol}` : `the stop price ${px(target.reference)}`;
  return reject(
    'priceCollar',
    `price collar: ${px(target.price)} is ${formatPercent(collarDistancePercent(target.price, target.reference))}% ${isBuy(spec.side) ? 'above' : 'below'} ` +
      `${against}; the collar (${describeCollar(limits)}) allows ${bound}`,
  );
}

export interface CollarTarget {
  readonly price: Decimal;
  readonly reference: Decimal;
  readonly against: 'market' | 'stop';
}

/**
 * What the collar compares: a limit order's limit with the market's
 * reference; a stop-limit's limit with its stop price (the market it will
 * meet when triggered, so a breakout order far from today's price is not a
 * fat finger); nothing for a market or stop order, which has no price of its
 * own to trade at.
 */
export function collarTarget(spec: OrderSpec, marketReference: Decimal): CollarTarget | undefined {
  const s = spec as { limitPrice?: Decimal | null; stopPrice?: Decimal | null };
  if (!s.limitPrice) return undefined;
  if (s.stopPrice) return { price: s.limitPrice, reference: s.stopPrice, against: 'stop' };
  return { price: s.limitPrice, reference: marketReference, against: 'market' };
}

/** A price as the trader typed it: at least the places of the tick at that price (a mid may have one more). */
function priceText(p: Decimal, instrument: Instrument): string {
  return p.toFixed(Math.max(p.decimalPlaces(), tickSizeAt(instrument, p).decimalPlaces()));
}

function describeCollar(limits: EffectiveLimits): string {
  const parts: string[] = [];
  if (limits.collar.percent !== undefined) parts.push(`${toWire(limits.collar.percent)}%`);
  if (limits.collar.ticks !== undefined) parts.push(`${limits.collar.ticks} ticks`);
  return parts.join(' or ');
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${toWire(new Decimal(ms).div(1000).toDecimalPlaces(1, Decimal.ROUND_DOWN))} s`;
}

/** An order's notional in the instrument's currency and in the limits' base currency. */
export interface NotionalFacts {
  readonly local: Decimal;
  readonly currency: string;
  /** Undefined when the limits have no rate for the currency. */
  readonly base: Decimal | undefined;
  readonly baseCurrency: string;
}

function money(n: NotionalFacts): string {
  const local = `${formatMoney(n.local)} ${n.currency}`;
  return n.currency === n.baseCurrency || n.base === undefined ? local : `${local} (${formatMoney(n.base)} ${n.baseCurrency})`;
}

export function maxNotionalRule(n: NotionalFacts, limits: EffectiveLimits): RuleOutcome {
  if (n.base === undefined) {
    return reject('maxNotional', `fat finger check fails closed: the risk limits have no ${n.currency}/${n.baseCurrency} rate to value the order in ${n.baseCurrency}`);
  }
  if (lte(n.base, limits.maxOrderNotional)) return undefined;
  return reject('maxNotional', `fat finger: order notional ${money(n)} exceeds the per-order limit of ${formatMoney(limits.maxOrderNotional)} ${n.baseCurrency}`);
}

/**
 * Reg SHO style marking: a sale is "long" only up to what the account holds
 * (less what working long sales already offer); beyond that it is a short
 * sale, which must be sent as sell short with a locate. Futures and FX go
 * short without borrowing anything, so a plain sell there may cross zero.
 */
export function shortSaleRule(spec: OrderSpec, instrument: Instrument, position: Decimal, exposure: WorkingExposure): RuleOutcome {
  if (isShortSale(spec.side)) {
    if (locateOf(spec) !== undefined) return undefined;
    return reject('shortLocate', `short sale without locate: sell short ${spec.symbol} needs the locate id from your stock loan desk`);
  }
  if (isBuy(spec.side) || (instrument.assetClass !== 'equity' && instrument.assetClass !== 'etf')) return undefined;
  const available = Decimal.max(ZERO, position.minus(exposure.longSells));
  if (spec.quantity.lte(available)) return undefined;
  return reject(
    'shortLocate',
    `sale exceeds position: selling ${formatAmount(spec.quantity)} ${spec.symbol} but ${spec.account} holds ${formatAmount(position)}` +
      (exposure.longSells.isZero() ? '' : ` (${formatAmount(exposure.longSells)} already on working sells)`) +
      `; sell the rest as sell short with a locate`,
  );
}

/**
 * The side of the book the order adds to is summed as if every working order
 * on that side filled: |position + working buys + this buy| (or the same with
 * sales) must stay within the limit.
 */
export function positionLimitRule(spec: OrderSpec, position: Decimal, exposure: WorkingExposure, limit: Decimal | undefined): RuleOutcome {
  if (limit === undefined) return undefined;
  const buy = isBuy(spec.side);
  const working = buy ? exposure.buys : exposure.allSells;
  const worst = buy ? add(add(position, working), spec.quantity) : position.minus(working).minus(spec.quantity);
  // |worst| ≤ limit, without the copy abs() makes (a limit below zero holds nothing).
  if (compareAbs(worst, limit) <= 0 && (!limit.isNeg() || limit.isZero())) return undefined;
  return reject(
    'positionLimit',
    `position limit: ${spec.symbol} in ${spec.account} could reach ${formatAmount(worst)} ` +
      `(position ${formatAmount(position)}, working ${buy ? 'buys' : 'sales'} ${formatAmount(working)}, this order ${formatAmount(spec.quantity)}), ` +
      `beyond the limit of ${formatAmount(limit)}`,
  );
}

/** Buying power in the base currency: the account's purchases today, its working buys and this buy may not exceed it. */
export function buyingPowerRule(spec: OrderSpec, n: NotionalFacts, used: Decimal, buyingPower: Decimal | undefined): RuleOutcome {
  if (buyingPower === undefined || !isBuy(spec.side) || n.base === undefined) return undefined;
  const total = add(used, n.base);
  if (lte(total, buyingPower)) return undefined;
  return reject(
    'buyingPower',
    `buying power: ${spec.account} would commit ${formatMoney(total)} ${n.baseCurrency} ` +
      `(bought today and working buys ${formatMoney(used)} + this order ${formatMoney(n.base)}), over its buying power of ${formatMoney(buyingPower)} ${n.baseCurrency}`,
  );
}
