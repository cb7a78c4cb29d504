import type { Order, OrderSpec } from '../../src/core/order.ts';
import type { RiskRuleId, RiskWarning, TradingMode } from '../../src/core/risk/ruleIds.ts';
import type { UserProfile } from '../../src/core/users.ts';
import type { WorkingOrders } from './workingOrders.ts';

export type { RiskRuleId, RiskWarning, TradingMode };

/** One order (or one cancel/replace) as the OMS asks the engine about it. */
export interface RiskRequest {
  user: UserProfile;
  spec: OrderSpec;
  clOrdId: string;
  /** The connection it came on (the throttle counts per session); null for orders the gateway makes itself. */
  sessionId: number | null;
  /**
   * The working orders on the order's account (exposure per symbol, buys for
   * buying power), without `replacing`; running totals the OMS keeps, so a
   * check does not grow with the number of working orders.
   */
  working: WorkingOrders;
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
