import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.ts';
import { priceToUnits } from '../../../src/core/tickLadder.ts';
import { instrumentProfile } from '../../../server/marketdata/instrumentProfile.ts';
import { loadInstruments } from '../../../server/marketdata/loadInstruments.ts';
import { SymbolWalk } from '../../../server/marketdata/symbolWalk.ts';

// The walk keeps the strings it made (prices, sizes, change and change % per last price): every
// quote must still read what formatting afresh gives, across trades, venue prints and a new
// session (a new previous close, so every remembered change is stale).

const catalog = loadInstruments().all();
const picked = [catalog.find((i) => i.tickTable !== undefined) ?? catalog[0]!, catalog[1]!, catalog.find((i) => i.assetClass !== 'equity') ?? catalog[2]!];

describe('the walk’s kept strings', () => {
  for (const instrument of picked) {
    it(`${instrument.symbol}: every quote reads as freshly formatted, across a new session`, () => {
      const walk = new SymbolWalk(instrument, instrumentProfile(instrument, 5), 5, 0.25, 0, 'open');
      const fmt = walk.fmt;
      const units = (p: string) => priceToUnits(walk.ladder, dec(p));
      let prevClose = walk.quote.prevClose;
      let sessions = 0;
      for (let k = 0; k < 3000; k++) {
        let q = walk.advance(k, 1).quote;
        if (k % 97 === 0) q = walk.applyVenueTrade(units(q.ask), 3, 'buy', undefined, undefined, k).quote;
        if (k % 500 === 499) {
          walk.changeSession('closed', k);
          q = walk.changeSession('open', k).quote;
          sessions += 1;
          expect(q.prevClose).not.toBe(prevClose);
          prevClose = q.prevClose;
        }
        expect(q.change).toBe(fmt.change(units(q.last), units(q.prevClose)));
        expect(q.changePct).toBe(fmt.changePct(units(q.last), units(q.prevClose)));
        expect(q.last).toBe(fmt.price(units(q.last)));
        expect(q.bid).toBe(fmt.price(units(q.bid)));
        expect(q.ask).toBe(fmt.price(units(q.ask)));
      }
      expect(sessions).toBe(6);
    });
  }
});
