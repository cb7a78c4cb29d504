import { type SchedulerLike, Subject, Subscription } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { conflateByKey } from '../../../src/streams/conflate.ts';

interface Tick {
  symbol: string;
  px: number;
}

describe('conflateByKey', () => {
  it('emits one batch per turn holding only the latest value per key', () => {
    const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    scheduler.run(({ cold, expectObservable }) => {
      const values: Record<string, Tick> = {
        a: { symbol: 'AAPL', px: 1 },
        b: { symbol: 'AAPL', px: 2 },
        c: { symbol: 'MSFT', px: 7 },
        d: { symbol: 'AAPL', px: 3 },
      };
      // a, b, c in one frame → one batch; d later → its own batch.
      const source = cold('(abc)-d|', values);
      expectObservable(source.pipe(conflateByKey((t) => t.symbol, scheduler))).toBe('(x)---y|', {
        x: [values.b, values.c],
        y: [values.d],
      });
    });
  });

  it('flushes what is pending when the source completes', () => {
    const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    scheduler.run(({ cold, expectObservable }) => {
      const source = cold('(a|)', { a: { symbol: 'AAPL', px: 1 } });
      expectObservable(source.pipe(conflateByKey((t: Tick) => t.symbol, scheduler))).toBe('(x|)', { x: [{ symbol: 'AAPL', px: 1 }] });
    });
  });

  it('sends nothing after unsubscription', () => {
    const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    scheduler.run(({ cold, expectObservable }) => {
      const source = cold('a---b', { a: { symbol: 'AAPL', px: 1 }, b: { symbol: 'AAPL', px: 2 } });
      expectObservable(source.pipe(conflateByKey((t: Tick) => t.symbol, scheduler)), '^--!').toBe('x', { x: [{ symbol: 'AAPL', px: 1 }] });
    });
  });
});

/** A scheduler whose turns run only when the test says so. */
function manualTurns(): { scheduler: SchedulerLike; turn(): void } {
  let queue: (() => void)[] = [];
  const scheduler: SchedulerLike = {
    now: () => 0,
    schedule(work) {
      // conflateByKey's flush ignores `this` and the state.
      const run = (): void => (work as () => void)();
      queue.push(run);
      return new Subscription(() => {
        queue = queue.filter((r) => r !== run);
      });
    },
  };
  return {
    scheduler,
    turn() {
      const due = queue;
      queue = [];
      for (const run of due) run();
    },
  };
}

describe('conflateByKey with maxPerTurn', () => {
  it('spreads a burst over turns, longest-waiting keys first, each with its latest value', () => {
    const { scheduler, turn } = manualTurns();
    const source = new Subject<Tick>();
    const batches: Tick[][] = [];
    source.pipe(conflateByKey((t) => t.symbol, scheduler, 2)).subscribe((b) => batches.push(b));
    for (const symbol of ['A', 'B', 'C', 'D', 'E']) source.next({ symbol, px: 1 });
    turn();
    expect(batches).toEqual([
      [
        { symbol: 'A', px: 1 },
        { symbol: 'B', px: 1 },
      ],
    ]);
    // D moves while it waits: it keeps its place and goes with its new price; A is new again, so it waits behind E.
    source.next({ symbol: 'D', px: 2 });
    source.next({ symbol: 'A', px: 2 });
    turn();
    turn();
    turn();
    expect(batches.slice(1)).toEqual([
      [
        { symbol: 'C', px: 1 },
        { symbol: 'D', px: 2 },
      ],
      [
        { symbol: 'E', px: 1 },
        { symbol: 'A', px: 2 },
      ],
    ]);
  });

  it('sends a batch within the limit in one turn, and everything waiting when the source completes', () => {
    const { scheduler, turn } = manualTurns();
    const source = new Subject<Tick>();
    const batches: Tick[][] = [];
    let done = false;
    source.pipe(conflateByKey((t) => t.symbol, scheduler, 3)).subscribe({ next: (b) => batches.push(b), complete: () => (done = true) });
    for (const symbol of ['A', 'B', 'C']) source.next({ symbol, px: 1 });
    turn();
    expect(batches).toHaveLength(1);
    for (const symbol of ['A', 'B', 'C', 'D', 'E']) source.next({ symbol, px: 2 });
    source.complete();
    expect(batches[1]?.map((t) => t.symbol)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(done).toBe(true);
  });
});
