/**
 * Resting size at a price level, in lots, as a pure function of the symbol's
 * key, the side, the price and the update number: nothing is stored, nothing
 * is drawn from the symbol's stream, so showing depth to a viewer (or to
 * nobody) never changes the quotes. A level keeps its size for eight updates,
 * each price refreshing at its own moment, and a level that moves away from
 * the touch keeps its size until then, as resting orders do.
 */
export const DEPTH_LEVELS = 10;
const REFRESH_EVERY = 8;

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export interface BookSizer {
  /** Lots resting at `priceUnits` on a side (0 bid, 1 ask), `level` places from the touch, at update `seq`. */
  lots(side: 0 | 1, priceUnits: number, level: number, seq: number): number;
}

export function bookSizer(key: number, [minLots, maxLots]: readonly [number, number]): BookSizer {
  const span = maxLots - minLots + 1;
  return {
    lots(side, priceUnits, level, seq) {
      const low = priceUnits >>> 0;
      const high = Math.floor(priceUnits / 4294967296) >>> 0;
      const p = mix(key ^ mix(low ^ Math.imul(high, 0x9e3779b1) ^ (side ? 0x5bd1e995 : 0)));
      const epoch = Math.floor((seq + (p % REFRESH_EVERY)) / REFRESH_EVERY);
      const draw = mix(p ^ Math.imul(epoch + 1, 0x27d4eb2d));
      // Deeper levels hold more: a quarter more per level away from the touch.
      return Math.floor(((minLots + (draw % span)) * (4 + level)) / 4);
    },
  };
}
