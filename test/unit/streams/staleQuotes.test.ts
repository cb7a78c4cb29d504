import { BehaviorSubject, Subject } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionStatus } from '../../../src/streams/connectionStatus.ts';
import { type Freshness, STALE_AFTER_MS, freshness$, isQuoteStale, markStale, staleChanges } from '../../../src/streams/staleQuotes.ts';

const T = 1_700_000_000_000;
const online = (now: number): Freshness => ({ now, online: true });

describe('isQuoteStale', () => {
  it('is fresh up to the threshold and stale past it', () => {
    expect(isQuoteStale({ ts: T }, online(T + STALE_AFTER_MS))).toBe(false);
    expect(isQuoteStale({ ts: T }, online(T + STALE_AFTER_MS + 1))).toBe(true);
    expect(isQuoteStale({ ts: T }, online(T + 500), 400)).toBe(true);
  });

  it('marks every quote stale while not online, however new', () => {
    expect(isQuoteStale({ ts: T }, { now: T, online: false })).toBe(true);
  });

  it('counts a quote stamped ahead of the local clock as fresh', () => {
    expect(isQuoteStale({ ts: T + 5_000 }, online(T))).toBe(false);
  });
});

describe('staleChanges', () => {
  it('names only the symbols whose staleness flipped', () => {
    const latest = new Map([
      ['AAPL', { ts: T }],
      ['MSFT', { ts: T + 9_000 }],
      ['IBM', { ts: T - 60_000 }],
    ]);
    const first = staleChanges(latest, new Set(), online(T + 10_500));
    expect([...first.stale].sort()).toEqual(['AAPL', 'IBM']);
    expect(first.changed.sort()).toEqual(['AAPL', 'IBM']);
    const second = staleChanges(latest, first.stale, online(T + 10_600));
    expect(second.changed).toEqual([]);
    const offline = staleChanges(latest, second.stale, { now: T + 10_600, online: false });
    expect(offline.changed).toEqual(['MSFT']);
    expect(offline.stale.size).toBe(3);
  });
});

describe('freshness$ and markStale', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: T });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('turns a quote stale when the clock passes the threshold, and at once when the connection drops', () => {
    const status = new BehaviorSubject<ConnectionStatus>('online');
    const quotes = new Subject<{ ts: number; last: string }>();
    const seen: { last: string | undefined; stale: boolean }[] = [];
    markStale(quotes, freshness$(status, 1_000), 3_000).subscribe(({ quote, stale }) => seen.push({ last: quote?.last, stale }));
    quotes.next({ ts: T, last: '190.00' });
    vi.advanceTimersByTime(3_000);
    expect(seen.at(-1)).toEqual({ last: '190.00', stale: false });
    vi.advanceTimersByTime(1_000);
    expect(seen.at(-1)).toEqual({ last: '190.00', stale: true });
    quotes.next({ ts: Date.now(), last: '190.10' });
    expect(seen.at(-1)).toEqual({ last: '190.10', stale: false });
    status.next('reconnecting');
    expect(seen.at(-1)).toEqual({ last: '190.10', stale: true });
    status.next('online');
    expect(seen.at(-1)).toEqual({ last: '190.10', stale: false });
  });
});

describe('a silent link', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: T });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts as not online once nothing was heard for the silence limit, and recovers on the next frame', () => {
    const status = new BehaviorSubject<ConnectionStatus>('online');
    const heard = new Subject<unknown>();
    const seen: boolean[] = [];
    freshness$(status, 1_000, undefined, heard, 3_000).subscribe((f) => seen.push(f.online));
    vi.advanceTimersByTime(2_000);
    heard.next('heartbeat');
    vi.advanceTimersByTime(3_000);
    expect(seen.at(-1)).toBe(true);
    vi.advanceTimersByTime(1_000);
    expect(seen.at(-1)).toBe(false);
    heard.next('heartbeat');
    // A frame alone does not emit: the next tick sees the link alive again.
    expect(seen.at(-1)).toBe(false);
    vi.advanceTimersByTime(1_000);
    expect(seen.at(-1)).toBe(true);
  });

  it("follows the gateway's hello: three missed heartbeats mean a dead link, and its stale age judges quotes", () => {
    const status = new BehaviorSubject<ConnectionStatus>('online');
    const heard = new Subject<unknown>();
    const liveness = new BehaviorSubject<{ heartbeatMs?: number; staleMs?: number }>({ heartbeatMs: 500, staleMs: 2_000 });
    const seen: Freshness[] = [];
    freshness$(status, 250, undefined, heard, 60_000, liveness).subscribe((f) => seen.push(f));
    vi.advanceTimersByTime(1_500);
    expect(seen.at(-1)?.online).toBe(true);
    vi.advanceTimersByTime(250);
    // 1,750 ms of silence > 3 × 500 ms: dead, though the default silence limit (60 s) is far away.
    expect(seen.at(-1)?.online).toBe(false);
    heard.next('heartbeat');
    vi.advanceTimersByTime(250);
    const f = seen.at(-1)!;
    expect(f.staleAfterMs).toBe(2_000);
    expect(isQuoteStale({ ts: f.now - 2_001 }, f)).toBe(true);
    expect(isQuoteStale({ ts: f.now - 1_999 }, f)).toBe(false);
  });
});
