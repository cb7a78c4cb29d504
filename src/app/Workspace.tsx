import { ClientBookWorkspace } from '../clientbook/ClientBookWorkspace.tsx';
import { DeskHeadWorkspace } from '../desk/DeskHeadWorkspace.tsx';
import { HeaderBar } from '../header/HeaderBar.tsx';
import { Toasts } from '../toasts/Toasts.tsx';
import { useSession } from './sessionContext.ts';
import { TraderWorkspace } from './TraderWorkspace.tsx';

/** The header, the panels of the user's role, and the toasts. */
export function Workspace() {
  const { user } = useSession();
  return (
    <div className="app">
      <HeaderBar />
      {user.role === 'trader' && <TraderWorkspace />}
      {user.role === 'advisor' && <ClientBookWorkspace />}
      {user.role === 'deskHead' && <DeskHeadWorkspace />}
      {/* Fills and rejects of the user's orders (a trader's, or an advisor's client orders). A desk head sees every
          trader's orders; a toast for each would drown the alerts feed, which is the desk head's channel. */}
      {user.role !== 'deskHead' && <Toasts />}
    </div>
  );
}
