import type { WebSocket } from 'ws';
import type { UserProfile } from '../../src/core/users.ts';

export type SessionAuth = { state: 'anonymous'; failedLogins: number } | { state: 'authenticated'; user: UserProfile };

/** One WebSocket connection and what it asked for. */
export interface Session {
  readonly id: number;
  readonly ws: WebSocket;
  auth: SessionAuth;
  /** Symbols whose quotes this connection receives. */
  readonly symbols: Set<string>;
  /** Symbols whose order book (depth) this connection receives. */
  readonly depthSymbols: Set<string>;
  ordersSubscribed: boolean;
  positionsSubscribed: boolean;
  /**
   * Working orders placed on this connection: their reports reach it even without subscribeOrders. The fan-out
   * (wsGateway.ts) adds an order at its first report and drops it at its final one, so this holds only orders
   * still working, not every order the connection ever placed.
   */
  readonly placedOrders: Set<string>;
  /**
   * Set while a frame's handling is still running asynchronously (a login):
   * frames arriving meanwhile wait behind it, so they are handled in order.
   * Undefined otherwise, and a frame is handled at once.
   */
  pending: Promise<void> | undefined;
}

export function newSession(id: number, ws: WebSocket): Session {
  return {
    id,
    ws,
    auth: { state: 'anonymous', failedLogins: 0 },
    symbols: new Set(),
    depthSymbols: new Set(),
    ordersSubscribed: false,
    positionsSubscribed: false,
    placedOrders: new Set(),
    pending: undefined,
  };
}

/** Back to the state of a fresh connection (logout), keeping the socket. */
export function resetSession(s: Session): void {
  s.auth = { state: 'anonymous', failedLogins: 0 };
  s.symbols.clear();
  s.depthSymbols.clear();
  s.ordersSubscribed = false;
  s.positionsSubscribed = false;
  s.placedOrders.clear();
}
