/** The body of a panel while its data is loading or failed to load. */
export function LoadState({ state, message, what }: { state: 'loading' | 'error'; message?: string; what: string }) {
  return state === 'loading' ? (
    <div className="load-state muted" data-testid="loading" aria-busy="true">
      <span className="spinner" /> Loading {what}…
    </div>
  ) : (
    <div className="load-state bad" data-testid="load-error" role="alert">
      Could not load {what}: {message}
    </div>
  );
}
