import { dec } from '../../src/core/decimal.ts';
import { type Instrument, priceToTicks, ticksToPrice } from '../../src/core/instrument.ts';
import type { ClientWire } from '../../src/core/protocol.ts';
import { pickInt, seededRandom } from './seededRandom.ts';

const CLIENT_NAMES = [
  'Margaret Ellison',
  'Robert & Jane Okafor',
  'Chen Wei',
  'Priya Raman',
  'The Hollis Family Trust',
  'David Kowalski',
  'Sofia Lindqvist',
  'James Whitaker',
  'Amara Nwosu',
  'Luis Fernández',
  'Helen Park',
  'George Abernathy',
];
const OBJECTIVES = ['Capital preservation', 'Income', 'Balanced', 'Growth', 'Aggressive growth'] as const;
const ACCOUNT_TYPES = ['Individual', 'IRA', 'Joint', 'Roth IRA', 'Trust'] as const;
export const DEMO_ADVISORS = ['advisor1', 'advisor2'] as const;

/**
 * The demo client book: twelve clients, half per advisor, each with one or two
 * USD accounts holding three to six equities or ETFs bought below or above
 * today's reference price. Deterministic for a seed and an instrument list.
 */
export function demoClientBook(seed: number, instruments: readonly Instrument[]): ClientWire[] {
  const rand = seededRandom(seed ^ 0x5eed_b00c);
  const eligible = instruments.filter((i) => (i.assetClass === 'equity' || i.assetClass === 'etf') && i.currency === 'USD');
  let accountNo = 1001;
  return CLIENT_NAMES.map((name, c) => {
    const risk = pickInt(rand, 1, 5);
    const accounts = Array.from({ length: pickInt(rand, 1, 2) }, (_, k) => {
      const accountId = `A-${accountNo++}`;
      const type = ACCOUNT_TYPES[pickInt(rand, 0, ACCOUNT_TYPES.length - 1)]!;
      const pool = [...eligible];
      const holdings = Array.from({ length: Math.min(pool.length, pickInt(rand, 3, 6)) }, () => {
        const inst = pool.splice(pickInt(rand, 0, pool.length - 1), 1)[0]!;
        // Cost between 70% and 120% of the reference price, on the tick grid.
        const costTicks = Math.max(1, Math.round((priceToTicks(inst.referencePrice, inst) * pickInt(rand, 700, 1200)) / 1000));
        return { symbol: inst.symbol, quantity: String(pickInt(rand, 1, 40) * 10), avgCost: ticksToPrice(costTicks, inst).toFixed() };
      });
      holdings.sort((a, b) => a.symbol.localeCompare(b.symbol));
      return {
        accountId,
        name: `${name.split(' ')[0]} ${type}${k > 0 ? ' 2' : ''}`,
        type,
        currency: 'USD',
        cash: dec(pickInt(rand, 50_000, 25_000_000)).div(100).toFixed(2), // cents, drawn as an integer
        holdings,
      };
    });
    return {
      clientId: `C${String(c + 1).padStart(3, '0')}`,
      name,
      advisor: DEMO_ADVISORS[c < CLIENT_NAMES.length / 2 ? 0 : 1],
      riskTolerance: risk,
      objective: OBJECTIVES[risk - 1]!,
      accounts,
    };
  });
}
