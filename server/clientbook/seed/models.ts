import type { Instrument } from '../../../src/core/instrument.ts';

/** A model portfolio as seeded: weights in integer tenths of a percent (per mille) so they sum to 1000 exactly. */
export interface SeedModel {
  modelId: string;
  name: string;
  riskLevel: number;
  cashPerMille: number;
  targets: { symbol: string; perMille: number }[];
}

type Bucket = 'treasuries' | 'credit' | 'broad' | 'international' | 'sectors';

/** Bucket weights per risk level (1..5), percent; with cash they sum to 100. */
const MIX: Record<number, { cash: number } & Record<Bucket, number>> = {
  1: { cash: 5, treasuries: 40, credit: 35, broad: 20, international: 0, sectors: 0 },
  2: { cash: 4, treasuries: 26, credit: 30, broad: 30, international: 10, sectors: 0 },
  3: { cash: 3, treasuries: 15, credit: 16, broad: 34, international: 14, sectors: 18 },
  4: { cash: 2, treasuries: 6, credit: 10, broad: 36, international: 22, sectors: 24 },
  5: { cash: 2, treasuries: 0, credit: 4, broad: 34, international: 24, sectors: 36 },
};
const NAMES = ['Capital Preservation', 'Income', 'Balanced', 'Growth', 'Aggressive Growth'] as const;
/** Sector funds of the equity sleeve; Energy is there so a client's exclusion has something to bite on. */
const SECTOR_SLEEVE = ['Technology', 'Health Care', 'Financials', 'Energy', 'Utilities', 'Real Estate'];

/** The symbols of each bucket, chosen from the catalog's USD ETFs by sector, first by symbol. */
export function modelUniverse(instruments: readonly Instrument[]): Record<Bucket, string[]> {
  const etfs = instruments.filter((i) => i.assetClass === 'etf' && i.currency === 'USD').sort((a, b) => a.symbol.localeCompare(b.symbol));
  const of = (sector: string, n: number, prefer: string[] = []) => {
    const inSector = etfs.filter((i) => i.sector === sector).map((i) => i.symbol);
    const ordered = [...prefer.filter((p) => inSector.includes(p)), ...inSector.filter((s) => !prefer.includes(s))];
    return ordered.slice(0, n);
  };
  return {
    treasuries: of('Treasuries', 2, ['TLT']),
    credit: of('Credit', 2),
    broad: of('Broad Market', 2, ['SPY', 'QQQ']),
    international: of('International', 2),
    sectors: SECTOR_SLEEVE.flatMap((s) => of(s, 1)),
  };
}

export function seedModels(instruments: readonly Instrument[]): SeedModel[] {
  const universe = modelUniverse(instruments);
  return [1, 2, 3, 4, 5].map((risk) => {
    const mix = MIX[risk]!;
    const targets: SeedModel['targets'] = [];
    let cash = mix.cash;
    for (const bucket of ['treasuries', 'credit', 'broad', 'international', 'sectors'] as const) {
      const symbols = universe[bucket];
      if (mix[bucket] === 0) continue;
      if (symbols.length === 0) {
        cash += mix[bucket]; // a catalog without such funds: that sleeve stays in cash
        continue;
      }
      // Tenths of a percent, spread so the sleeve's total is exact.
      const tenths = mix[bucket] * 10;
      symbols.forEach((symbol, k) => {
        const share = Math.floor(tenths / symbols.length) + (k < tenths % symbols.length ? 1 : 0);
        targets.push({ symbol, perMille: share });
      });
    }
    return { modelId: `M-${risk}`, name: NAMES[risk - 1]!, riskLevel: risk, cashPerMille: cash * 10, targets };
  });
}
