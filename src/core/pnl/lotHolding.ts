/**
 * FIFO lot arithmetic on an open holding: additions append a lot, reductions
 * consume the oldest lots first (splitting the last one touched). Every cost
 * is a product of exact decimals, so FIFO needs no rounding at all.
 */
import type { Decimal } from '../decimal.ts';
import { ZERO } from '../decimal.ts';
import type { Direction, Lot, LotHolding, Reduction } from './inventory.ts';

export function openLots(direction: Direction, quantity: Decimal, price: Decimal): LotHolding {
  return { direction, lots: [{ quantity, price }] };
}

/** Lots added since the last array, newest first (shared by every later holding: nothing here is ever changed). */
interface Added {
  readonly lot: Lot;
  readonly before: Added | null;
  readonly count: number;
}

/**
 * A holding that only grew since its array was last built: the additions wait
 * in a chain and the array (older lots, then the additions in order) is built
 * the first time `lots` is read, then kept. Copying the whole array on every
 * addition made a long one-sided day quadratic (a resting-buy stream adds a lot
 * per fill and seldom reads them: only a sell or a FIFO view does). To every
 * reader it is the same value as the copied array; it is never mutated in a way
 * a reader could see (the kept array is built once, from immutable parts).
 */
class GrowingLots implements LotHolding {
  private built: readonly [Lot, ...Lot[]] | undefined;
  constructor(
    readonly direction: Direction,
    private readonly base: readonly Lot[],
    private readonly added: Added,
  ) {}

  get lots(): readonly [Lot, ...Lot[]] {
    if (this.built === undefined) {
      const lots = new Array<Lot>(this.base.length + this.added.count);
      for (let i = 0; i < this.base.length; i++) lots[i] = this.base[i]!;
      let k = lots.length;
      for (let a: Added | null = this.added; a !== null; a = a.before) lots[--k] = a.lot;
      this.built = lots as unknown as [Lot, ...Lot[]];
    }
    return this.built;
  }

  with(lot: Lot): GrowingLots {
    if (this.built !== undefined) return new GrowingLots(this.direction, this.built, { lot, before: null, count: 1 });
    return new GrowingLots(this.direction, this.base, { lot, before: this.added, count: this.added.count + 1 });
  }
}

/** The holding with one more lot at the end (the newest). */
export function addLot(h: LotHolding, quantity: Decimal, price: Decimal): LotHolding {
  const lot = { quantity, price };
  if (h instanceof GrowingLots) return h.with(lot);
  return new GrowingLots(h.direction, h.lots, { lot, before: null, count: 1 });
}

// Plain loops, not reduce with an arrow: under tsx every arrow made per call pays a defineProperty.
export function lotsQuantity(h: LotHolding): Decimal {
  let q = ZERO;
  for (const lot of h.lots) q = q.plus(lot.quantity);
  return q;
}

export function lotsCost(h: LotHolding, multiplier: Decimal): Decimal {
  let c = ZERO;
  for (const lot of h.lots) c = c.plus(lot.quantity.times(lot.price));
  return c.times(multiplier);
}

/** Takes `quantity` (0 < quantity ≤ open quantity) from the oldest lots. */
export function reduceLots(h: LotHolding, quantity: Decimal, multiplier: Decimal): Reduction<LotHolding> {
  let left = quantity;
  let removed = ZERO;
  const rest: Lot[] = [];
  for (const lot of h.lots) {
    if (left.isZero()) {
      rest.push(lot);
    } else if (lot.quantity.lte(left)) {
      removed = removed.plus(lot.quantity.times(lot.price));
      left = left.minus(lot.quantity);
    } else {
      removed = removed.plus(left.times(lot.price));
      rest.push({ quantity: lot.quantity.minus(left), price: lot.price });
      left = ZERO;
    }
  }
  const [first, ...others] = rest;
  return { removedCost: removed.times(multiplier), rest: first === undefined ? null : { direction: h.direction, lots: [first, ...others] } };
}
