import type { Instrument } from '../core/instrument.ts';
import type { QuoteWire } from '../core/protocol.ts';
import { formatPrice } from '../format/instrumentFormat.ts';

interface Props {
  quote: QuoteWire | undefined;
  instrument: Instrument | undefined;
  /** Clicking a price takes it: the ask to buy, the bid to sell. */
  onTake(side: 'buy' | 'sell', price: string): void;
}

export function TicketQuote({ quote, instrument, onTake }: Props) {
  return (
    <div className="ticket-quote">
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
