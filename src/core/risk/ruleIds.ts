/**
 * The pre-trade risk rules by name. A reject or a warning names its rule so a
 * trader (and the desk head reading the journal) knows which limit spoke.
 */
export const RISK_RULE_IDS = [
  'maxQuantity',
  'maxNotional',
  'priceCollar',
  'tradable',
  'sessionOpen',
  'restricted',
  'buyingPower',
  'positionLimit',
  'shortLocate',
  'throttle',
  'killSwitch',
  'suitability',
] as const;
export type RiskRuleId = (typeof RISK_RULE_IDS)[number];

/** Something the trader should see before the order goes: the order is held until they confirm. */
export interface RiskWarning {
  rule: RiskRuleId;
  message: string;
  /** A suitability override: confirming is not enough, the trader must write why. */
  requiresJustification: boolean;
}

/** Kill-switch modes as the ticket shows them: active is "no switch". */
export const TRADING_MODES = ['active', 'halted', 'reducing'] as const;
export type TradingMode = (typeof TRADING_MODES)[number];
