import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestGateway, startTestGateway } from '../support/gateway.ts';
import { connect } from '../support/wsClient.ts';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ tickIntervalMs: 3_600_000 });
});
afterAll(async () => {
  await gw.dispose();
});

describe('client book', () => {
  it("gives an advisor only their own clients, whose accounts are the advisor's accounts", async () => {
    const c = await connect(gw.wsUrl);
    const ok = await c.login('advisor1');
    const book = await c.request({ type: 'clientBook' });
    if (book.type !== 'clientBook') throw new Error(JSON.stringify(book));
    expect(book.clients.length).toBe(6);
    expect(book.clients.every((cl) => cl.advisor === 'advisor1')).toBe(true);
    const accounts = book.clients.flatMap((cl) => cl.accounts.map((a) => a.accountId)).sort();
    expect(accounts).toEqual([...ok.user.accounts].sort());
    const symbols = new Set(gw.marketData.instruments.all().map((i) => i.symbol));
    for (const cl of book.clients) {
      expect(cl.accounts.length).toBeGreaterThanOrEqual(1);
      expect(cl.accounts.length).toBeLessThanOrEqual(2);
      for (const a of cl.accounts) {
        expect(a.currency).toBe('USD');
        expect(a.holdings.length).toBeGreaterThanOrEqual(3);
        expect(a.holdings.length).toBeLessThanOrEqual(6);
        for (const h of a.holdings) expect(symbols.has(h.symbol)).toBe(true);
      }
    }
    await c.close();
  });

  it('lets an advisor trade for a client account and see it, and gives the desk head every client', async () => {
    const adv = await connect(gw.wsUrl);
    const ok = await adv.login('advisor2');
    const account = ok.user.accounts[0]!;
    const ack = await adv.request({
      type: 'placeOrder',
      clOrdId: 'adv-1',
      order: { symbol: 'MSFT', side: 'buy', type: 'limit', quantity: '100', limitPrice: '1.00', account },
    });
    expect(ack).toMatchObject({ type: 'execReport', report: { execType: 'pendingNew', order: { account, trader: 'advisor2' } } });
    const other = await adv.request({
      type: 'placeOrder',
      clOrdId: 'adv-2',
      order: { symbol: 'MSFT', side: 'buy', type: 'limit', quantity: '100', limitPrice: '1.00', account: 'T1-MAIN' },
    });
    expect(other).toMatchObject({ type: 'execReport', report: { execType: 'rejected', order: { text: 'you may not trade for account T1-MAIN' } } });
    await adv.close();

    const head = await connect(gw.wsUrl);
    await head.login('deskhead');
    const book = await head.request({ type: 'clientBook' });
    if (book.type !== 'clientBook') throw new Error(JSON.stringify(book));
    expect(book.clients.length).toBe(12);
    expect(new Set(book.clients.map((cl) => cl.advisor))).toEqual(new Set(['advisor1', 'advisor2']));
    await head.close();
  });

  it('refuses the client book to a trader', async () => {
    const c = await connect(gw.wsUrl);
    await c.login('trader1');
    const r = await c.request({ type: 'clientBook' });
    expect(r).toMatchObject({ type: 'error', code: 'FORBIDDEN' });
    await c.close();
  });
});
