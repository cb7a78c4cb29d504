import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import { collarEdgeOnGrid } from '../../../src/core/risk/collarEdge.ts';

const cents = { tickSize: dec('0.01') };
const usEquity = { tickSize: dec('0.01'), tickTable: 'US_EQUITY' as const };

describe('collarEdgeOnGrid', () => {
  it('rounds a high edge down and a low edge up to the tick, and leaves an edge on the grid as it is', () => {
    expect(collarEdgeOnGrid(dec('293.0785'), cents, 'down').toFixed(2)).toBe('293.07');
    expect(collarEdgeOnGrid(dec('239.7915'), cents, 'up').toFixed(2)).toBe('239.80');
    expect(collarEdgeOnGrid(dec('110.00'), cents, 'down').toFixed(2)).toBe('110.00');
    expect(collarEdgeOnGrid(dec('90'), cents, 'up').toFixed(2)).toBe('90.00');
    expect(collarEdgeOnGrid(dec('6600.1'), { tickSize: dec('0.25') }, 'down').toFixed(2)).toBe('6600.00');
  });

  it('takes the tick of the band the edge falls in (sub-dollar stocks trade in 0.0001)', () => {
    expect(collarEdgeOnGrid(dec('0.98765'), usEquity, 'down').toFixed(4)).toBe('0.9876');
    expect(collarEdgeOnGrid(dec('0.99995'), usEquity, 'up').toFixed(4)).toBe('1.0000');
    expect(collarEdgeOnGrid(dec('1.00005'), usEquity, 'down').toFixed(2)).toBe('1.00');
  });
});
