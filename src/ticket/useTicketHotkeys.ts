import { type RefObject, useEffect } from 'react';

export interface TicketHotkeys {
  buy(): void;
  sell(): void;
  /** Enter outside a field: send the ticket as it stands (the form's own Enter does this inside a field). */
  send(): void;
  /** Escape: back out of a confirmation or a held order, else clear the ticket. */
  escape(): void;
}

export type HotkeyAction = keyof TicketHotkeys;

/**
 * Where a key was pressed, as far as the hotkeys care: in a text field
 * (letters are text there), on a button or link (Enter presses it), in a
 * dialog (it owns its keys), on the ticket or the bare page (hotkeys apply),
 * or in another panel (only F1/F2 reach through).
 */
export type KeyPlace = 'field' | 'control' | 'dialog' | 'ticket' | 'page' | 'elsewhere';

export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}

/**
 * The hotkey table: F1/F2 pick the side from anywhere (and keep the
 * browser's own F1 help away); B and S do too, but never while a field takes
 * text; Enter sends and Escape clears from the ticket or the bare page.
 */
export function hotkeyFor(press: KeyPress, place: KeyPlace): HotkeyAction | undefined {
  if (place === 'dialog' || press.ctrlKey || press.altKey || press.metaKey) return undefined;
  if (press.key === 'F1') return 'buy';
  if (press.key === 'F2') return 'sell';
  if (place === 'elsewhere') return undefined;
  if (press.key === 'Escape') return 'escape';
  if (place === 'field') return undefined;
  if (press.key === 'b' || press.key === 'B') return 'buy';
  if (press.key === 's' || press.key === 'S') return 'sell';
  // On a button Enter presses that button; only on the ticket's background or the bare page does it send.
  if (press.key === 'Enter' && place !== 'control') return 'send';
  return undefined;
}

/** Classifies the element a key went to. */
export function placeOf(target: EventTarget | null, ticket: HTMLElement | null): KeyPlace {
  if (!(target instanceof HTMLElement) || target === document.body || target === document.documentElement) return 'page';
  if (target.closest('[role=dialog]')) return 'dialog';
  const inTicket = ticket?.contains(target) ?? false;
  const tag = target.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable) return inTicket ? 'field' : 'elsewhere';
  if (tag === 'BUTTON' || tag === 'A') return inTicket ? 'control' : 'elsewhere';
  return inTicket ? 'ticket' : 'elsewhere';
}

export function useTicketHotkeys(keys: TicketHotkeys, ticket: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    function onKey(e: KeyboardEvent): void {
      if (e.defaultPrevented || e.repeat) return;
      const action = hotkeyFor(e, placeOf(e.target, ticket.current));
      if (!action) return;
      e.preventDefault();
      keys[action]();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keys, ticket]);
}
