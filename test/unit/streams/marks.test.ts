import { BehaviorSubject, Subject, defer, finalize, queueScheduler } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { QuoteWire } from '../../../src/core/protocol.ts';
import { type Marks, marksFor } from '../../../src/streams/marks.ts';
import { quote } from './fakeSocket.ts';

/** A quote source that records which symbols are being listened to. */
function recordingQuotes() {
  const feeds = new Map<string, Subject<QuoteWire>>();
  const listening = new Set<string>();
  const subscriptions: string[] = [];
  const quoteOf = (symbol: string) =>
    defer(() => {
      listening.add(symbol);
      subscriptions.push(symbol);
      const feed = new Subject<QuoteWire>();
      feeds.set(symbol, feed);
      return feed.pipe(finalize(() => listening.delete(symbol)));
    });
  return { feeds, listening, subscriptions, quoteOf };
}

const asText = (m: Marks | undefined) => Object.fromEntries([...(m ?? new Map()).entries()].map(([k, v]) => [k, v.toFixed()]));

describe('marksFor', () => {
  it('listens only to the symbols in the current set and emits their last prices', () => {
    const q = recordingQuotes();
    const symbols = new BehaviorSubject<string[]>(['AAPL', 'MSFT']);
    let latest: Marks | undefined;
    // queueScheduler makes each emission immediate, so the test reads them synchronously.
    const sub = marksFor(symbols, q.quoteOf, queueScheduler).subscribe((m) => (latest = m));
    q.feeds.get('AAPL')?.next(quote('AAPL', 1, '190.01'));
    q.feeds.get('MSFT')?.next(quote('MSFT', 1, '400.5'));
    expect(asText(latest)).toEqual({ AAPL: '190.01', MSFT: '400.5' });

    symbols.next(['MSFT', 'NVDA']);
    expect([...q.listening].sort()).toEqual(['MSFT', 'NVDA']);
    // MSFT stayed in the set: it was not subscribed a second time.
    expect(q.subscriptions).toEqual(['AAPL', 'MSFT', 'NVDA']);
    expect(asText(latest)).toEqual({ MSFT: '400.5' });

    sub.unsubscribe();
    expect(q.listening.size).toBe(0);
  });
});
