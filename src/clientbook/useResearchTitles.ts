import { useMemo } from 'react';
import { type Observable, catchError, map, of } from 'rxjs';
import { useSession } from '../app/sessionContext.ts';
import { useObservable } from '../app/useObservable.ts';

const NONE: ReadonlyMap<string, string> = new Map();

/**
 * The titles of the research notes a client received: the client record
 * holds only the note ids of its deliveries, and "Research sent: N-3" tells
 * an advisor nothing. Asked again only when a new note id appears; on a
 * failure the ids stay as they are.
 */
export function useResearchTitles(noteIds: readonly string[]): ReadonlyMap<string, string> {
  const { book } = useSession();
  const key = [...new Set(noteIds)].sort().join(',');
  const titles$ = useMemo(
    (): Observable<ReadonlyMap<string, string>> =>
      key === ''
        ? of(NONE)
        : book.request<'researchNotes'>({ type: 'researchNotes' }).pipe(
            map((m): ReadonlyMap<string, string> => new Map(m.notes.map((n) => [n.noteId, n.title]))),
            catchError(() => of(NONE)),
          ),
    [book, key],
  );
  return useObservable(titles$, NONE);
}
