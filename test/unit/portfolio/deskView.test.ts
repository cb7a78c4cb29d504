import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import { AlertMonitor } from '../../../server/portfolio/alertMonitor.ts';
import { deskLines, deskRows, limitUsages } from '../../../server/portfolio/deskView.ts';
import { applyBookedFill, openBookPosition, withStartOfDay } from '../../../server/portfolio/ledgerBook.ts';
import { parseLimits } from '../../../server/portfolio/limits.ts';
import { fxRates } from '../../../src/core/pnl/fx.ts';
import { AAPL, ES } from '../oms/fixtures.ts';
import { instrumentFromWire } from '../../../src/core/instrument.ts';

const SAPX = instrumentFromWire({
  symbol: 'SAPX', name: 'SAP (test)', assetClass: 'equity', sector: 'Technology', currency: 'EUR',
  tickSize: '0.01', lotSize: '1', multiplier: '1', referencePrice: '200.00',
});
const byId = new Map([AAPL, ES, SAPX].map((i) => [i.symbol, i]));
const fee = dec(0);

function book() {
  const t1aapl = applyBookedFill(openBookPosition({ trader: 'trader1', account: 'T1-MAIN', symbol: 'AAPL' }, AAPL), {
    trader: 'trader1', account: 'T1-MAIN', symbol: 'AAPL', side: 'buy', quantity: dec(100), price: dec(200), fee: dec(1),
  });
  const t1es = withStartOfDay(openBookPosition({ trader: 'trader1', account: 'T1-HEDGE', symbol: 'ES' }, ES), {
    trader: 'trader1', account: 'T1-HEDGE', symbol: 'ES', quantity: dec(-2), cost: dec(6750), mark: dec(6700),
  });
  const t2sap = applyBookedFill(openBookPosition({ trader: 'trader2', account: 'T2-MAIN', symbol: 'SAPX' }, SAPX), {
    trader: 'trader2', account: 'T2-MAIN', symbol: 'SAPX', side: 'buy', quantity: dec(50), price: dec(200), fee,
  });
  return [t1aapl, t1es, t2sap];
}

const marks: Record<string, string> = { AAPL: '210', ES: '6690', SAPX: '190' };
const inputs = (rates = fxRates('USD', { EUR: '1.1' })) => ({
  positions: book(),
  method: 'averageCost' as const,
  rates,
  markOf: (s: string) => (marks[s] ? dec(marks[s]) : undefined),
  deskOf: () => 'Equities',
});

describe('desk roll-up', () => {
  it('values each position in base currency: market value, exposure, realized, unrealized, daily and fees', () => {
    const { rows, unvalued } = deskRows(inputs());
    expect(unvalued).toEqual([]);
    const r = Object.fromEntries(rows.map((x) => [x.symbol, x]));
    expect(r.AAPL!.marketValue.toFixed()).toBe('21000');
    expect(r.AAPL!.unrealized.toFixed()).toBe('1000');
    expect(r.AAPL!.daily.toFixed()).toBe('1000'); // bought today at 200, now 210
    expect(r.AAPL!.dailyNet.toFixed()).toBe('999');
    // Short 2 ES from 6750 (sod mark 6700), now 6690, multiplier 50.
    expect(r.ES!.marketValue.toFixed()).toBe('-669000');
    expect(r.ES!.grossExposure.toFixed()).toBe('669000');
    expect(r.ES!.unrealized.toFixed()).toBe('6000');
    expect(r.ES!.daily.toFixed()).toBe('1000');
    // 50 SAPX bought at 200 EUR, now 190 EUR, EUR = 1.1 USD.
    expect(r.SAPX!.marketValue.toFixed()).toBe('10450');
    expect(r.SAPX!.unrealized.toFixed()).toBe('-550');
    expect(r.SAPX!.priceCurrency).toBe('EUR');
    expect(r.SAPX!.currency).toBe('USD');
  });

  it('leaves out and names a position with no FX rate instead of summing two currencies', () => {
    const { rows, unvalued } = deskRows(inputs(fxRates('USD', {})));
    expect(rows.map((r) => r.symbol).sort()).toEqual(['AAPL', 'ES']);
    expect(unvalued).toEqual(['trader2/T2-MAIN/SAPX: no FX rate for EUR']);
  });

  it('flattens desk → trader → book → instrument with sums at every level', () => {
    const lines = deskLines(deskRows(inputs()).rows, 'USD');
    expect(lines.map((l) => `${l.level} ${l.id} ${l.unrealized}`)).toEqual([
      'desk Equities 6450',
      'trader Equities/trader1 7000',
      'book Equities/trader1/T1-HEDGE 6000',
      'instrument Equities/trader1/T1-HEDGE/ES 6000',
      'book Equities/trader1/T1-MAIN 1000',
      'instrument Equities/trader1/T1-MAIN/AAPL 1000',
      'trader Equities/trader2 -550',
      'book Equities/trader2/T2-MAIN -550',
      'instrument Equities/trader2/T2-MAIN/SAPX -550',
    ]);
    const es = lines.find((l) => l.id.endsWith('/ES'))!;
    expect(es).toMatchObject({ parentId: 'Equities/trader1/T1-HEDGE', quantity: '-2', averagePrice: '6750', mark: '6690', priceCurrency: 'USD' });
    expect(lines[0]).toMatchObject({ grossExposure: '700450', netExposure: '-637550', positions: 3 });
  });

  it('measures limits in percent and alerts once per level change, with the breach action', () => {
    const limits = parseLimits({
      warningPercent: '80',
      traders: { default: { grossExposure: '1000000', position: '120' }, trader2: { grossExposure: '12000' } },
      desks: { default: { dailyLoss: '1000' } },
    });
    const usages = limitUsages(deskRows(inputs()).rows, limits);
    const find = (name: string, metric: string) => usages.find((u) => u.name === name && u.metric === metric)!;
    expect(find('trader1', 'grossExposure').utilisation.toFixed()).toBe('69');
    expect(find('trader2', 'grossExposure')).toMatchObject({ level: 'warning' });
    expect(find('trader2', 'grossExposure').utilisation.toFixed(2)).toBe('87.08');
    expect(usages.find((u) => u.name === 'trader1' && u.metric === 'position' && u.symbol === 'AAPL')?.level).toBe('warning'); // 100 of 120
    expect(usages.find((u) => u.name === 'trader1' && u.metric === 'position' && u.symbol === 'ES')?.level).toBe('ok'); // 2 of 120
    expect(find('Equities', 'dailyLoss').value.toFixed()).toBe('0'); // the desk is making money

    const breaches: string[] = [];
    const monitor = new AlertMonitor({ base: 'USD', now: () => 1, onTraderBreach: (t) => (breaches.push(t), `${t} set to REDUCING`) });
    const first = monitor.observe(usages);
    expect(first.map((a) => `${a.level} ${a.name} ${a.metric}`)).toEqual(['warning trader2 grossExposure', 'warning trader1 position']);
    expect(monitor.observe(usages)).toEqual([]); // no change, no alert
    const worse = usages.map((u) => (u.name === 'trader2' && u.metric === 'grossExposure' ? { ...u, utilisation: dec(101), level: 'breach' as const } : u));
    const second = monitor.observe(worse);
    expect(second).toHaveLength(1);
    expect(second[0]).toMatchObject({ level: 'breach', name: 'trader2', action: 'trader2 set to REDUCING' });
    expect(second[0]!.message).toMatch(/^BREACH: trader2 gross exposure 10,450 of 12,000 USD/);
    expect(breaches).toEqual(['trader2']);
    const back = worse.map((u) => (u.name === 'trader2' && u.metric === 'grossExposure' ? { ...u, utilisation: dec(10), level: 'ok' as const } : u));
    expect(monitor.observe(back).map((a) => a.level)).toEqual(['cleared']);
  });

  it('refuses a limits file with a bad amount, naming the field', () => {
    expect(() => parseLimits({ traders: { default: { grossExposure: 5000 } } })).toThrow(/traders\.default\.grossExposure/);
    expect(() => parseLimits({ warningPercent: '120' })).toThrow(/warningPercent: must be below 100/);
  });
});
