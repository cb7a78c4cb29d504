import { useMemo } from 'react';
import { type Observable, catchError, debounceTime, distinctUntilChanged, interval, map, merge, of, startWith, switchMap } from 'rxjs';
import { useObservable } from '../app/useObservable.ts';
import { type Decimal, dec } from '../core/decimal.ts';
import type { ResponseOf } from '../streams/connection.ts';
import type { Session } from '../streams/session.ts';
import type { AccountLimitWire, FxRates } from './buyingPower.ts';
import type { OrderLimits } from './orderLimitWarnings.ts';

/** The gateway's limits for this user, decimals parsed where the ticket computes with them. */
export interface TicketLimits {
  accounts: readonly AccountLimitWire[];
  /** Per account, the fat-finger limits (notional in the base currency); empty from a gateway that does not send them. */
  orderLimits: readonly OrderLimits[];
  warnNotional: Decimal;
  warnCollarPercent: Decimal;
  collarPercent: Decimal;
  mode: 'active' | 'halted' | 'reducing';
  baseCurrency: string;
  fxRates: FxRates;
}

export function limitsFromWire(m: ResponseOf<'riskLimits'>): TicketLimits {
  return {
    accounts: m.accounts,
    orderLimits: (m.orderLimits ?? []).map((l) => ({ account: l.account, maxOrderQty: dec(l.maxOrderQty), maxOrderNotional: dec(l.maxOrderNotional) })),
    warnNotional: dec(m.warnNotional),
    warnCollarPercent: dec(m.warnCollarPercent),
    collarPercent: dec(m.collarPercent),
    mode: m.mode,
    baseCurrency: m.baseCurrency,
    fxRates: m.fxRates,
  };
}

/**
 * How often the ticket asks even when none of its orders changed. A desk
 * head's kill switch reaches the trader only through this answer: setting one
 * on a trader with no working orders, or clearing one, changes no order, and
 * the ticket kept saying "Trading halted" after the switch was cleared.
 */
export const LIMITS_REFRESH_MS = 5_000;

/**
 * Asks again whenever the orders change (a working buy uses buying power,
 * a fill or cancel frees it), at most every 300 ms, and every
 * LIMITS_REFRESH_MS in any case (the kill-switch mode); undefined until the
 * first answer, and after a failure, so the ticket shows "—" rather than a
 * stale figure.
 */
export function riskLimits$(session: Pick<Session, 'orders$' | 'riskLimits'>): Observable<TicketLimits | undefined> {
  return merge(session.orders$.pipe(debounceTime(300)), interval(LIMITS_REFRESH_MS)).pipe(
    startWith(null),
    switchMap(() =>
      session.riskLimits().pipe(
        map((m) => ({ key: sameLimitsKey(m), limits: limitsFromWire(m) })),
        catchError(() => of({ key: '', limits: undefined })),
      ),
    ),
    // The timed asks mostly bring the same answer: the ticket is drawn again only when something in it changed.
    distinctUntilChanged((a, b) => a.key === b.key),
    map((a) => a.limits),
  );
}

/** The answer's content without its request id: equal keys, equal limits. */
function sameLimitsKey(m: ResponseOf<'riskLimits'>): string {
  const { reqId: _reqId, ...content } = m;
  return JSON.stringify(content);
}

export function useRiskLimits(session: Session): TicketLimits | undefined {
  const source = useMemo(() => riskLimits$(session), [session]);
  return useObservable(source, undefined);
}
