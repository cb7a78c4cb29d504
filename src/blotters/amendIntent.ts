import { Subject } from 'rxjs';

/**
 * "Amend this order": raised by the blotter's Amend button and by the chart
 * (a click on a working order's price line, or a line dragged to a new
 * price, which comes as the new limit or stop price, wire text). The
 * blotters panel listens and opens the amend dialog; nothing is sent until
 * the trader confirms there.
 */
export interface AmendIntent {
  readonly orderId: string;
  readonly limitPrice?: string;
  readonly stopPrice?: string;
}

/** One per terminal: panels push, the blotters panel subscribes. */
export const amendIntent$ = new Subject<AmendIntent>();
