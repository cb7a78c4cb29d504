/**
 * Real market conventions the generator follows: stock exchanges (currency,
 * tick table, lot, hours), futures contracts (exchange tick, multiplier,
 * price level, hours) and FX (approximate US dollar rates, pip size).
 */
export interface SessionCells {
  readonly open: string;
  readonly close: string;
  readonly timeZone: string;
  readonly days: string;
  readonly preOpen: string;
}

export interface StockExchange {
  readonly suffix: string;
  readonly currency: string;
  readonly tickTable: 'US_EQUITY' | 'EU_MIFID_BAND' | 'FIXED';
  /** Only for FIXED. */
  readonly fixedTick?: string;
  readonly lot: string;
  readonly count: number;
  /** Reference prices are drawn log-uniformly between these. */
  readonly priceRange: readonly [number, number];
  readonly session: SessionCells;
  readonly nameSuffixes: readonly string[];
}

const NEW_YORK: SessionCells = { open: '09:30', close: '16:00', timeZone: 'America/New_York', days: 'Mon-Fri', preOpen: '04:00' };

export const US_EQUITY_SESSION = NEW_YORK;

export const STOCK_EXCHANGES: readonly StockExchange[] = [
  { suffix: '', currency: 'USD', tickTable: 'US_EQUITY', lot: '100', count: 210, priceRange: [3, 650], session: NEW_YORK, nameSuffixes: ['Inc.', 'Corp.', 'Co.', 'Holdings Inc.', 'Group Inc.'] },
  {
    suffix: '.PA',
    currency: 'EUR',
    tickTable: 'EU_MIFID_BAND',
    lot: '1',
    count: 30,
    priceRange: [4, 400],
    session: { open: '09:00', close: '17:30', timeZone: 'Europe/Paris', days: 'Mon-Fri', preOpen: '07:15' },
    nameSuffixes: ['S.A.', 'SE'],
  },
  {
    suffix: '.DE',
    currency: 'EUR',
    tickTable: 'EU_MIFID_BAND',
    lot: '1',
    count: 30,
    priceRange: [8, 300],
    session: { open: '09:00', close: '17:30', timeZone: 'Europe/Berlin', days: 'Mon-Fri', preOpen: '08:00' },
    nameSuffixes: ['AG', 'SE'],
  },
  {
    suffix: '.AS',
    currency: 'EUR',
    tickTable: 'EU_MIFID_BAND',
    lot: '1',
    count: 15,
    priceRange: [5, 250],
    session: { open: '09:00', close: '17:30', timeZone: 'Europe/Amsterdam', days: 'Mon-Fri', preOpen: '07:15' },
    nameSuffixes: ['N.V.'],
  },
  {
    suffix: '.L',
    currency: 'GBP',
    tickTable: 'EU_MIFID_BAND',
    lot: '1',
    count: 30,
    priceRange: [0.6, 60],
    session: { open: '08:00', close: '16:30', timeZone: 'Europe/London', days: 'Mon-Fri', preOpen: '07:50' },
    nameSuffixes: ['plc', 'Group plc'],
  },
  {
    suffix: '.SW',
    currency: 'CHF',
    tickTable: 'EU_MIFID_BAND',
    lot: '1',
    count: 15,
    priceRange: [20, 600],
    session: { open: '09:00', close: '17:30', timeZone: 'Europe/Zurich', days: 'Mon-Fri', preOpen: '06:00' },
    nameSuffixes: ['AG', 'SA'],
  },
  {
    suffix: '.T',
    currency: 'JPY',
    tickTable: 'FIXED',
    fixedTick: '1',
    lot: '100',
    count: 25,
    priceRange: [400, 12000],
    session: { open: '09:00', close: '15:30', timeZone: 'Asia/Tokyo', days: 'Mon-Fri', preOpen: '08:00' },
    nameSuffixes: ['Co., Ltd.', 'Corporation', 'Holdings'],
  },
];

/** US shares trading around one dollar, so the sub-penny band of the US_EQUITY table is crossed. */
export const PENNY_STOCKS = { count: 14, priceRange: [0.7, 1.3] as const };

export const ETF_COUNT = 80;

export interface FutureRoot {
  readonly root: string;
  readonly name: string;
  readonly sector: string;
  readonly currency: string;
  readonly tick: string;
  readonly multiplier: string;
  /** Front-month price level. */
  readonly price: number;
  /** Month codes listed (F G H J K M N Q U V X Z), the first being the front. */
  readonly months: string;
  /** Per listed month further out, the price moves by this share (carry or backwardation). */
  readonly carry: number;
  readonly session: SessionCells;
}

const GLOBEX: SessionCells = { open: '17:00', close: '16:00', timeZone: 'America/Chicago', days: 'Sun-Thu', preOpen: '16:45' };
const CBOT_GRAINS: SessionCells = { open: '19:00', close: '13:20', timeZone: 'America/Chicago', days: 'Sun-Thu', preOpen: '18:00' };
const EUREX: SessionCells = { open: '01:10', close: '22:00', timeZone: 'Europe/Berlin', days: 'Mon-Fri', preOpen: '00:45' };
const ICE_EUROPE: SessionCells = { open: '01:00', close: '23:00', timeZone: 'Europe/London', days: 'Mon-Fri', preOpen: '00:45' };

export const FUTURE_ROOTS: readonly FutureRoot[] = [
  { root: 'ES', name: 'E-mini S&P 500', sector: 'Equity Index', currency: 'USD', tick: '0.25', multiplier: '50', price: 6702.25, months: 'HMUZ', carry: 0.009, session: GLOBEX },
  { root: 'NQ', name: 'E-mini Nasdaq-100', sector: 'Equity Index', currency: 'USD', tick: '0.25', multiplier: '20', price: 24810.5, months: 'HMUZ', carry: 0.009, session: GLOBEX },
  { root: 'RTY', name: 'E-mini Russell 2000', sector: 'Equity Index', currency: 'USD', tick: '0.1', multiplier: '50', price: 2380.4, months: 'HMU', carry: 0.008, session: GLOBEX },
  { root: 'MES', name: 'Micro E-mini S&P 500', sector: 'Equity Index', currency: 'USD', tick: '0.25', multiplier: '5', price: 6702.25, months: 'HM', carry: 0.009, session: GLOBEX },
  { root: 'ZN', name: '10-Year T-Note', sector: 'Rates', currency: 'USD', tick: '0.015625', multiplier: '1000', price: 112.5, months: 'HMU', carry: -0.002, session: GLOBEX },
  { root: 'ZF', name: '5-Year T-Note', sector: 'Rates', currency: 'USD', tick: '0.0078125', multiplier: '1000', price: 108.75, months: 'HM', carry: -0.0015, session: GLOBEX },
  { root: 'ZB', name: 'U.S. Treasury Bond', sector: 'Rates', currency: 'USD', tick: '0.03125', multiplier: '1000', price: 117.5, months: 'HM', carry: -0.003, session: GLOBEX },
  { root: 'SR3', name: 'Three-Month SOFR', sector: 'Rates', currency: 'USD', tick: '0.0025', multiplier: '2500', price: 96.4, months: 'HMUZ', carry: 0.0008, session: GLOBEX },
  { root: 'CL', name: 'WTI Crude Oil', sector: 'Energy', currency: 'USD', tick: '0.01', multiplier: '1000', price: 59.87, months: 'FGHJ', carry: 0.004, session: GLOBEX },
  { root: 'NG', name: 'Henry Hub Natural Gas', sector: 'Energy', currency: 'USD', tick: '0.001', multiplier: '10000', price: 4.312, months: 'FGHJ', carry: -0.02, session: GLOBEX },
  { root: 'RB', name: 'RBOB Gasoline', sector: 'Energy', currency: 'USD', tick: '0.0001', multiplier: '42000', price: 1.8745, months: 'FGH', carry: 0.01, session: GLOBEX },
  { root: 'HO', name: 'NY Harbor ULSD', sector: 'Energy', currency: 'USD', tick: '0.0001', multiplier: '42000', price: 2.3512, months: 'FGH', carry: -0.005, session: GLOBEX },
  { root: 'GC', name: 'Gold', sector: 'Metals', currency: 'USD', tick: '0.1', multiplier: '100', price: 4071.3, months: 'GJM', carry: 0.008, session: GLOBEX },
  { root: 'SI', name: 'Silver', sector: 'Metals', currency: 'USD', tick: '0.005', multiplier: '5000', price: 50.215, months: 'HKN', carry: 0.008, session: GLOBEX },
  { root: 'HG', name: 'Copper', sector: 'Metals', currency: 'USD', tick: '0.0005', multiplier: '25000', price: 5.0125, months: 'HKN', carry: 0.006, session: GLOBEX },
  { root: 'ZC', name: 'Corn', sector: 'Agriculture', currency: 'USD', tick: '0.25', multiplier: '50', price: 437.5, months: 'HKN', carry: 0.015, session: CBOT_GRAINS },
  { root: 'ZS', name: 'Soybeans', sector: 'Agriculture', currency: 'USD', tick: '0.25', multiplier: '50', price: 1128.25, months: 'FHK', carry: 0.01, session: CBOT_GRAINS },
  { root: 'ZW', name: 'Chicago SRW Wheat', sector: 'Agriculture', currency: 'USD', tick: '0.25', multiplier: '50', price: 531.75, months: 'HKN', carry: 0.015, session: CBOT_GRAINS },
  { root: '6E', name: 'Euro FX', sector: 'FX Futures', currency: 'USD', tick: '0.00005', multiplier: '125000', price: 1.1624, months: 'HM', carry: 0.0035, session: GLOBEX },
  { root: '6J', name: 'Japanese Yen', sector: 'FX Futures', currency: 'USD', tick: '0.0000005', multiplier: '12500000', price: 0.006475, months: 'HM', carry: 0.009, session: GLOBEX },
  { root: '6B', name: 'British Pound', sector: 'FX Futures', currency: 'USD', tick: '0.0001', multiplier: '62500', price: 1.3162, months: 'HM', carry: 0.001, session: GLOBEX },
  { root: 'FESX', name: 'Euro STOXX 50', sector: 'Equity Index', currency: 'EUR', tick: '1', multiplier: '10', price: 5612, months: 'HMU', carry: 0.002, session: EUREX },
  { root: 'FDAX', name: 'DAX', sector: 'Equity Index', currency: 'EUR', tick: '1', multiplier: '25', price: 23415, months: 'HM', carry: 0.002, session: EUREX },
  { root: 'FGBL', name: 'Euro-Bund', sector: 'Rates', currency: 'EUR', tick: '0.01', multiplier: '1000', price: 128.95, months: 'HMU', carry: -0.002, session: EUREX },
  { root: 'FGBM', name: 'Euro-Bobl', sector: 'Rates', currency: 'EUR', tick: '0.01', multiplier: '1000', price: 117.62, months: 'HM', carry: -0.001, session: EUREX },
  { root: 'B', name: 'Brent Crude', sector: 'Energy', currency: 'USD', tick: '0.01', multiplier: '1000', price: 63.42, months: 'FGHJ', carry: -0.004, session: ICE_EUROPE },
];

export const MONTH_NAMES: Record<string, string> = {
  F: 'Jan', G: 'Feb', H: 'Mar', J: 'Apr', K: 'May', M: 'Jun', N: 'Jul', Q: 'Aug', U: 'Sep', V: 'Oct', X: 'Nov', Z: 'Dec',
};

/** US dollars per unit of each currency (late 2025, rounded): enough for crosses that look right. */
export const USD_PER_UNIT: Record<string, number> = {
  EUR: 1.1582, GBP: 1.3154, AUD: 0.6507, NZD: 0.5634, USD: 1, CAD: 0.711, CHF: 1.2483, JPY: 0.006447,
  NOK: 0.0985, SEK: 0.1052, MXN: 0.0543, ZAR: 0.0577, SGD: 0.7685, HKD: 0.1286, PLN: 0.2734, CZK: 0.0478,
};

/** Market convention: the currency earlier in this list is the base of a pair. */
export const BASE_PRIORITY = ['EUR', 'GBP', 'AUD', 'NZD', 'USD', 'CAD', 'CHF', 'NOK', 'SEK', 'SGD', 'PLN', 'HKD', 'MXN', 'ZAR', 'CZK', 'JPY'] as const;

export const CURRENCY_NAMES: Record<string, string> = {
  EUR: 'Euro', GBP: 'British Pound', AUD: 'Australian Dollar', NZD: 'New Zealand Dollar', USD: 'US Dollar', CAD: 'Canadian Dollar',
  CHF: 'Swiss Franc', JPY: 'Japanese Yen', NOK: 'Norwegian Krone', SEK: 'Swedish Krona', MXN: 'Mexican Peso', ZAR: 'South African Rand',
  SGD: 'Singapore Dollar', HKD: 'Hong Kong Dollar', PLN: 'Polish Zloty', CZK: 'Czech Koruna',
};

/** G10 crosses among these, plus USD against each of the others. */
export const FX_CROSS_CURRENCIES = ['EUR', 'GBP', 'AUD', 'NZD', 'CAD', 'CHF', 'JPY', 'NOK', 'SEK'] as const;
export const FX_EMERGING = ['MXN', 'ZAR', 'SGD', 'HKD', 'PLN', 'CZK'] as const;
