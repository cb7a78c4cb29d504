import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import { buyingPowerAfter, toBase } from '../../../src/ticket/buyingPower.ts';
import { type KeyValueStore, defaultAccount, lastAccountKey, readLastAccount, rememberAccount } from '../../../src/ticket/defaultAccount.ts';

function mapStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('defaultAccount', () => {
  it('opens on the main book, never on a hedge account by default', () => {
    expect(defaultAccount(['T1-MAIN', 'T1-HEDGE'], null)).toBe('T1-MAIN');
    expect(defaultAccount(['T1-HEDGE', 'T1-MAIN'], null)).toBe('T1-MAIN');
    expect(defaultAccount(['T1-HEDGE'], null)).toBe('T1-HEDGE');
    expect(defaultAccount([], null)).toBe('');
  });

  it('prefers the last used account while the user may still trade it', () => {
    expect(defaultAccount(['T1-MAIN', 'T1-HEDGE'], 'T1-HEDGE')).toBe('T1-HEDGE');
    expect(defaultAccount(['T1-MAIN', 'T1-HEDGE'], 'T2-MAIN')).toBe('T1-MAIN');
  });

  it('remembers per user, and a storage that throws changes nothing', () => {
    const store = mapStore();
    rememberAccount(store, 'trader1', 'T1-HEDGE');
    expect(store.data.get(lastAccountKey('trader1'))).toBe('T1-HEDGE');
    expect(readLastAccount(store, 'trader1')).toBe('T1-HEDGE');
    expect(readLastAccount(store, 'trader2')).toBeNull();
    const broken: KeyValueStore = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    expect(readLastAccount(broken, 'trader1')).toBeNull();
    expect(() => rememberAccount(broken, 'trader1', 'T1-MAIN')).not.toThrow();
    expect(readLastAccount(undefined, 'trader1')).toBeNull();
  });
});

describe('buyingPowerAfter', () => {
  const limits = {
    accounts: [{ account: 'T1-MAIN', currency: 'USD', buyingPower: '25000000', used: '1000000' }],
    fxRates: { EUR: '1.158' },
  };

  it('is buying power − used − this order’s notional for a buy', () => {
    const bp = buyingPowerAfter(limits, 'T1-MAIN', 'buy', { notional: dec('57003'), currency: 'USD' });
    expect(bp).toMatchObject({ kind: 'known', currency: 'USD', short: false });
    if (bp.kind === 'known') {
      expect(bp.before.toFixed()).toBe('24000000');
      expect(bp.after.toFixed()).toBe('23942997');
    }
  });

  it('spends nothing on a sale, short or not: the gateway counts only buys against buying power', () => {
    const order = { notional: dec(1000), currency: 'USD' };
    const short = buyingPowerAfter(limits, 'T1-MAIN', 'sellShort', order);
    const sell = buyingPowerAfter(limits, 'T1-MAIN', 'sell', order);
    expect(short.kind === 'known' && short.after.toFixed()).toBe('24000000');
    expect(sell.kind === 'known' && sell.after.toFixed()).toBe('24000000');
  });

  it('converts another currency with the gateway’s rate, and says so when it has none', () => {
    const eur = buyingPowerAfter(limits, 'T1-MAIN', 'buy', { notional: dec(1000), currency: 'EUR' });
    expect(eur.kind === 'known' && eur.after.toFixed()).toBe('23998842');
    expect(buyingPowerAfter(limits, 'T1-MAIN', 'buy', { notional: dec(1000), currency: 'JPY' }).kind).toBe('noRate');
    expect(toBase(dec(10), 'USD', 'USD', {})?.toFixed()).toBe('10');
  });

  it('flags an order that would take the account below zero', () => {
    const bp = buyingPowerAfter(limits, 'T1-MAIN', 'buy', { notional: dec('24000000.01'), currency: 'USD' });
    expect(bp.kind === 'known' && bp.short).toBe(true);
  });

  it('is unknown without limits or for an account they do not cover (the ticket shows —)', () => {
    expect(buyingPowerAfter(undefined, 'T1-MAIN', 'buy', undefined).kind).toBe('unknown');
    expect(buyingPowerAfter(limits, 'T1-HEDGE', 'buy', undefined).kind).toBe('unknown');
  });
});
