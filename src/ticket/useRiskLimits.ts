import { useMemo } from 'react';
import { type Observable, catchError, debounceTime, map, of, startWith, switchMap } from 'rxjs';
import { useObservable } from '../app/useObservable.ts';
import { type Decimal, dec } from '../core/decimal.ts';
import type { ResponseOf } from '../streams/connection.ts';
import type { Session } from '../streams/session.ts';
import type { AccountLimitWire, FxRates } from './buyingPower.ts';

/** The gateway's limits for this user, decimals parsed where the ticket computes with them. */
export interface TicketLimits {
  accounts: readonly AccountLimitWire[];
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
    warnNotional: dec(m.warnNotional),
    warnCollarPercent: dec(m.warnCollarPercent),
    collarPercent: dec(m.collarPercent),
    mode: m.mode,
    baseCurrency: m.baseCurrency,
    fxRates: m.fxRates,
  };
}

/**
 * Asks again whenever the orders change (a working buy uses buying power,
 * a fill or cancel frees it), at most every 300 ms; undefined until the
 * first answer, and after a failure, so the ticket shows "—" rather than a
 * stale figure.
 */
export function riskLimits$(session: Pick<Session, 'orders$' | 'riskLimits'>): Observable<TicketLimits | undefined> {
  return session.orders$.pipe(
    debounceTime(300),
    startWith(null),
    switchMap(() =>
      session.riskLimits().pipe(
        map(limitsFromWire),
        catchError(() => of(undefined)),
      ),
    ),
  );
}

export function useRiskLimits(session: Session): TicketLimits | undefined {
  const source = useMemo(() => riskLimits$(session), [session]);
  return useObservable(source, undefined);
}
