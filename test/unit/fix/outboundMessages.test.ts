import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import { type OrderTerms, newOrderSingle, orderCancelReplaceRequest, orderCancelRequest } from '../../../server/venues/fix/outboundMessages.ts';

const at = new Date('2026-11-23T10:00:00.000Z');
const limit: OrderTerms = { symbol: 'IBM', side: 'sell', account: 'ACC-7', type: 'limit', tif: 'gtc', quantity: dec('1250.5'), limitPrice: dec('187.35') };

describe('newOrderSingle', () => {
  it('puts Symbol and OrderQty in their FIX 4.4 components, numbers as their exact digits', () => {
    expect(newOrderSingle('FIX.4.4', 'O1', limit, at)).toEqual({
      ClOrdID: 'O1',
      Account: 'ACC-7',
      HandlInst: '1',
      Instrument: { Symbol: 'IBM' },
      Side: '2',
      TransactTime: at,
      OrderQtyData: { OrderQty: '1250.5' },
      OrdType: '2',
      Price: '187.35',
      TimeInForce: '1',
    });
  });

  it('keeps them flat in FIX 4.2', () => {
    const body = newOrderSingle('FIX.4.2', 'O1', limit, at);
    expect(body).toMatchObject({ Symbol: 'IBM', OrderQty: '1250.5', HandlInst: '1' });
    expect(body).not.toHaveProperty('Instrument');
    expect(body).not.toHaveProperty('OrderQtyData');
  });

  it('sends a market order without a price and leaves out an empty account', () => {
    const body = newOrderSingle('FIX.4.4', 'O2', { ...limit, type: 'market', tif: 'ioc', limitPrice: null, account: '', side: 'buy' }, at);
    expect(body).toMatchObject({ OrdType: '1', TimeInForce: '3', Side: '1' });
    expect(body).not.toHaveProperty('Price');
    expect(body).not.toHaveProperty('Account');
  });

  it('spells day orders 0', () => {
    expect(newOrderSingle('FIX.4.4', 'O3', { ...limit, tif: 'day' }, at)).toMatchObject({ TimeInForce: '0' });
  });
});

describe('orderCancelRequest and orderCancelReplaceRequest', () => {
  it('name the order by OrigClOrdID and carry the quantity the venue knows', () => {
    expect(orderCancelRequest('FIX.4.4', 'O1-1', 'O1', limit, at)).toEqual({
      OrigClOrdID: 'O1',
      ClOrdID: 'O1-1',
      Account: 'ACC-7',
      Instrument: { Symbol: 'IBM' },
      Side: '2',
      TransactTime: at,
      OrderQtyData: { OrderQty: '1250.5' },
    });
  });

  it('ask for the new total quantity and price', () => {
    const body = orderCancelReplaceRequest('FIX.4.2', 'O1-2', 'O1-1', { ...limit, quantity: dec('800'), limitPrice: dec('188') }, at);
    expect(body).toMatchObject({ OrigClOrdID: 'O1-1', ClOrdID: 'O1-2', OrderQty: '800', Price: '188', OrdType: '2', HandlInst: '1', Symbol: 'IBM' });
  });
});
