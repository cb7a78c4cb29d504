import { useMemo } from 'react';
import { useSession } from '../app/sessionContext.ts';
import { useObservable } from '../app/useObservable.ts';
import type { DepthWire } from '../core/protocol.ts';
import { type MarkedQuote, markStale } from '../streams/staleQuotes.ts';
import { ticketIntent$ } from '../ticket/ticketIntent.ts';
import { ladderIntent, ladderRows, spreadText } from './ladderRows.ts';

const NOTHING: MarkedQuote<DepthWire> = { quote: undefined, stale: false };

/**
 * Depth of market for the selected symbol: ten levels a side with sizes,
 * running totals and bars. A click on a level fills the ticket's side and
 * limit price (nothing is sent). Greyed and marked while stale.
 */
export function DepthLadder({ symbol }: { symbol: string }) {
  const session = useSession();
  const instrument = session.instrument(symbol);
  const book$ = useMemo(() => markStale(session.depth(symbol), session.freshness$), [session, symbol]);
  const { quote: book, stale } = useObservable(book$, NOTHING);
  const rows = useMemo(() => (book ? ladderRows(book, instrument) : []), [book, instrument]);

  return (
    <section className={`panel depth${stale ? ' stale' : ''}`} data-testid="depth" data-stale={stale}>
      <div className="panel-head">
        <h2>
          Depth <span className="sym">{symbol}</span>
        </h2>
        {stale ? (
          <span className="stale-badge" data-testid="depth-stale">
            STALE
          </span>
        ) : (
          <span className="muted" data-testid="depth-spread">
            {book ? `spread ${spreadText(book, instrument)}` : ''}
          </span>
        )}
      </div>
      <div className="panel-body ladder" role="grid" aria-label={`Depth of market ${symbol}`}>
        <div className="ladder-head" role="row">
          <span>Bid</span>
          <span>Price</span>
          <span>Ask</span>
        </div>
        {rows.length === 0 && <p className="muted ladder-empty">{book ? 'no book' : 'waiting for the book…'}</p>}
        {rows.map((r) => (
          <button
            type="button"
            key={r.key}
            className={`ladder-row ${r.side}${r.best ? ' best' : ''}`}
            title={`${r.side === 'ask' ? 'Buy' : 'Sell'} at ${r.priceText} · ${r.cumulativeText} to here`}
            onClick={() => ticketIntent$.next(ladderIntent(symbol, r))}
            data-testid={`ladder-${r.side}-${r.price}`}
            data-side={r.side}
            data-price={r.price}
          >
            <span className="size bid-size">
              {r.side === 'bid' && <i className="bar" style={{ width: `${Math.round(r.share * 100)}%` }} />}
              <em>{r.side === 'bid' ? r.sizeText : ''}</em>
            </span>
            <span className="price">{r.priceText}</span>
            <span className="size ask-size">
              {r.side === 'ask' && <i className="bar" style={{ width: `${Math.round(r.share * 100)}%` }} />}
              <em>{r.side === 'ask' ? r.sizeText : ''}</em>
            </span>
          </button>
        ))}
      </div>
    </section>
  );
}
