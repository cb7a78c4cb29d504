import { useMemo, useState } from 'react';
import { useSession } from '../../app/sessionContext.ts';
import { type ClientDetailWire, SERVICE_REQUEST_STATUSES, type ServiceRequestStatus } from '../../core/protocol/clientBook.ts';
import { formatIsoDate } from '../bookFormat.ts';
import { CommandStatus } from '../CommandStatus.tsx';
import { AppointmentForm, CorrespondenceForm, LogInteractionForm, ServiceRequestForm, TaskForm } from '../crm/CrmForms.tsx';
import { useCommand } from '../useCommand.ts';
import { useResearchTitles } from '../useResearchTitles.ts';
import { SERVICE_KIND_LABEL, SERVICE_STATUS_LABEL, activityItems } from './viewRows.ts';

const ACTIONS = [
  ['log', 'Log'],
  ['task', 'Task'],
  ['appointment', 'Appointment'],
  ['letter', 'Letter'],
  ['service', 'Request'],
] as const;
type Action = (typeof ACTIONS)[number][0];

const KIND_ICON: Record<string, string> = {
  call: '☎',
  meeting: '◉',
  email: '✉',
  note: '✎',
  task: '☐',
  appointment: '◷',
  letter: '✉',
  service: '⚑',
  research: '❡',
  override: '⚠',
};

/** The client record: the actions an advisor takes, open tasks and requests, and everything that happened, newest first. */
export function ActivityTab({ detail }: { detail: ClientDetailWire }) {
  const clientId = detail.profile.clientId;
  const [action, setAction] = useState<Action>('log');
  const [filter, setFilter] = useState('');
  const titles = useResearchTitles(detail.research.map((r) => r.noteId));
  const items = useMemo(() => activityItems(detail, (noteId) => titles.get(noteId) ?? noteId), [detail, titles]);
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return q === '' ? items : items.filter((i) => `${i.title} ${i.detail} ${i.by} ${i.kind}`.toLowerCase().includes(q));
  }, [items, filter]);
  const openTasks = detail.tasks.filter((t) => !t.done);
  const openRequests = detail.serviceRequests.filter((r) => r.status === 'open' || r.status === 'inProgress');
  return (
    <div className="activity">
      <div className="activity-actions">
        <div className="tabs small" role="tablist">
          {ACTIONS.map(([key, label]) => (
            <button type="button" role="tab" key={key} aria-selected={key === action} className={key === action ? 'on' : ''} onClick={() => setAction(key)} data-testid={`crm-${key}`}>
              {label}
            </button>
          ))}
        </div>
        {action === 'log' && <LogInteractionForm key={clientId} clientId={clientId} />}
        {action === 'task' && <TaskForm key={clientId} clientId={clientId} />}
        {action === 'appointment' && <AppointmentForm key={clientId} clientId={clientId} />}
        {action === 'letter' && <CorrespondenceForm key={clientId} clientId={clientId} />}
        {action === 'service' && <ServiceRequestForm key={clientId} clientId={clientId} />}
        <h4>Open tasks ({openTasks.length})</h4>
        <ul className="open-list" data-testid="open-tasks">
          {openTasks.length === 0 && <li className="muted">None</li>}
          {openTasks.map((t) => (
            <OpenTask key={t.taskId} taskId={t.taskId} title={t.title} due={t.dueDate} />
          ))}
        </ul>
        <h4>Service requests ({openRequests.length} open)</h4>
        <ul className="open-list" data-testid="service-requests">
          {detail.serviceRequests.length === 0 && <li className="muted">None</li>}
          {detail.serviceRequests.map((r) => (
            <ServiceRequestLine key={r.requestId} requestId={r.requestId} kind={r.kind} description={r.description} status={r.status} />
          ))}
        </ul>
      </div>
      <div className="activity-feed">
        <div className="feed-head">
          <input type="search" placeholder="Search this client's record" value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="activity-search" />
          <span className="muted">{shown.length} entries</span>
        </div>
        <ol className="feed" data-testid="activity-feed">
          {shown.map((i) => (
            <li key={i.key} className={`feed-item kind-${i.kind}`} data-testid="activity-item" data-kind={i.kind}>
              <span className="feed-icon" aria-hidden="true">
                {KIND_ICON[i.kind] ?? '·'}
              </span>
              <div>
                <div className="feed-title">
                  <strong>{i.title}</strong>
                  <span className="muted">
                    {i.when} · {i.by}
                  </span>
                </div>
                {i.detail && <div className="feed-detail">{i.detail}</div>}
              </div>
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}

function OpenTask({ taskId, title, due }: { taskId: string; title: string; due: string }) {
  const { book } = useSession();
  const cmd = useCommand<unknown>();
  return (
    <li>
      <button type="button" className="link" disabled={cmd.status.state === 'sending'} onClick={() => cmd.run(book.request<'completeTask'>({ type: 'completeTask', taskId }), () => 'Done')}>
        ✓ Mark done
      </button>{' '}
      {title} <span className="muted">due {formatIsoDate(due)}</span>
      <CommandStatus status={cmd.status} />
    </li>
  );
}

function ServiceRequestLine({ requestId, kind, description, status }: { requestId: string; kind: string; description: string; status: ServiceRequestStatus }) {
  const { book } = useSession();
  const cmd = useCommand<unknown>();
  return (
    <li>
      <select
        value={status}
        aria-label={`Status of ${requestId}`}
        disabled={cmd.status.state === 'sending'}
        onChange={(e) => cmd.run(book.request<'updateServiceRequest'>({ type: 'updateServiceRequest', requestId, status: e.target.value as ServiceRequestStatus }), () => 'Saved')}
      >
        {SERVICE_REQUEST_STATUSES.map((s) => (
          <option key={s} value={s}>
            {SERVICE_STATUS_LABEL[s]}
          </option>
        ))}
      </select>{' '}
      <strong>{SERVICE_KIND_LABEL[kind] ?? kind}</strong> <span className="muted">{description}</span>
      <CommandStatus status={cmd.status} />
    </li>
  );
}
