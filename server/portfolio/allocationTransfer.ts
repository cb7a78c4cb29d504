/**
 * A block allocation as the portfolio books it: a transfer of the allocated
 * quantity out of the block account and into the client account, both at the
 * block's average price, no fee (the block's fills paid the fees), same trader.
 *
 * The average price (Σ fill notional / filled quantity) may be a repeating
 * decimal, so a price alone cannot make the block account's cash come back
 * exactly. Each transfer therefore also carries its share of the block's
 * filled notional, and the shares of one block sum to that notional exactly:
 * once a block is fully allocated its account is flat with zero realized P&L,
 * to the last digit, whatever prices it filled at.
 */
import { Decimal } from '../../src/core/decimal.ts';
import { COST_PLACES } from '../../src/core/pnl/averageHolding.ts';

export interface AllocationTransfer {
  readonly orderId: string;
  /** Who placed the block: both legs are booked under them. */
  readonly trader: string;
  readonly blockAccount: string;
  /** The client account the quantity goes to. */
  readonly account: string;
  readonly symbol: string;
  /** The block's side: the client account trades this way, the block account the other way. */
  readonly side: 'buy' | 'sell';
  readonly quantity: Decimal;
  /** The block's exact average price (kept exact here; rounded only on the wire). */
  readonly price: Decimal;
  /** This allocation's exact share of the block's filled notional (quantity × price before any cut). */
  readonly notional: Decimal;
  /** The block's filled quantity: the portfolio books the transfer once it has booked that much of the block's fills. */
  readonly blockFilled: Decimal;
  readonly at: number;
}

/** What a transfer needs to know about the finished block order. */
export interface FinishedBlock {
  readonly orderId: string;
  readonly trader: string;
  readonly account: string;
  readonly symbol: string;
  readonly side: 'buy' | 'sell';
  readonly cumQty: Decimal;
  /** Σ lastQty × lastPx of its fills, exact. */
  readonly filledNotional: Decimal;
}

/**
 * The transfers of one block's allocations (in the order they were made).
 * Each share is the notional still unallocated × its part of the quantity
 * still unallocated, cut at the ledger's cost places; the allocation that
 * takes the last of the filled quantity takes the rest of the notional, so
 * nothing is lost to the cut. Allocations of zero are left out.
 */
export function blockTransfers(block: FinishedBlock, allocations: readonly { account: string; quantity: Decimal; at: number }[]): AllocationTransfer[] {
  if (block.cumQty.isZero()) return [];
  const price = block.filledNotional.div(block.cumQty);
  let leftQty = block.cumQty;
  let leftNotional = block.filledNotional;
  const out: AllocationTransfer[] = [];
  for (const a of allocations) {
    if (!a.quantity.gt(0)) continue;
    const notional = a.quantity.gte(leftQty) ? leftNotional : leftNotional.times(a.quantity).div(leftQty).toDecimalPlaces(COST_PLACES, Decimal.ROUND_HALF_EVEN);
    leftQty = leftQty.minus(a.quantity);
    leftNotional = leftNotional.minus(notional);
    out.push({
      orderId: block.orderId,
      trader: block.trader,
      blockAccount: block.account,
      account: a.account,
      symbol: block.symbol,
      side: block.side,
      quantity: a.quantity,
      price,
      notional,
      blockFilled: block.cumQty,
      at: a.at,
    });
  }
  return out;
}
