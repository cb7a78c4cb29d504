import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Instrument } from '../core/instrument.ts';
import { moveHighlight, searchInstruments } from './searchInstruments.ts';

interface Props {
  instruments: readonly Instrument[];
  /** A symbol was chosen (click or Enter). */
  onPick(symbol: string): void;
  placeholder?: string;
}

/**
 * Symbol search as the trader types: symbol, then name. ↑↓ move, Enter picks
 * (the highlighted row, else the best match), Esc clears. Ctrl+K or "/"
 * anywhere outside a text box focuses it.
 */
export function SymbolSearch({ instruments, onPick, placeholder = 'Search symbol or name  (Ctrl+K)' }: Props) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [highlight, setHighlight] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const hits = useMemo(() => searchInstruments(instruments, text), [instruments, text]);

  useEffect(() => {
    function focusKey(e: globalThis.KeyboardEvent): void {
      const target = e.target as HTMLElement | null;
      const typing = target?.tagName === 'INPUT' || target?.tagName === 'TEXTAREA' || target?.tagName === 'SELECT';
      if ((e.key === 'k' && (e.ctrlKey || e.metaKey)) || (e.key === '/' && !typing)) {
        e.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    }
    window.addEventListener('keydown', focusKey);
    return () => window.removeEventListener('keydown', focusKey);
  }, []);

  function pick(symbol: string): void {
    onPick(symbol);
    setText('');
    setOpen(false);
    setHighlight(-1);
  }

  function onKey(e: KeyboardEvent<HTMLInputElement>): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      setHighlight((h) => moveHighlight(h, hits.length, e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const chosen = hits[highlight] ?? hits[0];
      if (chosen) pick(chosen.symbol);
    } else if (e.key === 'Escape') {
      setText('');
      setOpen(false);
      setHighlight(-1);
    }
  }

  const shown = open && hits.length > 0;
  return (
    <div className="symbol-search" data-testid="symbol-search">
      <input
        ref={input}
        type="search"
        role="combobox"
        aria-label="Search symbols"
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown && highlight >= 0 ? `${listId}-${highlight}` : undefined}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setHighlight(-1);
        }}
        onFocus={() => setOpen(true)}
        // A click on a result lands before the blur closes the list (mousedown below).
        onBlur={() => setOpen(false)}
        onKeyDown={onKey}
        data-testid="symbol-search-input"
      />
      {open && hits.length === 0 && text.trim() !== '' && (
        // Say so rather than show nothing: an empty list looks like a search still running.
        <p className="search-results search-none muted" role="status" data-testid="symbol-search-none">
          No symbol or name matches “{text.trim()}”
        </p>
      )}
      {shown && (
        <ul className="search-results" role="listbox" id={listId} data-testid="symbol-search-results">
          {hits.map((i, n) => (
            <li
              key={i.symbol}
              id={`${listId}-${n}`}
              role="option"
              aria-selected={n === highlight}
              className={n === highlight ? 'on' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(i.symbol);
              }}
              onMouseEnter={() => setHighlight(n)}
              data-testid={`search-hit-${i.symbol}`}
            >
              <span className="sym">{i.symbol}</span>
              <span className="name">{i.name}</span>
              <span className="muted">
                {i.assetClass} · {i.currency}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
