import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DECIMAL_PATTERN, dec } from '../../../src/core/decimal.ts';
import { directionOf, formatFixed, formatQty, formatSigned } from '../../../src/format/numbers.ts';
import { directionOfText, fixedText, qtyText, signedText, tickDirection } from '../../../src/watchlist/wireText.ts';

// Wire decimals as a gateway may write them: signs, zeros, any number of places, occasionally odd forms.
const wireDecimal = fc.oneof(
  fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 6 })).map(([neg, units, places]) => {
    const digits = units.toString().padStart(places + 1, '0');
    const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
    return `${neg ? '-' : ''}${text}`;
  }),
  fc.constantFrom('0', '-0', '0.00', '-0.00', '007.5', '1.50', '1000000', '0.0001', '12.'),
);
const valid = wireDecimal.filter((t) => DECIMAL_PATTERN.test(t));

describe('wire text formatting agrees with the Decimal path', () => {
  it('fixedText, signedText and directionOfText', () => {
    fc.assert(
      fc.property(valid, fc.integer({ min: 0, max: 6 }), (text, places) => {
        expect(fixedText(text, places)).toBe(formatFixed(dec(text), places));
        expect(signedText(text, places)).toBe(formatSigned(dec(text), places));
        expect(directionOfText(text)).toBe(directionOf(dec(text)));
      }),
      { numRuns: 2000 },
    );
  });

  it('qtyText', () => {
    fc.assert(
      fc.property(valid, (text) => {
        expect(qtyText(text)).toBe(formatQty(dec(text)));
      }),
      { numRuns: 2000 },
    );
  });

  it('tickDirection', () => {
    fc.assert(
      fc.property(valid, valid, (now, before) => {
        expect(tickDirection(now, before)).toBe(directionOf(dec(now).minus(dec(before))));
      }),
      { numRuns: 3000 },
    );
    expect(tickDirection('10.00', undefined)).toBe('flat');
    expect(tickDirection('9.99', '10.00')).toBe('down');
    expect(tickDirection('100.01', '99.99')).toBe('up');
  });
});
