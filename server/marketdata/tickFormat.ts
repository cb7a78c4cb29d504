import { Decimal, placesOf } from '../../src/core/decimal.ts';
import type { Instrument } from '../../src/core/instrument.ts';
import { type TickLadder, bandOf, tickLadder } from '../../src/core/tickLadder.ts';

/**
 * Integer units and lots to wire strings, once per update: fixed notation,
 * never an exponent, exact. A price shows the places of the tick that applies
 * at that price (a US share at 0.9950 four, at 1.01 two). Done with integer
 * digits rather than Decimal because it runs a dozen times per quote.
 */
export interface TickFormatter {
  /** A price given in units of the instrument's finest tick. */
  price(units: number): string;
  size(lots: number): string;
  /** last − prevClose, with the places of the finer of their two ticks. */
  change(lastUnits: number, prevCloseUnits: number): string;
  /** (last − prevClose) / prevClose in percent, two places, half-even. */
  changePct(lastUnits: number, prevCloseUnits: number): string;
}

/** A positive step as an integer count of 10^-places. */
interface Scaled {
  readonly factor: number;
  readonly places: number;
}

function scaled(step: Decimal): Scaled {
  const places = placesOf(step);
  return { factor: step.times(new Decimal(10).pow(places)).toNumber(), places };
}

/** n × 10^-places written with `show` places (show ≤ places; the digits cut are zeros on the grid). */
function fixed(n: number, places: number, show: number): string {
  const negative = n < 0;
  let digits = String(negative ? -n : n);
  if (places === 0) return negative ? `-${digits}` : digits;
  if (digits.length <= places) digits = '0'.repeat(places + 1 - digits.length) + digits;
  const point = digits.length - places;
  const text = show === 0 ? digits.slice(0, point) : `${digits.slice(0, point)}.${digits.slice(point, point + show)}`;
  return negative ? `-${text}` : text;
}

/** Percent change in hundredths, rounded half to even, exactly: both operands are safe integers. */
function hundredthsOfPercent(last: number, prev: number): number {
  const num = (last - prev) * 10_000;
  const a = Math.abs(num);
  let q = Math.floor(a / prev);
  let r = a - q * prev;
  // The float division may land one off; the integer remainder settles it.
  if (r < 0) {
    q -= 1;
    r += prev;
  } else if (r >= prev) {
    q += 1;
    r -= prev;
  }
  if (2 * r > prev || (2 * r === prev && q % 2 === 1)) q += 1;
  return num < 0 ? -q : q;
}

export function tickFormatter(instrument: Pick<Instrument, 'tickSize' | 'lotSize' | 'tickTable'>, ladder: TickLadder = tickLadder(instrument)): TickFormatter {
  const unit = scaled(ladder.unit);
  const lot = scaled(instrument.lotSize);
  const bandPlaces = ladder.tick.map((t) => placesOf(ladder.unit.times(t)));
  const single = bandPlaces.length === 1;
  const placesAt = (units: number) => (single ? bandPlaces[0]! : bandPlaces[bandOf(ladder, units)]!);
  return {
    price: (units) => fixed(units * unit.factor, unit.places, placesAt(units)),
    size: (lots) => fixed(lots * lot.factor, lot.places, lot.places),
    change: (last, prev) => fixed((last - prev) * unit.factor, unit.places, Math.max(placesAt(last), placesAt(prev))),
    changePct: (last, prev) => {
      const h = hundredthsOfPercent(last, prev);
      return h === 0 ? '0.00' : fixed(h, 2, 2);
    },
  };
}
