/**
 * The client book in SQLite: every read and write of its tables, nothing
 * else (no rules, no entitlements: clientBookService decides who may do what).
 * Rows come out as plain objects, decimals as strings as they are stored.
 */
import type { AccountWire, ClientWire } from '../../src/core/protocol.ts';
import type {
  AppointmentWire,
  CorrespondenceWire,
  InteractionWire,
  ProspectWire,
  ResearchDeliveryWire,
  ResearchNoteWire,
  ServiceRequestWire,
  SuitabilityOverrideWire,
  TaskWire,
  TransactionWire,
} from '../../src/core/protocol/clientBook.ts';
import type { Db } from '../storage/database.ts';

export interface ClientRecord {
  clientId: string;
  name: string;
  advisor: string;
  riskTolerance: number;
  objective: string;
  householdId: string;
  householdName: string;
  email: string;
  phone: string;
  address: string;
  dateOfBirth: string;
  serviceTier: 'standard' | 'premier' | 'private';
  horizonYears: number;
  kycExpiresOn: string;
  reviewFrequencyMonths: number;
  lastReviewDate: string;
  excludedSectors: string[];
  concentrationLimit: string;
}

export interface AccountRecord {
  accountId: string;
  clientId: string;
  name: string;
  type: string;
  currency: string;
  cash: string;
  modelId: string | null;
}

export interface HoldingRecord {
  accountId: string;
  symbol: string;
  quantity: string;
  avgCost: string;
}

export interface ModelRecord {
  modelId: string;
  name: string;
  riskLevel: number;
  cashWeight: string;
  targets: { symbol: string; weight: string }[];
}

export interface AccountHistory {
  dates: string[];
  valuesCents: number[];
  flowsCents: number[];
}

export interface NewTransaction {
  accountId: string;
  date: string;
  kind: TransactionWire['kind'];
  symbol: string | null;
  quantity: string | null;
  price: string | null;
  amount: string;
  description: string;
}

export interface BlockOrderRecord {
  orderId: string;
  proposalSeq: number;
  symbol: string;
  side: 'buy' | 'sell';
  quantity: string;
  allocatedAt: number | null;
}

/** One allocation of a block to a client account, as kept (price is the block's AvgPx as announced, 8 places). */
export interface AllocationRecord {
  orderId: string;
  account: string;
  symbol: string;
  side: 'buy' | 'sell';
  quantity: string;
  price: string;
  at: number;
}

interface ClientRow {
  client_id: string;
  name: string;
  advisor: string;
  risk_tolerance: number;
  objective: string;
  household_id: string | null;
  household_name: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  date_of_birth: string | null;
  service_tier: string | null;
  horizon_years: number | null;
  kyc_expires_on: string | null;
  review_frequency_months: number | null;
  last_review_date: string | null;
  excluded_sectors: string | null;
  concentration_limit: string | null;
}

const CLIENT_SELECT = `
  SELECT c.*, p.household_id, h.name AS household_name, p.email, p.phone, p.address, p.date_of_birth, p.service_tier,
         p.horizon_years, p.kyc_expires_on, p.review_frequency_months, p.last_review_date, p.excluded_sectors, p.concentration_limit
  FROM clients c LEFT JOIN client_profiles p ON p.client_id = c.client_id LEFT JOIN households h ON h.household_id = p.household_id`;

function clientOf(r: ClientRow): ClientRecord {
  // A client from the first schema (no profile row) reads with neutral defaults.
  return {
    clientId: r.client_id,
    name: r.name,
    advisor: r.advisor,
    riskTolerance: r.risk_tolerance,
    objective: r.objective,
    householdId: r.household_id ?? r.client_id,
    householdName: r.household_name ?? r.name,
    email: r.email ?? '',
    phone: r.phone ?? '',
    address: r.address ?? '',
    dateOfBirth: r.date_of_birth ?? '1970-01-01',
    serviceTier: (r.service_tier as ClientRecord['serviceTier'] | null) ?? 'standard',
    horizonYears: r.horizon_years ?? 10,
    kycExpiresOn: r.kyc_expires_on ?? '2999-12-31',
    reviewFrequencyMonths: r.review_frequency_months ?? 12,
    lastReviewDate: r.last_review_date ?? '1970-01-01',
    excludedSectors: r.excluded_sectors ? (JSON.parse(r.excluded_sectors) as string[]) : [],
    concentrationLimit: r.concentration_limit ?? '0.25',
  };
}

const seqOf = (prefix: string, id: string): number | undefined => {
  if (!id.startsWith(prefix)) return undefined;
  const n = Number(id.slice(prefix.length));
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
};

export const ID_PREFIX = {
  interaction: 'I-',
  task: 'K-',
  appointment: 'P-',
  correspondence: 'L-',
  serviceRequest: 'R-',
  research: 'N-',
  prospect: 'Q-',
  proposal: 'RB-',
  allocation: 'AL-',
} as const;

export type ClientBookStore = ReturnType<typeof createClientBookStore>;

export function createClientBookStore(db: Db) {
  const q = {
    allClients: db.prepare(`${CLIENT_SELECT} ORDER BY c.client_id`),
    advisorClients: db.prepare(`${CLIENT_SELECT} WHERE c.advisor = ? ORDER BY c.client_id`),
    client: db.prepare(`${CLIENT_SELECT} WHERE c.client_id = ?`),
    householdMembers: db.prepare(
      'SELECT c.client_id, c.name FROM clients c JOIN client_profiles p ON p.client_id = c.client_id WHERE p.household_id = ? ORDER BY c.client_id',
    ),
    allAccounts: db.prepare('SELECT * FROM client_accounts ORDER BY account_id'),
    account: db.prepare('SELECT * FROM client_accounts WHERE account_id = ?'),
    clientAccounts: db.prepare('SELECT * FROM client_accounts WHERE client_id = ? ORDER BY account_id'),
    allHoldings: db.prepare('SELECT * FROM holdings ORDER BY account_id, symbol'),
    holdings: db.prepare('SELECT * FROM holdings WHERE account_id = ? ORDER BY symbol'),
    holding: db.prepare('SELECT * FROM holdings WHERE account_id = ? AND symbol = ?'),
    advisorAccounts: db
      .prepare('SELECT a.account_id FROM client_accounts a JOIN clients c ON c.client_id = a.client_id WHERE c.advisor = ? ORDER BY a.account_id')
      .pluck(),
    models: db.prepare('SELECT * FROM models ORDER BY model_id'),
    targets: db.prepare('SELECT * FROM model_targets ORDER BY model_id, symbol'),
    history: db.prepare('SELECT * FROM account_history WHERE account_id = ?'),
    prices: db.prepare('SELECT * FROM price_history WHERE symbol = ?'),
    transactions: db.prepare('SELECT * FROM account_transactions WHERE account_id = ? ORDER BY seq DESC LIMIT ?'),
    flowsOn: db.prepare(
      "SELECT amount FROM account_transactions WHERE account_id = ? AND date = ? AND kind IN ('deposit', 'withdrawal')",
    ),
    flowsAfter: db.prepare(
      "SELECT date, amount FROM account_transactions WHERE account_id = ? AND date > ? AND kind IN ('deposit', 'withdrawal') ORDER BY seq",
    ),
    insTx: db.prepare(
      'INSERT INTO account_transactions (account_id, date, kind, symbol, quantity, price, amount, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    setCash: db.prepare('UPDATE client_accounts SET cash = ? WHERE account_id = ?'),
    upsertHolding: db.prepare(
      'INSERT INTO holdings (account_id, symbol, quantity, avg_cost) VALUES (?, ?, ?, ?) ON CONFLICT (account_id, symbol) DO UPDATE SET quantity = excluded.quantity, avg_cost = excluded.avg_cost',
    ),
    deleteHolding: db.prepare('DELETE FROM holdings WHERE account_id = ? AND symbol = ?'),

    interactions: db.prepare('SELECT * FROM interactions WHERE client_id = ? ORDER BY at DESC, seq DESC'),
    lastContacts: db.prepare('SELECT client_id, max(at) AS at FROM interactions GROUP BY client_id'),
    insInteraction: db.prepare('INSERT INTO interactions (client_id, kind, subject, body, author, at) VALUES (?, ?, ?, ?, ?, ?)'),
    tasksOfClient: db.prepare('SELECT * FROM tasks WHERE client_id = ? ORDER BY done, due_date, seq'),
    task: db.prepare('SELECT * FROM tasks WHERE seq = ?'),
    openTaskCounts: db.prepare('SELECT client_id, count(*) AS n FROM tasks WHERE done = 0 AND client_id IS NOT NULL GROUP BY client_id'),
    openTasksDueBy: db.prepare('SELECT * FROM tasks WHERE done = 0 AND due_date <= ? ORDER BY due_date, seq'),
    insTask: db.prepare('INSERT INTO tasks (client_id, owner, title, notes, due_date, done, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)'),
    completeTask: db.prepare('UPDATE tasks SET done = 1, completed_at = ? WHERE seq = ?'),
    appointmentsOfClient: db.prepare(
      'SELECT a.*, c.name AS client_name FROM appointments a JOIN clients c ON c.client_id = a.client_id WHERE a.client_id = ? ORDER BY starts_at',
    ),
    appointmentsBetween: db.prepare(
      'SELECT a.*, c.name AS client_name FROM appointments a JOIN clients c ON c.client_id = a.client_id WHERE starts_at >= ? AND starts_at < ? ORDER BY starts_at, a.seq',
    ),
    nextAppointments: db.prepare('SELECT client_id, min(starts_at) AS at FROM appointments WHERE starts_at >= ? GROUP BY client_id'),
    appointment: db.prepare('SELECT a.*, c.name AS client_name FROM appointments a JOIN clients c ON c.client_id = a.client_id WHERE a.seq = ?'),
    insAppointment: db.prepare('INSERT INTO appointments (client_id, owner, title, location, starts_at, duration_minutes) VALUES (?, ?, ?, ?, ?, ?)'),
    correspondence: db.prepare('SELECT * FROM correspondence WHERE client_id = ? ORDER BY sent_at DESC, seq DESC'),
    insCorrespondence: db.prepare('INSERT INTO correspondence (client_id, template, subject, body, sent_by, sent_at) VALUES (?, ?, ?, ?, ?, ?)'),
    serviceRequests: db.prepare('SELECT * FROM service_requests WHERE client_id = ? ORDER BY seq DESC'),
    serviceRequest: db.prepare('SELECT * FROM service_requests WHERE seq = ?'),
    serviceRequestEvents: db.prepare('SELECT * FROM service_request_events WHERE request_seq = ? ORDER BY seq'),
    insServiceRequest: db.prepare(
      'INSERT INTO service_requests (client_id, kind, description, status, opened_by, opened_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    updServiceRequest: db.prepare('UPDATE service_requests SET status = ?, updated_at = ? WHERE seq = ?'),
    insServiceRequestEvent: db.prepare('INSERT INTO service_request_events (request_seq, status, note, by_user, at) VALUES (?, ?, ?, ?, ?)'),
    notes: db.prepare('SELECT * FROM research_notes ORDER BY published_at DESC, seq DESC'),
    note: db.prepare('SELECT * FROM research_notes WHERE seq = ?'),
    insNote: db.prepare('INSERT INTO research_notes (title, summary, body, symbols, author, published_at) VALUES (?, ?, ?, ?, ?, ?)'),
    deliveriesOfNote: db.prepare('SELECT * FROM research_deliveries WHERE note_seq = ? ORDER BY sent_at, client_id'),
    deliveriesOfClient: db.prepare('SELECT * FROM research_deliveries WHERE client_id = ? ORDER BY sent_at DESC'),
    insDelivery: db.prepare(
      'INSERT INTO research_deliveries (note_seq, client_id, sent_by, sent_at) VALUES (?, ?, ?, ?) ON CONFLICT (note_seq, client_id) DO UPDATE SET sent_by = excluded.sent_by, sent_at = excluded.sent_at',
    ),
    prospects: db.prepare('SELECT * FROM prospects ORDER BY seq'),
    prospect: db.prepare('SELECT * FROM prospects WHERE seq = ?'),
    insProspect: db.prepare(
      'INSERT INTO prospects (name, email, phone, source, notes, advisor, risk_tolerance, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    convertProspect: db.prepare('UPDATE prospects SET client_id = ?, risk_tolerance = ? WHERE seq = ?'),
    maxClientNo: db.prepare("SELECT max(CAST(substr(client_id, 2) AS INTEGER)) FROM clients WHERE client_id GLOB 'C[0-9]*'").pluck(),
    maxAccountNo: db.prepare("SELECT max(CAST(substr(account_id, 3) AS INTEGER)) FROM client_accounts WHERE account_id GLOB 'A-[0-9]*'").pluck(),
    maxHouseholdNo: db.prepare("SELECT max(CAST(substr(household_id, 2) AS INTEGER)) FROM households WHERE household_id GLOB 'H[0-9]*'").pluck(),
    insHousehold: db.prepare('INSERT INTO households (household_id, name, advisor) VALUES (?, ?, ?)'),
    insClient: db.prepare('INSERT INTO clients (client_id, name, advisor, risk_tolerance, objective) VALUES (?, ?, ?, ?, ?)'),
    insProfile: db.prepare(
      `INSERT INTO client_profiles (client_id, household_id, email, phone, address, date_of_birth, service_tier, horizon_years,
        kyc_expires_on, review_frequency_months, last_review_date, excluded_sectors, concentration_limit)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insAccount: db.prepare('INSERT INTO client_accounts (account_id, client_id, name, type, currency, cash, model_id) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    insProposal: db.prepare('INSERT INTO rebalance_proposals (created_by, created_at, proposal) VALUES (?, ?, ?)'),
    setProposal: db.prepare('UPDATE rebalance_proposals SET proposal = ? WHERE seq = ?'),
    proposal: db.prepare('SELECT * FROM rebalance_proposals WHERE seq = ?'),
    markSent: db.prepare('UPDATE rebalance_proposals SET sent_at = ? WHERE seq = ? AND sent_at IS NULL'),
    insBlock: db.prepare('INSERT INTO block_orders (order_id, proposal_seq, symbol, side, quantity) VALUES (?, ?, ?, ?, ?)'),
    block: db.prepare('SELECT * FROM block_orders WHERE order_id = ?'),
    unallocatedBlocks: db.prepare('SELECT * FROM block_orders WHERE allocated_at IS NULL'),
    markAllocated: db.prepare('UPDATE block_orders SET allocated_at = ? WHERE order_id = ? AND allocated_at IS NULL'),
    insAllocation: db.prepare(
      'INSERT INTO allocations (proposal_seq, order_id, account_id, client_id, symbol, side, quantity, price, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    allocationsOfOrder: db.prepare('SELECT * FROM allocations WHERE order_id = ? ORDER BY seq'),
    allAllocations: db.prepare('SELECT order_id, account_id, symbol, side, quantity, price, at FROM allocations ORDER BY seq'),
    insOverride: db.prepare(
      `INSERT INTO suitability_overrides (order_id, cl_ord_id, account_id, client_id, symbol, side, quantity, warnings, justification, by_user, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    overridesOfClient: db.prepare('SELECT * FROM suitability_overrides WHERE client_id = ? ORDER BY seq DESC'),
    insBookedFill: db.prepare('INSERT OR IGNORE INTO booked_fills (exec_id, account_id, at) VALUES (?, ?, ?)'),
    bookedFill: db.prepare('SELECT 1 FROM booked_fills WHERE exec_id = ?').pluck(),
  };

  type Row = Record<string, unknown>;
  const s = (v: unknown) => v as string;
  const n = (v: unknown) => v as number;

  const interactionOf = (r: Row): InteractionWire => ({
    interactionId: `${ID_PREFIX.interaction}${n(r.seq)}`,
    clientId: s(r.client_id),
    kind: s(r.kind) as InteractionWire['kind'],
    subject: s(r.subject),
    body: s(r.body),
    author: s(r.author),
    at: n(r.at),
  });
  const taskOf = (r: Row): TaskWire => ({
    taskId: `${ID_PREFIX.task}${n(r.seq)}`,
    clientId: (r.client_id as string | null) ?? null,
    title: s(r.title),
    notes: s(r.notes),
    dueDate: s(r.due_date),
    owner: s(r.owner),
    done: n(r.done) === 1,
    createdAt: n(r.created_at),
    completedAt: (r.completed_at as number | null) ?? null,
  });
  const appointmentOf = (r: Row): AppointmentWire => ({
    appointmentId: `${ID_PREFIX.appointment}${n(r.seq)}`,
    clientId: s(r.client_id),
    clientName: s(r.client_name),
    title: s(r.title),
    location: s(r.location),
    startsAt: n(r.starts_at),
    durationMinutes: n(r.duration_minutes),
    owner: s(r.owner),
  });
  const correspondenceOf = (r: Row): CorrespondenceWire => ({
    correspondenceId: `${ID_PREFIX.correspondence}${n(r.seq)}`,
    clientId: s(r.client_id),
    template: s(r.template) as CorrespondenceWire['template'],
    subject: s(r.subject),
    body: s(r.body),
    sentBy: s(r.sent_by),
    sentAt: n(r.sent_at),
  });
  const serviceRequestOf = (r: Row): ServiceRequestWire => ({
    requestId: `${ID_PREFIX.serviceRequest}${n(r.seq)}`,
    clientId: s(r.client_id),
    kind: s(r.kind) as ServiceRequestWire['kind'],
    description: s(r.description),
    status: s(r.status) as ServiceRequestWire['status'],
    openedBy: s(r.opened_by),
    openedAt: n(r.opened_at),
    updatedAt: n(r.updated_at),
    history: (q.serviceRequestEvents.all(r.seq) as Row[]).map((e) => ({
      status: s(e.status) as ServiceRequestWire['status'],
      note: s(e.note),
      by: s(e.by_user),
      at: n(e.at),
    })),
  });
  const deliveryOf = (r: Row): ResearchDeliveryWire => ({
    noteId: `${ID_PREFIX.research}${n(r.note_seq)}`,
    clientId: s(r.client_id),
    sentBy: s(r.sent_by),
    sentAt: n(r.sent_at),
  });
  const noteOf = (r: Row, deliveryFilter: (clientId: string) => boolean): ResearchNoteWire => ({
    noteId: `${ID_PREFIX.research}${n(r.seq)}`,
    title: s(r.title),
    summary: s(r.summary),
    body: s(r.body),
    symbols: JSON.parse(s(r.symbols)) as string[],
    author: s(r.author),
    publishedAt: n(r.published_at),
    deliveries: (q.deliveriesOfNote.all(r.seq) as Row[]).map(deliveryOf).filter((d) => deliveryFilter(d.clientId)),
  });
  const prospectOf = (r: Row): ProspectWire => ({
    prospectId: `${ID_PREFIX.prospect}${n(r.seq)}`,
    name: s(r.name),
    email: s(r.email),
    phone: s(r.phone),
    source: s(r.source),
    notes: s(r.notes),
    advisor: s(r.advisor),
    riskTolerance: (r.risk_tolerance as number | null) ?? null,
    createdAt: n(r.created_at),
    clientId: (r.client_id as string | null) ?? null,
  });
  const accountOf = (r: Row): AccountRecord => ({
    accountId: s(r.account_id),
    clientId: s(r.client_id),
    name: s(r.name),
    type: s(r.type),
    currency: s(r.currency),
    cash: s(r.cash),
    modelId: (r.model_id as string | null) ?? null,
  });
  const holdingOf = (r: Row): HoldingRecord => ({ accountId: s(r.account_id), symbol: s(r.symbol), quantity: s(r.quantity), avgCost: s(r.avg_cost) });

  const historyCache = new Map<string, AccountHistory | null>();
  /**
   * Ids of the book's accounts and block orders, read once and added to by
   * this store's own inserts (nothing else writes those tables). The order
   * path asks for every order and every OMS update, and most of those (a
   * trader's own account, a trader's order) are not in the book: the answer
   * "not ours" then costs a set lookup, not a query. An id added by a write
   * that rolled back only costs the query it would have made anyway.
   */
  const accountIds = new Set(db.prepare('SELECT account_id FROM client_accounts').pluck().all() as string[]);
  const blockOrderIds = new Set(db.prepare('SELECT order_id FROM block_orders').pluck().all() as string[]);
  const priceCache = new Map<string, { firstDate: string; closesCents: number[] } | null>();

  return {
    db,
    seqOf,
    clients(advisor?: string): ClientRecord[] {
      return ((advisor === undefined ? q.allClients.all() : q.advisorClients.all(advisor)) as ClientRow[]).map(clientOf);
    },
    client(clientId: string): ClientRecord | undefined {
      const r = q.client.get(clientId) as ClientRow | undefined;
      return r && clientOf(r);
    },
    householdMembers(householdId: string): { clientId: string; name: string }[] {
      return (q.householdMembers.all(householdId) as Row[]).map((r) => ({ clientId: s(r.client_id), name: s(r.name) }));
    },
    accounts(): AccountRecord[] {
      return (q.allAccounts.all() as Row[]).map(accountOf);
    },
    account(accountId: string): AccountRecord | undefined {
      if (!accountIds.has(accountId)) return undefined;
      const r = q.account.get(accountId) as Row | undefined;
      return r && accountOf(r);
    },
    accountsOfClient(clientId: string): AccountRecord[] {
      return (q.clientAccounts.all(clientId) as Row[]).map(accountOf);
    },
    allHoldings(): HoldingRecord[] {
      return (q.allHoldings.all() as Row[]).map(holdingOf);
    },
    holdings(accountId: string): HoldingRecord[] {
      return (q.holdings.all(accountId) as Row[]).map(holdingOf);
    },
    holding(accountId: string, symbol: string): HoldingRecord | undefined {
      if (!accountIds.has(accountId)) return undefined;
      const r = q.holding.get(accountId, symbol) as Row | undefined;
      return r && holdingOf(r);
    },
    /** Account ids of one advisor's clients: what that advisor may trade for. */
    accountsOf(advisor: string): string[] {
      return q.advisorAccounts.all(advisor) as string[];
    },
    models(): ModelRecord[] {
      const targets = q.targets.all() as Row[];
      return (q.models.all() as Row[]).map((m) => ({
        modelId: s(m.model_id),
        name: s(m.name),
        riskLevel: n(m.risk_level),
        cashWeight: s(m.cash_weight),
        targets: targets.filter((t) => t.model_id === m.model_id).map((t) => ({ symbol: s(t.symbol), weight: s(t.weight) })),
      }));
    },
    /** Seeded daily history of an account; it never changes, so it is read once. */
    history(accountId: string): AccountHistory | null {
      if (!historyCache.has(accountId)) {
        const r = q.history.get(accountId) as Row | undefined;
        historyCache.set(
          accountId,
          r
            ? {
                dates: JSON.parse(s(r.dates)) as string[],
                valuesCents: JSON.parse(s(r.values_cents)) as number[],
                flowsCents: JSON.parse(s(r.flows_cents)) as number[],
              }
            : null,
        );
      }
      return historyCache.get(accountId) ?? null;
    },
    closes(symbol: string): { firstDate: string; closesCents: number[] } | null {
      if (!priceCache.has(symbol)) {
        const r = q.prices.get(symbol) as Row | undefined;
        priceCache.set(symbol, r ? { firstDate: s(r.first_date), closesCents: JSON.parse(s(r.closes_cents)) as number[] } : null);
      }
      return priceCache.get(symbol) ?? null;
    },
    transactions(accountId: string, limit: number): TransactionWire[] {
      return (q.transactions.all(accountId, limit) as Row[]).map((r) => ({
        txId: `T-${n(r.seq)}`,
        accountId: s(r.account_id),
        date: s(r.date),
        kind: s(r.kind) as TransactionWire['kind'],
        symbol: (r.symbol as string | null) ?? null,
        quantity: (r.quantity as string | null) ?? null,
        price: (r.price as string | null) ?? null,
        amount: s(r.amount),
        description: s(r.description),
      }));
    },
    /** Deposits and withdrawals recorded after a date (history's end): flows the live valuation must know. */
    flowsAfter(accountId: string, date: string): { date: string; amount: string }[] {
      return (q.flowsAfter.all(accountId, date) as Row[]).map((r) => ({ date: s(r.date), amount: s(r.amount) }));
    },
    addTransaction(t: NewTransaction): void {
      q.insTx.run(t.accountId, t.date, t.kind, t.symbol, t.quantity, t.price, t.amount, t.description);
    },
    setCash(accountId: string, cash: string): void {
      q.setCash.run(cash, accountId);
    },
    setHolding(accountId: string, symbol: string, quantity: string, avgCost: string): void {
      if (quantity === '0') q.deleteHolding.run(accountId, symbol);
      else q.upsertHolding.run(accountId, symbol, quantity, avgCost);
    },

    interactions: (clientId: string) => (q.interactions.all(clientId) as Row[]).map(interactionOf),
    lastContacts: () => new Map((q.lastContacts.all() as Row[]).map((r) => [s(r.client_id), n(r.at)])),
    addInteraction(i: Omit<InteractionWire, 'interactionId'>): InteractionWire {
      const seq = Number(q.insInteraction.run(i.clientId, i.kind, i.subject, i.body, i.author, i.at).lastInsertRowid);
      return { interactionId: `${ID_PREFIX.interaction}${seq}`, ...i };
    },
    tasksOfClient: (clientId: string) => (q.tasksOfClient.all(clientId) as Row[]).map(taskOf),
    task(taskId: string): TaskWire | undefined {
      const seq = seqOf(ID_PREFIX.task, taskId);
      const r = seq === undefined ? undefined : (q.task.get(seq) as Row | undefined);
      return r && taskOf(r);
    },
    openTaskCounts: () => new Map((q.openTaskCounts.all() as Row[]).map((r) => [s(r.client_id), n(r.n)])),
    openTasksDueBy: (date: string) => (q.openTasksDueBy.all(date) as Row[]).map(taskOf),
    addTask(t: { clientId: string | null; owner: string; title: string; notes: string; dueDate: string; createdAt: number }): TaskWire {
      const seq = Number(q.insTask.run(t.clientId, t.owner, t.title, t.notes, t.dueDate, t.createdAt).lastInsertRowid);
      return taskOf(q.task.get(seq) as Row);
    },
    completeTask(taskId: string, at: number): TaskWire | undefined {
      const seq = seqOf(ID_PREFIX.task, taskId);
      if (seq === undefined) return undefined;
      q.completeTask.run(at, seq);
      const r = q.task.get(seq) as Row | undefined;
      return r && taskOf(r);
    },
    appointmentsOfClient: (clientId: string) => (q.appointmentsOfClient.all(clientId) as Row[]).map(appointmentOf),
    appointmentsBetween: (from: number, to: number) => (q.appointmentsBetween.all(from, to) as Row[]).map(appointmentOf),
    nextAppointments: (now: number) => new Map((q.nextAppointments.all(now) as Row[]).map((r) => [s(r.client_id), n(r.at)])),
    addAppointment(a: { clientId: string; owner: string; title: string; location: string; startsAt: number; durationMinutes: number }): AppointmentWire {
      const seq = Number(q.insAppointment.run(a.clientId, a.owner, a.title, a.location, a.startsAt, a.durationMinutes).lastInsertRowid);
      return appointmentOf(q.appointment.get(seq) as Row);
    },
    correspondence: (clientId: string) => (q.correspondence.all(clientId) as Row[]).map(correspondenceOf),
    addCorrespondence(c: Omit<CorrespondenceWire, 'correspondenceId'>): CorrespondenceWire {
      const seq = Number(q.insCorrespondence.run(c.clientId, c.template, c.subject, c.body, c.sentBy, c.sentAt).lastInsertRowid);
      return { correspondenceId: `${ID_PREFIX.correspondence}${seq}`, ...c };
    },
    serviceRequests: (clientId: string) => (q.serviceRequests.all(clientId) as Row[]).map(serviceRequestOf),
    serviceRequest(requestId: string): ServiceRequestWire | undefined {
      const seq = seqOf(ID_PREFIX.serviceRequest, requestId);
      const r = seq === undefined ? undefined : (q.serviceRequest.get(seq) as Row | undefined);
      return r && serviceRequestOf(r);
    },
    createServiceRequest(r: { clientId: string; kind: string; description: string; by: string; at: number }): ServiceRequestWire {
      return db.transaction(() => {
        const seq = Number(q.insServiceRequest.run(r.clientId, r.kind, r.description, 'open', r.by, r.at, r.at).lastInsertRowid);
        q.insServiceRequestEvent.run(seq, 'open', '', r.by, r.at);
        return serviceRequestOf(q.serviceRequest.get(seq) as Row);
      })();
    },
    updateServiceRequest(requestId: string, u: { status: string; note: string; by: string; at: number }): ServiceRequestWire | undefined {
      const seq = seqOf(ID_PREFIX.serviceRequest, requestId);
      if (seq === undefined) return undefined;
      return db.transaction(() => {
        q.updServiceRequest.run(u.status, u.at, seq);
        q.insServiceRequestEvent.run(seq, u.status, u.note, u.by, u.at);
        const r = q.serviceRequest.get(seq) as Row | undefined;
        return r && serviceRequestOf(r);
      })();
    },
    notes: (deliveryFilter: (clientId: string) => boolean) => (q.notes.all() as Row[]).map((r) => noteOf(r, deliveryFilter)),
    note(noteId: string, deliveryFilter: (clientId: string) => boolean): ResearchNoteWire | undefined {
      const seq = seqOf(ID_PREFIX.research, noteId);
      const r = seq === undefined ? undefined : (q.note.get(seq) as Row | undefined);
      return r && noteOf(r, deliveryFilter);
    },
    publishNote(n0: { title: string; summary: string; body: string; symbols: string[]; author: string; at: number }): ResearchNoteWire {
      const seq = Number(q.insNote.run(n0.title, n0.summary, n0.body, JSON.stringify(n0.symbols), n0.author, n0.at).lastInsertRowid);
      return noteOf(q.note.get(seq) as Row, () => true);
    },
    deliver(noteId: string, clientIds: readonly string[], by: string, at: number): ResearchDeliveryWire[] {
      const seq = seqOf(ID_PREFIX.research, noteId)!;
      db.transaction(() => {
        for (const c of clientIds) q.insDelivery.run(seq, c, by, at);
      })();
      return clientIds.map((clientId) => ({ noteId, clientId, sentBy: by, sentAt: at }));
    },
    deliveriesOfClient: (clientId: string) => (q.deliveriesOfClient.all(clientId) as Row[]).map(deliveryOf),
    prospects: () => (q.prospects.all() as Row[]).map(prospectOf),
    prospect(prospectId: string): ProspectWire | undefined {
      const seq = seqOf(ID_PREFIX.prospect, prospectId);
      const r = seq === undefined ? undefined : (q.prospect.get(seq) as Row | undefined);
      return r && prospectOf(r);
    },
    addProspect(p: Omit<ProspectWire, 'prospectId' | 'clientId'>): ProspectWire {
      const seq = Number(q.insProspect.run(p.name, p.email, p.phone, p.source, p.notes, p.advisor, p.riskTolerance, p.createdAt).lastInsertRowid);
      return prospectOf(q.prospect.get(seq) as Row);
    },
    /** Opens a household, a client with a profile and one account with its first deposit; marks the prospect converted. */
    convertProspect(
      prospectId: string,
      c: { riskTolerance: number; objective: string; accountType: string; deposit: string; today: string; kycExpiresOn: string; modelId: string | null },
    ): { clientId: string; accountId: string } {
      const seq = seqOf(ID_PREFIX.prospect, prospectId)!;
      const p = prospectOf(q.prospect.get(seq) as Row);
      return db.transaction(() => {
        const clientNo = ((q.maxClientNo.get() as number | null) ?? 0) + 1;
        const accountNo = Math.max(10000, (q.maxAccountNo.get() as number | null) ?? 0) + 1;
        const householdNo = ((q.maxHouseholdNo.get() as number | null) ?? 0) + 1;
        const clientId = `C${String(clientNo).padStart(4, '0')}`;
        const accountId = `A-${accountNo}`;
        const householdId = `H${String(householdNo).padStart(4, '0')}`;
        const last = p.name.split(' ').at(-1) ?? p.name;
        q.insHousehold.run(householdId, `${last} household`, p.advisor);
        q.insClient.run(clientId, p.name, p.advisor, c.riskTolerance, c.objective);
        q.insProfile.run(clientId, householdId, p.email, p.phone, '', '1970-01-01', 'standard', 10, c.kycExpiresOn, 12, c.today, '[]', '0.25');
        q.insAccount.run(accountId, clientId, `${p.name.split(' ')[0] ?? p.name} ${c.accountType}`, c.accountType, 'USD', c.deposit, c.modelId);
        accountIds.add(accountId);
        q.insTx.run(accountId, c.today, 'deposit', null, null, null, c.deposit, 'Opening deposit');
        q.convertProspect.run(clientId, c.riskTolerance, seq);
        return { clientId, accountId };
      })();
    },

    addProposal(createdBy: string, createdAt: number, build: (proposalId: string) => unknown): number {
      return db.transaction(() => {
        const seq = Number(q.insProposal.run(createdBy, createdAt, '{}').lastInsertRowid);
        q.setProposal.run(JSON.stringify(build(`${ID_PREFIX.proposal}${seq}`)), seq);
        return seq;
      })();
    },
    proposal(proposalId: string): { seq: number; createdBy: string; proposal: unknown; sentAt: number | null } | undefined {
      const seq = seqOf(ID_PREFIX.proposal, proposalId);
      const r = seq === undefined ? undefined : (q.proposal.get(seq) as Row | undefined);
      return r && { seq: n(r.seq), createdBy: s(r.created_by), proposal: JSON.parse(s(r.proposal)), sentAt: (r.sent_at as number | null) ?? null };
    },
    /** True when this call marked it sent (a proposal is sent once). */
    markSent: (seq: number, at: number) => q.markSent.run(at, seq).changes === 1,
    addBlockOrder: (b: Omit<BlockOrderRecord, 'allocatedAt'>) => {
      blockOrderIds.add(b.orderId);
      q.insBlock.run(b.orderId, b.proposalSeq, b.symbol, b.side, b.quantity);
    },
    /** Whether an account is in the book, from memory (the order path asks it for every order). */
    isBookAccount: (accountId: string) => accountIds.has(accountId),
    /** Whether an order is a rebalance block, from memory (asked for every OMS update). */
    isBlockOrder: (orderId: string) => blockOrderIds.has(orderId),
    blockOrder(orderId: string): BlockOrderRecord | undefined {
      if (!blockOrderIds.has(orderId)) return undefined;
      const r = q.block.get(orderId) as Row | undefined;
      return (
        r && {
          orderId: s(r.order_id),
          proposalSeq: n(r.proposal_seq),
          symbol: s(r.symbol),
          side: s(r.side) as 'buy' | 'sell',
          quantity: s(r.quantity),
          allocatedAt: (r.allocated_at as number | null) ?? null,
        }
      );
    },
    unallocatedBlockOrderIds: () => (q.unallocatedBlocks.all() as Row[]).map((r) => s(r.order_id)),
    /** Runs `write` in one transaction if the block was not allocated yet; false when it already was. */
    allocateOnce(orderId: string, at: number, write: () => void): boolean {
      return db.transaction(() => {
        if (q.markAllocated.run(at, orderId).changes !== 1) return false;
        write();
        return true;
      })();
    },
    addAllocation(a: { proposalSeq: number; orderId: string; accountId: string; clientId: string; symbol: string; side: string; quantity: string; price: string; at: number }): string {
      const seq = Number(q.insAllocation.run(a.proposalSeq, a.orderId, a.accountId, a.clientId, a.symbol, a.side, a.quantity, a.price, a.at).lastInsertRowid);
      return `${ID_PREFIX.allocation}${seq}`;
    },
    allocationsOfOrder: (orderId: string) => q.allocationsOfOrder.all(orderId) as Row[],
    /** Every allocation made, oldest first: the portfolio books them again at start (the block's trader, account and exact notional come from the order journal). */
    allocationsForPortfolio: (): AllocationRecord[] =>
      (q.allAllocations.all() as Row[]).map((r) => ({
        orderId: s(r.order_id),
        account: s(r.account_id),
        symbol: s(r.symbol),
        side: s(r.side) as 'buy' | 'sell',
        quantity: s(r.quantity),
        price: s(r.price),
        at: n(r.at),
      })),
    isBooked: (execId: string) => q.bookedFill.get(execId) !== undefined,
    /** Runs `write` in one transaction unless this fill was booked already; false when it was. */
    bookFillOnce(execId: string, accountId: string, at: number, write: () => void): boolean {
      return db.transaction(() => {
        if (q.insBookedFill.run(execId, accountId, at).changes !== 1) return false;
        write();
        return true;
      })();
    },
    addOverride(o: Omit<SuitabilityOverrideWire, 'warnings'> & { clientId: string; warnings: { rule: string; message: string }[] }): void {
      q.insOverride.run(o.orderId, o.clOrdId, o.accountId, o.clientId, o.symbol, o.side, o.quantity, JSON.stringify(o.warnings), o.justification, o.by, o.at);
    },
    overrides: (clientId: string): SuitabilityOverrideWire[] =>
      (q.overridesOfClient.all(clientId) as Row[]).map((r) => ({
        orderId: s(r.order_id),
        clOrdId: s(r.cl_ord_id),
        accountId: s(r.account_id),
        symbol: s(r.symbol),
        side: s(r.side),
        quantity: s(r.quantity),
        warnings: JSON.parse(s(r.warnings)) as { rule: string; message: string }[],
        justification: s(r.justification),
        by: s(r.by_user),
        at: n(r.at),
      })),

    /** The first schema's view (the `clientBook` message): clients with accounts and holdings. */
    legacyClients(advisor?: string): ClientWire[] {
      const holdings = new Map<string, HoldingRecord[]>();
      for (const h of (q.allHoldings.all() as Row[]).map(holdingOf)) holdings.set(h.accountId, [...(holdings.get(h.accountId) ?? []), h]);
      const accounts = new Map<string, AccountWire[]>();
      for (const a of (q.allAccounts.all() as Row[]).map(accountOf)) {
        const wire: AccountWire = {
          accountId: a.accountId,
          name: a.name,
          type: a.type,
          currency: a.currency,
          cash: a.cash,
          holdings: (holdings.get(a.accountId) ?? []).map((h) => ({ symbol: h.symbol, quantity: h.quantity, avgCost: h.avgCost })),
        };
        accounts.set(a.clientId, [...(accounts.get(a.clientId) ?? []), wire]);
      }
      return ((advisor === undefined ? q.allClients.all() : q.advisorClients.all(advisor)) as ClientRow[]).map((c) => ({
        clientId: c.client_id,
        name: c.name,
        advisor: c.advisor,
        riskTolerance: c.risk_tolerance,
        objective: c.objective,
        accounts: accounts.get(c.client_id) ?? [],
      }));
    },
  };
}
