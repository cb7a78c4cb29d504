/**
 * A rebalance proposal: what each account must buy and sell to come back to
 * its model's target weights, and the block per instrument and side that
 * trades it for all of them at once. Pure: prices, holdings and models come in.
 *
 * Rules, in the order they apply:
 *  - a holding trades only when its weight is off target by more than the
 *    tolerance (small drifts are not worth a ticket);
 *  - quantities are whole lots; a sell never sells more than is held;
 *  - restrictions: nothing is bought in a sector the client excluded, nor an
 *    instrument without a price or that is not tradable (each noted);
 *  - cash: sells are done first and their proceeds fund the buys; buys are
 *    cut (in lots) so the account never spends more cash than it has, largest
 *    shortfall first.
 */
import { type Decimal, ZERO } from './decimal.ts';

export interface ModelTarget {
  readonly symbol: string;
  /** Fraction of the account's total value. */
  readonly weight: Decimal;
}

export interface RebalanceAccount {
  readonly accountId: string;
  readonly clientId: string;
  readonly cash: Decimal;
  readonly holdings: readonly { readonly symbol: string; readonly quantity: Decimal }[];
  readonly targets: readonly ModelTarget[];
  readonly excludedSectors: readonly string[];
}

export interface RebalanceInstrument {
  readonly symbol: string;
  readonly lotSize: Decimal;
  readonly multiplier: Decimal;
  readonly sector: string;
  /** Latest price; absent when there is none (nothing can be sized). */
  readonly price: Decimal | undefined;
  readonly tradable: boolean;
}

export interface RebalanceLine {
  readonly accountId: string;
  readonly clientId: string;
  readonly symbol: string;
  readonly side: 'buy' | 'sell';
  readonly quantity: Decimal;
  readonly price: Decimal;
  readonly notional: Decimal;
  readonly currentWeight: Decimal;
  readonly targetWeight: Decimal;
  readonly weightAfter: Decimal;
}

export interface RebalanceBlock {
  readonly symbol: string;
  readonly side: 'buy' | 'sell';
  readonly quantity: Decimal;
  readonly price: Decimal;
  readonly notional: Decimal;
  readonly accounts: number;
}

export interface RebalanceNote {
  readonly accountId: string;
  readonly symbol: string | null;
  readonly message: string;
}

export interface RebalanceProposal {
  readonly lines: RebalanceLine[];
  readonly blocks: RebalanceBlock[];
  readonly notes: RebalanceNote[];
}

export interface RebalanceOptions {
  /** Trade a holding only when |weight − target| exceeds this fraction. */
  readonly driftTolerance: Decimal;
}

/** Whole lots of `quantity`, rounded toward zero. */
function wholeLots(quantity: Decimal, lot: Decimal): Decimal {
  return quantity.div(lot).trunc().times(lot);
}

interface Want {
  symbol: string;
  inst: RebalanceInstrument & { price: Decimal };
  current: Decimal;
  target: Decimal;
  currentWeight: Decimal;
  targetWeight: Decimal;
}

function proposeForAccount(
  account: RebalanceAccount,
  instrument: (symbol: string) => RebalanceInstrument | undefined,
  options: RebalanceOptions,
): { lines: RebalanceLine[]; notes: RebalanceNote[] } {
  const notes: RebalanceNote[] = [];
  const note = (symbol: string | null, message: string) => notes.push({ accountId: account.accountId, symbol, message });
  const held = new Map(account.holdings.map((h) => [h.symbol, h.quantity]));
  const targetOf = new Map(account.targets.map((t) => [t.symbol, t.weight]));
  const symbols = [...new Set([...held.keys(), ...targetOf.keys()])].sort();

  let total = account.cash;
  const priced = new Map<string, RebalanceInstrument & { price: Decimal }>();
  for (const symbol of symbols) {
    const inst = instrument(symbol);
    if (inst?.price === undefined || !inst.price.gt(0)) {
      note(symbol, `${symbol} has no price; left as it is`);
      continue;
    }
    priced.set(symbol, { ...inst, price: inst.price });
    total = total.plus((held.get(symbol) ?? ZERO).times(inst.price).times(inst.multiplier));
  }
  if (!total.gt(0)) {
    note(null, 'the account is empty; nothing to rebalance');
    return { lines: [], notes };
  }

  const wants: Want[] = [];
  for (const [symbol, inst] of priced) {
    const current = held.get(symbol) ?? ZERO;
    const targetWeight = targetOf.get(symbol) ?? ZERO;
    const currentWeight = current.times(inst.price).times(inst.multiplier).div(total);
    if (targetWeight.gt(currentWeight) && account.excludedSectors.includes(inst.sector)) {
      note(symbol, `${symbol} is in a sector the client excluded (${inst.sector}); not bought`);
      continue;
    }
    if (!inst.tradable) {
      note(symbol, `${symbol} cannot be traded now; left as it is`);
      continue;
    }
    if (currentWeight.minus(targetWeight).abs().lte(options.driftTolerance)) continue;
    const unit = inst.price.times(inst.multiplier);
    let target = wholeLots(targetWeight.times(total).div(unit), inst.lotSize);
    if (target.isNegative()) target = ZERO;
    if (targetWeight.isZero()) target = ZERO;
    wants.push({ symbol, inst, current, target, currentWeight, targetWeight });
  }

  const lines: RebalanceLine[] = [];
  let cash = account.cash;
  const line = (w: Want, side: 'buy' | 'sell', quantity: Decimal) => {
    const notional = quantity.times(w.inst.price).times(w.inst.multiplier);
    const after = side === 'buy' ? w.current.plus(quantity) : w.current.minus(quantity);
    lines.push({
      accountId: account.accountId,
      clientId: account.clientId,
      symbol: w.symbol,
      side,
      quantity,
      price: w.inst.price,
      notional,
      currentWeight: w.currentWeight,
      targetWeight: w.targetWeight,
      weightAfter: after.times(w.inst.price).times(w.inst.multiplier).div(total),
    });
    return notional;
  };

  // Sells first: their proceeds fund the buys.
  for (const w of wants.filter((x) => x.target.lt(x.current))) {
    const quantity = wholeLots(w.current.minus(w.target), w.inst.lotSize);
    if (quantity.isZero()) continue;
    if (!quantity.eq(w.current.minus(w.target))) note(w.symbol, `${w.symbol}: ${w.current.minus(w.target).minus(quantity).toFixed()} left unsold (less than a lot of ${w.inst.lotSize.toFixed()})`);
    cash = cash.plus(line(w, 'sell', quantity));
  }
  // Buys by largest shortfall, each cut to the cash that is left.
  const buys = wants
    .filter((x) => x.target.gt(x.current))
    .sort((a, b) => b.targetWeight.minus(b.currentWeight).comparedTo(a.targetWeight.minus(a.currentWeight)) || a.symbol.localeCompare(b.symbol));
  for (const w of buys) {
    const wanted = w.target.minus(w.current);
    const unit = w.inst.price.times(w.inst.multiplier);
    const affordable = wholeLots(cash.div(unit), w.inst.lotSize);
    const quantity = wanted.lt(affordable) ? wanted : affordable;
    if (quantity.lt(wanted)) note(w.symbol, `${w.symbol}: buy cut from ${wanted.toFixed()} to ${quantity.toFixed()} for lack of cash`);
    if (!quantity.gt(0)) continue;
    cash = cash.minus(line(w, 'buy', quantity));
  }
  return { lines, notes };
}

/** Lines per account and one block per instrument and side, in a stable order. */
export function proposeRebalance(
  accounts: readonly RebalanceAccount[],
  instrument: (symbol: string) => RebalanceInstrument | undefined,
  options: RebalanceOptions,
): RebalanceProposal {
  const lines: RebalanceLine[] = [];
  const notes: RebalanceNote[] = [];
  for (const a of accounts) {
    const r = proposeForAccount(a, instrument, options);
    lines.push(...r.lines);
    notes.push(...r.notes);
  }
  const blocks = new Map<string, { symbol: string; side: 'buy' | 'sell'; quantity: Decimal; price: Decimal; notional: Decimal; accounts: number }>();
  for (const l of lines) {
    const key = `${l.symbol} ${l.side}`;
    const b = blocks.get(key) ?? { symbol: l.symbol, side: l.side, quantity: ZERO, price: l.price, notional: ZERO, accounts: 0 };
    b.quantity = b.quantity.plus(l.quantity);
    b.notional = b.notional.plus(l.notional);
    b.accounts += 1;
    blocks.set(key, b);
  }
  return {
    lines,
    blocks: [...blocks.values()].sort((a, b) => a.symbol.localeCompare(b.symbol) || a.side.localeCompare(b.side)),
    notes,
  };
}

/** Largest |weight − target| over an account's holdings and model (fraction): the account's drift. */
export function accountDrift(
  totalValue: Decimal,
  holdings: readonly { readonly symbol: string; readonly marketValue: Decimal }[],
  targets: readonly ModelTarget[],
): Decimal {
  if (!totalValue.gt(0)) return ZERO;
  const weights = new Map(holdings.map((h) => [h.symbol, h.marketValue.div(totalValue)]));
  let worst = ZERO;
  for (const s of new Set([...weights.keys(), ...targets.map((t) => t.symbol)])) {
    const d = (weights.get(s) ?? ZERO).minus(targets.find((t) => t.symbol === s)?.weight ?? ZERO).abs();
    if (d.gt(worst)) worst = d;
  }
  return worst;
}
