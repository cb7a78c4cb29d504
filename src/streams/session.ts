import { type Observable, ReplaySubject, map, share } from 'rxjs';
import { type Decimal, dec } from '../core/decimal.ts';
import { type Instrument, instrumentFromWire } from '../core/instrument.ts';
import type { BarWire, ClientMessage, ClientWire, Interval } from '../core/protocol.ts';
import type { TicketDraft } from '../core/ticket.ts';
import type { UserProfile } from '../core/users.ts';
import { type ClientBookApi, clientBookOf, createClientBookApi } from './clientBook.ts';
import type { Connection, LoginOk, ResponseOf } from './connection.ts';
import type { ConnectionStatus } from './connectionStatus.ts';
import { createDepthSource, type DepthSource } from './depth.ts';
import { historyBefore, historyOf } from './history.ts';
import { withMarks } from './marks.ts';
import { ordersOf } from './orders.ts';
import type { OrdersState } from './ordersState.ts';
import { positionsOf } from './positions.ts';
import type { PositionsState } from './positionsState.ts';
import { type QuoteSource, createQuoteSource } from './quotes.ts';
import { type Freshness, freshness$ } from './staleQuotes.ts';
import { type TraderRollup, type ValuedClient, type ValuedPosition, rollupByTrader, symbolsHeld, valueClient, valuePosition } from './valuation.ts';

/**
 * Everything a logged-in user's panels listen to, built on the one
 * connection. Creating a session subscribes to nothing: each stream starts
 * when a panel subscribes and stops when the last one leaves.
 */
export interface Session {
  readonly user: UserProfile;
  /** Instruments in the order the gateway listed them. */
  readonly instruments: readonly Instrument[];
  instrument(symbol: string): Instrument | undefined;
  readonly status$: Observable<ConnectionStatus>;
  readonly quote: QuoteSource;
  readonly orders$: Observable<OrdersState>;
  readonly positions$: Observable<PositionsState>;
  readonly valuedPositions$: Observable<ValuedPosition[]>;
  readonly deskRollup$: Observable<DeskView>;
  readonly clientBook$: Observable<ClientWire[]>;
  readonly valuedClients$: Observable<ValuedClient[]>;
  /** The advisor's client list, client records, CRM and rebalancing (issue 6). */
  readonly book: ClientBookApi;
  history(symbol: string, interval: Interval): Observable<BarWire[]>;
  /** One page of older bars for a chart scrolling back: those opening before `to` (epoch seconds). */
  historyBefore(symbol: string, interval: Interval, to: number): Observable<BarWire[]>;
  /** Book depth per symbol, shared like quotes. */
  readonly depth: DepthSource;
  /** The clock and connection state that quotes are judged stale against, ticking once a second. */
  readonly freshness$: Observable<Freshness>;
  placeOrder(clOrdId: string, draft: TicketDraft): Observable<ResponseOf<'placeOrder'>>;
  cancelOrder(orderId: string): Observable<ResponseOf<'cancelOrder'>>;
  logout(): void;
}

export interface DeskView {
  readonly traders: TraderRollup[];
  readonly positions: ValuedPosition[];
}

export function createSession(conn: Connection, login: LoginOk): Session {
  const instruments = login.instruments.map(instrumentFromWire);
  const bySymbol = new Map(instruments.map((i) => [i.symbol, i]));
  const one = dec(1);
  const multiplierOf = (symbol: string): Decimal => bySymbol.get(symbol)?.multiplier ?? one;
  const quote = createQuoteSource(conn);
  const orders$ = ordersOf(conn);
  const positions$ = positionsOf(conn);
  const clientBook$ = clientBookOf(conn);

  const valuedPositions$ = withMarks(positions$, (state) => [...state.values()].map((p) => p.symbol), quote).pipe(
    map(([state, marks]) => [...state.values()].map((p) => valuePosition(p, marks))),
    share({ connector: () => new ReplaySubject<ValuedPosition[]>(1), resetOnRefCountZero: true }),
  );

  return {
    user: login.user,
    instruments,
    instrument: (symbol) => bySymbol.get(symbol),
    status$: conn.status$,
    quote,
    orders$,
    positions$,
    valuedPositions$,
    deskRollup$: valuedPositions$.pipe(map((positions) => ({ traders: rollupByTrader(positions), positions }))),
    clientBook$,
    valuedClients$: withMarks(clientBook$, symbolsHeld, quote).pipe(map(([clients, marks]) => clients.map((c) => valueClient(c, marks, multiplierOf)))),
    book: createClientBookApi(conn),
    history: (symbol, interval) => historyOf(conn, symbol, interval),
    historyBefore: (symbol, interval, to) => historyBefore(conn, symbol, interval, to),
    depth: createDepthSource(conn),
    freshness$: freshness$(conn.status$).pipe(share({ connector: () => new ReplaySubject<Freshness>(1), resetOnRefCountZero: true })),
    placeOrder: (clOrdId, draft) => conn.request<'placeOrder'>({ type: 'placeOrder', clOrdId, order: wireOrder(draft) }),
    cancelOrder: (orderId) => conn.request<'cancelOrder'>({ type: 'cancelOrder', orderId }),
    logout: () => conn.logout(),
  };
}

/** The ticket's text as the gateway takes it: a market order carries no limit price field at all. */
function wireOrder(draft: TicketDraft): WireOrder {
  const order: WireOrder = {
    symbol: draft.symbol.trim().toUpperCase(),
    side: draft.side,
    type: draft.type,
    quantity: draft.quantity.trim().replace(/,/g, ''),
    account: draft.account,
  };
  if (draft.tif) order.tif = draft.tif;
  if (draft.type === 'limit' && draft.limitPrice !== undefined) order.limitPrice = draft.limitPrice.trim().replace(/,/g, '');
  return order;
}
type WireOrder = Extract<ClientMessage, { type: 'placeOrder' }>['order'];
