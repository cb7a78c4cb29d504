import type { ClientMessage } from '../../src/core/protocol.ts';
import type { UserProfile } from '../../src/core/users.ts';
import type { HandlerContext } from './handlers.ts';
import type { Session } from './session.ts';

/** Bars answered when a history request names no limit. */
export const DEFAULT_HISTORY_BARS = 500;

type Handler<T extends ClientMessage['type']> = (ctx: HandlerContext, s: Session, user: UserProfile, msg: Extract<ClientMessage, { type: T }>) => void;

function unknownSymbols(symbols: readonly string[]): string {
  return `unknown symbol${symbols.length > 1 ? 's' : ''}: ${symbols.join(', ')}`;
}

/**
 * Snapshot first, then deltas: the snapshot carries the newest quote of each
 * known symbol and the connection's frame seq, so the next `quotes` frame is
 * seq + 1 and a jump tells the terminal it missed one.
 */
export const subscribe: Handler<'subscribe'> = (ctx, s, _user, msg) => {
  const md = ctx.services.marketData;
  const wanted = [...new Set(msg.symbols)];
  const known = wanted.filter((sym) => md.instruments.get(sym) !== undefined);
  const unknown = wanted.filter((sym) => md.instruments.get(sym) === undefined);
  const seq = ctx.quotes.add(s, known);
  const quotes = known.flatMap((sym) => md.latest(sym) ?? []);
  ctx.send(s, { type: 'quoteSnapshot', reqId: msg.reqId, quotes, seq });
  if (unknown.length > 0) ctx.send(s, { type: 'error', reqId: msg.reqId, code: 'UNKNOWN_SYMBOL', message: unknownSymbols(unknown) });
};

export const unsubscribe: Handler<'unsubscribe'> = (ctx, s, _user, msg) => {
  ctx.quotes.remove(s, msg.symbols);
  ctx.send(s, { type: 'unsubscribed', reqId: msg.reqId, symbols: msg.symbols });
};

export const history: Handler<'history'> = (ctx, s, _user, msg) => {
  const md = ctx.services.marketData;
  if (md.instruments.get(msg.symbol) === undefined) {
    ctx.send(s, { type: 'error', reqId: msg.reqId, code: 'UNKNOWN_SYMBOL', message: unknownSymbols([msg.symbol]) });
    return;
  }
  const bars = md.history(msg.symbol, msg.interval, msg.limit ?? DEFAULT_HISTORY_BARS, { from: msg.from, to: msg.to });
  ctx.send(s, { type: 'history', reqId: msg.reqId, symbol: msg.symbol, interval: msg.interval, bars });
};

/** The book now (full, best level first), then a full book again whenever it changes, at most once per flush. */
export const subscribeDepth: Handler<'subscribeDepth'> = (ctx, s, _user, msg) => {
  const md = ctx.services.marketData;
  const book = md.instruments.get(msg.symbol) === undefined ? undefined : md.depth(msg.symbol);
  if (book === undefined) {
    ctx.send(s, { type: 'error', reqId: msg.reqId, code: 'UNKNOWN_SYMBOL', message: unknownSymbols([msg.symbol]) });
    return;
  }
  ctx.quotes.addDepth(s, msg.symbol);
  ctx.send(s, { type: 'depth', reqId: msg.reqId, ...book });
};

export const unsubscribeDepth: Handler<'unsubscribeDepth'> = (ctx, s, _user, msg) => {
  ctx.quotes.removeDepth(s, msg.symbol);
  ctx.send(s, { type: 'depthUnsubscribed', reqId: msg.reqId, symbol: msg.symbol });
};
