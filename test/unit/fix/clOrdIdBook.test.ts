import { describe, expect, it } from 'vitest';
import { type BookEntry, ClOrdIdBook } from '../../../server/venues/fix/clOrdIdBook.ts';

const sent: BookEntry = {
  t: 'order',
  orderId: 'O7',
  clOrdId: 'O7',
  symbol: 'IBM',
  side: 'buy',
  account: 'ACC-7',
  type: 'limit',
  tif: 'day',
  quantity: '100',
  price: '10.5',
};

function book(...entries: BookEntry[]): ClOrdIdBook {
  const b = new ClOrdIdBook();
  for (const e of entries) b.apply(e);
  return b;
}

describe('ClOrdIdBook', () => {
  it('gives an order its id as first ClOrdID, then numbers each later request', () => {
    const b = new ClOrdIdBook();
    expect(b.nextClOrdId('O7')).toBe('O7');
    b.apply(sent);
    expect(b.nextClOrdId('O7')).toBe('O7-1');
    b.apply({ t: 'cancel', orderId: 'O7', clOrdId: 'O7-1', origClOrdId: 'O7' });
    expect(b.nextClOrdId('O7')).toBe('O7-2');
  });

  it('finds the order from any ClOrdID of its chain, or from OrigClOrdID when the ClOrdID is foreign', () => {
    const b = book(sent, { t: 'cancel', orderId: 'O7', clOrdId: 'O7-1', origClOrdId: 'O7' });
    expect(b.orderFor('O7')?.orderId).toBe('O7');
    expect(b.orderFor('O7-1')?.orderId).toBe('O7');
    expect(b.orderFor('THEIRS', 'O7')?.orderId).toBe('O7');
    expect(b.orderFor('THEIRS')).toBeUndefined();
    expect(b.request('O7-1')).toMatchObject({ kind: 'cancel', origClOrdId: 'O7' });
  });

  it('remembers the MsgSeqNum each request went out under', () => {
    const b = book(sent, { t: 'seq', clOrdId: 'O7', seq: 12 });
    expect(b.requestAtSeq(12)).toMatchObject({ kind: 'new', orderId: 'O7' });
    expect(b.requestAtSeq(13)).toBeUndefined();
  });

  it('moves the working ClOrdID, quantity and price to an accepted replace only', () => {
    const b = book(sent, { t: 'replace', orderId: 'O7', clOrdId: 'O7-1', origClOrdId: 'O7', quantity: '80', price: '10.75' });
    expect(b.order('O7')).toMatchObject({ workingClOrdId: 'O7' });
    expect(b.order('O7')?.quantity.toFixed()).toBe('100');
    expect(b.request('O7-1')?.quantity?.toFixed()).toBe('80');
    b.apply({ t: 'replaced', orderId: 'O7', clOrdId: 'O7-1', quantity: '80', price: '10.75' });
    expect(b.order('O7')).toMatchObject({ workingClOrdId: 'O7-1' });
    expect(b.order('O7')?.quantity.toFixed()).toBe('80');
    expect(b.order('O7')?.limitPrice?.toFixed()).toBe('10.75');
  });

  it('marks acknowledgement and answers already applied', () => {
    const b = book(sent);
    expect(b.order('O7')?.acked).toBe(false);
    expect(b.hasSeen('8|O7|1')).toBe(false);
    b.apply({ t: 'acked', orderId: 'O7' });
    b.apply({ t: 'seen', key: '8|O7|1' });
    expect(b.order('O7')?.acked).toBe(true);
    expect(b.hasSeen('8|O7|1')).toBe(true);
  });
});
