import { type Decimal, ZERO, toWire } from '../../src/core/decimal.ts';

/**
 * `toWire` for the order path's reports and journal lines, remembering recent
 * answers. An order's decimals are few distinct values written again and
 * again (its quantity and limit price in each of its events, its cumQty equal
 * to its quantity once filled, the same lot sizes and prices across orders),
 * and decimal.js makes the text anew each time (~0.1 µs and three or four
 * small strings). Here a value's text is found by the value itself: its sign,
 * exponent and digit words (decimal.js's documented `s`, `e`, `d`, which
 * are all `toFixed()` reads), so an equal value from another instance finds it
 * too.
 *
 * Direct-mapped (a value's slot is its hash; a newcomer takes the slot), so it
 * is bounded by construction; a value seen once costs a hash more than
 * `toWire`.
 */
export const DECIMAL_TEXT_SLOTS = 2048;

export interface DecimalTexts {
  textOf(d: Decimal): string;
}

export function createDecimalTexts(slots: number = DECIMAL_TEXT_SLOTS): DecimalTexts {
  if (!Number.isInteger(Math.log2(slots))) throw new Error(`slots must be a power of two, not ${slots}`);
  const mask = slots - 1;
  const values: (Decimal | undefined)[] = new Array<Decimal | undefined>(slots).fill(undefined);
  const texts: string[] = new Array<string>(slots).fill('');

  function textOf(d: Decimal): string {
    if (d === ZERO) return '0';
    const words = d.d as number[] | null;
    // NaN and ±Infinity have no digit words (never an order's value; toWire says what they are).
    if (words === null) return toWire(d);
    const n = words.length;
    let h = Math.imul(d.e, 31) + d.s;
    for (let i = 0; i < n; i++) h = (Math.imul(h, 31) + words[i]!) | 0;
    const slot = h & mask;
    const known = values[slot];
    if (known === d) return texts[slot]!;
    if (known !== undefined && known.e === d.e && known.s === d.s) {
      const kw = known.d;
      if (kw.length === n) {
        let i = 0;
        while (i < n && kw[i] === words[i]) i++;
        if (i === n) return texts[slot]!;
      }
    }
    const text = toWire(d);
    values[slot] = d;
    texts[slot] = text;
    return text;
  }

  return { textOf };
}

const shared = createDecimalTexts();

/** toWire(d), from the process's shared memory of recent values. */
export function decimalText(d: Decimal): string {
  return shared.textOf(d);
}
