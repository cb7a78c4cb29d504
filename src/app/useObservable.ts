import { useEffect, useState } from 'react';
import type { Observable } from 'rxjs';

/**
 * The latest value of a stream, for a component. The stream must be stable
 * across renders (from useMemo or a session field). When it changes, the
 * component sees `initial` until the new stream emits, never a value of the
 * old one (the previous symbol's quote under a new symbol).
 */
export function useObservable<T>(source: Observable<T>, initial: T): T {
  const [latest, setLatest] = useState<{ source: Observable<T>; value: T }>({ source, value: initial });
  useEffect(() => {
    const sub = source.subscribe({
      next: (value) => setLatest({ source, value }),
      error: (err: unknown) => console.error('[stream]', err),
    });
    return () => sub.unsubscribe();
  }, [source]);
  return latest.source === source ? latest.value : initial;
}
