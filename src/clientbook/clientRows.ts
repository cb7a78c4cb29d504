import { dec } from '../core/decimal.ts';
import type { AttentionFlag, ClientSummaryWire } from '../core/protocol/clientBook.ts';
import { type Direction, formatMoney } from '../format/numbers.ts';
import { FLAG_LABEL, FLAG_SHORT, agoText, formatRate, formatShortDayTime, formatWeight, rateDirection, riskShort, riskText } from './bookFormat.ts';

/** One row of the advisor's client list: text ready for the grid, plus what sorting and filtering need. */
export interface ClientRow {
  clientId: string;
  name: string;
  /** The advisor who owns the client: a column and a filter only in the desk head's view of the whole book. */
  advisor: string;
  household: string;
  tier: string;
  risk: string;
  riskLabel: string;
  riskLevel: number;
  aum: string;
  /** Numbers for sorting only; the cells show the text. */
  aumSort: number;
  mtd: string;
  qtd: string;
  ytd: string;
  oneYear: string;
  mtdDir: Direction;
  qtdDir: Direction;
  ytdDir: Direction;
  oneYearDir: Direction;
  drift: string;
  driftSort: number;
  lastContact: string;
  lastContactSort: number;
  nextAppointment: string;
  nextAppointmentSort: number;
  openTasks: number;
  flags: readonly AttentionFlag[];
  flagText: string;
  /** The flags in full, for the tooltip. */
  flagTitle: string;
  /** Lower-case words the type-ahead search matches against. */
  searchText: string;
}

export function clientRow(c: ClientSummaryWire, now: number): ClientRow {
  return {
    clientId: c.clientId,
    name: c.name,
    advisor: c.advisor,
    household: c.householdName,
    tier: c.serviceTier,
    risk: riskShort(c.riskTolerance),
    riskLabel: riskText(c.riskTolerance),
    riskLevel: c.riskTolerance,
    aum: formatMoney(dec(c.aum)),
    aumSort: Number(c.aum),
    mtd: formatRate(c.returns.mtd),
    qtd: formatRate(c.returns.qtd),
    ytd: formatRate(c.returns.ytd),
    oneYear: formatRate(c.returns.oneYear),
    mtdDir: rateDirection(c.returns.mtd),
    qtdDir: rateDirection(c.returns.qtd),
    ytdDir: rateDirection(c.returns.ytd),
    oneYearDir: rateDirection(c.returns.oneYear),
    drift: formatWeight(c.drift, 1),
    driftSort: Number(c.drift),
    lastContact: agoText(now, c.lastContact),
    lastContactSort: c.lastContact ?? 0,
    nextAppointment: c.nextAppointment === null ? '' : formatShortDayTime(c.nextAppointment),
    nextAppointmentSort: c.nextAppointment ?? Number.MAX_SAFE_INTEGER,
    openTasks: c.openTasks,
    flags: c.flags,
    flagText: c.flags.map((f) => FLAG_SHORT[f]).join(' · '),
    flagTitle: c.flags.map((f) => FLAG_LABEL[f]).join(', '),
    searchText: normalise([c.name, c.clientId, c.householdName, c.objective, c.serviceTier, ...c.accountIds].join(' ')),
  };
}

/** Lower case without accents, so 'zoe' finds 'Zoë'. */
export function normalise(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Every word typed must start a word of the client's text (or appear in an id), in any order. */
export function matchesSearch(row: Pick<ClientRow, 'searchText'>, query: string): boolean {
  const terms = normalise(query).split(/\s+/).filter((t) => t !== '');
  if (terms.length === 0) return true;
  const words = row.searchText.split(/[\s,.;()/-]+/);
  return terms.every((t) => words.some((w) => w.startsWith(t)) || row.searchText.includes(t));
}

export interface ClientFilter {
  readonly query: string;
  /** Only clients with at least one "needs attention" flag, or with this flag. */
  readonly attention: 'all' | 'any' | AttentionFlag;
  /** Only this advisor's clients (the desk head sees every advisor's); absent or '' for all. */
  readonly advisor?: string;
}

export function filterRows(rows: readonly ClientRow[], f: ClientFilter): ClientRow[] {
  return rows.filter(
    (r) =>
      (!f.advisor || r.advisor === f.advisor) &&
      matchesSearch(r, f.query) &&
      (f.attention === 'all' || (f.attention === 'any' ? r.flags.length > 0 : r.flags.includes(f.attention))),
  );
}

/** Each advisor with how many clients they hold, by name: the choices of the desk head's advisor filter. */
export function advisorCounts(rows: readonly Pick<ClientRow, 'advisor'>[]): { advisor: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.advisor, (counts.get(r.advisor) ?? 0) + 1);
  return [...counts].map(([advisor, count]) => ({ advisor, count })).sort((a, b) => a.advisor.localeCompare(b.advisor, 'en', { numeric: true }));
}

/** How many clients carry each flag: the counts on the filter buttons. */
export function flagCounts(rows: readonly Pick<ClientRow, 'flags'>[]): Record<AttentionFlag | 'any', number> {
  const counts = { any: 0, reviewOverdue: 0, driftOverThreshold: 0, kycExpired: 0, largeCash: 0 };
  for (const r of rows) {
    if (r.flags.length > 0) counts.any += 1;
    for (const f of r.flags) counts[f] += 1;
  }
  return counts;
}
