import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import { isOnTick } from '../../../src/core/instrument.ts';
import { isOnPriceGrid, tickSizeAt } from '../../../src/core/tickTable.ts';
import { sessionToWire } from '../../../src/core/tradingSession.ts';
import { DEFAULT_INSTRUMENTS_FILE, InstrumentFileError, loadInstruments, parseInstrumentFile } from '../../../server/marketdata/index.ts';
import { DEFAULT_GENERATOR_SEED, regenerate } from '../../../server/marketdata/tools/generateInstruments.ts';

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

  it('holds at least 500 instruments, at least 40 of every asset class', () => {
    const all = catalog.all();
    expect(all.length).toBeGreaterThanOrEqual(500);
    for (const assetClass of ['equity', 'etf', 'fx', 'future']) expect(all.filter((i) => i.assetClass === assetClass).length, assetClass).toBeGreaterThanOrEqual(40);
  });

  it('keeps the hand-written real instruments at the top, as they were', () => {
    expect(catalog.all().slice(0, 3).map((i) => i.symbol)).toEqual(['AAPL', 'MSFT', 'NVDA']);
    expect(catalog.get('AAPL')).toMatchObject({ name: 'Apple Inc.', tickTable: 'US_EQUITY' });
    expect(catalog.get('AAPL')?.referencePrice.toFixed()).toBe('268.47');
  });

  it('gives every instrument a session and puts every reference price on the grid of its own tick table', () => {
    for (const i of catalog.all()) {
      expect(i.session, i.symbol).toBeDefined();
      expect(isOnPriceGrid(i.referencePrice, i), i.symbol).toBe(true);
      expect(tickSizeAt(i, i.referencePrice).equals(i.tickSize), i.symbol).toBe(true);
    }
    const zones = new Set(catalog.all().map((i) => i.session!.timeZone));
    expect([...zones].sort()).toEqual(['America/Chicago', 'America/New_York', 'Asia/Tokyo', 'Europe/Amsterdam', 'Europe/Berlin', 'Europe/London', 'Europe/Paris', 'Europe/Zurich']);
    const tables = new Set(catalog.all().map((i) => i.tickTable));
    expect([...tables].sort()).toEqual(['EU_MIFID_BAND', 'FIXED', 'US_EQUITY']);
  });

  it('has US shares on both sides of the 1.00 edge of the US_EQUITY table', () => {
    const pennies = catalog.all().filter((i) => i.tickTable === 'US_EQUITY' && i.referencePrice.lt(2));
    expect(pennies.some((i) => i.referencePrice.lt(1) && i.tickSize.toFixed() === '0.0001')).toBe(true);
    expect(pennies.some((i) => i.referencePrice.gte(1) && i.tickSize.toFixed() === '0.01')).toBe(true);
  });

  it('is what the generator writes: running it again changes nothing', () => {
    const text = readFileSync(DEFAULT_INSTRUMENTS_FILE, 'utf8');
    expect(regenerate(text, DEFAULT_GENERATOR_SEED)).toBe(text);
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
      'line 1: unknown column "multipler"; the columns are symbol,name,assetClass,sector,currency,tickSize,lotSize,multiplier,referencePrice and optionally tickTable,sessionOpen,sessionClose,timeZone,sessionDays,preOpen',
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

describe('tick tables and sessions in the file', () => {
  const FULL = `${HEADER},tickTable,sessionOpen,sessionClose,timeZone,sessionDays,preOpen`;

  it('reads a file without the new columns as before: FIXED ticks and the asset class’s US hours', () => {
    const [ko, es, eur] = parseInstrumentFile(
      [HEADER, 'KO,Coca-Cola,equity,Staples,USD,0.01,100,1,70.34', 'ES,E-mini,future,Equity Index,USD,0.25,1,50,6702.25', 'EURUSD,Euro,fx,G10 FX,USD,0.00001,1000,1,1.15820'].join('\n'),
      'old.csv',
    );
    expect(ko?.tickTable).toBeUndefined();
    expect(sessionToWire(ko!.session!)).toEqual({ open: '09:30', close: '16:00', timeZone: 'America/New_York', days: 'Mon-Fri', preOpen: '04:00' });
    expect(sessionToWire(es!.session!)).toEqual({ open: '17:00', close: '16:00', timeZone: 'America/Chicago', days: 'Sun-Thu', preOpen: '16:45' });
    expect(sessionToWire(eur!.session!)).toEqual({ open: '17:00', close: '17:00', timeZone: 'America/New_York', days: 'Sun-Thu' });
  });

  it('reads tick tables and sessions, blank cells taking the defaults, days defaulting to Mon-Fri', () => {
    const [sap, pen, blank] = parseInstrumentFile(
      [
        FULL,
        'SAP.DE,SAP SE,equity,Technology,EUR,0.1,1,1,187.3,EU_MIFID_BAND,09:00,17:30,europe/berlin,,08:00',
        'PENY,Penny Corp,equity,Industrials,USD,0.0001,100,1,0.9950,US_EQUITY,09:30,16:00,America/New_York,Mon-Fri,',
        'KO,Coca-Cola,equity,Staples,USD,0.01,100,1,70.34,,,,,,',
      ].join('\n'),
      'new.csv',
    );
    expect(sap).toMatchObject({ tickTable: 'EU_MIFID_BAND' });
    expect(sessionToWire(sap!.session!)).toEqual({ open: '09:00', close: '17:30', timeZone: 'Europe/Berlin', days: 'Mon-Fri', preOpen: '08:00' });
    expect(pen?.tickSize.toFixed()).toBe('0.0001');
    expect(sessionToWire(pen!.session!)).toEqual({ open: '09:30', close: '16:00', timeZone: 'America/New_York', days: 'Mon-Fri' });
    expect(blank?.tickTable).toBeUndefined();
    expect(blank?.session?.timeZone).toBe('America/New_York');
  });

  it('names a tick size that is not the table’s tick at the reference price, and an unknown table', () => {
    expect(
      faultsOf([FULL, 'PENY,Penny Corp,equity,Industrials,USD,0.01,100,1,0.99,US_EQUITY,,,,,', 'SAP.DE,SAP,equity,Technology,EUR,0.01,1,1,187.30,EU_MIFID,,,,,'].join('\n')),
    ).toEqual([
      'line 2, field tickSize: must be 0.0001, the US_EQUITY tick at the reference price 0.99 (found "0.01")',
      'line 3, field tickTable: must be one of FIXED, US_EQUITY, EU_MIFID_BAND, or blank for FIXED (found "EU_MIFID")',
    ]);
  });

  it('names every bad session cell by its column', () => {
    expect(
      faultsOf(
        [
          FULL,
          'KO,Coca-Cola,equity,Staples,USD,0.01,100,1,70.34,FIXED,9:30,16:00,America/New_Yrok,Mon-Fry,',
          'PG,Procter,equity,Staples,USD,0.01,100,1,148.62,FIXED,09:30,,,,',
          'PEP,PepsiCo,equity,Staples,USD,0.01,100,1,150.00,FIXED,,,,Mon-Fri,',
          'CL,Crude,future,Energy,USD,0.01,1,1000,59.87,FIXED,17:00,16:00,America/Chicago,Sun-Thu,12:00',
        ].join('\n'),
      ),
    ).toEqual([
      'line 2, field sessionOpen: must be a time HH:MM from 00:00 to 23:59 (found "9:30")',
      'line 2, field timeZone: must be an IANA time zone such as America/New_York (found "America/New_Yrok")',
      'line 2, field sessionDays: must name weekdays such as Mon-Fri or Sun,Tue (Sun Mon Tue Wed Thu Fri Sat) (found "Mon-Fry")',
      'line 3, field sessionClose: must be set when the row gives trading hours (found "")',
      'line 3, field timeZone: must be set when the row gives trading hours (found "")',
      'line 4, field sessionDays: needs sessionOpen, sessionClose and timeZone in the same row (found "Mon-Fri")',
      'line 5, field preOpen: must fall after the close and before the open 17:00 (found "12:00")',
    ]);
  });
});
