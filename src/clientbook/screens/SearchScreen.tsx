import { useMemo, useState } from 'react';
import { type Observable, catchError, debounceTime, distinctUntilChanged, map, of, startWith, switchMap } from 'rxjs';
import { BehaviorSubject } from 'rxjs';
import { useSession } from '../../app/sessionContext.ts';
import { useObservable } from '../../app/useObservable.ts';
import type { SearchHitWire } from '../../core/protocol/clientBook.ts';
import { type Loadable, errorText } from '../../streams/clientBook.ts';
import { formatDayTime } from '../bookFormat.ts';
import { LoadState } from '../LoadState.tsx';

type Result = Loadable<SearchHitWire[]> | { state: 'idle' };
const KIND_LABEL: Record<SearchHitWire['kind'], string> = {
  client: 'Client',
  interaction: 'Interaction',
  task: 'Task',
  appointment: 'Appointment',
  correspondence: 'Letter',
  serviceRequest: 'Service request',
  research: 'Research',
  prospect: 'Prospect',
};

/** Searches the whole book on the gateway: clients, the CRM record, letters, requests, research, prospects. */
export function SearchScreen({ onOpenClient }: { onOpenClient: (clientId: string) => void }) {
  const session = useSession();
  const [text, setText] = useState('');
  const text$ = useMemo(() => new BehaviorSubject(''), []);
  const results$: Observable<Result> = useMemo(
    () =>
      text$.pipe(
        debounceTime(250),
        map((t) => t.trim()),
        distinctUntilChanged(),
        switchMap((t) =>
          t.length < 2
            ? of<Result>({ state: 'idle' })
            : session.book.request<'searchBook'>({ type: 'searchBook', text: t }).pipe(
                map((m): Result => ({ state: 'ready', value: m.hits })),
                catchError((err: unknown) => of<Result>({ state: 'error', message: errorText(err) })),
                startWith<Result>({ state: 'loading' }),
              ),
        ),
      ),
    [session, text$],
  );
  const results = useObservable(results$, { state: 'idle' });
  return (
    <section className="panel search-screen" data-testid="book-search">
      <div className="panel-head">
        <h2>Search the book</h2>
        <input
          type="search"
          autoFocus
          className="client-search wide"
          placeholder="Name, subject, note, request…"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            text$.next(e.target.value);
          }}
          data-testid="book-search-input"
        />
      </div>
      <div className="panel-scroll">
        {results.state === 'idle' && <p className="muted load-state">Type at least two letters.</p>}
        {(results.state === 'loading' || results.state === 'error') && <LoadState state={results.state} message={results.state === 'error' ? results.message : undefined} what="results" />}
        {results.state === 'ready' && (
          <ul className="hit-list">
            {results.value.length === 0 && <li className="muted">Nothing found.</li>}
            {results.value.map((h) => (
              <li key={`${h.kind}/${h.id}`}>
                <span className="hit-kind">{KIND_LABEL[h.kind]}</span>
                {h.clientId ? (
                  <button type="button" className="link strong" onClick={() => h.clientId && onOpenClient(h.clientId)}>
                    {h.title}
                  </button>
                ) : (
                  <strong>{h.title}</strong>
                )}
                <span className="muted">{h.snippet}</span>
                {h.at !== null && <span className="muted">{formatDayTime(h.at)}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
