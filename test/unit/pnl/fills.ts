// Shorthand for fills in tests: buy(100, '95') reads like the worked examples.
import { dec } from '../../../src/core/decimal.ts';
import type { PositionFill } from '../../../src/core/pnl/fill.ts';

export function buy(quantity: number | string, price: string | number, fee?: string): PositionFill {
  return { side: 'buy', quantity: dec(quantity), price: dec(price), ...(fee === undefined ? {} : { fee: dec(fee) }) };
}

export function sell(quantity: number | string, price: string | number, fee?: string): PositionFill {
  return { side: 'sell', quantity: dec(quantity), price: dec(price), ...(fee === undefined ? {} : { fee: dec(fee) }) };
}
