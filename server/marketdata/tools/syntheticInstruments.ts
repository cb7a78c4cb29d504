/**
 * Deterministic synthetic instruments: stocks of seven exchanges (with their
 * currencies, tick tables, lots and hours), ETFs, FX pairs and dated futures.
 * Only + − × ÷ on IEEE doubles and mulberry32 are used, so a seed writes the
 * same file on every machine.
 */
import { Decimal, placesOf } from '../../../src/core/decimal.ts';
import { type TickTableName, tickSizeAt } from '../../../src/core/tickTable.ts';
import { type Rng, mulberry32, uniformInt } from '../prng.ts';
import {
  BASE_PRIORITY,
  CURRENCY_NAMES,
  ETF_COUNT,
  FUTURE_ROOTS,
  FX_CROSS_CURRENCIES,
  FX_EMERGING,
  MONTH_NAMES,
  PENNY_STOCKS,
  STOCK_EXCHANGES,
  type SessionCells,
  type StockExchange,
  US_EQUITY_SESSION,
  USD_PER_UNIT,
} from './marketSpecs.ts';
import { ETF_BRANDS, ETF_THEMES, NAME_STEMS, SECTOR_WORDS } from './nameParts.ts';

export type InstrumentRow = Record<string, string>;

const FX_SESSION: SessionCells = { open: '17:00', close: '17:00', timeZone: 'America/New_York', days: 'Sun-Thu', preOpen: '' };

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[uniformInt(rng, 0, items.length - 1)]!;
}

/** Skewed towards the low end, as share prices are, unless `flat`; multiplication only. */
function drawPrice(rng: Rng, [lo, hi]: readonly [number, number], flat = false): number {
  const u = rng();
  return lo + (hi - lo) * (flat ? u : u * u * u);
}

/** The largest price on the rule's grid at or below `price` (at least one tick). */
function onGrid(price: number, tickSize: Decimal, tickTable: TickTableName): { price: Decimal; tick: Decimal } {
  const raw = new Decimal(price.toFixed(7));
  const rule = { tickSize, tickTable };
  const tick = tickSizeAt(rule, raw);
  const snapped = raw.div(tick).floor().times(tick);
  const p = snapped.gt(0) ? snapped : tick;
  return { price: p, tick: tickSizeAt(rule, p) };
}

const letters = (s: string) => s.replace(/[^A-Za-z]/g, '').toUpperCase();

/** A ticker from the words of a name, unlike any taken one. */
function tickerFor(words: readonly string[], suffix: string, taken: Set<string>): string {
  const a = letters(words[0] ?? 'X');
  const b = letters(words[1] ?? 'X');
  const candidates = [a.slice(0, 2) + b.slice(0, 2), a.slice(0, 3) + b.slice(0, 1), a.slice(0, 1) + b.slice(0, 3), a.slice(0, 4), a.slice(0, 2) + b.slice(0, 1)];
  for (let k = 0; ; k++) {
    const base = k < candidates.length ? candidates[k]! : `${a.slice(0, 2)}${b.slice(0, 1)}${String.fromCharCode(65 + ((k - candidates.length) % 26))}`;
    const symbol = base + suffix;
    if (!taken.has(symbol)) {
      taken.add(symbol);
      return symbol;
    }
  }
}

function row(cells: {
  symbol: string;
  name: string;
  assetClass: string;
  sector: string;
  currency: string;
  tickSize: Decimal;
  lotSize: string;
  multiplier: string;
  referencePrice: Decimal;
  tickTable: TickTableName;
  session: SessionCells;
}): InstrumentRow {
  return {
    symbol: cells.symbol,
    name: cells.name,
    assetClass: cells.assetClass,
    sector: cells.sector,
    currency: cells.currency,
    tickSize: cells.tickSize.toFixed(),
    lotSize: cells.lotSize,
    multiplier: cells.multiplier,
    // Written with the tick's places, as a quote of it would be.
    referencePrice: cells.referencePrice.toFixed(placesOf(cells.tickSize)),
    tickTable: cells.tickTable,
    sessionOpen: cells.session.open,
    sessionClose: cells.session.close,
    timeZone: cells.session.timeZone,
    sessionDays: cells.session.days,
    preOpen: cells.session.preOpen,
  };
}

function stocks(
  rng: Rng,
  exchange: StockExchange,
  count: number,
  priceRange: readonly [number, number],
  taken: Set<string>,
  names: Set<string>,
  flatPrices = false,
): InstrumentRow[] {
  const sectors = Object.keys(SECTOR_WORDS);
  const out: InstrumentRow[] = [];
  while (out.length < count) {
    const sector = pick(rng, sectors);
    const stem = pick(rng, NAME_STEMS);
    const word = pick(rng, SECTOR_WORDS[sector]!);
    const name = `${stem} ${word} ${pick(rng, exchange.nameSuffixes)}`;
    if (names.has(`${stem} ${word}`)) continue;
    names.add(`${stem} ${word}`);
    let symbol: string;
    if (exchange.suffix === '.T') {
      do symbol = `${uniformInt(rng, 1300, 9990)}.T`;
      while (taken.has(symbol));
      taken.add(symbol);
    } else {
      symbol = tickerFor([stem, word], exchange.suffix, taken);
    }
    const fixedTick = new Decimal(exchange.fixedTick ?? '0.01');
    const { price, tick } = onGrid(drawPrice(rng, priceRange, flatPrices), fixedTick, exchange.tickTable);
    out.push(
      row({ symbol, name, assetClass: 'equity', sector, currency: exchange.currency, tickSize: tick, lotSize: exchange.lot, multiplier: '1', referencePrice: price, tickTable: exchange.tickTable, session: exchange.session }),
    );
  }
  return out;
}

function etfs(rng: Rng, taken: Set<string>): InstrumentRow[] {
  const combos = ETF_BRANDS.flatMap((brand) => ETF_THEMES.map(([theme, sector]) => ({ brand, theme, sector })));
  for (let k = combos.length - 1; k > 0; k--) {
    const j = uniformInt(rng, 0, k);
    [combos[k], combos[j]] = [combos[j]!, combos[k]!];
  }
  return combos.slice(0, ETF_COUNT).map(({ brand, theme, sector }) => {
    const symbol = tickerFor([brand, theme], '', taken);
    const { price, tick } = onGrid(drawPrice(rng, [18, 620]), new Decimal('0.01'), 'US_EQUITY');
    return row({ symbol, name: `${brand} ${theme} ETF`, assetClass: 'etf', sector, currency: 'USD', tickSize: tick, lotSize: '1', multiplier: '1', referencePrice: price, tickTable: 'US_EQUITY', session: US_EQUITY_SESSION });
  });
}

function fxPairs(taken: Set<string>): InstrumentRow[] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < FX_CROSS_CURRENCIES.length; i++) {
    for (let j = i + 1; j < FX_CROSS_CURRENCIES.length; j++) pairs.push([FX_CROSS_CURRENCIES[i]!, FX_CROSS_CURRENCIES[j]!]);
    pairs.push([FX_CROSS_CURRENCIES[i]!, 'USD']);
  }
  for (const em of FX_EMERGING) pairs.push([em, 'USD']);
  const rank = (c: string) => (BASE_PRIORITY as readonly string[]).indexOf(c);
  const out: InstrumentRow[] = [];
  for (const [x, y] of pairs) {
    const [base, quote] = rank(x) < rank(y) ? [x, y] : [y, x];
    const symbol = base + quote;
    if (taken.has(symbol)) continue;
    taken.add(symbol);
    const tick = new Decimal(quote === 'JPY' ? '0.001' : '0.00001');
    const { price } = onGrid(USD_PER_UNIT[base]! / USD_PER_UNIT[quote]!, tick, 'FIXED');
    const emerging = (FX_EMERGING as readonly string[]).includes(base) || (FX_EMERGING as readonly string[]).includes(quote);
    out.push(
      row({
        symbol,
        name: `${CURRENCY_NAMES[base]} / ${CURRENCY_NAMES[quote]}`,
        assetClass: 'fx',
        sector: emerging ? 'EM FX' : 'G10 FX',
        currency: quote,
        tickSize: tick,
        lotSize: '1000',
        multiplier: '1',
        referencePrice: price,
        tickTable: 'FIXED',
        session: FX_SESSION,
      }),
    );
  }
  return out;
}

function futures(taken: Set<string>): InstrumentRow[] {
  const out: InstrumentRow[] = [];
  for (const root of FUTURE_ROOTS) {
    [...root.months].forEach((code, k) => {
      const symbol = `${root.root}${code}6`;
      if (taken.has(symbol)) return;
      taken.add(symbol);
      const tick = new Decimal(root.tick);
      const { price } = onGrid(root.price * (1 + root.carry * k), tick, 'FIXED');
      out.push(
        row({
          symbol,
          name: `${root.name} Future ${MONTH_NAMES[code]} 2026`,
          assetClass: 'future',
          sector: root.sector,
          currency: root.currency,
          tickSize: tick,
          lotSize: '1',
          multiplier: root.multiplier,
          referencePrice: price,
          tickTable: 'FIXED',
          session: root.session,
        }),
      );
    });
  }
  return out;
}

/** Every synthetic row, avoiding the symbols in `taken` (which it extends). */
export function syntheticInstruments(seed: number, taken: Set<string>): InstrumentRow[] {
  const rng = mulberry32(seed);
  const names = new Set<string>();
  const us = STOCK_EXCHANGES[0]!;
  return [
    ...STOCK_EXCHANGES.flatMap((exchange) => stocks(rng, exchange, exchange.count, exchange.priceRange, taken, names)),
    ...stocks(rng, us, PENNY_STOCKS.count, PENNY_STOCKS.priceRange, taken, names, true),
    ...etfs(rng, taken),
    ...fxPairs(taken),
    ...futures(taken),
  ];
}
