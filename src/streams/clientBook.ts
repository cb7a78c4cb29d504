import { type Observable, ReplaySubject, Subject, catchError, debounceTime, filter, map, merge, of, scan, share, startWith, switchMap } from 'rxjs';
import type { ClientWire } from '../core/protocol.ts';
import type { ClientBookEventWire, ClientBookResponseTypes, ClientDetailWire, ClientSummaryWire } from '../core/protocol/clientBook.ts';
import { type Connection, GatewayError, type RequestOf, type ResponseOf } from './connection.ts';
import { skipFailure } from './skipFailure.ts';
import { whenOnline } from './whenOnline.ts';

/** The advisor's clients with their accounts and holdings; fetched again after a reconnect. */
export function clientBookOf(conn: Connection): Observable<ClientWire[]> {
  return conn.status$.pipe(
    whenOnline(() =>
      conn.request<'clientBook'>({ type: 'clientBook' }).pipe(
        map((m) => m.clients),
        skipFailure('clientBook'),
      ),
    ),
    share({ connector: () => new ReplaySubject<ClientWire[]>(1), resetOnRefCountZero: true }),
  );
}

/** What a screen shows while data comes: a spinner, the gateway's reason, or the data. */
export type Loadable<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; value: T };

export interface ClientList {
  readonly asOf: string;
  readonly clients: readonly ClientSummaryWire[];
}

export type ClientBookRequest = keyof ClientBookResponseTypes;

/** The client-book side of the session: the list, one client's record, the pushes, and every command. */
export interface ClientBookApi {
  readonly list$: Observable<Loadable<ClientList>>;
  detail(clientId: string): Observable<Loadable<ClientDetailWire>>;
  readonly events$: Observable<ClientBookEventWire>;
  request<T extends ClientBookRequest>(msg: RequestOf<T>): Observable<ResponseOf<T>>;
  /** Ask for the list again (after a command whose effect is easier fetched than patched). */
  refreshList(): void;
}

export function errorText(err: unknown): string {
  if (err instanceof GatewayError) return err.message;
  return err instanceof Error ? err.message : String(err);
}

/**
 * Folds a push into the list: what the event says exactly (a contact, an
 * appointment, a new client) is patched in place; the rest (tasks, fills
 * allocated to accounts) changes figures the gateway computes, so the caller
 * refetches.
 */
export function applyClientEvent(list: ClientList, event: ClientBookEventWire, now: number): { list: ClientList; refetch: boolean } {
  const patch = (clientId: string, change: (c: ClientSummaryWire) => ClientSummaryWire): ClientList => ({
    ...list,
    clients: list.clients.map((c) => (c.clientId === clientId ? change(c) : c)),
  });
  switch (event.kind) {
    case 'interaction': {
      const at = event.interaction.at;
      return { list: patch(event.clientId, (c) => ({ ...c, lastContact: c.lastContact === null ? at : Math.max(c.lastContact, at) })), refetch: false };
    }
    case 'appointment': {
      const at = event.appointment.startsAt;
      if (at < now) return { list, refetch: false };
      return {
        list: patch(event.clientId, (c) => ({ ...c, nextAppointment: c.nextAppointment === null || c.nextAppointment < now ? at : Math.min(c.nextAppointment, at) })),
        refetch: false,
      };
    }
    case 'clientAdded':
      if (list.clients.some((c) => c.clientId === event.clientId)) return { list, refetch: false };
      return { list: { ...list, clients: [...list.clients, event.client] }, refetch: false };
    case 'task':
    case 'allocation':
      return { list, refetch: true };
    case 'serviceRequest':
    case 'research':
      return { list, refetch: false };
  }
}

function isEvent(m: { type: string }): m is { type: 'clientBookEvent'; event: ClientBookEventWire } {
  return m.type === 'clientBookEvent';
}

export function createClientBookApi(conn: Connection, now: () => number = Date.now): ClientBookApi {
  const events$ = conn.messages$.pipe(
    filter(isEvent),
    map((m) => m.event),
    share(),
  );
  const refresh = new Subject<void>();

  const fetchList = (): Observable<Loadable<ClientList>> =>
    conn.request<'clientList'>({ type: 'clientList' }).pipe(
      map((m): Loadable<ClientList> => ({ state: 'ready', value: { asOf: m.asOf, clients: m.clients } })),
      catchError((err: unknown) => of<Loadable<ClientList>>({ state: 'error', message: errorText(err) })),
    );

  type ListStep = { kind: 'loaded'; value: Loadable<ClientList> } | { kind: 'event'; event: ClientBookEventWire };
  const list$ = conn.status$.pipe(
    whenOnline(() => {
      // Events that need figures recomputed, and an explicit refresh, refetch at most once a second.
      const refetches$ = merge(refresh, events$.pipe(filter((e) => e.kind === 'task' || e.kind === 'allocation'))).pipe(
        debounceTime(1000),
        switchMap(() => fetchList().pipe(filter((l) => l.state === 'ready'))),
      );
      return merge(
        merge(fetchList(), refetches$).pipe(map((value): ListStep => ({ kind: 'loaded', value }))),
        events$.pipe(map((event): ListStep => ({ kind: 'event', event }))),
      ).pipe(
        scan((current: Loadable<ClientList>, step): Loadable<ClientList> => {
          if (step.kind === 'loaded') return step.value;
          if (current.state !== 'ready') return current;
          return { state: 'ready', value: applyClientEvent(current.value, step.event, now()).list };
        }, { state: 'loading' }),
        startWith<Loadable<ClientList>>({ state: 'loading' }),
      );
    }),
    share({ connector: () => new ReplaySubject<Loadable<ClientList>>(1), resetOnRefCountZero: true }),
  );

  const detail = (clientId: string): Observable<Loadable<ClientDetailWire>> =>
    conn.status$.pipe(
      whenOnline(() => {
        const fetch = () =>
          conn.request<'clientDetail'>({ type: 'clientDetail', clientId }).pipe(
            map((m): Loadable<ClientDetailWire> => ({ state: 'ready', value: m.detail })),
            catchError((err: unknown) => of<Loadable<ClientDetailWire>>({ state: 'error', message: errorText(err) })),
          );
        // Any push about this client (a call logged elsewhere, a fill allocated) brings the record up to date.
        const again$ = events$.pipe(
          filter((e) => e.clientId === clientId),
          debounceTime(300),
          switchMap(() => fetch().pipe(filter((d) => d.state === 'ready'))),
        );
        return merge(fetch(), again$).pipe(startWith<Loadable<ClientDetailWire>>({ state: 'loading' }));
      }),
    );

  return {
    list$,
    detail,
    events$,
    request: <T extends ClientBookRequest>(msg: RequestOf<T>) => conn.request<T>(msg),
    refreshList: () => refresh.next(),
  };
}
