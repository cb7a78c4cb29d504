/**
 * A position ledger: fills in, quantity, open cost, realized P&L and fees out.
 *
 * Conventions, as a desk reports them:
 * - realized P&L is gross: price differences only, times the multiplier;
 * - fees are accumulated apart and never folded into cost or realized, so
 *   net = gross − fees is one subtraction in the report (report.ts);
 * - a fill larger than the open quantity closes it and opens the other side
 *   at the fill price with what is left (long → short and the reverse);
 * - the cost method (average cost by default, or FIFO) is fixed when the
 *   position is opened, because switching halfway would rewrite history.
 */
import { Decimal, ZERO, addDec, mulDec } from '../decimal.ts';
import { COST_PLACES } from './averageHolding.ts';
import { assertValidFill } from './fill.ts';
import type { PositionFill } from './fill.ts';
import type { AverageHolding, CostMethod, Direction, Inventory, Lot, LotHolding } from './inventory.ts';
import { addLot, lotsCost, lotsQuantity, openLots } from './lotHolding.ts';

/** What the ledger needs to know about the instrument. */
export interface PositionTerms {
  readonly currency: string;
  /** Contract multiplier: 1 for cash instruments, e.g. 50 for an index future. */
  readonly multiplier: Decimal;
}

export interface Position {
  readonly terms: PositionTerms;
  readonly inventory: Inventory;
  /** Gross realized P&L in terms.currency. */
  readonly realized: Decimal;
  /** Fees paid, in terms.currency (positive = paid). */
  readonly fees: Decimal;
}

/** A flat position. Throws RangeError on a multiplier that is not positive: reference data is broken. */
export function openPosition(terms: PositionTerms, method: CostMethod = 'averageCost'): Position {
  if (!terms.multiplier.gt(0)) throw new RangeError(`multiplier must be positive, got ${terms.multiplier.toFixed()}`);
  return { terms, inventory: { method, open: null }, realized: ZERO, fees: ZERO };
}

/**
 * Whether a multiplier is 1 (every cash instrument): × 1 is exact, so the
 * ledger skips it. Asked once per multiplier object (instruments share theirs).
 */
const unitMultipliers = new WeakMap<Decimal, boolean>();
export function isUnit(m: Decimal): boolean {
  let unit = unitMultipliers.get(m);
  if (unit === undefined) unitMultipliers.set(m, (unit = m.eq(1)));
  return unit;
}

/*
 * One-entry memos of the last product and the last fee total. A fill is booked
 * under both cost methods, and the portfolio adds the same quantity × price to
 * its day's notional: three multiplications of the same two Decimal objects in
 * a row, and two identical additions of the fee (both ledgers' totals are the
 * very object the memo handed out last time). Decimals are immutable, so the
 * same operands by identity give the same result.
 */
let productQuantity: Decimal | undefined;
let productPrice: Decimal | undefined;
let product: Decimal = ZERO;
let feesBefore: Decimal | undefined;
let feeAdded: Decimal | undefined;
let feesAfter: Decimal = ZERO;

/** quantity × price, remembered for the next caller with the same two objects. */
export function notional(quantity: Decimal, price: Decimal): Decimal {
  if (productQuantity !== quantity || productPrice !== price) {
    product = mulDec(quantity, price);
    productQuantity = quantity;
    productPrice = price;
  }
  return product;
}

function addFee(fees: Decimal, fee: Decimal): Decimal {
  if (feesBefore !== fees || feeAdded !== fee) {
    feesAfter = addDec(fees, fee);
    feesBefore = fees;
    feeAdded = fee;
  }
  return feesAfter;
}

/** quantity × price × multiplier: the money a quantity at a price stands for. */
function moneyOf(quantity: Decimal, price: Decimal, multiplier: Decimal, unit: boolean): Decimal {
  const value = notional(quantity, price);
  return unit ? value : value.times(multiplier);
}

/*
 * The two steps below are one shape spelled out twice, once per kind of
 * holding: add when the fill goes the holding's way, else close up to the
 * open quantity and open the other side with whatever remains. They were a
 * single generic step taking the holding's arithmetic as functions (kept in
 * positionReference.ts, and checked equal to these by a property test); on
 * the order path the closures and the intermediate objects cost more than the
 * arithmetic.
 */

function withInventory(pos: Position, inventory: Inventory, realized: Decimal, fees: Decimal): Position {
  return { terms: pos.terms, inventory, realized, fees };
}

function stepAverage(pos: Position, open: AverageHolding | null, direction: Direction, quantity: Decimal, price: Decimal, fees: Decimal): Position {
  const m = pos.terms.multiplier;
  const unit = isUnit(m);
  if (open === null) return withInventory(pos, { method: 'averageCost', open: { direction, quantity, cost: moneyOf(quantity, price, m, unit) } }, pos.realized, fees);
  if (open.direction === direction) {
    const added: AverageHolding = { direction, quantity: addDec(open.quantity, quantity), cost: addDec(open.cost, moneyOf(quantity, price, m, unit)) };
    return withInventory(pos, { method: 'averageCost', open: added }, pos.realized, fees);
  }
  // Closing: all of it when the fill is at least the open quantity, else the average share of the cost (averageHolding.ts).
  const c = quantity.cmp(open.quantity);
  const whole = c >= 0;
  const closing = whole ? open.quantity : quantity;
  const removedCost = whole ? open.cost : open.cost.times(closing).div(open.quantity).toDecimalPlaces(COST_PLACES, Decimal.ROUND_HALF_EVEN);
  const proceeds = moneyOf(closing, price, m, unit);
  const realized = pos.realized.plus(open.direction === 'long' ? proceeds.minus(removedCost) : removedCost.minus(proceeds));
  let rest: AverageHolding | null;
  if (!whole) rest = { direction: open.direction, quantity: open.quantity.minus(closing), cost: open.cost.minus(removedCost) };
  else if (c === 0) rest = null;
  else {
    // Turned over: what is left opens the other side at the fill price.
    const remainder = quantity.minus(closing);
    rest = { direction, quantity: remainder, cost: moneyOf(remainder, price, m, unit) };
  }
  return withInventory(pos, { method: 'averageCost', open: rest }, realized, fees);
}

function stepLots(pos: Position, open: LotHolding | null, direction: Direction, quantity: Decimal, price: Decimal, fees: Decimal): Position {
  if (open === null) return withInventory(pos, { method: 'fifo', open: openLots(direction, quantity, price) }, pos.realized, fees);
  if (open.direction === direction) return withInventory(pos, { method: 'fifo', open: addLot(open, quantity, price) }, pos.realized, fees);
  // Closing the oldest lots first; what the open lots cannot take turns the position over.
  const m = pos.terms.multiplier;
  const unit = isUnit(m);
  const lots = open.lots;
  let left = quantity;
  let removed = ZERO;
  let i = 0;
  let split: Lot | undefined;
  for (; i < lots.length; i++) {
    const lot = lots[i]!;
    const c = lot.quantity.cmp(left);
    if (c <= 0) {
      removed = removed.plus(lot.quantity.times(lot.price));
      left = left.minus(lot.quantity);
      if (c === 0) {
        i++;
        break;
      }
    } else {
      removed = removed.plus(left.times(lot.price));
      split = { quantity: lot.quantity.minus(left), price: lot.price };
      left = ZERO;
      i++;
      break;
    }
  }
  const removedCost = unit ? removed : removed.times(m);
  const turned = i === lots.length && split === undefined && !left.isZero();
  // Turned over, it closed all that was open: counted as the reference counts it, so the sums are the same digits.
  const closing = turned ? lotsQuantity(open) : quantity;
  const proceeds = moneyOf(closing, price, m, unit);
  const realized = pos.realized.plus(open.direction === 'long' ? proceeds.minus(removedCost) : removedCost.minus(proceeds));
  let rest: LotHolding | null;
  if (turned) rest = openLots(direction, left, price);
  else if (split !== undefined) rest = { direction: open.direction, lots: [split, ...lots.slice(i)] };
  else if (i < lots.length) rest = { direction: open.direction, lots: lots.slice(i) as unknown as readonly [Lot, ...Lot[]] };
  else rest = null;
  return withInventory(pos, { method: 'fifo', open: rest }, realized, fees);
}

/** Applies one fill. Throws RangeError on a non-positive quantity: the OMS never sends one. */
export function bookFill(pos: Position, fill: PositionFill): Position {
  assertValidFill(fill);
  const direction: Direction = fill.side === 'buy' ? 'long' : 'short';
  const fee = fill.fee;
  // + 0 is exact: a fill without a fee keeps the very same total.
  const fees = fee === undefined || fee.isZero() ? pos.fees : addFee(pos.fees, fee);
  const inv = pos.inventory;
  return inv.method === 'fifo'
    ? stepLots(pos, inv.open, direction, fill.quantity, fill.price, fees)
    : stepAverage(pos, inv.open, direction, fill.quantity, fill.price, fees);
}

export function bookFills(pos: Position, fills: Iterable<PositionFill>): Position {
  let p = pos;
  for (const f of fills) p = bookFill(p, f);
  return p;
}

/** Signed open quantity: long > 0, short < 0, flat 0. */
export function positionQuantity(pos: Position): Decimal {
  const inv = pos.inventory;
  if (inv.open === null) return ZERO;
  const q = inv.method === 'fifo' ? lotsQuantity(inv.open) : inv.open.quantity;
  return inv.open.direction === 'long' ? q : q.neg();
}

/** Cost of what is open, unsigned, in money (quantity × price × multiplier summed). */
export function openCost(pos: Position): Decimal {
  const inv = pos.inventory;
  if (inv.open === null) return ZERO;
  return inv.method === 'fifo' ? lotsCost(inv.open, pos.terms.multiplier) : inv.open.cost;
}

/**
 * Average price per unit of what is open (per contract, before the
 * multiplier), or null when flat. Display only: it may be a repeating
 * decimal cut at 40 digits, so P&L is never computed from it.
 */
export function averagePrice(pos: Position): Decimal | null {
  const q = positionQuantity(pos);
  if (q.isZero()) return null;
  const perContract = openCost(pos).div(q.abs());
  return isUnit(pos.terms.multiplier) ? perContract : perContract.div(pos.terms.multiplier);
}

/** Gross unrealized P&L of the open quantity marked at `mark`. */
export function unrealizedPnl(pos: Position, mark: Decimal): Decimal {
  const inv = pos.inventory;
  if (inv.open === null) return ZERO;
  const m = pos.terms.multiplier;
  const value = moneyOf(positionQuantity(pos).abs(), mark, m, isUnit(m));
  const cost = openCost(pos);
  return inv.open.direction === 'long' ? value.minus(cost) : cost.minus(value);
}

/** Signed market value: what the open quantity is worth at `mark` (negative when short). */
export function marketValue(pos: Position, mark: Decimal): Decimal {
  return positionQuantity(pos).times(mark).times(pos.terms.multiplier);
}
