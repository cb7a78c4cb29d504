import { type FormEvent, useState } from 'react';
import { useSession } from '../../app/sessionContext.ts';
import {
  CORRESPONDENCE_TEMPLATES,
  type CorrespondenceTemplate,
  INTERACTION_KINDS,
  type InteractionKind,
  SERVICE_REQUEST_KINDS,
  type ServiceRequestKind,
} from '../../core/protocol/clientBook.ts';
import { formatDayTime, localInstant, localIsoDate } from '../bookFormat.ts';
import { CommandStatus } from '../CommandStatus.tsx';
import { useCommand } from '../useCommand.ts';
import { SERVICE_KIND_LABEL } from '../view/viewRows.ts';

const KIND_LABEL: Record<InteractionKind, string> = { call: 'Call', meeting: 'Meeting', email: 'Email', note: 'Note' };

export const TEMPLATE_LABEL: Record<CorrespondenceTemplate, string> = {
  reviewInvitation: 'Review invitation',
  kycRenewal: 'KYC renewal',
  rebalanceNotice: 'Rebalance notice',
  welcome: 'Welcome',
  marketUpdate: 'Market update',
};

function submit(handler: () => void) {
  return (e: FormEvent) => {
    e.preventDefault();
    handler();
  };
}

/** Log a call, meeting, email or note against the client. */
export function LogInteractionForm({ clientId }: { clientId: string }) {
  const { book } = useSession();
  const [kind, setKind] = useState<InteractionKind>('call');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const cmd = useCommand<{ interaction: { kind: string; subject: string } }>();
  const send = () =>
    cmd.run(book.request<'logInteraction'>({ type: 'logInteraction', clientId, kind, subject: subject.trim(), body: body.trim() }), (a) => {
      setSubject('');
      setBody('');
      return `${KIND_LABEL[a.interaction.kind as InteractionKind] ?? a.interaction.kind} logged: ${a.interaction.subject}`;
    });
  return (
    <form className="crm-form" onSubmit={submit(send)} data-testid="log-form">
      <div className="segmented" role="group" aria-label="Kind">
        {INTERACTION_KINDS.map((k) => (
          <button type="button" key={k} className={k === kind ? 'on' : ''} aria-pressed={k === kind} onClick={() => setKind(k)} data-testid={`log-kind-${k}`}>
            {KIND_LABEL[k]}
          </button>
        ))}
      </div>
      <input placeholder="Subject" value={subject} maxLength={200} onChange={(e) => setSubject(e.target.value)} data-testid="log-subject" />
      <textarea placeholder="What was said or agreed" value={body} maxLength={4000} rows={3} onChange={(e) => setBody(e.target.value)} data-testid="log-body" />
      <button type="submit" className="primary" disabled={subject.trim() === '' || cmd.status.state === 'sending'} data-testid="log-submit">
        Log {KIND_LABEL[kind].toLowerCase()}
      </button>
      <CommandStatus status={cmd.status} testId="log-status" />
    </form>
  );
}

function inDays(days: number): string {
  return localIsoDate(Date.now() + days * 86_400_000);
}

/** A follow-up with a due date, for this client or (no client) the advisor's own list. */
export function TaskForm({ clientId }: { clientId?: string }) {
  const { book } = useSession();
  const [title, setTitle] = useState('');
  const [due, setDue] = useState(() => inDays(7));
  const cmd = useCommand<{ task: { title: string; dueDate: string } }>();
  const send = () =>
    cmd.run(book.request<'addTask'>({ type: 'addTask', ...(clientId ? { clientId } : {}), title: title.trim(), dueDate: due }), (a) => {
      setTitle('');
      return `Task added, due ${a.task.dueDate}: ${a.task.title}`;
    });
  return (
    <form className="crm-form" onSubmit={submit(send)} data-testid="task-form">
      <input placeholder="Task" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} data-testid="task-title" />
      <label>
        Due <input type="date" value={due} onChange={(e) => setDue(e.target.value)} data-testid="task-due" />
      </label>
      <button type="submit" className="primary" disabled={title.trim() === '' || due === '' || cmd.status.state === 'sending'} data-testid="task-submit">
        Add task
      </button>
      <CommandStatus status={cmd.status} testId="task-status" />
    </form>
  );
}

/** A meeting in the diary: date and time are the advisor's local time. */
export function AppointmentForm({ clientId }: { clientId: string }) {
  const { book } = useSession();
  const [title, setTitle] = useState('Portfolio review');
  const [date, setDate] = useState(() => inDays(1));
  const [time, setTime] = useState('10:00');
  const [duration, setDuration] = useState('60');
  const [location, setLocation] = useState('Office');
  const cmd = useCommand<{ appointment: { title: string; startsAt: number } }>();
  const startsAt = localInstant(date, time);
  const minutes = Number(duration);
  const valid = title.trim() !== '' && startsAt !== null && Number.isInteger(minutes) && minutes >= 5 && minutes <= 1440;
  const send = () => {
    if (startsAt === null) return;
    cmd.run(
      book.request<'scheduleAppointment'>({ type: 'scheduleAppointment', clientId, title: title.trim(), startsAt, durationMinutes: minutes, location: location.trim() }),
      (a) => `Scheduled ${formatDayTime(a.appointment.startsAt)}: ${a.appointment.title}`,
    );
  };
  return (
    <form className="crm-form" onSubmit={submit(send)} data-testid="appointment-form">
      <input placeholder="Title" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} data-testid="appt-title" />
      <div className="form-row">
        <input type="date" value={date} onChange={(e) => setDate(e.target.value)} data-testid="appt-date" aria-label="Date" />
        <input type="time" value={time} onChange={(e) => setTime(e.target.value)} data-testid="appt-time" aria-label="Time" />
        <label>
          <input className="short" inputMode="numeric" value={duration} onChange={(e) => setDuration(e.target.value)} data-testid="appt-duration" aria-label="Minutes" /> min
        </label>
      </div>
      <input placeholder="Location" value={location} maxLength={200} onChange={(e) => setLocation(e.target.value)} data-testid="appt-location" />
      <button type="submit" className="primary" disabled={!valid || cmd.status.state === 'sending'} data-testid="appt-submit">
        Schedule
      </button>
      <CommandStatus status={cmd.status} testId="appt-status" />
    </form>
  );
}

/** A letter from a template, with an optional personal line; the gateway fills it in and keeps it. */
export function CorrespondenceForm({ clientId }: { clientId: string }) {
  const { book } = useSession();
  const [template, setTemplate] = useState<CorrespondenceTemplate>('reviewInvitation');
  const [note, setNote] = useState('');
  const [sent, setSent] = useState<{ subject: string; body: string } | null>(null);
  const cmd = useCommand<{ correspondence: { subject: string; body: string } }>();
  const send = () =>
    cmd.run(book.request<'sendCorrespondence'>({ type: 'sendCorrespondence', clientId, template, ...(note.trim() ? { note: note.trim() } : {}) }), (a) => {
      setNote('');
      setSent(a.correspondence);
      return `Sent: ${a.correspondence.subject}`;
    });
  return (
    <form className="crm-form" onSubmit={submit(send)} data-testid="letter-form">
      <select value={template} onChange={(e) => setTemplate(e.target.value as CorrespondenceTemplate)} data-testid="letter-template" aria-label="Template">
        {CORRESPONDENCE_TEMPLATES.map((t) => (
          <option key={t} value={t}>
            {TEMPLATE_LABEL[t]}
          </option>
        ))}
      </select>
      <textarea placeholder="Personal note (optional)" value={note} maxLength={2000} rows={2} onChange={(e) => setNote(e.target.value)} data-testid="letter-note" />
      <button type="submit" className="primary" disabled={cmd.status.state === 'sending'} data-testid="letter-submit">
        Send letter
      </button>
      <CommandStatus status={cmd.status} testId="letter-status" />
      {sent && <pre className="letter-preview">{sent.body}</pre>}
    </form>
  );
}

/** A client's request to the back office (an address change, a transfer…), tracked by status. */
export function ServiceRequestForm({ clientId }: { clientId: string }) {
  const { book } = useSession();
  const [kind, setKind] = useState<ServiceRequestKind>('addressChange');
  const [description, setDescription] = useState('');
  const cmd = useCommand<{ request: { requestId: string } }>();
  const send = () =>
    cmd.run(book.request<'createServiceRequest'>({ type: 'createServiceRequest', clientId, kind, description: description.trim() }), (a) => {
      setDescription('');
      return `Request ${a.request.requestId} opened`;
    });
  return (
    <form className="crm-form" onSubmit={submit(send)} data-testid="service-form">
      <select value={kind} onChange={(e) => setKind(e.target.value as ServiceRequestKind)} data-testid="service-kind" aria-label="Kind">
        {SERVICE_REQUEST_KINDS.map((k) => (
          <option key={k} value={k}>
            {SERVICE_KIND_LABEL[k]}
          </option>
        ))}
      </select>
      <textarea placeholder="What the client asks for" value={description} maxLength={2000} rows={2} onChange={(e) => setDescription(e.target.value)} data-testid="service-description" />
      <button type="submit" className="primary" disabled={description.trim() === '' || cmd.status.state === 'sending'} data-testid="service-submit">
        Open request
      </button>
      <CommandStatus status={cmd.status} testId="service-status" />
    </form>
  );
}
