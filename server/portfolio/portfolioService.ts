import { Subject, type Observable, type Subscription } from 'rxjs';
import type { Instrument } from '../../src/core/instrument.ts';
import type { UserProfile } from '../../src/core/users.ts';
import { type Fill, type Position, rebuildPositions } from './positionBook.ts';

export interface PortfolioDeps {
  /** Every fill already journaled, oldest first: the positions are rebuilt from them. */
  pastFills: Iterable<Fill>;
  /** Fills as they are journaled from now on. */
  fills$: Observable<Fill>;
  instrument(symbol: string): Instrument | undefined;
  /** The entitlement rule shared with the order blotter. */
  canSee(user: UserProfile, item: { trader: string; account: string }): boolean;
}

export interface PortfolioService {
  /** The position each fill changed, after the fill. */
  readonly updates$: Observable<Position>;
  snapshot(user: UserProfile): Position[];
  canSee(user: UserProfile, p: Position): boolean;
  stop(): void;
}

export function createPortfolioService(deps: PortfolioDeps): PortfolioService {
  const book = rebuildPositions(deps.pastFills, deps.instrument);
  const updates = new Subject<Position>();
  const sub: Subscription = deps.fills$.subscribe((f) => updates.next(book.apply(f)));
  return {
    updates$: updates.asObservable(),
    snapshot: (user) => book.all().filter((p) => deps.canSee(user, p)),
    canSee: (user, p) => deps.canSee(user, p),
    stop() {
      sub.unsubscribe();
      updates.complete();
    },
  };
}
