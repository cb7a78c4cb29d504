import type { ClientWire } from '../../src/core/protocol.ts';
import type { UserProfile } from '../../src/core/users.ts';
import type { ClientBookStore, ClientRecord } from './clientBookStore.ts';

/** An answer of the client book: the value, or an error code and a reason a person can read. */
export type Answer<T> = { ok: true; value: T } | { ok: false; code: 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_MESSAGE'; message: string };

export const ok = <T>(value: T): Answer<T> => ({ ok: true, value });
export const forbidden = (message: string): Answer<never> => ({ ok: false, code: 'FORBIDDEN', message });
export const notFound = (message: string): Answer<never> => ({ ok: false, code: 'NOT_FOUND', message });
export const refused = (message: string): Answer<never> => ({ ok: false, code: 'BAD_MESSAGE', message });

type Who = Pick<UserProfile, 'username' | 'role'>;

/** The book is for advisors and desk heads; a trader is refused before anything is looked up. */
export function bookRefusal(user: Who): Answer<never> | undefined {
  return user.role === 'trader' ? forbidden('the client book is for advisors and desk heads; a trader may not use it') : undefined;
}

/** An advisor acts on their own clients, a desk head on every client. */
export function maySeeClient(user: Who, client: Pick<ClientRecord, 'advisor'>): boolean {
  return user.role === 'deskHead' || (user.role === 'advisor' && client.advisor === user.username);
}

/** The client, if it exists and the user may act on it; otherwise why not. */
export function clientFor(store: ClientBookStore, user: Who, clientId: string): Answer<ClientRecord> {
  const refusal = bookRefusal(user);
  if (refusal) return refusal;
  const client = store.client(clientId);
  if (!client) return notFound(`no client ${clientId}`);
  if (!maySeeClient(user, client)) return forbidden(`client ${clientId} is not one of your clients; an advisor acts on their own clients only`);
  return ok(client);
}

/** Same for an account: its client must be the user's. */
export function accountFor(store: ClientBookStore, user: Who, accountId: string): Answer<{ client: ClientRecord; accountId: string }> {
  const refusal = bookRefusal(user);
  if (refusal) return refusal;
  const account = store.account(accountId);
  if (!account) return notFound(`no client account ${accountId}`);
  const client = store.client(account.clientId)!;
  if (!maySeeClient(user, client)) return forbidden(`account ${accountId} belongs to a client who is not yours; an advisor acts on their own clients only`);
  return ok({ client, accountId });
}

export type ClientBookAnswer = { ok: true; clients: ClientWire[] } | { ok: false; reason: string };

/** The first protocol's `clientBook` message: clients with accounts and holdings, same entitlements. */
export function clientBookFor(store: ClientBookStore, user: Who): ClientBookAnswer {
  switch (user.role) {
    case 'advisor':
      return { ok: true, clients: store.legacyClients(user.username) };
    case 'deskHead':
      return { ok: true, clients: store.legacyClients() };
    case 'trader':
      return { ok: false, reason: 'the client book is for advisors and desk heads; a trader may not read it' };
  }
}
