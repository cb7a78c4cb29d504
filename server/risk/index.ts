/**
 * Pre-trade risk: the engine the OMS asks before an order goes (placeOrder
 * and replaceOrder), the limits file it reads, and the kill switch.
 */
import type { UserProfile } from '../../src/core/users.ts';
import type { RiskLimitsView } from './engine.ts';
import type { KillSwitchService } from './killSwitch.ts';

export { createPreTradeRisk, type PreTradeRiskDeps, type RiskEngine, type RiskLimitsView } from './engine.ts';
export { DailySpend, type SpendFill } from './dailySpend.ts';
export { createKillSwitch, type CancelScope, type CancelWorking, type KillSwitchAnswer, type KillSwitchService } from './killSwitch.ts';
export { DEFAULT_RISK_LIMITS_FILE, type EffectiveLimits, type RiskLimitsBook, RiskLimitsError, loadRiskLimits, parseRiskLimits } from './limitsConfig.ts';
export type {
  KillSwitch,
  KillSwitchEvent,
  KillSwitchMode,
  KillSwitchScope,
  PreTradeRisk,
  RiskDecision,
  RiskRequest,
  RiskRuleId,
  RiskWarning,
  TradingMode,
} from './types.ts';

/** What the transport's risk handlers call (server/transport/riskHandlers.ts); main.ts wires it. */
export interface RiskServices {
  readonly killSwitch: KillSwitchService;
  /** The logged-in user's buying power and thresholds, for the ticket. */
  limitsView(user: UserProfile): RiskLimitsView;
}
