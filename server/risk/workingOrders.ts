/**
 * The working orders the pre-trade rules count, kept as running totals so a
 * check costs the same with five working orders or fifty thousand. The OMS
 * (the single writer of order state) calls `track` with every new state of
 * every order; the totals move by what that order added before and adds now.
 *
 * Everything is summed exactly (decimal.js, 40 significant digits), so a
 * total built up and down incrementally equals the same sum taken afresh over
 * the list (test/unit/risk/workingOrders.test.ts checks that on random flows).
 * `listWorkingOrders` is that list form: tests and the ticket's limits view
 * use it, where the orders are a list anyway.
 */
import { Decimal, ZERO, addDec, fromUnits, mulDec, subDec, unitsAt } from '../../src/core/decimal.ts';
import { ExactSum } from './exactSum.ts';
import { type Instrument, notional } from '../../src/core/instrument.ts';
import { type Order, isTerminal } from '../../src/core/order.ts';
import { add, eq, wholeNumberOf } from '../../src/core/risk/decimalCompare.ts';
import { type Touch, valuationPrice } from '../../src/core/risk/notional.ts';
import { type WorkingExposure, isBuy, isShortSale } from './rules.ts';

/** An account's working buys, as buying power counts them. */
export interface WorkingBuys {
  /**
   * Σ leaves × own price (limit, else stop) × multiplier of the working buys
   * that carry a price, per instrument currency (the rate to base is applied
   * by the engine, which holds the limits' rates).
   */
  readonly pricedByCurrency: ReadonlyMap<string, Decimal>;
  /** Working buys without a price of their own (market): the engine values them at the touch of the moment. */
  readonly unpriced: Iterable<Order>;
}

/** What the engine asks about working orders; see `RiskRequest.working`. */
export interface WorkingOrders {
  /** Σ leaves of the working orders on this account and symbol, by side. */
  exposure(account: string, symbol: string): WorkingExposure;
  buys(account: string): WorkingBuys;
  /**
   * Σ leaves of the working buys (buy) or of all sales on this account and
   * symbol as a plain number, when it is a whole number kept exactly as one
   * (see QuantitySum); undefined when not, or not known this way.
   */
  wholeWorking?(account: string, symbol: string, buy: boolean): number | undefined;
  /** workingBuysValue(buys(account), v), summed straight from the totals without making the `buys` answer. */
  buysValue?(account: string, v: BuyValuation): Decimal;
  /**
   * buysValue(account, v) as a safe integer of units of 10^-places, places
   * at least `atLeastPlaces` (finer when a sum is), with no Decimal made for
   * the sums; undefined when not known this way (a market buy, a sum too
   * long). The answer is one object reused by every call: read it at once.
   */
  buysValueUnits?(account: string, v: BuyValuation, atLeastPlaces: number): ScaledAmount | undefined;
}

export type InstrumentLookup = (symbol: string) => Pick<Instrument, 'multiplier' | 'currency'> | undefined;

/** What one working order adds to the totals; kept so it can be taken out exactly as it went in. */
interface Contribution {
  /** The order's latest state (replaced in place when an event leaves the contribution as it was). */
  order: Order;
  readonly buy: boolean;
  readonly shortSale: boolean;
  readonly leaves: Decimal;
  /** A priced buy's notional in its currency; undefined for a sale, an unpriced buy or an unknown instrument. */
  readonly priced: PricedBuy | undefined;
  /** A market buy of a known instrument. */
  readonly unpriced: boolean;
}

/**
 * A priced working buy's notional (leaves × own price × multiplier) in its currency, kept for as long
 * as the order works so it can be taken out of the sum exactly as it went in. Kept as a safe integer of
 * units when it is one (nearly always): a Decimal and its digit array were ~150 bytes held per working
 * buy; the units add to the currency's sum as the Decimal did (ExactSum.addUnits), and `local` makes
 * the very same Decimal when one is asked for.
 */
class PricedBuy {
  /** The notional × 10^places, or 0 when `exact` holds it. */
  private readonly units: number;
  private readonly places: number;
  /** The notional itself when it is no non-zero safe integer of units. */
  private readonly exact: Decimal | undefined;

  constructor(
    readonly currency: string,
    local: Decimal,
  ) {
    const places = local.decimalPlaces();
    const units = unitsAt(local, places);
    const inUnits = units !== undefined && units !== 0;
    this.units = inUnits ? units : 0;
    this.places = inUnits ? places : 0;
    this.exact = inUnits ? undefined : local;
  }

  get local(): Decimal {
    return this.exact ?? fromUnits(this.units, this.places);
  }

  /** sum.add(this.local, sign). */
  addTo(sum: ExactSum, sign: 1 | -1): void {
    if (this.exact !== undefined) sum.add(this.exact, sign);
    else sum.addUnits(this.units, this.places, sign);
  }
}

/**
 * A running sum of quantities: a plain number while every quantity in it is a
 * whole number (shares and lots mostly are), exact up to 2^53, else a
 * Decimal. Whole numbers add up exactly either way, so the number is the very
 * sum decimal.js would have reached, and it goes on as a Decimal from there.
 */
type QuantitySum = number | Decimal;

/** Within this, a sum of whole numbers (each under 10^14) stays exact as a double. */
const EXACT_LIMIT = 2 ** 52;

function plusQuantity(sum: QuantitySum, x: Decimal, sign: 1 | -1): QuantitySum {
  if (typeof sum === 'number') {
    const n = wholeNumberOf(x);
    if (n !== undefined) {
      const r = sign === 1 ? sum + n : sum - n;
      if (r <= EXACT_LIMIT && r >= -EXACT_LIMIT) return r;
    }
    sum = quantityOf(sum);
  }
  return sign === 1 ? addDec(sum, x) : subDec(sum, x);
}

function quantityOf(sum: QuantitySum): Decimal {
  if (typeof sum !== 'number') return sum;
  // 0 (either sign) is decimal.js's +0, as x − x and 0 + 0 give.
  return sum === 0 ? ZERO : new Decimal(sum);
}

interface ExposureTotals {
  count: number;
  buys: QuantitySum;
  longSells: QuantitySum;
  allSells: QuantitySum;
  /** What `exposure` answers, made on the first question after a change (a check asks once per order, track runs several times). */
  view: WorkingExposure | undefined;
}

/** An amount as a safe integer of units of 10^-places. */
export interface ScaledAmount {
  units: number;
  places: number;
}

/** The working buys of one currency: the sum and the currency it is in. */
class CurrencySum extends ExactSum {
  constructor(readonly currency: string) {
    super();
  }
}

/** One answer object for buysValueUnits (read at once by the caller). */
const SCALED_BUYS: ScaledAmount = { units: 0, places: 0 };

interface BuyTotals {
  /** currency → running sum and how many orders are in it (an emptied bucket is dropped, reading ZERO again). */
  priced: Map<string, CurrencySum>;
  /** The sums of `priced`, made when read after a currency came or went: buysValueUnits walks it with no iterator (their order does not matter to an integer sum). */
  sums: CurrencySum[] | undefined;
  unpriced: Map<string, Order>;
  /** What `buys` answers, made on the first question after a change. */
  view: WorkingBuys | undefined;
}

const NO_EXPOSURE: WorkingExposure = { buys: ZERO, longSells: ZERO, allSells: ZERO };
const NO_BUYS: WorkingBuys = { pricedByCurrency: new Map(), unpriced: [] };


/** Two prices (or absences of one) that are the same price. */
function samePrice(a: Decimal | null, b: Decimal | null): boolean {
  return a === b || (a !== null && b !== null && eq(a, b));
}

/**
 * Whether a new state of an order adds exactly what its contribution holds:
 * still working, same account, symbol and side, the same leaves at the same
 * prices. PendingNew → New, a pending cancel or replace, a restatement: most
 * events of an order's life change nothing the risk rules count. (The
 * instrument of a symbol does not change while the gateway runs.)
 */
function unchanged(c: Contribution, order: Order): boolean {
  const was = c.order;
  return (
    !isTerminal(order.status) &&
    (order.leavesQty === c.leaves || eq(order.leavesQty, c.leaves)) &&
    order.side === was.side &&
    order.symbol === was.symbol &&
    order.account === was.account &&
    samePrice(order.limitPrice, was.limitPrice) &&
    samePrice(order.stopPrice, was.stopPrice)
  );
}

function contributionOf(order: Order, instrument: InstrumentLookup): Contribution | undefined {
  if (isTerminal(order.status)) return undefined;
  const buy = isBuy(order.side);
  const ins = buy ? instrument(order.symbol) : undefined;
  const ownPrice = order.limitPrice ?? order.stopPrice ?? undefined;
  return {
    order,
    buy,
    shortSale: isShortSale(order.side),
    leaves: order.leavesQty,
    priced: ins !== undefined && ownPrice !== undefined ? new PricedBuy(ins.currency, contractValue(order.leavesQty, ownPrice, ins.multiplier)) : undefined,
    unpriced: ins !== undefined && ownPrice === undefined,
  };
}

/**
 * quantity × price × multiplier, as `notional` of src/core/instrument.ts
 * computes it; the × 1 of most instruments is skipped, which leaves the value
 * as it was: a product is already rounded to the 40 digits (and a parsed
 * decimal holds at most 32), so × 1 changes nothing.
 */
export function contractValue(quantity: Decimal, price: Decimal, multiplier: Decimal): Decimal {
  // The check values an order, then the OMS tracks it as pendingNew with the very same quantity and
  // price objects: the last product answers that second question (decimals are immutable).
  if (quantity === last.quantity && price === last.price && multiplier === last.multiplier) return last.value;
  const product = mulDec(quantity, price);
  const value = isOne(multiplier) ? product : mulDec(product, multiplier);
  last.quantity = quantity;
  last.price = price;
  last.multiplier = multiplier;
  last.value = value;
  return value;
}

const last: { quantity: Decimal | undefined; price: Decimal | undefined; multiplier: Decimal | undefined; value: Decimal } = {
  quantity: undefined,
  price: undefined,
  multiplier: undefined,
  value: ZERO,
};

/**
 * Whether a decimal is 1 (d.eq(1)), read off its fields: decimal.js holds 1
 * as the one word [1] at exponent 0, sign +1, and nothing else equals 1.
 * Cheaper than remembering it per object (a WeakMap look-up).
 */
export function isOne(d: Decimal): boolean {
  const { d: words, e, s } = d as unknown as { d: readonly number[] | null; e: number; s: number };
  return words !== null && words.length === 1 && words[0] === 1 && e === 0 && s === 1;
}

/** The running totals; `track` every new state of every order (terminal states take the order out). */
export interface WorkingOrderTotals extends WorkingOrders {
  track(order: Order): void;
  /** The same totals without one order (a cancel/replace is judged without the order it replaces). */
  excluding(orderId: string): WorkingOrders;
}

export function createWorkingOrderTotals(instrument: InstrumentLookup): WorkingOrderTotals {
  const contributions = new Map<string, Contribution>();
  /** account → symbol → totals: two lookups on the order's own strings, no key to build. */
  const exposures = new Map<string, Map<string, ExposureTotals>>();
  const buysByAccount = new Map<string, BuyTotals>();

  function apply(c: Contribution, sign: 1 | -1): void {
    const { account, symbol } = c.order;
    let bySymbol = exposures.get(account);
    if (!bySymbol) exposures.set(account, (bySymbol = new Map()));
    let e = bySymbol.get(symbol);
    if (!e) bySymbol.set(symbol, (e = { count: 0, buys: 0, longSells: 0, allSells: 0, view: undefined }));
    // x − y is the same correctly rounded number as x + (−y), without the negated copy.
    e.count += sign;
    e.view = undefined;
    if (e.count === 0) {
      bySymbol.delete(symbol);
      if (bySymbol.size === 0) exposures.delete(account);
    }
    else if (c.buy) e.buys = plusQuantity(e.buys, c.leaves, sign);
    else {
      e.allSells = plusQuantity(e.allSells, c.leaves, sign);
      if (!c.shortSale) e.longSells = plusQuantity(e.longSells, c.leaves, sign);
    }
    if (c.priced === undefined && !c.unpriced) return;
    let b = buysByAccount.get(account);
    if (!b) buysByAccount.set(account, (b = { priced: new Map(), sums: undefined, unpriced: new Map(), view: undefined }));
    b.view = undefined;
    if (c.priced) {
      const { currency } = c.priced;
      let bucket = b.priced.get(currency);
      if (!bucket) {
        b.priced.set(currency, (bucket = new CurrencySum(currency)));
        b.sums = undefined;
      }
      bucket.count += sign;
      if (bucket.count === 0) {
        b.priced.delete(currency);
        b.sums = undefined;
      }
      else c.priced.addTo(bucket, sign);
    } else if (sign === 1) b.unpriced.set(c.order.orderId, c.order);
    else b.unpriced.delete(c.order.orderId);
    if (b.priced.size === 0 && b.unpriced.size === 0) buysByAccount.delete(account);
  }

  /**
   * apply(was, −1) then apply(now, +1) in one visit, when both land in the
   * same totals (a fill, a replace at the same account and symbol): the same
   * operations on the same sums in the same order, including the fresh start
   * from zero (and the end-of-map place) when the order was the only one in a
   * sum, without the lookups twice over. False: not the same totals, do both.
   */
  function move(was: Contribution, now: Contribution): boolean {
    if (was.order.account !== now.order.account || was.order.symbol !== now.order.symbol || was.buy !== now.buy || was.shortSale !== now.shortSale || was.unpriced !== now.unpriced) return false;
    if (was.priced === undefined ? now.priced !== undefined : now.priced === undefined || now.priced.currency !== was.priced.currency) return false;
    const e = exposures.get(was.order.account)?.get(was.order.symbol);
    if (e === undefined) return false;
    e.view = undefined;
    if (e.count === 1) {
      e.buys = 0;
      e.longSells = 0;
      e.allSells = 0;
    } else if (was.buy) e.buys = plusQuantity(e.buys, was.leaves, -1);
    else {
      e.allSells = plusQuantity(e.allSells, was.leaves, -1);
      if (!was.shortSale) e.longSells = plusQuantity(e.longSells, was.leaves, -1);
    }
    if (now.buy) e.buys = plusQuantity(e.buys, now.leaves, 1);
    else {
      e.allSells = plusQuantity(e.allSells, now.leaves, 1);
      if (!now.shortSale) e.longSells = plusQuantity(e.longSells, now.leaves, 1);
    }
    if (was.priced === undefined && !was.unpriced) return true;
    const b = buysByAccount.get(was.order.account)!;
    b.view = undefined;
    if (was.priced !== undefined) {
      const { currency } = now.priced!;
      const bucket = b.priced.get(currency)!;
      if (bucket.count === 1) {
        // Taken out and put back: the sum starts again from this order alone, at the end of the currencies (restartWith).
        b.priced.delete(currency);
        bucket.clear();
        now.priced!.addTo(bucket, 1);
        b.priced.set(currency, bucket);
      } else {
        was.priced.addTo(bucket, -1);
        now.priced!.addTo(bucket, 1);
      }
    } else {
      b.unpriced.delete(was.order.orderId);
      b.unpriced.set(now.order.orderId, now.order);
    }
    return true;
  }

  function exposure(account: string, symbol: string): WorkingExposure {
    const e = exposures.get(account)?.get(symbol);
    if (e === undefined) return NO_EXPOSURE;
    return (e.view ??= { buys: quantityOf(e.buys), longSells: quantityOf(e.longSells), allSells: quantityOf(e.allSells) });
  }

  /**
   * An unchanged order leaves every sum as it was (taking it out and putting
   * it back is exact), but the place of its buy in the account's lists is
   * where taking out and putting back would leave it: a market buy goes to
   * the end of the unpriced list (which also hands out its latest state), a
   * currency whose only order it is goes to the end of the currencies. So
   * the lists read, and are summed, in the same order as before.
   */
  function keepPlace(c: Contribution): void {
    if (c.priced === undefined && !c.unpriced) return;
    const b = buysByAccount.get(c.order.account);
    if (b === undefined) return;
    if (c.unpriced) {
      b.unpriced.delete(c.order.orderId);
      b.unpriced.set(c.order.orderId, c.order);
      b.view = undefined;
      return;
    }
    const currency = c.priced!.currency;
    const bucket = b.priced.get(currency);
    if (bucket !== undefined && bucket.count === 1 && b.priced.size > 1) {
      b.priced.delete(currency);
      b.priced.set(currency, bucket);
      b.view = undefined;
    }
  }

  function buysValue(account: string, v: BuyValuation): Decimal {
    const b = buysByAccount.get(account);
    if (b === undefined) return ZERO;
    // The same sums in the same order as workingBuysValue over buys(account).
    let used = ZERO;
    for (const [currency, bucket] of b.priced) used = add(used, v.toBase(bucket.sum, currency) ?? ZERO);
    for (const o of b.unpriced.values()) used = plusUnpriced(used, o, v);
    return used;
  }

  function buysValueUnits(account: string, v: BuyValuation, atLeastPlaces: number): ScaledAmount | undefined {
    const b = buysByAccount.get(account);
    SCALED_BUYS.units = 0;
    SCALED_BUYS.places = atLeastPlaces;
    if (b === undefined) return SCALED_BUYS;
    if (b.unpriced.size > 0) return undefined;
    // The finest places of the terms first: a sum in the base currency is read as its units, another is converted.
    const sums = (b.sums ??= [...b.priced.values()]);
    let places = atLeastPlaces;
    for (let i = 0; i < sums.length; i++) {
      const bucket = sums[i]!;
      const held = v.isBase?.(bucket.currency) === true ? bucket.heldPlaces() : undefined;
      const p = held ?? v.toBase(bucket.sum, bucket.currency)?.decimalPlaces() ?? 0;
      if (p > places) places = p;
    }
    // The terms buysValue adds, each exact in integers: their sum is the one decimal.js reaches (far inside 40 digits).
    let used = 0;
    for (let i = 0; i < sums.length; i++) {
      const bucket = sums[i]!;
      let u: number | undefined;
      if (v.isBase?.(bucket.currency) === true && bucket.heldPlaces() !== undefined) u = bucket.unitsAtPlaces(places);
      else {
        const base = v.toBase(bucket.sum, bucket.currency);
        if (base === undefined) continue;
        u = unitsAt(base, places);
      }
      // Non-negative terms (notionals of buys at positive prices): no partial sum passes 2^53 and comes back.
      if (u === undefined || u < 0) return undefined;
      used += u;
    }
    if (used > Number.MAX_SAFE_INTEGER) return undefined;
    SCALED_BUYS.units = used;
    SCALED_BUYS.places = places;
    return SCALED_BUYS;
  }

  function wholeWorking(account: string, symbol: string, buy: boolean): number | undefined {
    const e = exposures.get(account)?.get(symbol);
    if (e === undefined) return 0;
    const sum = buy ? e.buys : e.allSells;
    return typeof sum === 'number' ? sum : undefined;
  }

  function buys(account: string): WorkingBuys {
    const b = buysByAccount.get(account);
    if (b === undefined) return NO_BUYS;
    if (b.view === undefined) {
      const pricedByCurrency = new Map<string, Decimal>();
      for (const [currency, bucket] of b.priced) pricedByCurrency.set(currency, bucket.sum);
      b.view = { pricedByCurrency, unpriced: [...b.unpriced.values()] };
    }
    return b.view;
  }

  return {
    track(order) {
      const before = contributions.get(order.orderId);
      if (before !== undefined && unchanged(before, order)) {
        before.order = order;
        keepPlace(before);
        return;
      }
      const now = contributionOf(order, instrument);
      if (before !== undefined && now !== undefined && move(before, now)) {
        contributions.set(order.orderId, now);
        return;
      }
      if (before) {
        apply(before, -1);
        contributions.delete(order.orderId);
      }
      if (now) {
        apply(now, 1);
        contributions.set(order.orderId, now);
      }
    },
    exposure,
    buys,
    wholeWorking,
    buysValue,
    buysValueUnits,
    excluding(orderId) {
      const c = contributions.get(orderId);
      if (c === undefined) return { exposure, buys };
      return {
        exposure(account, symbol) {
          const e = exposure(account, symbol);
          if (account !== c.order.account || symbol !== c.order.symbol) return e;
          if (c.buy) return { ...e, buys: e.buys.minus(c.leaves) };
          return { buys: e.buys, allSells: e.allSells.minus(c.leaves), longSells: c.shortSale ? e.longSells : e.longSells.minus(c.leaves) };
        },
        buys(account) {
          const b = buys(account);
          if (account !== c.order.account || (c.priced === undefined && !c.unpriced)) return b;
          if (c.unpriced) return { pricedByCurrency: b.pricedByCurrency, unpriced: [...b.unpriced].filter((o) => o.orderId !== orderId) };
          const priced = new Map(b.pricedByCurrency);
          const { currency, local } = c.priced!;
          priced.set(currency, priced.get(currency)!.minus(local));
          return { pricedByCurrency: priced, unpriced: b.unpriced };
        },
      };
    },
  };
}

/** The same view over a plain list: sums taken afresh on each question. */
export function listWorkingOrders(orders: readonly Order[], instrument: InstrumentLookup): WorkingOrders {
  const totals = createWorkingOrderTotals(instrument);
  for (const o of orders) totals.track(o);
  return totals;
}

export interface BuyValuation {
  instrument(symbol: string): Pick<Instrument, 'multiplier' | 'currency' | 'referencePrice'> | undefined;
  touch(symbol: string): Touch | undefined;
  /** An amount in the base currency; undefined when the limits have no rate (the amount then counts as nothing). */
  toBase(amount: Decimal, currency: string): Decimal | undefined;
  /** Whether toBase leaves an amount of this currency as it is (a rate of 1); absent: not known. */
  isBase?(currency: string): boolean;
}

/**
 * An account's working buys in the base currency: the priced sums converted
 * per currency, each market buy valued at the touch now, or at its
 * instrument's reference price when there is none.
 */
export function workingBuysValue(buys: WorkingBuys, v: BuyValuation): Decimal {
  let used = ZERO;
  for (const [currency, local] of buys.pricedByCurrency) used = add(used, v.toBase(local, currency) ?? ZERO);
  for (const o of buys.unpriced) used = plusUnpriced(used, o, v);
  return used;
}

/** `used` plus one working market buy, valued at the touch now (else its instrument's reference price) in the base currency. */
function plusUnpriced(used: Decimal, o: Order, v: BuyValuation): Decimal {
  const ins = v.instrument(o.symbol);
  if (!ins) return used;
  const price = valuationPrice(o, v.touch(o.symbol)) ?? ins.referencePrice;
  return add(used, v.toBase(notional(o.leavesQty, price, ins), ins.currency) ?? ZERO);
}

export const NO_WORKING_ORDERS: WorkingOrders = { exposure: () => NO_EXPOSURE, buys: () => NO_BUYS };
