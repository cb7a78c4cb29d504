import { useSession } from '../app/sessionContext.ts';
import { useObservable } from '../app/useObservable.ts';
import { type ConnectionStatus, STATUS_LABEL } from '../streams/connectionStatus.ts';

/** Green when live, amber while (re)connecting, red when offline: the first thing to check when prices stop. */
function tone(status: ConnectionStatus): 'live' | 'pending' | 'down' {
  if (status === 'online') return 'live';
  if (status === 'offline') return 'down';
  return 'pending';
}

export function ConnectionIndicator() {
  const session = useSession();
  const status = useObservable(session.status$, 'online');
  return (
    <span className={`conn conn-${tone(status)}`} data-testid="connection-status" data-status={status} role="status" aria-live="polite">
      <span className="conn-dot" aria-hidden="true" />
      {STATUS_LABEL[status]}
    </span>
  );
}
