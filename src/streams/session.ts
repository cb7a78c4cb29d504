import { type Observable, ReplaySubject, asyncScheduler, map, share } from 'rxjs';
import { type Decimal, dec } from '../core/decimal.ts';
import { type Instrument, instrumentFromWire } from '../core/instrument.ts';
import type { BarWire, ClientMessage, ClientWire, Interval } from '../core/protocol.ts';
import type { TicketDraft } from '../core/ticket.ts';
import type { UserProfile } from '../core/users.ts';
import { type ClientBookApi, clientBookOf, createClientBookApi } from './clientBook.ts';
import type { Connection, LoginOk, ResponseOf } from './connection.ts';
import type { ConnectionStatus } from './connectionStatus.ts';
import { createDepthSource, type DepthSource } from './depth.ts';
import { createDeskSource } from './desk.ts';
import type { DeskState } from './deskState.ts';
import { type KillSwitchApi, createKillSwitchApi } from './killSwitch.ts';
import type { CostMethod } from '../core/pnl/inventory.ts';
import { historyBefore, historyOf } from './history.ts';
import { withMarks } from './marks.ts';
import { type CancelAllScopeWire, type PlaceOptions, type ReplaceTerms, cancelAllMsg, placeOrderMsg, replaceOrderMsg } from './orderCommands.ts';
import { ordersOf } from './orders.ts';
import type { OrdersState } from './ordersState.ts';
import { positionsOf } from './positions.ts';
import type { PositionsState } from './positionsState.ts';
import { type QuoteSource, createQuoteSource } from './quotes.ts';
import { type Freshness, LINK_SILENCE_MS, STALE_CHECK_MS, freshness$ } from './staleQuotes.ts';
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
  /** The desk monitor from the gateway's roll-up (issue 5), one stream per cost method; null until the snapshot. */
  desk(method: CostMethod): Observable<DeskState | null>;
  /** Kill switches: watch, set and clear (desk heads). */
  readonly killSwitch: KillSwitchApi;
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
  /** Answered by the order's first report, or by `orderWarning` (not placed: resend with confirm). */
  placeOrder(clOrdId: string, draft: TicketDraft, options?: PlaceOptions): Observable<ResponseOf<'placeOrder'>>;
  cancelOrder(orderId: string): Observable<ResponseOf<'cancelOrder'>>;
  /** Amend (cancel/replace) a working order under a new ClOrdID. */
  replaceOrder(orderId: string, clOrdId: string, terms: ReplaceTerms): Observable<ResponseOf<'replaceOrder'>>;
  cancelAll(scope: CancelAllScopeWire): Observable<ResponseOf<'cancelAll'>>;
  /** Buying power, warning thresholds and trading mode for this user (the ticket's figures). */
  riskLimits(): Observable<ResponseOf<'riskLimits'>>;
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
    desk: createDeskSource(conn),
    killSwitch: createKillSwitchApi(conn),
    clientBook$,
    valuedClients$: withMarks(clientBook$, symbolsHeld, quote).pipe(map(([clients, marks]) => clients.map((c) => valueClient(c, marks, multiplierOf)))),
    book: createClientBookApi(conn),
    history: (symbol, interval) => historyOf(conn, symbol, interval),
    historyBefore: (symbol, interval, to) => historyBefore(conn, symbol, interval, to),
    depth: createDepthSource(conn),
    freshness$: freshness$(conn.status$, STALE_CHECK_MS, asyncScheduler, conn.messages$, LINK_SILENCE_MS, conn.liveness$).pipe(share({ connector: () => new ReplaySubject<Freshness>(1), resetOnRefCountZero: true })),
    placeOrder: (clOrdId, draft, options) => conn.request<'placeOrder'>(placeOrderMsg(clOrdId, draft, options)),
    cancelOrder: (orderId) => conn.request<'cancelOrder'>({ type: 'cancelOrder', orderId }),
    replaceOrder: (orderId, clOrdId, terms) => conn.request<'replaceOrder'>(replaceOrderMsg(orderId, clOrdId, terms)),
    cancelAll: (scope) => conn.request<'cancelAll'>(cancelAllMsg(scope)),
    riskLimits: () => conn.request<'riskLimits'>({ type: 'riskLimits' }),
    logout: () => conn.logout(),
  };
}
