import type { Instrument } from '../core/instrument.ts';
import type { PositionWire } from '../core/protocol.ts';
import type { TicketDraft } from '../core/ticket.ts';
import { dec } from '../core/decimal.ts';
import { formatQty } from '../format/numbers.ts';

export type FlattenPlan = { ok: true; draft: TicketDraft; summary: string } | { ok: false; reason: string };

/**
 * The order that takes a position to flat: the opposite side for the whole
 * quantity, at market, for the day, in the same account. It is an ordinary
 * order: the ticket rules and the gateway's risk checks see it like any
 * other (and a kill switch in REDUCING lets it through, since it reduces).
 * A long is closed by a plain sell (it never sells more than is held, so it
 * needs no locate), a short by a buy.
 */
export function flattenPlan(p: PositionWire, instrument: Instrument | undefined): FlattenPlan {
  const quantity = dec(p.quantity);
  if (quantity.isZero()) return { ok: false, reason: `${p.symbol} in ${p.account} is already flat` };
  if (!instrument) return { ok: false, reason: `${p.symbol} is not in the instrument list` };
  const side = quantity.isPositive() ? 'sell' : 'buy';
  const size = quantity.abs();
  return {
    ok: true,
    draft: { symbol: p.symbol, side, type: 'market', quantity: size.toFixed(), account: p.account, tif: 'day' },
    summary: `${side === 'sell' ? 'Sell' : 'Buy'} ${formatQty(size)} ${p.symbol} at market in ${p.account}`,
  };
}
