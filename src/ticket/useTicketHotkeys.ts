import { useEffect } from 'react';

export interface TicketHotkeys {
  buy(): void;
  sell(): void;
}

/**
 * F1 and F2 pick the side from anywhere in the workspace (and keep the
 * browser's own F1 help away); Enter and Escape belong to the form itself.
 */
export function useTicketHotkeys(keys: TicketHotkeys): void {
  useEffect(() => {
    function onKey(e: KeyboardEvent): void {
      if (e.key === 'F1') {
        e.preventDefault();
        keys.buy();
      } else if (e.key === 'F2') {
        e.preventDefault();
        keys.sell();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keys]);
}
