/**
 * Exact running sums kept in integers while they can be (see ExactSum).
 */
import { Decimal, ZERO, addDec, fromUnits, mulDec, subDec, unitsAt } from '../../src/core/decimal.ts';

/** 10^0 … 10^15: exact doubles. */
const TENS = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** units × 10^(to − from) (to ≥ from), when that stays a safe integer. */
export function rescaled(units: number, from: number, to: number): number | undefined {
  if (to === from) return units;
  if (to - from > 15) return undefined;
  const r = units * TENS[to - from]!;
  // Exact within 2^53; one past it reads as at least 2^53.
  return r > Number.MAX_SAFE_INTEGER || r < -Number.MAX_SAFE_INTEGER ? undefined : r;
}

/**
 * A running sum of decimals (the working buys of a currency, an account's
 * spend today) and, for the working buys, how many orders are in it. While
 * every term is short, the sum is kept as a safe integer of units and its
 * Decimal is made only when asked (the buying-power check reads the units):
 * each term is then integer arithmetic, with no Decimal made. Whole numbers of
 * units add up exactly, so the Decimal made is the very sum decimal.js would
 * have reached (+0 for a zero, as x − x gives; every term here is non-zero);
 * from the first term that does not fit, the sum goes on in decimals from
 * that same value.
 */
export class ExactSum {
  count = 0;
  private units = 0;
  private places = 0;
  private inUnits = true;
  /** The sum as a Decimal once made; undefined until asked after a change (in units). */
  private made: Decimal | undefined = ZERO;

  get sum(): Decimal {
    if (this.made === undefined) this.made = this.units === 0 ? ZERO : fromUnits(this.units, this.places);
    return this.made;
  }

  add(x: Decimal, sign: 1 | -1): void {
    if (this.inUnits) {
      const xPlaces = x.decimalPlaces();
      const places = xPlaces > this.places ? xPlaces : this.places;
      const held = rescaled(this.units, this.places, places);
      const u = unitsAt(x, places);
      if (held !== undefined && u !== undefined) {
        const r = sign === 1 ? held + u : held - u;
        if (r <= Number.MAX_SAFE_INTEGER && r >= -Number.MAX_SAFE_INTEGER) {
          this.units = r;
          this.places = places;
          this.made = undefined;
          return;
        }
      }
      const before = this.sum;
      this.inUnits = false;
      this.made = before;
    }
    this.made = sign === 1 ? addDec(this.made!, x) : subDec(this.made!, x);
  }

  /**
   * add(fromUnits(units, places), sign), without the Decimal while the sum is kept in units: for a term
   * kept as its units (a working buy's notional, server/risk/workingOrders.ts). `units` is non-zero and
   * `places` the term's decimalPlaces() (units not a multiple of 10 unless places is 0), so these are
   * the very units add() would read off the Decimal.
   */
  addUnits(units: number, places: number, sign: 1 | -1): void {
    if (this.inUnits) {
      const at = places > this.places ? places : this.places;
      const held = rescaled(this.units, this.places, at);
      const u = rescaled(units, places, at);
      if (held !== undefined && u !== undefined) {
        const r = sign === 1 ? held + u : held - u;
        if (r <= Number.MAX_SAFE_INTEGER && r >= -Number.MAX_SAFE_INTEGER) {
          this.units = r;
          this.places = at;
          this.made = undefined;
          return;
        }
      }
    }
    this.add(fromUnits(units, places), sign);
  }

  /**
   * Adds sign × a × b (decimal.js's a.times(b), then plus or minus): in units
   * when both are short and the product fits, so the product is not made either.
   */
  addProduct(a: Decimal, b: Decimal, sign: 1 | -1): void {
    if (this.inUnits) {
      const ap = a.decimalPlaces();
      const bp = b.decimalPlaces();
      const x = unitsAt(a, ap);
      const y = unitsAt(b, bp);
      if (x !== undefined && y !== undefined && x !== 0 && y !== 0) {
        const product = x * y;
        if (product <= Number.MAX_SAFE_INTEGER && product >= -Number.MAX_SAFE_INTEGER) {
          const places = ap + bp > this.places ? ap + bp : this.places;
          const held = rescaled(this.units, this.places, places);
          const u = rescaled(product, ap + bp, places);
          if (held !== undefined && u !== undefined) {
            const r = sign === 1 ? held + u : held - u;
            if (r <= Number.MAX_SAFE_INTEGER && r >= -Number.MAX_SAFE_INTEGER) {
              this.units = r;
              this.places = places;
              this.made = undefined;
              return;
            }
          }
        }
      }
    }
    this.add(mulDec(a, b), sign);
  }

  /** Empties the sum: the same as a new one, without a new object. */
  clear(): void {
    this.units = 0;
    this.places = 0;
    this.inUnits = true;
    this.made = ZERO;
  }

  /** clear(), then x. */
  restartWith(x: Decimal): void {
    this.clear();
    this.add(x, 1);
  }

  /** Whether the sum is below zero, read without making its Decimal. */
  isNeg(): boolean {
    return this.inUnits ? this.units < 0 : this.sum.isNeg();
  }

  /** Places of the units held; undefined once the sum is kept as a Decimal. */
  heldPlaces(): number | undefined {
    return this.inUnits ? this.places : undefined;
  }

  /** The sum in units of 10^-places (places ≥ heldPlaces()). */
  unitsAtPlaces(places: number): number | undefined {
    return this.inUnits ? rescaled(this.units, this.places, places) : undefined;
  }
}

