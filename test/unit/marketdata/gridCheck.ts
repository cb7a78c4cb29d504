import { placesOf } from '../../../src/core/decimal.ts';
import type { Instrument } from '../../../src/core/instrument.ts';
import { tickBands } from '../../../src/core/tickTable.ts';

/** Places every price is scaled to; more than any tick in the project has. */
const SCALE = 12;

function scaledBig(text: string): bigint | undefined {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (m === null || (m[3] ?? '').length > SCALE) return undefined;
  const value = BigInt(m[2]! + (m[3] ?? '').padEnd(SCALE, '0'));
  return m[1] === '-' ? -value : value;
}

/**
 * Checks a price string against an instrument's tick rule, independently of
 * the simulator's integer ladder: straight from the table's bands in BigInt,
 * so a million prices take a second rather than a minute of Decimal.
 * Returns a fault or undefined.
 */
export function gridChecker(instrument: Instrument): (price: string) => string | undefined {
  const bands = tickBands(instrument).map((b) => ({
    from: scaledBig(b.from.toFixed())!,
    tick: scaledBig(b.tick.toFixed())!,
    places: placesOf(b.tick),
  }));
  // Prices repeat a great deal (ten levels a side overlap from one update to the next): check each string once.
  const seen = new Map<string, string | undefined>();
  return (price) => {
    if (seen.has(price)) return seen.get(price);
    const fault = check(price);
    seen.set(price, fault);
    return fault;
  };
  function check(price: string): string | undefined {
    const value = scaledBig(price);
    if (value === undefined) return `${price} is not a plain decimal`;
    if (value <= 0n) return `${price} is not positive`;
    let k = bands.length - 1;
    while (k > 0 && value < bands[k]!.from) k--;
    const band = bands[k]!;
    if (value % band.tick !== 0n) return `${price} is off the ${band.tick} grid (×1e-${SCALE})`;
    const places = (price.split('.')[1] ?? '').length;
    if (places !== band.places) return `${price} has ${places} places; its tick has ${band.places}`;
    return undefined;
  }
}

/**
 * Orders two price strings. Exact through doubles: a decimal of at most 15
 * significant digits parses to its nearest double, and rounding to nearest
 * keeps distinct such decimals distinct and in order.
 */
export function comparePrices(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
