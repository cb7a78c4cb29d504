import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import { limitsFromWire } from '../../../src/ticket/useRiskLimits.ts';
import { orderLimitWarnings, withOrderLimitWarnings } from '../../../src/ticket/orderLimitWarnings.ts';
import type { TicketWarning } from '../../../src/ticket/ticketWarnings.ts';

const LIMITS = [
  { account: 'T1-MAIN', maxOrderQty: dec('250000'), maxOrderNotional: dec('5000000') },
  { account: 'EQ-DESK', maxOrderQty: dec('250000'), maxOrderNotional: dec('10000000') },
];
const size = (account: string, quantity: string | undefined, notional: string | undefined) => ({
  account,
  quantity: quantity === undefined ? undefined : dec(quantity),
  baseNotional: notional === undefined ? undefined : dec(notional),
  baseCurrency: 'USD',
});

describe('orderLimitWarnings (fat finger before sending)', () => {
  it('says nothing at the limits and blocks one unit past each, with the numbers and the account', () => {
    expect(orderLimitWarnings(size('T1-MAIN', '250000', '5000000'), LIMITS)).toEqual([]);
    expect(orderLimitWarnings(size('T1-MAIN', '250001', '5000000.01'), LIMITS)).toEqual([
      { rule: 'maxQuantity', message: 'fat finger: quantity 250,001 is over the per-order limit of 250,000 in T1-MAIN, expect a reject', blocking: true },
      { rule: 'maxNotional', message: 'fat finger: notional 5,000,000.01 USD is over the per-order limit of 5,000,000.00 USD in T1-MAIN, expect a reject', blocking: true },
    ]);
  });

  it('reads the limits of the account the ticket is on', () => {
    expect(orderLimitWarnings(size('EQ-DESK', '100', '8000000'), LIMITS)).toEqual([]);
    expect(orderLimitWarnings(size('T1-MAIN', '100', '8000000'), LIMITS).map((w) => w.rule)).toEqual(['maxNotional']);
  });

  it('says nothing while the size is unknown or the account has no limits from the gateway', () => {
    expect(orderLimitWarnings(size('T1-MAIN', undefined, undefined), LIMITS)).toEqual([]);
    expect(orderLimitWarnings(size('OTHER', '999999999', '999999999'), LIMITS)).toEqual([]);
  });

  it('drops the "large order" line when the notional is already over the hard limit, and keeps the rest', () => {
    const large: TicketWarning = { rule: 'maxNotional', message: 'large order: …', blocking: false };
    const far: TicketWarning = { rule: 'priceCollar', message: 'price far from market: …', blocking: false };
    const hard = orderLimitWarnings(size('T1-MAIN', '100000', '26636000'), LIMITS);
    expect(withOrderLimitWarnings(hard, [far, large]).map((w) => w.message)).toEqual([hard[0]?.message, far.message]);
    expect(withOrderLimitWarnings([], [far, large])).toEqual([far, large]);
  });
});

describe('limitsFromWire: order limits', () => {
  const wire = {
    type: 'riskLimits' as const,
    accounts: [],
    warnNotional: '1000000',
    warnCollarPercent: '3',
    collarPercent: '10',
    mode: 'active' as const,
    baseCurrency: 'USD',
    fxRates: {},
  };
  it('parses them exactly, and has none from a gateway that does not send them', () => {
    const parsed = limitsFromWire({ ...wire, orderLimits: [{ account: 'T1-MAIN', maxOrderQty: '250000', maxOrderNotional: '5000000.5' }] });
    expect(parsed.orderLimits.map((l) => [l.account, l.maxOrderQty.toFixed(), l.maxOrderNotional.toFixed()])).toEqual([['T1-MAIN', '250000', '5000000.5']]);
    expect(limitsFromWire(wire).orderLimits).toEqual([]);
  });
});
