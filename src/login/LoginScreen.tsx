import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { Subscription } from 'rxjs';
import { type Connection, GatewayError, type LoginOk } from '../streams/connection.ts';

type LoginState = { status: 'editing' } | { status: 'submitting' } | { status: 'failed'; message: string };

interface Props {
  connection: Connection;
  notice: string | undefined;
  onLoggedIn(ok: LoginOk): void;
}

export function LoginScreen({ connection, notice, onLoggedIn }: Props) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [state, setState] = useState<LoginState>({ status: 'editing' });
  const pending = useRef<Subscription | null>(null);

  useEffect(() => () => pending.current?.unsubscribe(), []);

  function submit(e: FormEvent): void {
    e.preventDefault();
    // A second Enter while the first login is in flight is ignored rather than racing it.
    if (state.status === 'submitting') return;
    if (username.trim() === '' || password === '') {
      setState({ status: 'failed', message: 'Enter your username and password.' });
      return;
    }
    setState({ status: 'submitting' });
    pending.current = connection.login(username.trim(), password).subscribe({
      next: onLoggedIn,
      error: (err: unknown) =>
        setState({ status: 'failed', message: err instanceof GatewayError || err instanceof Error ? err.message : 'login failed' }),
    });
  }

  const message = state.status === 'failed' ? state.message : notice;
  return (
    <main className="login">
      <form className="login-card" onSubmit={submit} data-testid="login-form">
        <h1>
          Front Office <span>Terminal</span>
        </h1>
        <label>
          Username
          <input
            data-testid="login-username"
            autoFocus
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label>
          Password
          <input
            data-testid="login-password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <button type="submit" data-testid="login-submit" disabled={state.status === 'submitting'}>
          {state.status === 'submitting' ? 'Logging in…' : 'Log in'}
        </button>
        <p className="login-error" role="alert" data-testid="login-error">
          {message ?? ''}
        </p>
      </form>
    </main>
  );
}
