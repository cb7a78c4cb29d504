import { useSession } from '../app/sessionContext.ts';
import { ROLE_LABEL } from '../core/users.ts';
import { ConnectionIndicator } from './ConnectionIndicator.tsx';

export function HeaderBar() {
  const session = useSession();
  const { user } = session;
  return (
    <header className="header">
      <div className="brand">
        Front Office <span>Terminal</span>
      </div>
      <div className="header-right">
        <ConnectionIndicator />
        <span className="user" data-testid="header-user">
          <strong>{user.displayName}</strong>
          <span className="muted"> {user.username}</span>
        </span>
        <span className="role" data-testid="header-role">
          {ROLE_LABEL[user.role]}
          {user.desk ? ` · ${user.desk}` : ''}
        </span>
        <button type="button" className="ghost" data-testid="logout" onClick={() => session.logout()}>
          Log out
        </button>
      </div>
    </header>
  );
}
