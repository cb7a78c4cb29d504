/**
 * Splitting a block order's fill among the accounts it was placed for.
 * Every account gets the block's average price; quantities are pro rata to
 * what each account asked for, in whole lots, by largest remainder
 * (Hamilton): each account first gets the whole lots of its exact share, the
 * lots left over go one each to the largest fractional remainders (ties to
 * the larger request, then the account id, so the result is deterministic).
 * The quantities always sum to the filled quantity exactly: nothing is lost
 * to rounding and no account gets more than it asked for.
 */
import { type Decimal, ZERO } from './decimal.ts';

export interface AllocationRequest {
  readonly accountId: string;
  /** What the account asked for; > 0. */
  readonly quantity: Decimal;
}

export interface AllocatedQuantity {
  readonly accountId: string;
  readonly quantity: Decimal;
}

export type AllocationResult = { ok: true; lines: AllocatedQuantity[] } | { ok: false; reason: string };

export function allocateFill(filled: Decimal, lotSize: Decimal, requests: readonly AllocationRequest[]): AllocationResult {
  if (requests.length === 0) return { ok: false, reason: 'no account to allocate to' };
  if (filled.isNegative()) return { ok: false, reason: 'a filled quantity cannot be negative' };
  if (!lotSize.gt(0)) return { ok: false, reason: 'the lot size must be positive' };
  if (requests.some((r) => !r.quantity.gt(0))) return { ok: false, reason: 'every account must ask for a positive quantity' };
  const asked = requests.reduce((s, r) => s.plus(r.quantity), ZERO);
  if (filled.gt(asked)) return { ok: false, reason: `filled ${filled.toFixed()} is more than the ${asked.toFixed()} asked for` };
  if (filled.isZero()) return { ok: true, lines: requests.map((r) => ({ accountId: r.accountId, quantity: ZERO })) };

  // Work in lots. A fill that is not whole lots (a venue's odd partial) leaves an odd piece, given like a lot below.
  const lots = filled.div(lotSize).floor();
  const odd = filled.minus(lots.times(lotSize));
  const shares = requests.map((r, i) => {
    const exact = lots.times(r.quantity).div(asked);
    const whole = exact.floor();
    return { i, whole, remainder: exact.minus(whole), cap: r.quantity.div(lotSize).floor() };
  });
  let left = lots.minus(shares.reduce((s, x) => s.plus(x.whole), ZERO)).toNumber();
  const order = [...shares].sort(
    (a, b) =>
      b.remainder.comparedTo(a.remainder) ||
      requests[b.i]!.quantity.comparedTo(requests[a.i]!.quantity) ||
      requests[a.i]!.accountId.localeCompare(requests[b.i]!.accountId),
  );
  // Largest remainders first; an account already at its whole-lot request is passed over.
  for (let progress = true; left > 0 && progress; ) {
    progress = false;
    for (const s of order) {
      if (left === 0) break;
      if (s.whole.gte(s.cap)) continue;
      s.whole = s.whole.plus(1);
      left -= 1;
      progress = true;
    }
  }
  const quantities = shares.map((s) => s.whole.times(lotSize));
  // Only requests that are not whole lots leave lots over here: they and the odd piece go to whoever has room.
  let rest = odd.plus(lotSize.times(left));
  for (const s of order) {
    if (rest.isZero()) break;
    const room = requests[s.i]!.quantity.minus(quantities[s.i]!);
    const give = room.lt(rest) ? room : rest;
    if (give.gt(0)) {
      quantities[s.i] = quantities[s.i]!.plus(give);
      rest = rest.minus(give);
    }
  }
  return { ok: true, lines: requests.map((r, i) => ({ accountId: r.accountId, quantity: quantities[i]! })) };
}
