import { type Decimal, dec } from '../core/decimal.ts';
import type { AttentionFlag, KycStatus } from '../core/protocol/clientBook.ts';
import { type Direction, directionOf, formatFixed } from '../format/numbers.ts';

/** Shown where a figure has no value (a return over too short a history). */
export const NOT_AVAILABLE = '–';

export const RISK_LABEL: Record<number, string> = { 1: 'Conservative', 2: 'Cautious', 3: 'Balanced', 4: 'Growth', 5: 'Aggressive' };

export function riskText(level: number): string {
  return `${level} · ${RISK_LABEL[level] ?? ''}`;
}

/** The level and the word, for a narrow column: '3 Balanced'. */
export function riskShort(level: number): string {
  return `${level} ${RISK_LABEL[level] ?? ''}`;
}

export const FLAG_LABEL: Record<AttentionFlag, string> = {
  reviewOverdue: 'Review overdue',
  driftOverThreshold: 'Drift',
  kycExpired: 'KYC expired',
  largeCash: 'Large cash',
};

/** The same flags in a narrow grid column. */
export const FLAG_SHORT: Record<AttentionFlag, string> = {
  reviewOverdue: 'Review',
  driftOverThreshold: 'Drift',
  kycExpired: 'KYC',
  largeCash: 'Cash',
};

export const KYC_LABEL: Record<KycStatus, string> = { current: 'Current', dueSoon: 'Due soon', expired: 'Expired' };

export const ASSET_CLASS_LABEL: Record<string, string> = { equity: 'Equities', etf: 'Funds (ETF)', fx: 'FX', future: 'Futures', cash: 'Cash' };

/** A rate of return written as a fraction ("0.0123") shown as a signed percentage ("+1.23%"); n/a as a dash. */
export function formatRate(rate: string | Decimal | null, places = 2): string {
  if (rate === null) return NOT_AVAILABLE;
  const pct = (typeof rate === 'string' ? dec(rate) : rate).times(100);
  const text = formatFixed(pct, places);
  const zero = /^-?[0.,]*$/.test(text);
  return `${!zero && pct.isPositive() ? '+' : ''}${zero ? text.replace('-', '') : text}%`;
}

/** The one currency the client's accounts are kept in, to print after their totals; '' when they differ (no single code would be true). */
export function bookCurrency(accounts: readonly { currency: string }[]): string {
  const codes = new Set(accounts.map((a) => a.currency));
  return codes.size === 1 ? [...codes][0] ?? '' : '';
}

/** A share of a whole ("0.4210") as an unsigned percentage ("42.10%"). */
export function formatWeight(weight: string | Decimal, places = 2): string {
  return `${formatFixed((typeof weight === 'string' ? dec(weight) : weight).times(100), places)}%`;
}

export function rateDirection(rate: string | null): Direction {
  return rate === null ? 'flat' : directionOf(dec(rate));
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '2026-11-23' → '23 Nov 2026': unambiguous in any locale. */
export function formatIsoDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1] ?? m} ${y}`;
}

/** An instant as a local calendar date, '23 Nov 2026'. */
export function formatDay(epochMs: number | null): string {
  if (epochMs === null) return NOT_AVAILABLE;
  const d = new Date(epochMs);
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
}

/** An instant as local date and time, '23 Nov 2026 14:05'. */
export function formatDayTime(epochMs: number): string {
  const d = new Date(epochMs);
  return `${formatDay(epochMs)} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** An instant in a narrow column: '24 Nov 14:30', the year only when it is not this year's. */
export function formatShortDayTime(epochMs: number, now: number = Date.now()): string {
  const d = new Date(epochMs);
  const year = d.getFullYear() === new Date(now).getFullYear() ? '' : ` ${d.getFullYear()}`;
  return `${d.getDate()} ${MONTHS[d.getMonth()]}${year} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** The viewer's local date as 'YYYY-MM-DD'. */
export function localIsoDate(epochMs: number): string {
  const d = new Date(epochMs);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** 'YYYY-MM-DD' and 'HH:MM' typed in the form, read as the viewer's local time. */
export function localInstant(date: string, time: string): number | null {
  const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const tm = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!dm || !tm) return null;
  const d = new Date(Number(dm[1]), Number(dm[2]) - 1, Number(dm[3]), Number(tm[1]), Number(tm[2]));
  return Number.isNaN(d.getTime()) ? null : d.getTime();
}

/** Whole local days from `now` to `then`: 0 today, 1 tomorrow, −1 yesterday. */
export function daysFrom(now: number, then: number): number {
  const day = (t: number) => {
    const d = new Date(t);
    return Math.round(new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime() / 86_400_000);
  };
  return day(then) - day(now);
}

/** How long ago a contact was, the way an advisor says it: 'today', '3d ago', '5w ago'. */
export function agoText(now: number, then: number | null): string {
  if (then === null) return 'never';
  const days = -daysFrom(now, then);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 14) return `${days}d ago`;
  if (days < 70) return `${Math.floor(days / 7)}w ago`;
  return `${Math.floor(days / 30)}mo ago`;
}
