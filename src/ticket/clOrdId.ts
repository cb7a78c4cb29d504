/**
 * Client order ids unique for this user across page loads: the user, the
 * time the page started (base 36) and a counter. Only letters, digits and
 * the separators the protocol allows.
 */
export function clOrdIdGenerator(username: string, startedAt: number = Date.now()): () => string {
  const prefix = `${username.replace(/[^A-Za-z0-9]/g, '')}-${startedAt.toString(36)}`;
  let n = 0;
  return () => `${prefix}-${++n}`;
}

const perUser = new Map<string, () => string>();

/**
 * One generator per user for this page: the ticket and the amend dialog
 * draw from the same counter, so two of them opened in the same millisecond
 * can never make the same id.
 */
export function sessionClOrdId(username: string): () => string {
  let next = perUser.get(username);
  if (!next) {
    next = clOrdIdGenerator(username);
    perUser.set(username, next);
  }
  return next;
}
