import {
  Observable,
  type SchedulerLike,
  type Subscription,
  Subject,
  animationFrameScheduler,
  auditTime,
  combineLatest,
  connect,
  map,
  startWith,
} from 'rxjs';
import { type Decimal, dec } from '../core/decimal.ts';
import type { QuoteSource } from './quotes.ts';

/** Last traded price per symbol: what holdings and positions are valued at. */
export type Marks = ReadonlyMap<string, Decimal>;

export const NO_MARKS: Marks = new Map();

/**
 * Live marks for a changing set of symbols. Only symbols that join or leave
 * the set are subscribed or dropped (a new position does not churn the
 * others), and the map is emitted at most once a frame.
 */
export function marksFor(symbols$: Observable<Iterable<string>>, quoteOf: QuoteSource, scheduler: SchedulerLike = animationFrameScheduler): Observable<Marks> {
  return new Observable<Marks>((subscriber) => {
    const held = new Map<string, Subscription>();
    const marks = new Map<string, Decimal>();
    const changed = new Subject<void>();
    const emitting = changed.pipe(auditTime(0, scheduler)).subscribe(() => subscriber.next(new Map(marks)));
    const watching = symbols$.subscribe({
      next(symbols) {
        const wanted = new Set(symbols);
        for (const [symbol, sub] of held) {
          if (wanted.has(symbol)) continue;
          sub.unsubscribe();
          held.delete(symbol);
          marks.delete(symbol);
        }
        for (const symbol of wanted) {
          if (held.has(symbol)) continue;
          held.set(
            symbol,
            quoteOf(symbol).subscribe((q) => {
              marks.set(symbol, dec(q.last));
              changed.next();
            }),
          );
        }
        changed.next();
      },
      error: (err: unknown) => subscriber.error(err),
    });
    return () => {
      watching.unsubscribe();
      for (const sub of held.values()) sub.unsubscribe();
      emitting.unsubscribe();
    };
  });
}

/** A value together with live marks for the symbols it names. */
export function withMarks<T>(
  source$: Observable<T>,
  symbolsOf: (value: T) => Iterable<string>,
  quoteOf: QuoteSource,
  scheduler: SchedulerLike = animationFrameScheduler,
): Observable<readonly [T, Marks]> {
  return source$.pipe(
    // connect: one subscription to the source feeds both the value and the symbol set.
    connect((shared) => combineLatest([shared, marksFor(shared.pipe(map(symbolsOf)), quoteOf, scheduler).pipe(startWith(NO_MARKS))] as const)),
  );
}
