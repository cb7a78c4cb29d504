import { describe, expect, it } from 'vitest';
import { routeOrder } from '../../../../server/venues/routing/routeOrder.ts';
import { parseRoutingTable } from '../../../../server/venues/routing/routingTable.ts';

const table = parseRoutingTable({
  rules: [
    { venue: 'ORDERMATCH', account: 'ACC-MM', symbol: ['ACME', 'ZETA'], description: 'market maker in ACME and ZETA' },
    { venue: 'FXBROKER', assetClass: 'fx' },
    { venue: 'EXECUTOR', account: ['ACC-MM', 'ACC-7'] },
    { venue: 'FUTURES', assetClass: ['future'], symbol: 'ESZ6' },
  ],
  default: 'INTERNAL',
});

const route = (account: string, symbol: string, assetClass: 'equity' | 'etf' | 'fx' | 'future' | null) => routeOrder(table, { account, symbol, assetClass });

describe('routeOrder', () => {
  it('takes the first rule that matches', () => {
    expect(route('ACC-MM', 'ACME', 'equity')).toEqual({ venue: 'ORDERMATCH', rule: table.rules[0] });
    expect(route('ACC-MM', 'EURUSD', 'fx').venue).toBe('FXBROKER');
    expect(route('ACC-MM', 'IBM', 'equity').venue).toBe('EXECUTOR');
  });

  it('needs every condition of a rule to hold', () => {
    expect(route('ACC-9', 'ACME', 'equity').venue).toBe('INTERNAL');
    expect(route('ACC-9', 'ESH7', 'future').venue).toBe('INTERNAL');
    expect(route('ACC-9', 'ESZ6', 'future').venue).toBe('FUTURES');
  });

  it('sends what no rule takes to the default, saying no rule chose it', () => {
    expect(route('ACC-9', 'IBM', 'equity')).toEqual({ venue: 'INTERNAL', rule: null });
  });

  it('never matches an asset-class rule for a symbol whose class is unknown', () => {
    expect(route('ACC-9', 'EURUSD', null).venue).toBe('INTERNAL');
  });

  it('routes everything to the default when there are no rules', () => {
    expect(routeOrder(parseRoutingTable({ default: 'INTERNAL' }), { account: 'A', symbol: 'S', assetClass: 'etf' }).venue).toBe('INTERNAL');
  });
});
