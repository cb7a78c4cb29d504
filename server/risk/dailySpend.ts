/**
 * What each account has spent on purchases today, net of what its sales
 * brought in, in the limits' base currency: filled buying power. Without it a
 * trader could buy without end by sending orders that fill at once, since a
 * filled order is no longer a working one. Folded fill by fill, so a check
 * costs a map lookup; a new UTC day starts from nothing.
 */
import { type Decimal, ZERO, mulDec } from '../../src/core/decimal.ts';
import type { Instrument } from '../../src/core/instrument.ts';
import { ExactSum } from './exactSum.ts';
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
  /** Kept in integers while the fills are short: a fill adds no Decimal, a check makes the sum's once per change. */
  private readonly net = new Map<string, ExactSum>();

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
    let net = this.net.get(f.account);
    if (net === undefined) this.net.set(f.account, (net = new ExactSum()));
    const sign = f.side === 'buy' ? 1 : -1;
    // quantity × price × multiplier × rate, each × 1 skipped (it leaves a decimal of our precision as it is).
    if (isOne(rate) && isOne(instrument.multiplier)) {
      net.addProduct(f.quantity, f.price, sign);
      return;
    }
    const local = contractValue(f.quantity, f.price, instrument.multiplier);
    net.add(isOne(rate) ? local : mulDec(local, rate), sign);
  }

  /** Net purchases of the account today (never below zero: sales free buying power, they do not add to it beyond the limit). */
  spentToday(account: string, now: number): Decimal {
    if (Math.floor(now / DAY_MS) !== this.day) return ZERO;
    const n = this.net.get(account);
    return n === undefined || n.isNeg() ? ZERO : n.sum;
  }
}
