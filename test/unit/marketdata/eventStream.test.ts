import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { EventStream } from '../../../server/marketdata/eventStream.ts';

// The venue's events and the market data's quotes go out through an EventStream: it behaves as a Subject's asObservable() for everything the venue does with it.

/** Runs the same script on a Subject and on an EventStream; returns what the subscribers saw. */
function script(make: () => { next(v: number): void; complete(): void; obs: import('rxjs').Observable<number> }): string[] {
  const seen: string[] = [];
  const s = make();
  const a = s.obs.subscribe({ next: (v) => seen.push(`a${v}`), complete: () => seen.push('a done') });
  s.next(1);
  let late: import('rxjs').Subscription | undefined;
  const b = s.obs.subscribe((v) => {
    seen.push(`b${v}`);
    // Subscribed while a value is delivered: hears from the next value on.
    if (v === 2 && late === undefined) late = s.obs.subscribe((w) => seen.push(`c${w}`));
  });
  s.next(2);
  s.next(3);
  a.unsubscribe();
  s.next(4);
  b.unsubscribe();
  s.next(5);
  s.complete();
  s.next(6);
  s.obs.subscribe({ next: (v) => seen.push(`d${v}`), complete: () => seen.push('d done') });
  return seen;
}

describe('EventStream', () => {
  it('delivers, subscribes mid-delivery, unsubscribes and completes as a Subject does', () => {
    const viaSubject = script(() => {
      const subject = new Subject<number>();
      return { next: (v) => subject.next(v), complete: () => subject.complete(), obs: subject.asObservable() };
    });
    const viaStream = script(() => {
      const stream = new EventStream<number>();
      return { next: (v) => stream.next(v), complete: () => stream.complete(), obs: stream.observable };
    });
    expect(viaStream).toEqual(viaSubject);
    expect(viaStream).toEqual(['a1', 'a2', 'b2', 'a3', 'b3', 'c3', 'b4', 'c4', 'c5', 'd done']);
  });
});
