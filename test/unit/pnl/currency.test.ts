// A P&L always carries its currency; conversion to base is exact and a missing rate is reported.
import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import { fxRates, toBase } from '../../../src/core/pnl/fx.ts';
import { addMoney, money, subtractMoney } from '../../../src/core/pnl/money.ts';
import { bookFills, openPosition } from '../../../src/core/pnl/position.ts';
import { pnlReport, toBaseReport } from '../../../src/core/pnl/report.ts';
import { buy, sell } from './fills.ts';

const rates = fxRates('USD', { EUR: '1.0825', JPY: '0.00667' });

describe('a position in a second currency', () => {
  const sap = bookFills(openPosition({ currency: 'EUR', multiplier: dec(1) }), [buy(100, '180.4', '4.5'), sell(40, '185.9', '2.1')]);
  const eur = pnlReport(sap, dec('183.2'));

  it('is reported in its own currency', () => {
    expect(eur.currency).toBe('EUR');
    expect(eur.realized.toFixed()).toBe('220');
    expect(eur.unrealized.toFixed()).toBe('168');
    expect(eur.net.toFixed()).toBe('381.4');
  });

  it('converts every amount to base exactly and keeps prices in EUR', () => {
    const converted = toBaseReport(eur, rates);
    if (!converted.ok) throw new Error(`missing ${converted.missingCurrency}`);
    const usd = converted.value;
    expect(usd.currency).toBe('USD');
    expect(usd.priceCurrency).toBe('EUR');
    expect(usd.realized.toFixed()).toBe('238.15');
    expect(usd.unrealized.toFixed()).toBe('181.86');
    expect(usd.fees.toFixed()).toBe('7.1445');
    expect(usd.net.toFixed()).toBe('412.8655');
    expect(usd.averagePrice?.toFixed()).toBe('180.4');
    expect(usd.mark.toFixed()).toBe('183.2');
  });

  it('reports the currency it has no rate for', () => {
    const chf = pnlReport(openPosition({ currency: 'CHF', multiplier: dec(1) }), dec(1));
    expect(toBaseReport(chf, rates)).toEqual({ ok: false, missingCurrency: 'CHF' });
  });
});

describe('money', () => {
  it('converts with the base-per-unit rate, base itself at 1', () => {
    const show = (r: ReturnType<typeof toBase>) => (r.ok ? `${r.value.amount.toFixed()} ${r.value.currency}` : `missing ${r.missingCurrency}`);
    expect(show(toBase(money(dec(150000), 'JPY'), rates))).toBe('1000.5 USD');
    expect(show(toBase(money(dec('12.5'), 'USD'), rates))).toBe('12.5 USD');
    expect(show(toBase(money(dec(1), 'GBP'), rates))).toBe('missing GBP');
  });

  it('adds and subtracts only within one currency', () => {
    expect(addMoney(money(dec('1.1'), 'EUR'), money(dec('2.2'), 'EUR')).amount.toFixed()).toBe('3.3');
    expect(subtractMoney(money(dec('1.1'), 'EUR'), money(dec('2.2'), 'EUR')).amount.toFixed()).toBe('-1.1');
    expect(() => addMoney(money(dec(1), 'EUR'), money(dec(1), 'USD'))).toThrow(/convert first/);
  });

  it('refuses a rate that is not positive', () => {
    expect(() => fxRates('USD', { EUR: '0' })).toThrow(/positive/);
  });
});
