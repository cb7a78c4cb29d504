import type { TicketDraft } from '../core/ticket.ts';

/** A warning the gateway held the order for (its `orderWarning` answer). */
export interface GatewayWarning {
  rule: string;
  message: string;
  requiresJustification: boolean;
}

/** Where the last order sent from the ticket stands, as far as the ticket tracks it. */
export type SendState =
  | { status: 'idle' }
  /** Large order: the ticket asks "are you sure?" before anything is sent. */
  | { status: 'confirming'; summary: string; draft: TicketDraft; lines: readonly string[]; willBeRefused?: boolean }
  | { status: 'sending'; clOrdId: string; summary: string }
  /** The gateway did not place it: the trader may send it anyway (with a justification when one is required). */
  | { status: 'warned'; clOrdId: string; summary: string; draft: TicketDraft; warnings: readonly GatewayWarning[] }
  | { status: 'accepted'; clOrdId: string; orderId: string; summary: string }
  | { status: 'rejected'; clOrdId: string; summary: string; text: string }
  | { status: 'failed'; summary: string; message: string };
