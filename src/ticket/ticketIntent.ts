import { Subject } from 'rxjs';

/**
 * What another panel asks of the order ticket: "trade this symbol", and
 * optionally on which side and at which limit price (a click on the depth
 * ladder). The ticket listens and fills itself in; nothing is sent.
 * Prices are wire text, exactly as the ladder shows them.
 */
export interface TicketIntent {
  readonly symbol: string;
  readonly side?: 'buy' | 'sell';
  readonly price?: string;
}

/** One per terminal: panels push, the ticket subscribes. */
export const ticketIntent$ = new Subject<TicketIntent>();
