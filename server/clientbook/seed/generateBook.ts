/**
 * The demo client book: households of clients across several advisors, each
 * account opened one to three years ago on its model, then lived day by day:
 * deposits, withdrawals, quarterly dividends and fees, occasional trades, and
 * a close-of-day valuation every business day. Deterministic for a seed, an
 * instrument list and the day it is generated on.
 *
 * Money here is integer cents and quantities whole units (plain numbers are
 * exact integers far below 2^53); the store turns them into decimals.
 */
import type { Instrument } from '../../../src/core/instrument.ts';
import { mulberry32, type Rng } from '../../marketdata/prng.ts';
import { closesInCents, weekdays } from './priceHistory.ts';
import { type SeedModel, seedModels } from './models.ts';

export const SEED_ADVISORS = ['advisor1', 'advisor2', 'advisor3', 'advisor4'] as const;
export const MIN_CLIENTS = 220;

export interface SeedHousehold {
  householdId: string;
  name: string;
  advisor: string;
}
export interface SeedClient {
  clientId: string;
  householdId: string;
  name: string;
  advisor: string;
  email: string;
  phone: string;
  address: string;
  dateOfBirth: number;
  serviceTier: 'standard' | 'premier' | 'private';
  riskTolerance: number;
  objective: string;
  horizonYears: number;
  kycExpiresOn: number;
  reviewFrequencyMonths: number;
  lastReviewDate: number;
  excludedSectors: string[];
  /** Per mille of the account (200 = 20 %). */
  concentrationPerMille: number;
}
export interface SeedHolding {
  symbol: string;
  quantity: number;
  /** Total cost in cents, for the average cost. */
  costCents: number;
}
export interface SeedAccount {
  accountId: string;
  clientId: string;
  name: string;
  type: string;
  modelId: string;
  /** Index into the calendar of the day it opened. */
  startIndex: number;
  /** Close-of-day value in cents (the day's flow included), from startIndex to the last calendar day. */
  values: number[];
  /** External flow of each of those days in cents: + deposit, − withdrawal. */
  flows: number[];
  cashCents: number;
  holdings: SeedHolding[];
}
export interface SeedTransaction {
  accountId: string;
  day: number;
  kind: 'buy' | 'sell' | 'deposit' | 'withdrawal' | 'dividend' | 'fee';
  symbol: string | null;
  quantity: number | null;
  priceCents: number | null;
  amountCents: number;
  description: string;
}
export interface SeedInteraction {
  clientId: string;
  kind: 'call' | 'meeting' | 'email' | 'note';
  subject: string;
  body: string;
  author: string;
  at: number;
}
export interface SeedTask {
  clientId: string;
  owner: string;
  title: string;
  dueDay: number;
  createdAt: number;
}
export interface SeedAppointment {
  clientId: string;
  owner: string;
  title: string;
  location: string;
  startsAt: number;
  durationMinutes: number;
}
export interface SeedBook {
  /** The day generated on (UTC day number); history runs to the weekday before it. */
  asOfDay: number;
  calendar: number[];
  /** Closes in cents per symbol over the calendar. */
  closes: Map<string, number[]>;
  models: SeedModel[];
  households: SeedHousehold[];
  clients: SeedClient[];
  accounts: SeedAccount[];
  transactions: SeedTransaction[];
  interactions: SeedInteraction[];
  tasks: SeedTask[];
  appointments: SeedAppointment[];
}

const FIRST = ['Margaret', 'Robert', 'Jane', 'Wei', 'Priya', 'David', 'Sofia', 'James', 'Amara', 'Luis', 'Helen', 'George', 'Olivia', 'Noah', 'Emma', 'Liam', 'Ava', 'Lucas', 'Mia', 'Ethan', 'Chloe', 'Omar', 'Yuki', 'Ingrid', 'Mateo', 'Fatima', 'Hiro', 'Anya', 'Kofi', 'Elena'];
const LAST = ['Ellison', 'Okafor', 'Chen', 'Raman', 'Hollis', 'Kowalski', 'Lindqvist', 'Whitaker', 'Nwosu', 'Fernández', 'Park', 'Abernathy', 'Moreau', 'Schmidt', 'Tanaka', 'Rossi', 'Haddad', 'Novak', 'Byrne', 'Silva', 'Mensah', 'Larsen', 'Petrov', 'Duarte', 'Ibrahim', 'Walsh', 'Kim', 'Fischer', 'Banerjee', 'Costa'];
const STREETS = ['Elm St', 'Oak Ave', 'Maple Dr', 'Harbor Rd', 'Cedar Ln', 'Park Pl', 'River Way', 'Hillcrest Blvd'];
const CITIES = ['Springfield', 'Riverton', 'Lakeside', 'Fairview', 'Greenwood', 'Brookfield'];
const OBJECTIVES = ['Capital preservation', 'Income', 'Balanced', 'Growth', 'Aggressive growth'] as const;
const ACCOUNT_TYPES = ['Individual', 'IRA', 'Joint', 'Roth IRA', 'Trust'] as const;
const SUBJECTS = ['Quarterly check-in', 'Market volatility call', 'Retirement planning', 'Tax-loss harvesting', 'Beneficiary update', 'Portfolio review'];
const MS_PER_DAY = 86_400_000;

function pick<T>(rand: Rng, xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)]!;
}
function between(rand: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo + 1));
}

interface Living {
  acct: SeedAccount;
  cash: number;
  holdings: Map<string, SeedHolding>;
  model: SeedModel;
  /** Keeps to its model at each quarter; the others drift. */
  disciplined: boolean;
}

export interface GenerateOptions {
  seed: number;
  instruments: readonly Instrument[];
  /** Epoch ms of "now": the book's history ends the weekday before this day. */
  now: number;
}

export function generateBook(opts: GenerateOptions): SeedBook {
  const rand = mulberry32((opts.seed ^ 0x5eed_b00c) >>> 0);
  const asOfDay = Math.floor(opts.now / MS_PER_DAY);
  const calendar = weekdays(asOfDay - 3 * 366, asOfDay - 1);
  const bySymbol = new Map(opts.instruments.map((i) => [i.symbol, i]));
  const models = seedModels(opts.instruments);
  // Legacy single stocks some clients brought with them (lot 100): drift and concentration to talk about.
  const legacy = opts.instruments
    .filter((i) => i.assetClass === 'equity' && i.currency === 'USD')
    .sort((a, b) => a.symbol.localeCompare(b.symbol))
    .slice(0, 40);
  const symbols = new Set([...models.flatMap((m) => m.targets.map((t) => t.symbol)), ...legacy.map((i) => i.symbol)]);
  const closes = new Map<string, number[]>();
  for (const s of [...symbols].sort()) closes.set(s, closesInCents(opts.seed, bySymbol.get(s)!, calendar.length));
  const price = (symbol: string, i: number) => closes.get(symbol)![i]!;

  const households: SeedHousehold[] = [];
  const clients: SeedClient[] = [];
  const living: Living[] = [];
  const transactions: SeedTransaction[] = [];
  const interactions: SeedInteraction[] = [];
  const tasks: SeedTask[] = [];
  const appointments: SeedAppointment[] = [];
  let accountNo = 10001;

  for (let h = 0; clients.length < MIN_CLIENTS; h++) {
    const householdId = `H${String(h + 1).padStart(4, '0')}`;
    const last = LAST[h % LAST.length]!;
    const advisor = SEED_ADVISORS[h % SEED_ADVISORS.length]!;
    households.push({ householdId, name: `${last} household${h >= LAST.length ? ` ${Math.floor(h / LAST.length) + 1}` : ''}`, advisor });
    const members = between(rand, 1, 3);
    const address = `${between(rand, 1, 250)} ${pick(rand, STREETS)}, ${pick(rand, CITIES)}`;
    const tier = pick(rand, ['standard', 'standard', 'premier', 'private'] as const);
    for (let m = 0; m < members; m++) {
      const clientId = `C${String(clients.length + 1).padStart(4, '0')}`;
      const first = FIRST[(h * 7 + m * 11) % FIRST.length]!;
      const risk = between(rand, 1, 5);
      const excluded = rand() < 0.2 ? ['Energy'] : rand() < 0.1 ? ['Energy', 'Financials'] : [];
      const freq = pick(rand, [6, 12, 12]);
      const client: SeedClient = {
        clientId,
        householdId,
        name: `${first} ${last}`,
        advisor,
        email: `${first.toLowerCase()}.${last.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}${h}@example.com`,
        phone: `+1 555 ${String(between(rand, 100, 999))} ${String(between(rand, 1000, 9999))}`,
        address,
        dateOfBirth: asOfDay - between(rand, 25 * 365, 85 * 365),
        serviceTier: tier,
        riskTolerance: risk,
        objective: OBJECTIVES[risk - 1]!,
        horizonYears: between(rand, 3, 25),
        // Some expired, some due within two months, most valid.
        kycExpiresOn: asOfDay + between(rand, -120, 900),
        reviewFrequencyMonths: freq,
        lastReviewDate: asOfDay - between(rand, 10, freq * 30 + 120),
        excludedSectors: excluded,
        concentrationPerMille: pick(rand, [150, 200, 250]),
      };
      clients.push(client);
      const nAccounts = between(rand, 1, 2);
      for (let k = 0; k < nAccounts; k++) {
        const type = pick(rand, ACCOUNT_TYPES);
        // A client may hold one account a notch more careful than their tolerance (an IRA on income, say).
        const model = models[Math.max(0, Math.min(4, risk - 1 - (k > 0 && rand() < 0.5 ? 1 : 0)))]!;
        const startIndex = between(rand, 0, calendar.length - 260); // at least a year of history
        const acct: SeedAccount = {
          accountId: `A-${accountNo++}`,
          clientId,
          name: `${first} ${type}`,
          type,
          modelId: model.modelId,
          startIndex,
          values: [],
          flows: [],
          cashCents: 0,
          holdings: [],
        };
        living.push({ acct, cash: 0, holdings: new Map(), model, disciplined: rand() < 0.6 });
      }
      // The client record: a few past contacts, open tasks, and appointments ahead (some today).
      for (let n = between(rand, 0, 4); n > 0; n--) {
        interactions.push({
          clientId,
          kind: pick(rand, ['call', 'meeting', 'email', 'note'] as const),
          subject: pick(rand, SUBJECTS),
          body: `Discussed ${pick(rand, ['performance', 'cash needs', 'risk profile', 'upcoming expenses', 'tax situation'])}.`,
          author: advisor,
          at: (asOfDay - between(rand, 1, 200)) * MS_PER_DAY + between(rand, 9, 17) * 3_600_000,
        });
      }
      for (let n = between(rand, 0, 2); n > 0; n--) {
        tasks.push({
          clientId,
          owner: advisor,
          title: pick(rand, ['Send updated IPS', 'Collect KYC documents', 'Prepare review pack', 'Follow up on transfer', 'Confirm beneficiary']),
          dueDay: asOfDay + between(rand, -10, 30),
          createdAt: (asOfDay - between(rand, 5, 60)) * MS_PER_DAY,
        });
      }
      if (rand() < 0.3) {
        appointments.push({
          clientId,
          owner: advisor,
          title: pick(rand, ['Annual review', 'Portfolio review', 'Planning meeting']),
          location: pick(rand, ['Office', 'Phone', 'Video call', 'Client home']),
          startsAt: (asOfDay + between(rand, 0, 30)) * MS_PER_DAY + between(rand, 9, 16) * 3_600_000,
          durationMinutes: pick(rand, [30, 45, 60]),
        });
      }
    }
  }

  const tx = (l: Living, i: number, t: Omit<SeedTransaction, 'accountId' | 'day'>) =>
    transactions.push({ accountId: l.acct.accountId, day: calendar[i]!, ...t });
  const marketValue = (l: Living, i: number) => {
    let v = 0;
    for (const h of l.holdings.values()) v += h.quantity * price(h.symbol, i);
    return v;
  };
  const buy = (l: Living, i: number, symbol: string, quantity: number) => {
    if (quantity <= 0) return;
    const p = price(symbol, i);
    const h = l.holdings.get(symbol) ?? { symbol, quantity: 0, costCents: 0 };
    h.quantity += quantity;
    h.costCents += quantity * p;
    l.holdings.set(symbol, h);
    l.cash -= quantity * p;
    tx(l, i, { kind: 'buy', symbol, quantity, priceCents: p, amountCents: -quantity * p, description: `Bought ${quantity} ${symbol}` });
  };
  const sell = (l: Living, i: number, symbol: string, quantity: number) => {
    const h = l.holdings.get(symbol);
    if (!h || quantity <= 0) return;
    const q = Math.min(quantity, h.quantity);
    const p = price(symbol, i);
    // Average cost: the cost leaves in proportion to the quantity sold (floored to whole cents).
    h.costCents -= Number((BigInt(h.costCents) * BigInt(q)) / BigInt(h.quantity)); // BigInt: the product can pass 2^53
    h.quantity -= q;
    if (h.quantity === 0) l.holdings.delete(symbol);
    l.cash += q * p;
    tx(l, i, { kind: 'sell', symbol, quantity: q, priceCents: p, amountCents: q * p, description: `Sold ${q} ${symbol}` });
  };
  /** Buys each model weight out of the cash the account has (units: whole shares of funds). */
  const invest = (l: Living, i: number, budget: number) => {
    for (const t of l.model.targets) {
      const p = price(t.symbol, i);
      const q = Math.floor((budget * t.perMille) / 1000 / p);
      if (q > 0 && q * p <= l.cash) buy(l, i, t.symbol, q);
    }
  };

  /** Sells enough of the largest holding that cash covers `amount` (a fee or a withdrawal). */
  const raiseCash = (l: Living, i: number, amount: number) => {
    const biggest = [...l.holdings.values()].sort((a, b) => b.quantity * price(b.symbol, i) - a.quantity * price(a.symbol, i) || a.symbol.localeCompare(b.symbol))[0];
    if (biggest) sell(l, i, biggest.symbol, Math.ceil((amount - l.cash) / price(biggest.symbol, i)));
  };
  /** Puts spare cash (over 1 % of the account) into the two holdings furthest under their model weight. */
  const topUp = (l: Living, i: number) => {
    const total = marketValue(l, i) + l.cash;
    if (l.cash * 100 <= total) return;
    const under = l.model.targets
      .map((t) => ({ t, gap: (t.perMille * total) / 1000 - (l.holdings.get(t.symbol)?.quantity ?? 0) * price(t.symbol, i) }))
      .filter((x) => x.gap > 0)
      .sort((a, b) => b.gap - a.gap || a.t.symbol.localeCompare(b.t.symbol))
      .slice(0, 2);
    for (const { t, gap } of under) {
      const p = price(t.symbol, i);
      const q = Math.floor(Math.min(gap, l.cash) / p);
      if (q > 0) buy(l, i, t.symbol, q);
    }
  };

  for (const l of living) {
    const r = mulberry32((opts.seed * 31 + Number(l.acct.accountId.slice(2))) >>> 0);
    const last = calendar.length - 1;
    for (let i = l.acct.startIndex; i <= last; i++) {
      let flow = 0;
      const sinceStart = i - l.acct.startIndex;
      if (sinceStart === 0) {
        const deposit = between(r, 500, 30_000) * 10_000; // $5,000 … $300,000 in $100 steps, cents
        const scaled = deposit * (r() < 0.15 ? 10 : 1); // some large relationships
        l.cash += scaled;
        flow += scaled;
        tx(l, i, { kind: 'deposit', symbol: null, quantity: null, priceCents: null, amountCents: scaled, description: 'Opening deposit' });
        invest(l, i, scaled);
        if (r() < 0.35) {
          const stock = pick(r, legacy);
          const lot = stock.lotSize.toNumber();
          const lots = Math.floor((scaled * 0.12) / (price(stock.symbol, i) * lot));
          if (lots > 0) {
            l.cash += lots * lot * price(stock.symbol, i); // transferred in, paid for outside: recorded as a deposit of stock
            flow += lots * lot * price(stock.symbol, i);
            tx(l, i, {
              kind: 'deposit',
              symbol: null,
              quantity: null,
              priceCents: null,
              amountCents: lots * lot * price(stock.symbol, i),
              description: `Transfer in of ${lots * lot} ${stock.symbol} (funded)`,
            });
            buy(l, i, stock.symbol, lots * lot);
          }
        }
      } else {
        if (sinceStart % 126 === 0) {
          for (const h of [...l.holdings.values()]) {
            // About 2 % a year, paid twice a year.
            const d = Math.floor((h.quantity * price(h.symbol, i) * 100) / 10_000);
            if (d > 0) {
              l.cash += d;
              tx(l, i, { kind: 'dividend', symbol: h.symbol, quantity: null, priceCents: null, amountCents: d, description: `${h.symbol} dividend` });
            }
          }
        }
        if (sinceStart % 63 === 0) {
          const fee = Math.floor(((marketValue(l, i) + l.cash) * 25) / 10_000); // 1 % a year, quarterly
          if (fee > 0) {
            if (fee > l.cash) raiseCash(l, i, fee);
            l.cash -= fee;
            tx(l, i, { kind: 'fee', symbol: null, quantity: null, priceCents: null, amountCents: -fee, description: 'Quarterly advisory fee' });
          }
          if (l.disciplined) topUp(l, i);
        }
        if (r() < 1 / 120) {
          const d = between(r, 50, 2000) * 10_000;
          l.cash += d;
          flow += d;
          tx(l, i, { kind: 'deposit', symbol: null, quantity: null, priceCents: null, amountCents: d, description: 'Deposit' });
          if (i < last - 20) invest(l, i, d); // a late deposit waits in cash: the "large cash" flag
        }
        if (r() < 1 / 200) {
          const total = marketValue(l, i) + l.cash;
          let w = Math.floor((total * between(r, 2, 6)) / 100 / 100) * 100;
          if (w > l.cash) raiseCash(l, i, w);
          w = Math.min(w, l.cash);
          if (w > 0) {
            l.cash -= w;
            flow -= w;
            tx(l, i, { kind: 'withdrawal', symbol: null, quantity: null, priceCents: null, amountCents: -w, description: 'Withdrawal' });
          }
        }
      }
      l.acct.values.push(marketValue(l, i) + l.cash);
      l.acct.flows.push(flow);
    }
    l.acct.cashCents = l.cash;
    l.acct.holdings = [...l.holdings.values()].sort((a, b) => a.symbol.localeCompare(b.symbol));
  }

  transactions.sort((a, b) => a.day - b.day || a.accountId.localeCompare(b.accountId));
  return {
    asOfDay,
    calendar,
    closes,
    models,
    households,
    clients,
    accounts: living.map((l) => l.acct),
    transactions,
    interactions,
    tasks,
    appointments,
  };
}
