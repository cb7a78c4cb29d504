import { describe, expect, it } from 'vitest';
import { parseClientMessage } from '../../../src/core/protocol.ts';
import { cancelAllMsg, placeOrderMsg, replaceOrderMsg } from '../../../src/streams/orderCommands.ts';
import { hotkeyFor } from '../../../src/ticket/useTicketHotkeys.ts';

const parses = (msg: object) => parseClientMessage(JSON.stringify(msg)).ok;

describe('order commands on the wire', () => {
  it('places a stop limit GTD short sale with every field, and a confirmation with its justification', () => {
    const msg = placeOrderMsg(
      'trader1-x-1',
      {
        symbol: ' aapl ',
        side: 'sellShort',
        type: 'stopLimit',
        quantity: '1,000',
        limitPrice: '189.00',
        stopPrice: '189.50',
        account: 'T1-MAIN',
        tif: 'gtd',
        expireAt: '2026-11-30T21:00:00.000Z',
        locate: 'LOC-7',
      },
      { confirm: true, justification: '  client asked  ' },
    );
    expect(msg).toEqual({
      type: 'placeOrder',
      clOrdId: 'trader1-x-1',
      order: {
        symbol: 'AAPL',
        side: 'sellShort',
        type: 'stopLimit',
        quantity: '1000',
        limitPrice: '189.00',
        stopPrice: '189.50',
        account: 'T1-MAIN',
        tif: 'gtd',
        expireAt: '2026-11-30T21:00:00.000Z',
        locate: 'LOC-7',
      },
      confirm: true,
      justification: 'client asked',
    });
    expect(parses(msg)).toBe(true);
  });

  it('leaves out what a market order does not have', () => {
    const msg = placeOrderMsg('c-1', { symbol: 'AAPL', side: 'buy', type: 'market', quantity: '100', account: 'T1-MAIN', tif: 'day' });
    expect(msg.order).toEqual({ symbol: 'AAPL', side: 'buy', type: 'market', quantity: '100', account: 'T1-MAIN', tif: 'day' });
    expect('confirm' in msg).toBe(false);
  });

  it('amends with the new terms only, and cancels all by scope', () => {
    const replace = replaceOrderMsg('O-1', 'c-2', { quantity: '200', limitPrice: '1,190.50' });
    expect(replace).toEqual({ type: 'replaceOrder', orderId: 'O-1', clOrdId: 'c-2', quantity: '200', limitPrice: '1190.50' });
    expect(parses(replace)).toBe(true);
    expect(cancelAllMsg({})).toEqual({ type: 'cancelAll' });
    expect(cancelAllMsg({ account: 'T1-HEDGE' })).toEqual({ type: 'cancelAll', account: 'T1-HEDGE' });
    expect(parses(cancelAllMsg({ trader: 'trader1' }))).toBe(true);
  });
});

describe('hotkeyFor', () => {
  it('F1 and F2 pick the side from anywhere but a dialog', () => {
    expect(hotkeyFor({ key: 'F1' }, 'elsewhere')).toBe('buy');
    expect(hotkeyFor({ key: 'F2' }, 'field')).toBe('sell');
    expect(hotkeyFor({ key: 'F1' }, 'dialog')).toBeUndefined();
  });

  it('B and S never fire while a field takes text, nor in another panel', () => {
    expect(hotkeyFor({ key: 'b' }, 'ticket')).toBe('buy');
    expect(hotkeyFor({ key: 'S' }, 'page')).toBe('sell');
    expect(hotkeyFor({ key: 's' }, 'control')).toBe('sell');
    expect(hotkeyFor({ key: 'b' }, 'field')).toBeUndefined();
    expect(hotkeyFor({ key: 's' }, 'elsewhere')).toBeUndefined();
    expect(hotkeyFor({ key: 's', ctrlKey: true }, 'page')).toBeUndefined();
  });

  it('Enter sends from the ticket or the page, not from a button or a field (they have their own Enter)', () => {
    expect(hotkeyFor({ key: 'Enter' }, 'page')).toBe('send');
    expect(hotkeyFor({ key: 'Enter' }, 'ticket')).toBe('send');
    expect(hotkeyFor({ key: 'Enter' }, 'control')).toBeUndefined();
    expect(hotkeyFor({ key: 'Enter' }, 'field')).toBeUndefined();
    expect(hotkeyFor({ key: 'Enter' }, 'elsewhere')).toBeUndefined();
  });

  it('Escape clears from the ticket (a field included) and the page', () => {
    expect(hotkeyFor({ key: 'Escape' }, 'field')).toBe('escape');
    expect(hotkeyFor({ key: 'Escape' }, 'page')).toBe('escape');
    expect(hotkeyFor({ key: 'Escape' }, 'elsewhere')).toBeUndefined();
    expect(hotkeyFor({ key: 'Escape' }, 'dialog')).toBeUndefined();
  });
});
