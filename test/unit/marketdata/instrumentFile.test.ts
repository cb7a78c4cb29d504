import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import { isOnTick } from '../../../src/core/instrument.ts';
import { InstrumentFileError, loadInstruments, parseInstrumentFile } from '../../../server/marketdata/index.ts';

const HEADER = 'symbol,name,assetClass,sector,currency,tickSize,lotSize,multiplier,referencePrice';
const dir = mkdtempSync(join(tmpdir(), 'instruments-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeFile(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

function faultsOf(text: string): string[] {
  try {
    parseInstrumentFile(text, 'test.csv');
  } catch (err) {
    if (err instanceof InstrumentFileError) return [...err.faults];
    throw err;
  }
  throw new Error('expected the file to be refused');
}

describe('the instrument file kept in the repository', () => {
  const catalog = loadInstruments();

  it('holds at least 30 instruments of every asset class', () => {
    const all = catalog.all();
    expect(all.length).toBeGreaterThanOrEqual(30);
    expect(new Set(all.map((i) => i.assetClass))).toEqual(new Set(['equity', 'etf', 'fx', 'future']));
  });

  it('gives US equities a one-cent tick and a lot of 100', () => {
    for (const symbol of ['AAPL', 'MSFT', 'NVDA', 'AMZN', 'GOOGL', 'META', 'JPM', 'XOM', 'JNJ', 'PG', 'KO']) {
      const i = catalog.get(symbol);
      expect(i?.tickSize.toFixed(), symbol).toBe('0.01');
      expect(i?.lotSize.toFixed(), symbol).toBe('100');
    }
  });

  it('gives futures their exchange tick sizes and multipliers', () => {
    const expected = { ES: ['0.25', '50'], NQ: ['0.25', '20'], CL: ['0.01', '1000'], GC: ['0.1', '100'] } as const;
    for (const [symbol, [tick, multiplier]] of Object.entries(expected)) {
      const i = catalog.get(symbol);
      expect(i?.tickSize.toFixed(), symbol).toBe(tick);
      expect(i?.multiplier.toFixed(), symbol).toBe(multiplier);
      expect(i?.lotSize.toFixed(), symbol).toBe('1');
    }
  });

  it('quotes FX pairs in their quote currency with pip fractions', () => {
    expect(catalog.get('EURUSD')).toMatchObject({ currency: 'USD' });
    expect(catalog.get('EURUSD')?.tickSize.toFixed()).toBe('0.00001');
    expect(catalog.get('USDJPY')).toMatchObject({ currency: 'JPY' });
    expect(catalog.get('USDJPY')?.tickSize.toFixed()).toBe('0.001');
    expect(catalog.get('USDJPY')?.lotSize.toFixed()).toBe('1000');
  });

  it('puts every reference price on its tick grid', () => {
    for (const i of catalog.all()) expect(isOnTick(i.referencePrice, i), i.symbol).toBe(true);
  });
});

describe('loading a replacement file', () => {
  it('accepts reordered columns, comments, blank lines, quoted names and CRLF', () => {
    const file = writeFile(
      'good.csv',
      [
        '# my desk',
        'symbol,referencePrice,name,assetClass,sector,currency,tickSize,lotSize,multiplier',
        '',
        'BRK.B,498.10,"Berkshire Hathaway, Class B",equity,Financials,USD,0.01,100,1',
        'ZN,"110.515625",10-Year T-Note Future,future,Rates,USD,0.015625,1,1000',
      ].join('\r\n'),
    );
    const catalog = loadInstruments(file);
    expect(catalog.all().map((i) => i.symbol)).toEqual(['BRK.B', 'ZN']);
    expect(catalog.get('BRK.B')?.name).toBe('Berkshire Hathaway, Class B');
    expect(catalog.get('ZN')?.referencePrice.equals(dec('110.515625'))).toBe(true);
  });

  it('stops with the file, line and field when a row is bad', () => {
    const file = writeFile('bad.csv', `${HEADER}\nAAPL,Apple Inc.,equity,Technology,USD,0.01,100,1,268.47\nMSFT,Microsoft,equity,Technology,USD,0,01,100,1,507.49\n`);
    expect(() => loadInstruments(file)).toThrow(InstrumentFileError);
    expect(() => loadInstruments(file)).toThrow(`${file}`);
    expect(() => loadInstruments(file)).toThrow('line 3: has 10 fields; the header has 9');
  });

  it('names a malformed tick size', () => {
    expect(faultsOf(`${HEADER}\nMSFT,Microsoft,equity,Technology,USD,1e-2,100,1,507.49`)).toEqual([
      'line 2, field tickSize: must be a decimal number such as 0.01 (found "1e-2")',
    ]);
  });

  it('names a reference price off the tick grid', () => {
    expect(faultsOf(`${HEADER}\nES,E-mini,future,Equity Index,USD,0.25,1,50,6702.10`)).toEqual([
      'line 2, field referencePrice: must be a multiple of the tick size 0.25 (found "6702.10")',
    ]);
  });

  it('lists every fault of every row', () => {
    const faults = faultsOf(
      [HEADER, 'aapl,Apple,stock,Technology,usd,0.01,100,1,268.47', 'KO,Coca-Cola,equity,Consumer Staples,USD,0.01,-100,1,70.34'].join('\n'),
    );
    expect(faults).toEqual([
      'line 2, field symbol: may hold only upper-case letters, digits and . _ - / = ^ (found "aapl")',
      'line 2, field assetClass: must be one of equity, etf, fx, future (found "stock")',
      'line 2, field currency: must be a three-letter ISO code such as USD (found "usd")',
      'line 3, field lotSize: must be greater than 0 (found "-100")',
    ]);
  });

  it('refuses a symbol defined twice', () => {
    expect(faultsOf(`${HEADER}\nKO,Coca-Cola,equity,Staples,USD,0.01,100,1,70.34\n\nKO,Coke,equity,Staples,USD,0.01,100,1,70.00`)).toEqual([
      'line 4, field symbol: KO is already defined on line 2',
    ]);
  });

  it('names a missing or unknown column in the header', () => {
    expect(faultsOf('symbol,name,assetClass,sector,currency,tickSize,lotSize,multipler,referencePrice\n')).toEqual([
      'line 1: unknown column "multipler"; the columns are symbol,name,assetClass,sector,currency,tickSize,lotSize,multiplier,referencePrice',
      'line 1: column "multiplier" is missing',
    ]);
  });

  it('refuses an empty file, a file with no rows and an unclosed quote', () => {
    expect(faultsOf('')[0]).toMatch(/no header line/);
    expect(faultsOf(`${HEADER}\n`)).toEqual(['has a header but no instruments']);
    expect(faultsOf(`${HEADER}\nKO,"Coca-Cola,equity,Staples,USD,0.01,100,1,70.34`)).toEqual(['line 2: a quoted field is not closed']);
  });

  it('says so when the file cannot be read', () => {
    expect(() => loadInstruments(join(dir, 'missing.csv'))).toThrow(/missing\.csv is not valid:\n {2}cannot be read: ENOENT/);
  });
});
