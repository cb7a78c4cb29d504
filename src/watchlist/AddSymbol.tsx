import { type FormEvent, useState } from 'react';
import type { Instrument } from '../core/instrument.ts';

/** A symbol box with the catalog as suggestions; Enter adds, Delete on a row removes. */
export function AddSymbol({ instruments, onAdd }: { instruments: readonly Instrument[]; onAdd(symbol: string): void }) {
  const [text, setText] = useState('');
  const known = new Set(instruments.map((i) => i.symbol));
  function submit(e: FormEvent): void {
    e.preventDefault();
    const symbol = text.trim().toUpperCase();
    if (!known.has(symbol)) return;
    onAdd(symbol);
    setText('');
  }
  return (
    <form className="add-symbol" onSubmit={submit}>
      <input
        aria-label="Add symbol"
        placeholder="Add symbol"
        list="catalog-symbols"
        value={text}
        onChange={(e) => setText(e.target.value)}
        data-testid="watchlist-add"
      />
      <datalist id="catalog-symbols">
        {instruments.map((i) => (
          <option key={i.symbol} value={i.symbol}>
            {i.name}
          </option>
        ))}
      </datalist>
    </form>
  );
}
