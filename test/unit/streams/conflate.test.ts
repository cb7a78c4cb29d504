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
