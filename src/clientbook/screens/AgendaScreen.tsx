import { useMemo, useState } from 'react';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { useSession } from '../../app/sessionContext.ts';
import { useObservable } from '../../app/useObservable.ts';
import type { AppointmentWire, TaskWire } from '../../core/protocol/clientBook.ts';
import { type ClientList, type Loadable, errorText } from '../../streams/clientBook.ts';
import { formatDayTime, formatIsoDate, localIsoDate } from '../bookFormat.ts';
import { CommandStatus } from '../CommandStatus.tsx';
import { TaskForm } from '../crm/CrmForms.tsx';
import { LoadState } from '../LoadState.tsx';
import { useCommand } from '../useCommand.ts';

type Agenda = { appointments: AppointmentWire[]; tasks: TaskWire[] };
const LOADING: Loadable<Agenda> = { state: 'loading' };

/** The day's appointments and the tasks due by then; refreshed when the record changes. */
export function AgendaScreen({ list, onOpenClient }: { list: Loadable<ClientList>; onOpenClient: (clientId: string) => void }) {
  const session = useSession();
  const names = useMemo(() => new Map(list.state === 'ready' ? list.value.clients.map((c) => [c.clientId, c.name]) : []), [list]);
  const [date, setDate] = useState(() => localIsoDate(Date.now()));
  const agenda$ = useMemo(() => {
    const fetch = () =>
      session.book.request<'agenda'>({ type: 'agenda', date, utcOffsetMinutes: -new Date().getTimezoneOffset() }).pipe(
        map((m): Loadable<Agenda> => ({ state: 'ready', value: { appointments: m.appointments, tasks: m.tasks } })),
        catchError((err: unknown) => of<Loadable<Agenda>>({ state: 'error', message: errorText(err) })),
      );
    return session.book.events$.pipe(
      startWith(null),
      switchMap(() => fetch()),
    );
  }, [session, date]);
  const agenda = useObservable(agenda$, LOADING);
  return (
    <section className="panel agenda" data-testid="agenda">
      <div className="panel-head">
        <h2>Agenda for {formatIsoDate(date)}</h2>
        <input type="date" value={date} onChange={(e) => e.target.value && setDate(e.target.value)} aria-label="Day" data-testid="agenda-date" />
      </div>
      <div className="agenda-body">
        {agenda.state !== 'ready' ? (
          <LoadState state={agenda.state} message={agenda.state === 'error' ? agenda.message : undefined} what="the agenda" />
        ) : (
          <>
            <div>
              <h3>Appointments ({agenda.value.appointments.length})</h3>
              <ul className="agenda-list" data-testid="agenda-appointments">
                {agenda.value.appointments.length === 0 && <li className="muted">Nothing in the diary.</li>}
                {[...agenda.value.appointments]
                  .sort((a, b) => a.startsAt - b.startsAt)
                  .map((a) => (
                    <li key={a.appointmentId}>
                      <span className="num strong">{formatDayTime(a.startsAt).slice(-5)}</span>
                      <button type="button" className="link" onClick={() => onOpenClient(a.clientId)}>
                        {a.clientName}
                      </button>
                      <span>{a.title}</span>
                      <span className="muted">
                        {a.durationMinutes} min {a.location && `· ${a.location}`}
                      </span>
                    </li>
                  ))}
              </ul>
            </div>
            <div>
              <h3>Tasks due ({agenda.value.tasks.length})</h3>
              <ul className="agenda-list" data-testid="agenda-tasks">
                {agenda.value.tasks.length === 0 && <li className="muted">No task due.</li>}
                {agenda.value.tasks.map((t) => (
                  <AgendaTask key={t.taskId} task={t} clientName={t.clientId ? (names.get(t.clientId) ?? t.clientId) : ''} onOpenClient={onOpenClient} overdue={t.dueDate < date} />
                ))}
              </ul>
              <h3>New task of your own</h3>
              <TaskForm />
            </div>
          </>
        )}
      </div>
    </section>
  );
}

function AgendaTask({ task, clientName, overdue, onOpenClient }: { task: TaskWire; clientName: string; overdue: boolean; onOpenClient: (clientId: string) => void }) {
  const { book } = useSession();
  const cmd = useCommand<unknown>();
  return (
    <li>
      <button type="button" className="link" disabled={cmd.status.state === 'sending'} onClick={() => cmd.run(book.request<'completeTask'>({ type: 'completeTask', taskId: task.taskId }), () => 'Done')}>
        ✓ Mark done
      </button>
      <span className={overdue ? 'bad' : 'muted'}>{formatIsoDate(task.dueDate)}</span>
      <span>{task.title}</span>
      {task.clientId && (
        <button type="button" className="link" onClick={() => task.clientId && onOpenClient(task.clientId)}>
          {clientName}
        </button>
      )}
      <CommandStatus status={cmd.status} />
    </li>
  );
}
