import type { ClientWire } from '../../src/core/protocol.ts';
import type { UserProfile } from '../../src/core/users.ts';
import type { ClientBookStore } from './clientBookStore.ts';

export type ClientBookAnswer = { ok: true; clients: ClientWire[] } | { ok: false; reason: string };

/** An advisor sees their own clients, a desk head every client; the book is not a trader's business. */
export function clientBookFor(store: ClientBookStore, user: Pick<UserProfile, 'username' | 'role'>): ClientBookAnswer {
  switch (user.role) {
    case 'advisor':
      return { ok: true, clients: store.clients(user.username) };
    case 'deskHead':
      return { ok: true, clients: store.clients() };
    case 'trader':
      return { ok: false, reason: 'the client book is for advisors and desk heads; a trader may not read it' };
  }
}
