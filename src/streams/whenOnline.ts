import { EMPTY, type Observable, type OperatorFunction, distinctUntilChanged, map, switchMap } from 'rxjs';
import type { ConnectionStatus } from './connectionStatus.ts';

/**
 * Runs `subscribe` each time the connection comes online and drops it when the
 * connection leaves that state: a gateway subscription is remade after every
 * reconnect (and re-login) without a panel knowing a reconnect happened.
 */
export function whenOnline<T>(subscribe: () => Observable<T>): OperatorFunction<ConnectionStatus, T> {
  return (status$) =>
    status$.pipe(
      map((status) => status === 'online'),
      distinctUntilChanged(),
      // switchMap: what was subscribed during the previous online period is torn down before the next.
      switchMap((online) => (online ? subscribe() : EMPTY)),
    );
}
