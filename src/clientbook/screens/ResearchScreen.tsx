import { useMemo, useState } from 'react';
import { Subject, catchError, map, merge, of, startWith, switchMap } from 'rxjs';
import { useSession } from '../../app/sessionContext.ts';
import { useObservable } from '../../app/useObservable.ts';
import type { ResearchNoteWire } from '../../core/protocol/clientBook.ts';
import { type ClientList, type Loadable, errorText } from '../../streams/clientBook.ts';
import { formatDayTime } from '../bookFormat.ts';
import { matchesSearch, normalise } from '../clientRows.ts';
import { CommandStatus } from '../CommandStatus.tsx';
import { LoadState } from '../LoadState.tsx';
import { useCommand } from '../useCommand.ts';
import { PublishResearchForm } from './PublishResearchForm.tsx';

const LOADING: Loadable<ResearchNoteWire[]> = { state: 'loading' };

/**
 * The desk's research notes: read one, choose clients, send it; who received
 * what and when. A desk head (canPublish) also writes and publishes notes here.
 */
export function ResearchScreen({ list, canPublish = false }: { list: Loadable<ClientList>; canPublish?: boolean }) {
  const session = useSession();
  // A published note reaches no client yet, so no push announces it: the screen asks again itself.
  const reload = useMemo(() => new Subject<void>(), []);
  const notes$ = useMemo(
    () =>
      merge(session.book.events$, reload).pipe(
        startWith(null),
        switchMap(() =>
          session.book.request<'researchNotes'>({ type: 'researchNotes' }).pipe(
            map((m): Loadable<ResearchNoteWire[]> => ({ state: 'ready', value: [...m.notes].sort((a, b) => b.publishedAt - a.publishedAt) })),
            catchError((err: unknown) => of<Loadable<ResearchNoteWire[]>>({ state: 'error', message: errorText(err) })),
          ),
        ),
      ),
    [session, reload],
  );
  const notes = useObservable(notes$, LOADING);
  const [noteId, setNoteId] = useState<string | null>(null);
  const [composing, setComposing] = useState(false);
  const note = notes.state === 'ready' ? (notes.value.find((n) => n.noteId === noteId) ?? notes.value[0]) : undefined;
  const clients = list.state === 'ready' ? list.value.clients : [];
  const names = useMemo(() => new Map(clients.map((c) => [c.clientId, c.name])), [clients]);
  // The whole book (a desk head's) names each client's advisor; an advisor's own list need not.
  const advisors = useMemo(() => new Map(clients.map((c) => [c.clientId, c.advisor])), [clients]);
  const manyAdvisors = useMemo(() => new Set(advisors.values()).size > 1, [advisors]);
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const shown = useMemo(() => clients.filter((c) => matchesSearch({ searchText: normalise(`${c.name} ${c.clientId} ${c.householdName} ${c.advisor}`) }, query)), [clients, query]);
  const cmd = useCommand<{ deliveries: unknown[] }>();
  const toggle = (id: string) => {
    const next = new Set(picked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setPicked(next);
  };
  const send = () => {
    if (!note) return;
    cmd.run(session.book.request<'sendResearch'>({ type: 'sendResearch', noteId: note.noteId, clientIds: [...picked] }), (a) => {
      setPicked(new Set());
      return `Sent to ${a.deliveries.length} client${a.deliveries.length === 1 ? '' : 's'}`;
    });
  };

  return (
    <div className="research" data-testid="research">
      <section className="panel research-list">
        <div className="panel-head">
          <h2>Research notes</h2>
          {canPublish && (
            <button type="button" className="small-button" onClick={() => setComposing(true)} disabled={composing} data-testid="research-new">
              New note…
            </button>
          )}
        </div>
        <div className="panel-scroll">
          {notes.state !== 'ready' ? (
            <LoadState state={notes.state} message={notes.state === 'error' ? notes.message : undefined} what="research" />
          ) : notes.value.length === 0 ? (
            <p className="muted load-state">The desk has published no note yet.</p>
          ) : (
            <ul className="note-list">
              {notes.value.map((n) => (
                <li key={n.noteId}>
                  <button
                    type="button"
                    className={n.noteId === note?.noteId && !composing ? 'note on' : 'note'}
                    onClick={() => {
                      setNoteId(n.noteId);
                      setComposing(false);
                    }}
                    data-testid="research-note"
                  >
                    <strong>{n.title}</strong>
                    <span className="muted">
                      {formatDayTime(n.publishedAt)} · {n.author} · sent to {n.deliveries.length}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>
      <section className="panel research-note">
        {composing ? (
          <>
            <div className="panel-head">
              <h2>New research note</h2>
            </div>
            <div className="panel-scroll">
              <PublishResearchForm
                onPublished={(n) => {
                  setNoteId(n.noteId);
                  setComposing(false);
                  reload.next();
                }}
                onCancel={() => setComposing(false)}
              />
            </div>
          </>
        ) : note ? (
          <>
            <div className="panel-head">
              <h2>{note.title}</h2>
              <span className="muted">{note.symbols.join(' ')}</span>
            </div>
            <div className="panel-scroll note-body">
              <p className="strong">{note.summary}</p>
              <p className="pre">{note.body}</p>
              <h3>Received by</h3>
              <ul className="delivery-list" data-testid="research-deliveries">
                {note.deliveries.length === 0 && <li className="muted">Nobody yet.</li>}
                {note.deliveries.map((d) => (
                  <li key={`${d.clientId}/${d.sentAt}`}>
                    {names.get(d.clientId) ?? d.clientId}{' '}
                    <span className="muted">
                      {manyAdvisors ? `(${advisors.get(d.clientId) ?? '?'}) ` : ''}· {formatDayTime(d.sentAt)} by {d.sentBy}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          </>
        ) : (
          <div className="load-state muted">Choose a note.</div>
        )}
      </section>
      <section className="panel research-send">
        <div className="panel-head">
          <h2>
            Send to <span className="muted">{picked.size} chosen</span>
          </h2>
          <button type="button" className="primary" disabled={!note || composing || picked.size === 0 || cmd.status.state === 'sending'} onClick={send} data-testid="research-send">
            Send note
          </button>
        </div>
        <div className="research-pick">
          <input type="search" placeholder="Find clients" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="research-client-search" />
          <CommandStatus status={cmd.status} testId="research-status" />
        </div>
        <ul className="panel-scroll pick-list">
          {shown.map((c) => (
            <li key={c.clientId}>
              <label>
                <input type="checkbox" checked={picked.has(c.clientId)} onChange={() => toggle(c.clientId)} /> {c.name}{' '}
                <span className="muted">
                  {c.clientId}
                  {manyAdvisors ? ` · ${c.advisor}` : ''}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
