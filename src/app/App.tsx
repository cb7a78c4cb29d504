import { useEffect, useState } from 'react';
import { LoginScreen } from '../login/LoginScreen.tsx';
import type { Connection, LoginOk } from '../streams/connection.ts';
import { type Session, createSession } from '../streams/session.ts';
import { SessionContext } from './sessionContext.ts';
import { Workspace } from './Workspace.tsx';

type Screen = { name: 'login'; notice?: string } | { name: 'workspace'; session: Session };

export function App({ connection }: { connection: Connection }) {
  const [screen, setScreen] = useState<Screen>({ name: 'login' });

  useEffect(() => {
    const sub = connection.sessionEnd$.subscribe((end) =>
      setScreen(end.reason === 'logout' ? { name: 'login' } : { name: 'login', notice: `Session ended: ${end.message}` }),
    );
    return () => sub.unsubscribe();
  }, [connection]);

  if (screen.name === 'login') {
    return (
      <LoginScreen
        connection={connection}
        notice={screen.notice}
        onLoggedIn={(ok: LoginOk) => setScreen({ name: 'workspace', session: createSession(connection, ok) })}
      />
    );
  }
  return (
    <SessionContext.Provider value={screen.session}>
      <Workspace />
    </SessionContext.Provider>
  );
}
