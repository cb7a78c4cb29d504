import type { SocketFactory, SocketLike } from '../../../src/streams/connection.ts';

/** A WebSocket stand-in the test drives by hand: it records what the terminal sends and delivers what the test says. */
export class FakeSocket implements SocketLike {
  readyState = 0;
  readonly sent: Record<string, unknown>[] = [];
  onopen: ((ev: unknown) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;

  constructor(readonly url: string) {}

  send(data: string): void {
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }

  close(): void {
    this.readyState = 3;
  }

  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }

  /** The gateway drops the connection. */
  drop(): void {
    this.readyState = 3;
    this.onclose?.({});
  }

  receive(msg: unknown): void {
    this.onmessage?.({ data: typeof msg === 'string' ? msg : JSON.stringify(msg) });
  }

  lastSent(type: string): Record<string, unknown> | undefined {
    return this.sent.filter((m) => m.type === type).at(-1);
  }
}

export function fakeSockets(): { factory: SocketFactory; sockets: FakeSocket[]; latest(): FakeSocket } {
  const sockets: FakeSocket[] = [];
  return {
    sockets,
    factory: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    latest() {
      const s = sockets.at(-1);
      if (!s) throw new Error('no socket was opened');
      return s;
    },
  };
}

export const USER = { username: 'trader1', displayName: 'Trader One', role: 'trader', desk: 'EQ', accounts: ['T1-MAIN'] } as const;

export function loginOk(reqId: unknown) {
  return { type: 'loginOk', reqId, user: { ...USER, accounts: [...USER.accounts] }, instruments: [AAPL_WIRE] };
}

export const AAPL_WIRE = {
  symbol: 'AAPL',
  name: 'Apple Inc.',
  assetClass: 'equity',
  sector: 'Technology',
  currency: 'USD',
  tickSize: '0.01',
  lotSize: '100',
  multiplier: '1',
  referencePrice: '190.00',
} as const;

export function quote(symbol: string, seq: number, last: string) {
  return {
    symbol,
    bid: last,
    ask: last,
    last,
    bidSize: '100',
    askSize: '100',
    lastSize: '100',
    open: last,
    high: last,
    low: last,
    prevClose: last,
    change: '0',
    changePct: '0',
    volume: '1000',
    ts: 1_700_000_000_000 + seq,
    seq,
  };
}
