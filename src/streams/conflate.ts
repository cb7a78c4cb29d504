import { Observable, type OperatorFunction, type SchedulerLike, type Subscription, animationFrameScheduler } from 'rxjs';

/**
 * Keeps only the latest value per key and emits them together once per
 * scheduler turn (an animation frame by default): a grid gets one batch a
 * frame however fast quotes arrive, and never a value older than one it has.
 *
 * `maxPerTurn` paces a burst: a batch holds at most that many keys, those that
 * have waited longest first, and the rest go in the next turns (still only
 * their latest values). A feed that sends its updates in lumps (a frame of 250
 * quotes every 50 ms) then costs the grid three even frames instead of one
 * heavy frame and two idle ones. Nothing piles up: at most one value per key
 * waits, so a key waits at most keys ÷ maxPerTurn turns.
 */
export function conflateByKey<T>(keyOf: (value: T) => string, scheduler: SchedulerLike = animationFrameScheduler, maxPerTurn = Number.POSITIVE_INFINITY): OperatorFunction<T, T[]> {
  return (source) =>
    new Observable<T[]>((subscriber) => {
      // A Map keeps a key where it was first set, so the oldest waiting keys come first.
      let pending = new Map<string, T>();
      let scheduled: Subscription | undefined;
      const flush = (): void => {
        scheduled = undefined;
        if (pending.size === 0) return;
        if (pending.size <= maxPerTurn) {
          const batch = [...pending.values()];
          pending = new Map();
          subscriber.next(batch);
          return;
        }
        const batch: T[] = [];
        for (const [key, value] of pending) {
          if (batch.length >= maxPerTurn) break;
          batch.push(value);
          pending.delete(key);
        }
        scheduled = scheduler.schedule(flush);
        subscriber.next(batch);
      };
      const upstream = source.subscribe({
        next(value) {
          pending.set(keyOf(value), value);
          scheduled ??= scheduler.schedule(flush);
        },
        error(err: unknown) {
          subscriber.error(err);
        },
        complete() {
          scheduled?.unsubscribe();
          const rest = [...pending.values()];
          pending = new Map();
          if (rest.length > 0) subscriber.next(rest);
          subscriber.complete();
        },
      });
      return () => {
        upstream.unsubscribe();
        scheduled?.unsubscribe();
      };
    });
}
