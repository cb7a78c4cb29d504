import { Decimal, placesOf } from '../../src/core/decimal.ts';
import { type Instrument, priceDecimals } from '../../src/core/instrument.ts';

/**
 * Integer ticks and lots to wire strings, once per update: fixed notation with
 * the tick's (or lot's) decimals, never an exponent, exact.
 */
export interface TickFormatter {
  price(ticks: number): string;
  size(lots: number): string;
  /** (last − prevClose) / prevClose in percent, two places, half-even. */
  changePct(lastTicks: number, prevCloseTicks: number): string;
}

const HUNDRED = new Decimal(100);

export function tickFormatter(instrument: Pick<Instrument, 'tickSize' | 'lotSize'>): TickFormatter {
  const pricePlaces = priceDecimals(instrument);
  const sizePlaces = placesOf(instrument.lotSize);
  return {
    price: (ticks) => instrument.tickSize.times(ticks).toFixed(pricePlaces),
    size: (lots) => instrument.lotSize.times(lots).toFixed(sizePlaces),
    changePct: (lastTicks, prevCloseTicks) => {
      // Both prices are whole ticks of the same size, so the ratio of ticks is the ratio of prices.
      const pct = new Decimal(lastTicks - prevCloseTicks).times(HUNDRED).div(prevCloseTicks).toFixed(2);
      return pct === '-0.00' ? '0.00' : pct;
    },
  };
}
