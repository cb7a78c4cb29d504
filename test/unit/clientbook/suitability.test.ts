// Suitability of an advisory order: blocks for exclusions and complex products, warnings that need a justification.
import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import { checkSuitability, instrumentRiskClass } from '../../../src/core/suitability.ts';

const profile = { clientId: 'C0001', clientName: 'Margaret Ellison', riskTolerance: 2, excludedSectors: ['Energy'], concentrationLimit: dec('0.2') };
const etf = (sector: string) => ({ symbol: 'X', assetClass: 'etf' as const, sector, multiplier: dec(1) });
const equity = (sector: string) => ({ symbol: 'Y', assetClass: 'equity' as const, sector, multiplier: dec(1) });
const buy = (quantity: string, price: string) => ({ side: 'buy' as const, quantity: dec(quantity), price: dec(price) });
const account = { totalValue: dec(100_000), holdingValue: dec(0) };

describe('instrumentRiskClass', () => {
  it('ranks treasuries below credit below broad equity below single technology stocks; futures are 5', () => {
    expect(instrumentRiskClass(etf('Treasuries'))).toBe(1);
    expect(instrumentRiskClass(etf('Credit'))).toBe(2);
    expect(instrumentRiskClass(etf('Broad Market'))).toBe(3);
    expect(instrumentRiskClass(equity('Technology'))).toBe(5);
    expect(instrumentRiskClass({ assetClass: 'future', sector: 'Index' })).toBe(5);
    expect(instrumentRiskClass(etf('Broad Market'), 0.6)).toBe(4);
  });
});

describe('checkSuitability', () => {
  it('lets a suitable buy through', () => {
    expect(checkSuitability(profile, etf('Treasuries'), buy('100', '90'), account)).toEqual({ kind: 'suitable' });
  });

  it('blocks a buy in an excluded sector, naming client and sector', () => {
    const r = checkSuitability(profile, equity('Energy'), buy('1', '10'), account);
    expect(r).toMatchObject({ kind: 'block', rule: 'excludedSector' });
    if (r.kind === 'block') expect(r.reason).toBe('suitability: Margaret Ellison (C0001) excludes the Energy sector, so Y may not be bought for them');
  });

  it('blocks a future for a cautious client', () => {
    expect(checkSuitability(profile, { symbol: 'ES', assetClass: 'future', sector: 'Index', multiplier: dec(50) }, buy('1', '5000'), account)).toMatchObject({
      kind: 'block',
      rule: 'complexProduct',
    });
  });

  it('warns when the instrument is riskier than the client tolerates', () => {
    const r = checkSuitability(profile, equity('Technology'), buy('10', '100'), account);
    expect(r.kind).toBe('warn');
    if (r.kind === 'warn') expect(r.warnings.map((w) => w.message)).toEqual(['Y is risk class 5 of 5, above the risk tolerance 2 of Margaret Ellison (C0001)']);
  });

  it('warns when the holding would pass the concentration limit after the trade', () => {
    // 15,000 held + 10,000 bought = 25 % of 100,000 > 20 %.
    const r = checkSuitability(profile, etf('Credit'), buy('100', '100'), { totalValue: dec(100_000), holdingValue: dec(15_000) });
    expect(r.kind).toBe('warn');
    if (r.kind === 'warn') expect(r.warnings[0]!.message).toBe('X would be 25 % of the account, over the concentration limit of 20 % for Margaret Ellison (C0001)');
    // Exactly at the limit is fine.
    expect(checkSuitability(profile, etf('Credit'), buy('50', '100'), { totalValue: dec(100_000), holdingValue: dec(15_000) })).toEqual({ kind: 'suitable' });
  });

  it('never objects to a sale', () => {
    expect(checkSuitability(profile, equity('Energy'), { side: 'sell', quantity: dec(100), price: dec(50) }, account)).toEqual({ kind: 'suitable' });
  });
});
