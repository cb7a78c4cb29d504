import { type Decimal, dec } from '../core/decimal.ts';
import { type Instrument, priceDecimals } from '../core/instrument.ts';
import { formatFixed } from './numbers.ts';

/** Places a price of this symbol is shown with; 2 when the symbol is unknown to the catalog. */
export function pricePlaces(instrument: Pick<Instrument, 'tickSize'> | undefined): number {
  return instrument ? priceDecimals(instrument) : 2;
}

/** A wire price shown with the instrument's tick decimals. */
export function formatPrice(price: string | Decimal, instrument: Pick<Instrument, 'tickSize'> | undefined): string {
  return formatFixed(typeof price === 'string' ? dec(price) : price, pricePlaces(instrument));
}
