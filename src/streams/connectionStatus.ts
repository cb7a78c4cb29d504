/**
 * Where the one gateway connection stands. `connected` means the socket is
 * open but nobody is logged in on it; `online` means logged in and usable.
 */
export type ConnectionStatus = 'connecting' | 'connected' | 'authenticating' | 'online' | 'reconnecting' | 'offline';

export const STATUS_LABEL: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  authenticating: 'Logging in…',
  online: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};
