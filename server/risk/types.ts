import type { Order, OrderSpec } from '../../src/core/order.ts';
import type { RiskRuleId, RiskWarning, TradingMode } from '../../src/core/risk/ruleIds.ts';
import type { UserProfile } from '../../src/core/users.ts';

export type { RiskRuleId, RiskWarning, TradingMode };

/** One order (or one cancel/replace) as the OMS asks the engine about it. */
export interface RiskRequest {
  user: UserProfile;
  spec: OrderSpec;
  clOrdId: string;
  /** The connection it came on (the throttle counts per session); null for orders the gateway makes itself. */
  sessionId: number | null;
  /** the user's/account's working orders (for buying power), excluding `replacing` */
  working: readonly Order[];
  /** set for a cancel/replace */
  replacing?: Order;
  confirmed: boolean;
  justification?: string;
}

export type RiskDecision = { ok: true; warnings: readonly RiskWarning[] } | { ok: false; rule: RiskRuleId; reason: string };

export interface PreTradeRisk {
  check(req: RiskRequest): RiskDecision;
}

// ---------------------------------------------------------------- kill switch

export type KillSwitchMode = 'halted' | 'reducing';
export type KillSwitchScope = { kind: 'trader'; trader: string } | { kind: 'desk'; desk: string } | { kind: 'all' };

/** A switch in force. */
export interface KillSwitch {
  readonly scope: KillSwitchScope;
  readonly mode: KillSwitchMode;
  readonly reason: string;
  readonly setBy: string;
  readonly setAt: number;
}

/** One set or clear, as kept in SQLite and pushed to desk heads. */
export interface KillSwitchEvent {
  readonly seq: number;
  readonly action: 'set' | 'clear';
  readonly scope: KillSwitchScope;
  /** The mode set; for a clear, the mode that was cleared. */
  readonly mode: KillSwitchMode;
  readonly reason: string;
  readonly by: string;
  readonly at: number;
}
