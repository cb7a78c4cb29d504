/**
 * What each account has spent on purchases today, net of what its sales
 * brought in, in the limits' base currency: filled buying power. Without it a
 * trader could buy without end by sending orders that fill at once, since a
 * filled order is no longer a working one. Folded fill by fill, so a check
 * costs a map lookup; a new UTC day starts from nothing.
 */
import { type Decimal, ZERO, mulDec } from '../../src/core/decimal.ts';
import type { Instrument } from '../../src/core/instrument.ts';
import { add } from '../../src/core/risk/decimalCompare.ts';
import { contractValue, isOne } from './workingOrders.ts';

export interface SpendFill {
  readonly account: string;
  readonly symbol: string;
  readonly side: string;
  readonly quantity: Decimal;
  readonly price: Decimal;
  /** Epoch ms of the fill. */
  readonly ts: number;
}

export interface DailySpendDeps {
  instrument(symbol: string): Instrument | undefined;
  /** Units of base per unit of a currency; undefined when the limits have no rate (the fill is then not counted). */
  rateToBase(currency: string): Decimal | undefined;
}

const DAY_MS = 86_400_000;

export class DailySpend {
  private day = -1;
  private readonly net = new Map<string, Decimal>();

  constructor(private readonly deps: DailySpendDeps) {}

  apply(f: SpendFill): void {
    const day = Math.floor(f.ts / DAY_MS);
    if (day < this.day) return;
    if (day > this.day) {
      this.day = day;
      this.net.clear();
    }
    const instrument = this.deps.instrument(f.symbol);
    const rate = instrument && this.deps.rateToBase(instrument.currency);
    if (!instrument || rate === undefined) return;
    // quantity × price × multiplier × rate, each × 1 skipped (it leaves a decimal of our precision as it is).
    const local = contractValue(f.quantity, f.price, instrument.multiplier);
    const value = isOne(rate) ? local : mulDec(local, rate);
    const signed = f.side === 'buy' ? value : value.neg();
    this.net.set(f.account, add(this.net.get(f.account) ?? ZERO, signed));
  }

  /** Net purchases of the account today (never below zero: sales free buying power, they do not add to it beyond the limit). */
  spentToday(account: string, now: number): Decimal {
    if (Math.floor(now / DAY_MS) !== this.day) return ZERO;
    const n = this.net.get(account) ?? ZERO;
    return n.isNeg() ? ZERO : n;
  }
}
