/** Where the last order sent from the ticket stands, as far as the ticket tracks it. */
export type SendState =
  | { status: 'idle' }
  | { status: 'sending'; clOrdId: string; summary: string }
  | { status: 'accepted'; clOrdId: string; orderId: string; summary: string }
  | { status: 'rejected'; clOrdId: string; summary: string; text: string }
  | { status: 'failed'; summary: string; message: string };
