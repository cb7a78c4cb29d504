import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dec } from '../../src/core/decimal.ts';
import type { ServerMessage, ServerMessageOf } from '../../src/core/protocol.ts';
import type { ClientSummaryWire } from '../../src/core/protocol/clientBook.ts';
import { type TestGateway, startTestGateway } from '../support/gateway.ts';
import { type TestClient, connect } from '../support/wsClient.ts';

let gw: TestGateway;
let adv1: TestClient;
let adv1Clients: ClientSummaryWire[];
let allClients: ClientSummaryWire[];

function expectType<T extends ServerMessage['type']>(m: ServerMessage, type: T): ServerMessageOf<T> {
  if (m.type !== type) throw new Error(`expected ${type}, got ${JSON.stringify(m).slice(0, 400)}`);
  return m as ServerMessageOf<T>;
}

beforeAll(async () => {
  gw = await startTestGateway({ tickIntervalMs: 3_600_000 });
  adv1 = await connect(gw.wsUrl);
  await adv1.login('advisor1');
  adv1Clients = expectType(await adv1.request({ type: 'clientList' }), 'clientList').clients;
  const head = await connect(gw.wsUrl);
  await head.login('deskhead');
  allClients = expectType(await head.request({ type: 'clientList' }), 'clientList').clients;
  await head.close();
}, 60_000);
afterAll(async () => {
  await adv1.close();
  await gw.dispose();
});

describe('client book: the book and entitlements', () => {
  it('holds at least 200 clients across four advisors; an advisor lists only their own, with their accounts', async () => {
    expect(allClients.length).toBeGreaterThanOrEqual(200);
    expect(new Set(allClients.map((c) => c.advisor))).toEqual(new Set(['advisor1', 'advisor2', 'advisor3', 'advisor4']));
    expect(adv1Clients.length).toBeGreaterThan(0);
    expect(adv1Clients.every((c) => c.advisor === 'advisor1')).toBe(true);
    expect(adv1Clients.length).toBe(allClients.filter((c) => c.advisor === 'advisor1').length);
    const c = await connect(gw.wsUrl);
    const ok = await c.login('advisor1');
    const accounts = adv1Clients.flatMap((cl) => cl.accountIds).sort();
    expect([...ok.user.accounts].sort()).toEqual(accounts);
    await c.close();
    // Every attention flag occurs somewhere in the seeded book.
    const flags = new Set(allClients.flatMap((cl) => cl.flags));
    expect(flags).toEqual(new Set(['reviewOverdue', 'driftOverThreshold', 'kycExpired', 'largeCash']));
    expect(allClients.filter((cl) => cl.returns.oneYear !== null).length).toBe(allClients.length);
  });

  it("refuses advisor1 another advisor's client, and the client book to a trader", async () => {
    const other = allClients.find((c) => c.advisor === 'advisor2')!;
    expect(await adv1.request({ type: 'clientDetail', clientId: other.clientId })).toMatchObject({ type: 'error', code: 'FORBIDDEN' });
    expect(await adv1.request({ type: 'logInteraction', clientId: other.clientId, kind: 'call', subject: 'x', body: '' })).toMatchObject({
      type: 'error',
      code: 'FORBIDDEN',
    });
    expect(await adv1.request({ type: 'rebalanceProposal', accountIds: [other.accountIds[0]!] })).toMatchObject({ type: 'error', code: 'FORBIDDEN' });
    expect(await adv1.request({ type: 'clientDetail', clientId: 'C9999' })).toMatchObject({ type: 'error', code: 'NOT_FOUND' });
    const trader = await connect(gw.wsUrl);
    await trader.login('trader1');
    expect(await trader.request({ type: 'clientList' })).toMatchObject({ type: 'error', code: 'FORBIDDEN' });
    await trader.close();
  });

  it("rejects advisor1's order in advisor2's client account with the reason", async () => {
    const account = allClients.find((c) => c.advisor === 'advisor2')!.accountIds[0]!;
    const r = await adv1.request({
      type: 'placeOrder',
      clOrdId: 'cb-forbidden-1',
      order: { symbol: 'SPY', side: 'buy', type: 'limit', quantity: '1', limitPrice: '600', account },
    });
    expect(r).toMatchObject({ type: 'execReport', report: { execType: 'rejected', order: { text: `you may not trade for account ${account}` } } });
  });

  it('gives the desk head any client in full: profile, accounts, performance, allocation', async () => {
    const head = await connect(gw.wsUrl);
    await head.login('deskhead');
    const someone = allClients.find((c) => c.advisor === 'advisor3')!;
    const d = expectType(await head.request({ type: 'clientDetail', clientId: someone.clientId }), 'clientDetail').detail;
    expect(d.profile.clientId).toBe(someone.clientId);
    expect(d.accounts.map((a) => a.accountId)).toEqual(someone.accountIds);
    expect(d.performance.periods.map((p) => p.period)).toEqual(['MTD', 'QTD', 'YTD', '1Y', 'SI']);
    expect(d.performance.periods.find((p) => p.period === '1Y')!.twr).not.toBeNull();
    expect(d.performance.periods.find((p) => p.period === 'SI')!.irr).not.toBeNull();
    expect(d.performance.series.length).toBeGreaterThan(250);
    expect(d.transactions.length).toBeGreaterThan(0);
    const total = d.allocation.assetClass.reduce((s, x) => s.plus(x.value), dec(0));
    const accounts = d.accounts.reduce((s, a) => s.plus(a.marketValue).plus(a.cash), dec(0));
    expect(total.minus(accounts).abs().lte('0.05')).toBe(true);
    await head.close();
  });
});

describe('client book: the client record', () => {
  it('logs a call, pushes it to the desk head, and finds it by search', async () => {
    const client = adv1Clients[0]!;
    const head = await connect(gw.wsUrl);
    await head.login('deskhead');
    await head.request({ type: 'clientList' });
    const logged = expectType(
      await adv1.request({ type: 'logInteraction', clientId: client.clientId, kind: 'call', subject: 'Quarterly call', body: 'Asked about zebrafish ESG funds.' }),
      'interactionLogged',
    );
    expect(logged.interaction).toMatchObject({ clientId: client.clientId, kind: 'call', author: 'advisor1' });
    const pushed = await head.next('clientBookEvent', (m) => m.event.kind === 'interaction' && m.event.interaction.interactionId === logged.interaction.interactionId);
    expect(pushed.event.clientId).toBe(client.clientId);
    const found = expectType(await adv1.request({ type: 'searchBook', text: 'zebrafish' }), 'searchResults');
    expect(found.hits.map((h) => h.id)).toContain(logged.interaction.interactionId);
    // Another advisor's search does not see it.
    const adv2 = await connect(gw.wsUrl);
    await adv2.login('advisor2');
    expect(expectType(await adv2.request({ type: 'searchBook', text: 'zebrafish' }), 'searchResults').hits).toEqual([]);
    await adv2.close();
    await head.close();
  });

  it('adds and completes a task, schedules an appointment that shows in the agenda, sends a letter', async () => {
    const client = adv1Clients[1]!;
    const task = expectType(await adv1.request({ type: 'addTask', clientId: client.clientId, title: 'Send fund list', dueDate: '2030-01-15' }), 'taskSaved').task;
    expect(task).toMatchObject({ done: false, owner: 'advisor1', dueDate: '2030-01-15' });
    const done = expectType(await adv1.request({ type: 'completeTask', taskId: task.taskId }), 'taskSaved').task;
    expect(done.done).toBe(true);
    const startsAt = Date.UTC(2030, 0, 15, 14, 0);
    const appt = expectType(
      await adv1.request({ type: 'scheduleAppointment', clientId: client.clientId, title: 'Annual review', startsAt, durationMinutes: 60, location: 'Office' }),
      'appointmentScheduled',
    ).appointment;
    const agenda = expectType(await adv1.request({ type: 'agenda', date: '2030-01-15' }), 'agenda');
    expect(agenda.appointments.map((a) => a.appointmentId)).toContain(appt.appointmentId);
    const letter = expectType(await adv1.request({ type: 'sendCorrespondence', clientId: client.clientId, template: 'reviewInvitation' }), 'correspondenceSent');
    expect(letter.correspondence.body).toContain(client.name);
    const d = expectType(await adv1.request({ type: 'clientDetail', clientId: client.clientId }), 'clientDetail').detail;
    expect(d.tasks.find((t) => t.taskId === task.taskId)?.done).toBe(true);
    expect(d.appointments.map((a) => a.appointmentId)).toContain(appt.appointmentId);
    expect(d.correspondence.map((c) => c.correspondenceId)).toContain(letter.correspondence.correspondenceId);
  });

  it('opens and closes a service request with its history', async () => {
    const client = adv1Clients[2]!;
    const created = expectType(
      await adv1.request({ type: 'createServiceRequest', clientId: client.clientId, kind: 'addressChange', description: 'Moved to 4 Oak Ave' }),
      'serviceRequestSaved',
    ).request;
    expect(created.status).toBe('open');
    const updated = expectType(await adv1.request({ type: 'updateServiceRequest', requestId: created.requestId, status: 'done', note: 'updated' }), 'serviceRequestSaved').request;
    expect(updated.history.map((h) => h.status)).toEqual(['open', 'done']);
    expect(await adv1.request({ type: 'updateServiceRequest', requestId: created.requestId, status: 'open' })).toMatchObject({ type: 'error', code: 'BAD_MESSAGE' });
  });

  it('publishes research at the desk and records who received it', async () => {
    const head = await connect(gw.wsUrl);
    await head.login('deskhead');
    expect(await adv1.request({ type: 'publishResearch', title: 'x', summary: '', body: '' })).toMatchObject({ type: 'error', code: 'FORBIDDEN' });
    const note = expectType(await head.request({ type: 'publishResearch', title: 'Rates outlook', summary: 'Cuts priced in', body: 'Long text', symbols: ['TLT'] }), 'researchPublished').note;
    const mine = adv1Clients.slice(0, 2).map((c) => c.clientId);
    const sent = expectType(await adv1.request({ type: 'sendResearch', noteId: note.noteId, clientIds: mine }), 'researchSent');
    expect(sent.deliveries.map((d) => d.clientId)).toEqual(mine);
    const other = allClients.find((c) => c.advisor === 'advisor2')!.clientId;
    expect(await adv1.request({ type: 'sendResearch', noteId: note.noteId, clientIds: [other] })).toMatchObject({ type: 'error', code: 'FORBIDDEN' });
    const notes = expectType(await head.request({ type: 'researchNotes' }), 'researchNotes').notes;
    expect(notes.find((n) => n.noteId === note.noteId)!.deliveries.map((d) => d.clientId).sort()).toEqual([...mine].sort());
    await head.close();
  });

  it('turns a prospect into a client with an account the advisor can trade', async () => {
    const p = expectType(await adv1.request({ type: 'addProspect', name: 'Ivy Quartermaine', email: 'ivy@example.com', source: 'Referral' }), 'prospectSaved').prospect;
    const conv = expectType(
      await adv1.request({ type: 'convertProspect', prospectId: p.prospectId, riskTolerance: 3, accountType: 'Individual', initialDeposit: '250000' }),
      'prospectConverted',
    );
    expect(conv.prospect.clientId).toBe(conv.client.clientId);
    expect(conv.client).toMatchObject({ advisor: 'advisor1', aum: '250000', cash: '250000' });
    const list = expectType(await adv1.request({ type: 'clientList' }), 'clientList').clients;
    expect(list.map((c) => c.clientId)).toContain(conv.client.clientId);
    expect(await adv1.request({ type: 'convertProspect', prospectId: p.prospectId, riskTolerance: 3, accountType: 'Individual', initialDeposit: '1' })).toMatchObject({
      type: 'error',
      code: 'BAD_MESSAGE',
    });
  });
});

describe('client book: suitability in the order path', () => {
  it('blocks a buy in a sector the client excluded, with the reason', async () => {
    const head = await connect(gw.wsUrl);
    await head.login('deskhead');
    // Find one of advisor1's clients excluding Energy, and an Energy instrument.
    let target: { clientId: string; accountId: string } | undefined;
    for (const c of adv1Clients) {
      const d = expectType(await adv1.request({ type: 'clientDetail', clientId: c.clientId }), 'clientDetail').detail;
      if (d.profile.excludedSectors.includes('Energy')) {
        target = { clientId: c.clientId, accountId: d.accounts[0]!.accountId };
        break;
      }
    }
    await head.close();
    expect(target).toBeDefined();
    const energy = gw.marketData.instruments.all().find((i) => i.sector === 'Energy' && i.assetClass === 'equity' && i.currency === 'USD')!;
    const r = await adv1.request({
      type: 'placeOrder',
      clOrdId: 'cb-suit-block-1',
      order: { symbol: energy.symbol, side: 'buy', type: 'limit', quantity: energy.lotSize.toFixed(), limitPrice: energy.referencePrice.toFixed(), account: target!.accountId },
    });
    expect(r).toMatchObject({ type: 'execReport', report: { execType: 'rejected' } });
    const text = expectType(r, 'execReport').report.order.text;
    expect(text).toContain('excludes the Energy sector');
  });

  it('holds an order above the client’s risk tolerance until justified, and keeps the justification', async () => {
    const cautious = adv1Clients.find((c) => c.riskTolerance <= 2 && c.aum !== '0')!;
    const tech = gw.marketData.instruments.all().find((i) => i.sector === 'Technology' && i.assetClass === 'etf' && i.currency === 'USD')!;
    const account = cautious.accountIds[0]!;
    const order = { symbol: tech.symbol, side: 'buy', type: 'limit', quantity: '1', limitPrice: tech.referencePrice.toFixed(), account };
    const warned = expectType(await adv1.request({ type: 'placeOrder', clOrdId: 'cb-suit-warn-1', order }), 'orderWarning');
    const w = warned.warnings.find((x) => x.rule === 'suitability')!;
    expect(w.requiresJustification).toBe(true);
    expect(w.message).toContain('above the risk tolerance');
    // Confirming without a justification is not enough.
    expect(await adv1.request({ type: 'placeOrder', clOrdId: 'cb-suit-warn-1', order, confirm: true })).toMatchObject({ type: 'orderWarning' });
    const placed = await adv1.request({ type: 'placeOrder', clOrdId: 'cb-suit-warn-1', order, confirm: true, justification: 'Client asked for a small tech position after a meeting on 3 Nov' });
    expect(placed).toMatchObject({ type: 'execReport', report: { execType: 'pendingNew' } });
    const d = expectType(await adv1.request({ type: 'clientDetail', clientId: cautious.clientId }), 'clientDetail').detail;
    const kept = d.overrides.find((o) => o.clOrdId === 'cb-suit-warn-1')!;
    expect(kept.justification).toBe('Client asked for a small tech position after a meeting on 3 Nov');
    expect(kept.warnings[0]!.message).toContain('risk tolerance');
  });
});

describe('client book: rebalancing with block orders', () => {
  it('sends one block per instrument and side, and allocates each fill so the accounts sum to the filled quantity', async () => {
    const drifting = adv1Clients.filter((c) => c.flags.includes('driftOverThreshold')).slice(0, 3);
    expect(drifting.length).toBeGreaterThan(0);
    const accountIds = drifting.flatMap((c) => c.accountIds);
    const proposal = expectType(await adv1.request({ type: 'rebalanceProposal', accountIds }), 'rebalanceProposal').proposal;
    expect(proposal.blocks.length).toBeGreaterThan(0);
    for (const b of proposal.blocks) {
      const lines = proposal.lines.filter((l) => l.symbol === b.symbol && l.side === b.side);
      expect(lines.reduce((s, l) => s.plus(l.quantity), dec(0)).toFixed()).toBe(b.quantity);
    }
    const watcher = await connect(gw.wsUrl);
    await watcher.login('advisor1');
    await watcher.request({ type: 'clientList' });
    const sent = expectType(await adv1.request({ type: 'sendRebalance', proposalId: proposal.proposalId }), 'rebalanceSent');
    expect(sent.blockAccount).toBe('BLOCK-advisor1');
    const placed = sent.orders.filter((o) => o.status !== 'rejected');
    expect(placed.length).toBeGreaterThan(0);
    expect(await adv1.request({ type: 'sendRebalance', proposalId: proposal.proposalId })).toMatchObject({ type: 'error', code: 'BAD_MESSAGE' });

    let allocatedBlocks = 0;
    for (const o of placed) {
      // The block ends (filled, or canceled with part filled); move the market until it does.
      let final: ServerMessageOf<'execReport'> | undefined;
      for (let i = 0; i < 50 && !final; i++) {
        const seen = adv1.received.filter((m): m is ServerMessageOf<'execReport'> => m.type === 'execReport' && m.report.order.orderId === o.orderId);
        final = seen.find((m) => ['filled', 'canceled', 'expired', 'rejected'].includes(m.report.order.status));
        if (!final) {
          gw.marketData.step();
          await new Promise((r) => setTimeout(r, 20));
        }
      }
      expect(final, `block ${o.orderId} did not finish`).toBeDefined();
      const filled = dec(final!.report.order.cumQty);
      if (filled.isZero()) continue;
      const lines = proposal.lines.filter((l) => l.symbol === o.symbol && l.side === o.side);
      const allocations: ServerMessageOf<'clientBookEvent'>[] = [];
      for (let k = 0; k < lines.length; k++) {
        const e = await watcher.next('clientBookEvent', (m) => m.event.kind === 'allocation' && m.event.allocation.orderId === o.orderId);
        allocations.push(e);
        const sum = allocations.reduce((s, x) => s.plus(x.event.kind === 'allocation' ? x.event.allocation.quantity : '0'), dec(0));
        if (sum.eq(filled)) break;
      }
      const got = allocations.map((x) => (x.event.kind === 'allocation' ? x.event.allocation : undefined)!);
      expect(got.reduce((s, a) => s.plus(a.quantity), dec(0)).toFixed()).toBe(filled.toFixed());
      allocatedBlocks += 1;
      for (const a of got) {
        expect(a.price).toBe(final!.report.order.avgPx);
        const line = lines.find((l) => l.accountId === a.accountId)!;
        expect(dec(a.quantity).lte(line.quantity)).toBe(true);
      }
    }
    expect(allocatedBlocks).toBeGreaterThan(0);
    // Each allocation is a trade in the client's history.
    const d = expectType(await adv1.request({ type: 'clientDetail', clientId: drifting[0]!.clientId }), 'clientDetail').detail;
    expect(d.transactions.some((t) => t.description.includes(proposal.proposalId))).toBe(true);
    await watcher.close();
  }, 60_000);
});
