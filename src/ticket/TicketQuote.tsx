import type { Instrument } from '../core/instrument.ts';
import type { QuoteWire } from '../core/protocol.ts';
import { formatPrice } from '../format/instrumentFormat.ts';

interface Props {
  quote: QuoteWire | undefined;
  instrument: Instrument | undefined;
  /** Clicking a price takes it: the ask to buy, the bid to sell. */
  onTake(side: 'buy' | 'sell', price: string): void;
  /** The quote is old or the link is down: shown, but never as a live price. */
  stale?: boolean;
}

export function TicketQuote({ quote, instrument, onTake, stale = false }: Props) {
  return (
    <div className={stale ? 'ticket-quote stale' : 'ticket-quote'} data-testid="ticket-quote" data-stale={stale ? 'true' : 'false'}>
      {stale && (
        <span className="stale-badge" title="This quote may no longer be true: the feed is late or the gateway is unreachable">
          STALE
        </span>
      )}
      <button type="button" className="quote-side bid" data-testid="ticket-bid" data-price={quote?.bid ?? ''} onClick={() => quote && onTake('sell', quote.bid)} tabIndex={-1}>
        <span className="muted">Bid</span>
        <strong>{quote ? formatPrice(quote.bid, instrument) : '—'}</strong>
      </button>
      <button type="button" className="quote-side ask" data-testid="ticket-ask" data-price={quote?.ask ?? ''} onClick={() => quote && onTake('buy', quote.ask)} tabIndex={-1}>
        <span className="muted">Ask</span>
        <strong>{quote ? formatPrice(quote.ask, instrument) : '—'}</strong>
      </button>
    </div>
  );
}
