import { describe, expect, it } from 'vitest';
import { fixAvgPx, fixDecimal, parseFixText } from '../../../server/venues/fix/fixFields.ts';
import { wire } from './wireSamples.ts';

const one = (tag: number, value: string) => new Map([[tag, value]]);

describe('parseFixText', () => {
  it('reads tag=value pairs split by | or SOH', () => {
    const f = parseFixText(wire.executorFill);
    expect(f.get(35)).toBe('8');
    expect(f.get(31)).toBe('10.25');
    expect(parseFixText('35=8\x0111=a\x0132=5\x01').get(32)).toBe('5');
  });

  it('keeps the first occurrence of a repeated tag and values that contain =', () => {
    const f = parseFixText('58=a=b|11=x|11=y|');
    expect(f.get(58)).toBe('a=b');
    expect(f.get(11)).toBe('x');
  });
});

describe('fixDecimal', () => {
  it.each([
    ['10.25', '10.25'],
    ['023.2300', '23.23'],
    ['.5', '0.5'],
    ['5.', '5'],
    ['-0.0', '0'],
    ['-12.50', '-12.5'],
    ['100', '100'],
  ])('reads %s exactly as %s', (raw, expected) => {
    const r = fixDecimal(one(44, raw), 44, 'Price');
    expect(r.ok && r.value.toFixed()).toBe(expected);
  });

  it.each(['1e5', '', '.', '1,5', '+1', 'NaN', '0x10'])('refuses %j', (raw) => {
    const r = fixDecimal(one(44, raw), 44, 'Price');
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('Price (44)') });
  });

  it('says which tag is missing', () => {
    expect(fixDecimal(new Map(), 14, 'CumQty')).toEqual({ ok: false, reason: 'CumQty (14) is missing' });
  });

  it('refuses more places than a wire decimal holds rather than rounding a quantity or price', () => {
    expect(fixDecimal(one(31, '1.0000000000001'), 31, 'LastPx').ok).toBe(false);
  });
});

describe('fixAvgPx', () => {
  it('keeps an average price of up to 12 places exactly', () => {
    const r = fixAvgPx(one(6, '187.123456789'), 6);
    expect(r.ok && r.value.toFixed()).toBe('187.123456789');
  });

  it("rounds a double's 13 and more places to the OMS's 8", () => {
    const above = fixAvgPx(one(6, '10.2333333250000001'), 6);
    expect(above.ok && above.value.toFixed()).toBe('10.23333333');
    const below = fixAvgPx(one(6, '10.2333333249999999'), 6);
    expect(below.ok && below.value.toFixed()).toBe('10.23333332');
  });

  it('refuses what is not a FIX float', () => {
    expect(fixAvgPx(one(6, '1e3'), 6).ok).toBe(false);
    expect(fixAvgPx(new Map(), 6).ok).toBe(false);
  });
});
