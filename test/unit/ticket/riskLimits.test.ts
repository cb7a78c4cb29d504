import { Subject, of, throwError } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ResponseOf } from '../../../src/streams/connection.ts';
import { NO_ORDERS, type OrdersState } from '../../../src/streams/ordersState.ts';
import { LIMITS_REFRESH_MS, type TicketLimits, riskLimits$ } from '../../../src/ticket/useRiskLimits.ts';

const answer = (used: string): ResponseOf<'riskLimits'> => ({
  type: 'riskLimits',
  accounts: [{ account: 'T1-MAIN', currency: 'USD', buyingPower: '25000000', used }],
  warnNotional: '1000000',
  warnCollarPercent: '3',
  collarPercent: '10',
  mode: 'active',
  baseCurrency: 'USD',
  fxRates: { EUR: '1.158' },
});

describe('riskLimits$', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks at once, then again after the orders change (debounced), parsing the thresholds exactly', () => {
    const orders$ = new Subject<OrdersState>();
    let used = 0;
    const riskLimits = vi.fn(() => of(answer(String((used += 1000)))));
    const seen: (TicketLimits | undefined)[] = [];
    const sub = riskLimits$({ orders$, riskLimits }).subscribe((l) => seen.push(l));
    expect(riskLimits).toHaveBeenCalledTimes(1);
    expect(seen[0]?.warnNotional.toFixed()).toBe('1000000');
    expect(seen[0]?.accounts[0]?.used).toBe('1000');

    // A burst of order changes makes one more request, not one each.
    orders$.next(NO_ORDERS);
    orders$.next(NO_ORDERS);
    orders$.next(NO_ORDERS);
    vi.advanceTimersByTime(300);
    expect(riskLimits).toHaveBeenCalledTimes(2);
    expect(seen.at(-1)?.accounts[0]?.used).toBe('2000');
    sub.unsubscribe();
  });

  it('gives undefined after a failure, so the ticket shows — rather than an old figure', () => {
    const orders$ = new Subject<OrdersState>();
    const seen: (TicketLimits | undefined)[] = [];
    riskLimits$({ orders$, riskLimits: () => throwError(() => new Error('FORBIDDEN')) }).subscribe((l) => seen.push(l));
    expect(seen).toEqual([undefined]);
  });
});

describe('riskLimits$ with no order change', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks again on its own, so a kill switch cleared (no order changes) stops reading "halted"', () => {
    const orders$ = new Subject<OrdersState>();
    let mode: 'halted' | 'active' = 'halted';
    const riskLimits = vi.fn(() => of({ ...answer('0'), mode }));
    const seen: (TicketLimits | undefined)[] = [];
    const sub = riskLimits$({ orders$, riskLimits }).subscribe((l) => seen.push(l));
    expect(seen.map((l) => l?.mode)).toEqual(['halted']);

    mode = 'active';
    vi.advanceTimersByTime(LIMITS_REFRESH_MS);
    expect(seen.map((l) => l?.mode)).toEqual(['halted', 'active']);
    sub.unsubscribe();
  });

  it('passes on a timed answer only when it differs, so an unchanged answer draws nothing again', () => {
    const orders$ = new Subject<OrdersState>();
    const riskLimits = vi.fn(() => of({ ...answer('1000'), reqId: `r${riskLimits.mock.calls.length}` }));
    const seen: (TicketLimits | undefined)[] = [];
    const sub = riskLimits$({ orders$, riskLimits }).subscribe((l) => seen.push(l));
    vi.advanceTimersByTime(LIMITS_REFRESH_MS * 3);
    expect(riskLimits).toHaveBeenCalledTimes(4);
    expect(seen).toHaveLength(1);
    sub.unsubscribe();
  });
});
