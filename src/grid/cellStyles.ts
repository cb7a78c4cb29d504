import type { Direction } from '../format/numbers.ts';

/** The class that colours a number's text by its direction (see terminal.css). */
export function directionClass(direction: Direction | undefined): string {
  return direction === 'up' ? 'num up' : direction === 'down' ? 'num down' : 'num';
}

/** Flash colour of a ticking cell: the flash itself comes from enableCellChangeFlash. */
export function tickClass(direction: Direction | undefined): string {
  return direction === 'up' ? 'num tick-up' : direction === 'down' ? 'num tick-down' : 'num';
}
