import { Observable, type OperatorFunction, type SchedulerLike, type Subscription, animationFrameScheduler } from 'rxjs';

/**
 * Keeps only the latest value per key and emits them together once per
 * scheduler turn (an animation frame by default): a grid gets one batch a
 * frame however fast quotes arrive, and never a value older than one it has.
 */
export function conflateByKey<T>(keyOf: (value: T) => string, scheduler: SchedulerLike = animationFrameScheduler): OperatorFunction<T, T[]> {
  return (source) =>
    new Observable<T[]>((subscriber) => {
      let pending = new Map<string, T>();
      let scheduled: Subscription | undefined;
      const flush = (): void => {
        scheduled = undefined;
        if (pending.size === 0) return;
        const batch = [...pending.values()];
        pending = new Map();
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
          flush();
          subscriber.complete();
        },
      });
      return () => {
        upstream.unsubscribe();
        scheduled?.unsubscribe();
      };
    });
}
