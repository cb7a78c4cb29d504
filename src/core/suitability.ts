/**
 * Suitability of an order for an advisory client (issue 6, point 4): is this
 * trade right for this client? Pure rules over the client's profile, the
 * instrument and the account after the trade. The pre-trade risk engine asks
 * it for every order in an account that belongs to a client in the book.
 *
 * Outcomes, from gentle to hard:
 *  - nothing to say;
 *  - warnings that need a written justification to override (risk above the
 *    client's tolerance, a holding over the concentration limit after the trade);
 *  - a block, with its reason (a buy in a sector the client excluded, a
 *    derivative for a cautious client): no justification makes those right.
 * Sells are never unsuitable: they only take risk away.
 */
import type { Decimal } from './decimal.ts';
import type { Instrument } from './instrument.ts';

/** 1 (capital preservation) … 5 (speculative), on the scale of a client's risk tolerance. */
export type RiskClass = 1 | 2 | 3 | 4 | 5;

/** ETF sectors by how much they can move: a treasury fund is not a biotech fund. */
const ETF_SECTOR_RISK: Readonly<Record<string, RiskClass>> = {
  Treasuries: 1,
  Credit: 2,
  Dividend: 3,
  'Broad Market': 3,
  'Large Cap': 3,
  Factor: 3,
  'Mid Cap': 4,
  'Small Cap': 4,
  International: 4,
  Commodities: 4,
  'Real Estate': 4,
  Utilities: 3,
  Financials: 4,
};
/** Single stocks: defensive sectors a notch below the rest. */
const EQUITY_SECTOR_RISK: Readonly<Record<string, RiskClass>> = {
  Utilities: 3,
  'Consumer Staples': 3,
  Technology: 5,
  Energy: 5,
  'Health Care': 4,
};

/**
 * The risk class of an instrument from its asset class and sector, raised by
 * one when its annual volatility (a fraction, when known) is high.
 */
export function instrumentRiskClass(instrument: Pick<Instrument, 'assetClass' | 'sector'>, annualVolatility?: number): RiskClass {
  let base: RiskClass;
  switch (instrument.assetClass) {
    case 'future':
    case 'fx':
      return 5;
    case 'etf':
      base = ETF_SECTOR_RISK[instrument.sector] ?? 4;
      break;
    case 'equity':
      base = EQUITY_SECTOR_RISK[instrument.sector] ?? 4;
      break;
  }
  if (annualVolatility !== undefined && annualVolatility > 0.45 && base < 5) return (base + 1) as RiskClass;
  return base;
}

export interface SuitabilityProfile {
  readonly clientId: string;
  readonly clientName: string;
  readonly riskTolerance: number;
  readonly excludedSectors: readonly string[];
  /** Largest share (fraction) one holding may be of the account after a trade. */
  readonly concentrationLimit: Decimal;
}

export interface SuitabilityOrder {
  readonly side: 'buy' | 'sell';
  readonly quantity: Decimal;
  /** The price the order is valued at (limit, or the touch for a market order). */
  readonly price: Decimal;
}

/** The account before the trade, in the order's currency. */
export interface SuitabilityAccount {
  /** Cash plus every holding at market. */
  readonly totalValue: Decimal;
  /** Market value of the instrument already held (0 when none). */
  readonly holdingValue: Decimal;
}

export type SuitabilityRule = 'excludedSector' | 'complexProduct' | 'riskTolerance' | 'concentration';

export interface SuitabilityWarning {
  readonly rule: SuitabilityRule;
  readonly message: string;
}

export type SuitabilityResult =
  | { kind: 'suitable' }
  | { kind: 'warn'; warnings: readonly SuitabilityWarning[] }
  | { kind: 'block'; rule: SuitabilityRule; reason: string };

const pct = (d: Decimal) => `${d.times(100).toDecimalPlaces(1).toFixed()} %`;

export function checkSuitability(
  profile: SuitabilityProfile,
  instrument: Pick<Instrument, 'symbol' | 'assetClass' | 'sector' | 'multiplier'>,
  order: SuitabilityOrder,
  account: SuitabilityAccount,
  annualVolatility?: number,
): SuitabilityResult {
  if (order.side === 'sell') return { kind: 'suitable' };
  const who = `${profile.clientName} (${profile.clientId})`;
  if (profile.excludedSectors.includes(instrument.sector)) {
    return {
      kind: 'block',
      rule: 'excludedSector',
      reason: `suitability: ${who} excludes the ${instrument.sector} sector, so ${instrument.symbol} may not be bought for them`,
    };
  }
  const riskClass = instrumentRiskClass(instrument, annualVolatility);
  if ((instrument.assetClass === 'future' || instrument.assetClass === 'fx') && profile.riskTolerance <= 2) {
    return {
      kind: 'block',
      rule: 'complexProduct',
      reason: `suitability: ${instrument.symbol} is a leveraged ${instrument.assetClass} product and ${who} has risk tolerance ${profile.riskTolerance} of 5`,
    };
  }
  const warnings: SuitabilityWarning[] = [];
  if (riskClass > profile.riskTolerance) {
    warnings.push({
      rule: 'riskTolerance',
      message: `${instrument.symbol} is risk class ${riskClass} of 5, above the risk tolerance ${profile.riskTolerance} of ${who}`,
    });
  }
  const value = order.quantity.times(order.price).times(instrument.multiplier);
  // A buy paid from the account's cash leaves its total unchanged; the holding grows by the order's value.
  if (account.totalValue.gt(0)) {
    const after = account.holdingValue.plus(value).div(account.totalValue);
    if (after.gt(profile.concentrationLimit)) {
      warnings.push({
        rule: 'concentration',
        message: `${instrument.symbol} would be ${pct(after)} of the account, over the concentration limit of ${pct(profile.concentrationLimit)} for ${who}`,
      });
    }
  }
  return warnings.length === 0 ? { kind: 'suitable' } : { kind: 'warn', warnings };
}
