import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import { formatAvgPx, formatFixed, formatQty, formatSigned, groupThousands } from '../../../src/format/numbers.ts';

// Formatting the panels use on the streams' decimals (src/format/numbers.ts): never through a float.
describe('number formatting', () => {
  it('groups thousands on either sign and keeps the fraction as given', () => {
    expect(groupThousands('1234567.50')).toBe('1,234,567.50');
    expect(groupThousands('-1234')).toBe('-1,234');
    expect(groupThousands('999')).toBe('999');
    expect(groupThousands('-0.00')).toBe('0.00');
  });

  it('rounds half-even at the places asked, exactly', () => {
    expect(formatFixed(dec('0.125'), 2)).toBe('0.12');
    expect(formatFixed(dec('0.135'), 2)).toBe('0.14');
    expect(formatFixed(dec('12345678901234.565'), 2)).toBe('12,345,678,901,234.56');
  });

  it('shows quantities, signed P&L and average prices', () => {
    expect(formatQty(dec('1500000'))).toBe('1,500,000');
    expect(formatSigned(dec('1234.5'), 2)).toBe('+1,234.50');
    expect(formatSigned(dec('-0.004'), 2)).toBe('0.00');
    expect(formatSigned(dec('-3'), 2)).toBe('-3.00');
    expect(formatAvgPx(dec('265.495'), 2)).toBe('265.495');
    expect(formatAvgPx(dec('190'), 2)).toBe('190.00');
    expect(formatAvgPx(dec('1.23456789'), 2)).toBe('1.234568');
  });
});
