import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import { ConfigError } from '../../../server/config/config.ts';
import { DEFAULT_RISK_LIMITS_FILE, RiskLimitsError, loadRiskLimits, parseRiskLimits } from '../../../server/risk/index.ts';
import { LIMITS } from './fixtures.ts';

describe('risk limits file', () => {
  it('loads the shipped file', () => {
    const book = loadRiskLimits(DEFAULT_RISK_LIMITS_FILE);
    expect(book.baseCurrency).toBe('USD');
    const t1 = book.limitsFor({ username: 'trader1', desk: 'Equities' }, 'T1-MAIN');
    expect(t1.buyingPower?.toFixed()).toBe('25000000');
    expect(t1.maxOrderNotional.toFixed()).toBe('5000000');
  });

  it('folds desk, trader and account over the defaults, the most specific last; restricted lists add up', () => {
    const book = parseRiskLimits({
      ...LIMITS,
      desks: { Equities: { maxOrderQty: '20000', restricted: { XYZ: 'desk conflict' } } },
      traders: { trader1: { maxOrderQty: '30000', warnNotional: '50000' } },
      accounts: { 'T1-MAIN': { maxOrderQty: '40000', buyingPower: '1000' } },
    });
    const main = book.limitsFor({ username: 'trader1', desk: 'Equities' }, 'T1-MAIN');
    expect(main.maxOrderQty.toFixed()).toBe('40000');
    expect(main.warnNotional.toFixed()).toBe('50000');
    expect(main.buyingPower?.toFixed()).toBe('1000');
    expect([...main.restricted.keys()].sort()).toEqual(['GODI', 'XYZ']);
    const hedge = book.limitsFor({ username: 'trader1', desk: 'Equities' }, 'T1-HEDGE');
    expect(hedge.maxOrderQty.toFixed()).toBe('30000');
    expect(hedge.buyingPower).toBeUndefined();
    const other = book.limitsFor({ username: 'trader2', desk: 'Rates' }, 'T2-MAIN');
    expect(other.maxOrderQty.toFixed()).toBe('10000');
    expect(other.positionLimit('AAPL')).toBeUndefined();
    expect(book.rateToBase('EUR')).toEqual(dec('1.2'));
    expect(book.rateToBase('USD')).toEqual(dec(1));
  });

  it('refuses a bad file at start with every fault named by its path', () => {
    const bad = {
      ...LIMITS,
      defaults: { ...LIMITS.defaults, maxOrderQty: 1000, collar: {} },
      accounts: { X: { buyingPower: '-5' } },
      sessions: { AAPL: { open: '25:00', close: '16:00', timeZone: 'Mars/Olympus', days: 'Mon-Fri' } },
    };
    expect(() => parseRiskLimits(bad, 'limits.json')).toThrow(RiskLimitsError);
    try {
      parseRiskLimits(bad, 'limits.json');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const text = (err as Error).message;
      expect(text).toContain('bad risk limits in limits.json');
      expect(text).toContain('defaults.maxOrderQty: must be a decimal number written as a string');
      expect(text).toContain('defaults.collar: needs a percent, ticks or both');
      expect(text).toContain('accounts.X.buyingPower');
    }
    expect(() => parseRiskLimits({ ...LIMITS, sessions: { AAPL: { open: '25:00', close: '16:00', timeZone: 'Mars/Olympus', days: 'Mon-Fri' } } })).toThrow(
      /sessions\.AAPL\.open: must be a time HH:MM[\s\S]*sessions\.AAPL\.timeZone/,
    );
    expect(() => parseRiskLimits({ ...LIMITS, defaults: { ...LIMITS.defaults, throttle: undefined } })).toThrow(/defaults\.throttle: is required/);
    expect(() => parseRiskLimits({ ...LIMITS, traders: { trader1: { maxQty: '5' } } })).toThrow(/traders\.trader1: unknown field 'maxQty'/);
    expect(() => loadRiskLimits('/nonexistent/risk.json')).toThrow(/cannot read the risk limits file \/nonexistent\/risk.json/);
  });
});
