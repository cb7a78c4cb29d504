/** Pre-trade risk maths shared by the ticket (inline warnings) and the gateway (checks). Pure. */
export { RISK_RULE_IDS, type RiskRuleId, type RiskWarning, TRADING_MODES, type TradingMode } from './ruleIds.ts';
export { formatAmount, formatMoney, formatPercent } from './format.ts';
export { compare as compareDecimals, isPositive } from './decimalCompare.ts';
export {
  type CollarBand,
  type CollarSpec,
  type ReferenceQuote,
  collarBand,
  collarDistancePercent,
  collarWidth,
  isAggressive,
  isInsideBand,
  referencePrice,
} from './collar.ts';
export { type PricedOrderLike, type Touch, orderNotional, valuationPrice } from './notional.ts';
export { type WarningInput, orderWarnings } from './warnings.ts';
