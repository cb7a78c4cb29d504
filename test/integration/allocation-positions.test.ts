/**
 * A rebalance's blocks, once filled and allocated, are the client accounts'
 * positions in the desk head's roll-up, not the block account's; and a
 * restart on the same data shows the same.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { type Decimal, ZERO, dec } from '../../src/core/decimal.ts';
import type { ServerMessage, ServerMessageOf } from '../../src/core/protocol.ts';
import type { DeskLineWire } from '../../src/core/protocol/desk.ts';
import { type TestGateway, freshDataDir, startTestGateway } from '../support/gateway.ts';
import { type TestClient, connect } from '../support/wsClient.ts';

const dataDir = freshDataDir();
const running: TestGateway[] = [];
async function start(): Promise<TestGateway> {
  const gw = await startTestGateway({ dataDir, tickIntervalMs: 3_600_000 });
  running.push(gw);
  return gw;
}
afterAll(async () => {
  for (const gw of running) await gw.dispose();
});

function as<T extends ServerMessage['type']>(m: ServerMessage, type: T): ServerMessageOf<T> {
  if (m.type !== type) throw new Error(`expected ${type}, got ${JSON.stringify(m).slice(0, 300)}`);
  return m as ServerMessageOf<T>;
}

const DESK = 'Wealth Management/advisor1';
const BLOCK = `${DESK}/BLOCK-advisor1`;

async function deskLines(gw: TestGateway): Promise<DeskLineWire[]> {
  const head = await connect(gw.wsUrl);
  await head.login('deskhead');
  const snap = as(await head.request({ type: 'subscribeDesk' }), 'deskSnapshot');
  await head.close();
  return snap.lines;
}

/** Waits until every block is done (filled, or canceled with part filled), moving the market meanwhile. */
async function finished(gw: TestGateway, adv: TestClient, orderId: string): Promise<ServerMessageOf<'execReport'>> {
  for (let i = 0; i < 100; i++) {
    const done = adv.received.find(
      (m): m is ServerMessageOf<'execReport'> => m.type === 'execReport' && m.report.order.orderId === orderId && ['filled', 'canceled', 'expired', 'rejected'].includes(m.report.order.status),
    );
    if (done) return done;
    gw.marketData.step();
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`block ${orderId} did not finish`);
}

describe('block allocations in the positions', () => {
  it("after a rebalance's blocks fill and are allocated, the desk shows the client accounts under the advisor, flat in the block account; the same after a restart", async () => {
    const first = await start();
    const adv = await connect(first.wsUrl);
    await adv.login('advisor1');
    const clients = as(await adv.request({ type: 'clientList' }), 'clientList').clients;
    const accountIds = clients.filter((c) => c.flags.includes('driftOverThreshold')).slice(0, 3).flatMap((c) => c.accountIds);
    expect(accountIds.length).toBeGreaterThan(0);
    const proposal = as(await adv.request({ type: 'rebalanceProposal', accountIds }), 'rebalanceProposal').proposal;
    const sent = as(await adv.request({ type: 'sendRebalance', proposalId: proposal.proposalId }), 'rebalanceSent');
    const placed = sent.orders.filter((o) => o.orderId !== '' && o.status !== 'rejected');
    expect(placed.length).toBeGreaterThan(0);

    // What each client account should hold: the allocations announced for each block that filled.
    const expected = new Map<string, Decimal>();
    const avgPxOf = new Map<string, string>();
    const allocatedSymbols = new Set<string>();
    const seen = new Set<string>();
    for (const o of placed) {
      const done = await finished(first, adv, o.orderId);
      const filled = dec(done.report.order.cumQty);
      if (filled.isZero()) continue;
      let allocated = ZERO;
      while (!allocated.eq(filled)) {
        const e = await adv.next('clientBookEvent', (m) => m.event.kind === 'allocation' && m.event.allocation.orderId === o.orderId && !seen.has(m.event.allocation.allocationId));
        if (e.event.kind !== 'allocation') continue;
        const a = e.event.allocation;
        seen.add(a.allocationId);
        allocated = allocated.plus(a.quantity);
        const key = `${DESK}/${a.accountId}/${a.symbol}`;
        expected.set(key, (expected.get(key) ?? ZERO).plus(a.side === 'buy' ? dec(a.quantity) : dec(a.quantity).neg()));
        avgPxOf.set(key, done.report.order.avgPx);
      }
      allocatedSymbols.add(o.symbol);
    }
    expect(expected.size).toBeGreaterThan(0);
    await adv.close();

    const check = (lines: DeskLineWire[]) => {
      const byId = new Map(lines.map((l) => [l.id, l]));
      for (const [id, quantity] of expected) {
        const line = byId.get(id);
        expect(line, `${id} is not on the desk`).toBeDefined();
        expect(line!.quantity).toBe(quantity.toFixed());
        expect(line!.parentId).not.toBe(BLOCK);
        // At the block's average price, with no fee of their own (the block paid it).
        expect(dec(line!.averagePrice!).minus(avgPxOf.get(id)!).abs().lte(dec('0.00000001'))).toBe(true);
        expect(line!.fees).toBe('0');
      }
      // The block account holds nothing and made nothing from the transfers: flat, zero realized.
      for (const symbol of allocatedSymbols) {
        const line = byId.get(`${BLOCK}/${symbol}`);
        if (line) {
          expect(line.quantity).toBe('0');
          expect(dec(line.realized).isZero()).toBe(true);
        }
      }
      const blockBook = byId.get(BLOCK);
      if (blockBook) {
        expect(dec(blockBook.grossExposure).isZero()).toBe(true);
        expect(dec(blockBook.realized).isZero()).toBe(true);
      }
      return [...expected.keys()].map((id) => ({ id, quantity: byId.get(id)!.quantity, averagePrice: byId.get(id)!.averagePrice, realized: byId.get(id)!.realized }));
    };
    const seenBefore = check(await deskLines(first));
    await first.dispose({ keepData: true });

    const second = await start();
    expect(check(await deskLines(second))).toEqual(seenBefore);
  }, 90_000);
});
