import { ClientBookWorkspace } from '../clientbook/ClientBookWorkspace.tsx';
import { DeskWorkspace } from '../desk/DeskWorkspace.tsx';
import { HeaderBar } from '../header/HeaderBar.tsx';
import { useSession } from './sessionContext.ts';
import { TraderWorkspace } from './TraderWorkspace.tsx';

/** The header and the panels of the user's role. */
export function Workspace() {
  const { user } = useSession();
  return (
    <div className="app">
      <HeaderBar />
      {user.role === 'trader' && <TraderWorkspace />}
      {user.role === 'advisor' && <ClientBookWorkspace />}
      {user.role === 'deskHead' && <DeskWorkspace />}
    </div>
  );
}
