import { describe, expect, it } from 'vitest';
import { agoText, daysFrom, formatIsoDate, formatRate, formatWeight, localInstant, localIsoDate, riskText } from '../../../src/clientbook/bookFormat.ts';
import { dec } from '../../../src/core/decimal.ts';

describe('client-book formatting', () => {
  it('shows a rate of return as a signed percentage, exactly, and n/a as a dash', () => {
    expect(formatRate('0.0123')).toBe('+1.23%');
    expect(formatRate('-0.25583')).toBe('-25.58%');
    expect(formatRate('0.00005')).toBe('0.00%'); // half-even: 0.005 % rounds to 0.00, no sign
    expect(formatRate('-0.00004')).toBe('0.00%');
    expect(formatRate('1.5', 1)).toBe('+150.0%');
    expect(formatRate(dec('12.3456'))).toBe('+1,234.56%');
    expect(formatRate(null)).toBe('–');
  });

  it('shows a weight as an unsigned percentage', () => {
    expect(formatWeight('0.4210')).toBe('42.10%');
    expect(formatWeight('0.0612', 1)).toBe('6.1%');
    expect(formatWeight('1')).toBe('100.00%');
  });

  it('names the risk level', () => {
    expect(riskText(1)).toBe('1 · Conservative');
    expect(riskText(5)).toBe('5 · Aggressive');
  });

  it('writes dates unambiguously', () => {
    expect(formatIsoDate('2026-11-23')).toBe('23 Nov 2026');
    expect(formatIsoDate('2024-02-01')).toBe('1 Feb 2024');
  });

  it('reads a typed local date and time, and refuses nonsense', () => {
    const t = localInstant('2026-11-24', '10:30');
    expect(t).not.toBeNull();
    const d = new Date(t ?? 0);
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()]).toEqual([2026, 10, 24, 10, 30]);
    expect(localIsoDate(t ?? 0)).toBe('2026-11-24');
    expect(localInstant('24/11/2026', '10:30')).toBeNull();
    expect(localInstant('2026-11-24', '')).toBeNull();
  });

  it('says how long ago a contact was in calendar days', () => {
    const now = new Date(2026, 10, 23, 9, 0).getTime();
    expect(agoText(now, null)).toBe('never');
    expect(agoText(now, new Date(2026, 10, 23, 8, 0).getTime())).toBe('today');
    expect(agoText(now, new Date(2026, 10, 22, 23, 0).getTime())).toBe('yesterday');
    expect(agoText(now, new Date(2026, 10, 18).getTime())).toBe('5d ago');
    expect(agoText(now, new Date(2026, 9, 26).getTime())).toBe('4w ago');
    expect(agoText(now, new Date(2026, 4, 23).getTime())).toBe('6mo ago');
    expect(daysFrom(now, new Date(2026, 10, 25, 1, 0).getTime())).toBe(2);
  });
});
