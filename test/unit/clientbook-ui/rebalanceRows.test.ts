import { describe, expect, it } from 'vitest';
import { accountChoices, blockRows, proposalLineRows } from '../../../src/clientbook/screens/rebalanceRows.ts';
import type { RebalanceProposalWire } from '../../../src/core/protocol/clientBook.ts';
import type { OrderWire } from '../../../src/core/protocol.ts';
import { summary } from './fixtures.ts';

const proposal: RebalanceProposalWire = {
  proposalId: 'RB-1',
  createdBy: 'advisor1',
  createdAt: 1,
  accountIds: ['A-1', 'A-2'],
  lines: [
    { accountId: 'A-1', clientId: 'C1', symbol: 'MSFT', side: 'sell', quantity: '100', price: '402.1', notional: '40210', currentWeight: '0.1', targetWeight: '0.08', weightAfter: '0.067' },
    { accountId: 'A-2', clientId: 'C2', symbol: 'MSFT', side: 'sell', quantity: '200', price: '402.1', notional: '80420', currentWeight: '0.12', targetWeight: '0.08', weightAfter: '0.079' },
  ],
  blocks: [{ symbol: 'MSFT', side: 'sell', quantity: '300', price: '402.1', notional: '120630', accounts: 2 }],
  notes: [],
};

describe('rebalance rows', () => {
  it('offers every account of every client, most drifted first', () => {
    const choices = accountChoices([summary({ clientId: 'C1', name: 'Low', drift: '0.01', flags: [], accountIds: ['A-1'] }), summary({ clientId: 'C2', name: 'High', drift: '0.09', accountIds: ['A-2', 'A-3'] })]);
    expect(choices.map((c) => [c.accountId, c.clientName, c.drift, c.drifting])).toEqual([
      ['A-2', 'High', '9.0%', true],
      ['A-3', 'High', '9.0%', true],
      ['A-1', 'Low', '1.0%', false],
    ]);
  });

  it('shows the lines per account with the client name and weights', () => {
    const rows = proposalLineRows(proposal, (id) => (id === 'C1' ? 'Ann' : 'Bob'));
    expect(rows[0]).toMatchObject({ accountId: 'A-1', client: 'Ann', quantity: '100', notional: '40,210.00', currentWeight: '10.0%', targetWeight: '8.0%', weightAfter: '6.7%' });
  });

  it('follows each sent block from the order stream: the status at placing, then fills and average price', () => {
    expect(blockRows(proposal, null, new Map())[0]).toMatchObject({ quantity: '300', notional: '120,630.00', orderId: '', status: '' });
    const sent = [{ symbol: 'MSFT', side: 'sell' as const, quantity: '300', orderId: 'O-41', clOrdId: 'RB-1-MSFT-sell', status: 'pendingNew', text: '' }];
    expect(blockRows(proposal, sent, new Map())[0]).toMatchObject({ orderId: 'O-41', status: 'Pending', filled: '' });
    const order = { orderId: 'O-41', status: 'filled', cumQty: '300', avgPx: '402.08', text: '' } as unknown as OrderWire;
    expect(blockRows(proposal, sent, new Map([['O-41', order]]))[0]).toMatchObject({ status: 'Filled', filled: '300', avgPx: '402.08' });
  });
});
