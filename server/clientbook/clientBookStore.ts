import type { AccountWire, ClientWire } from '../../src/core/protocol.ts';
import type { Db } from '../storage/database.ts';

export interface ClientBookStore {
  /** Every client, or those of one advisor; accounts and holdings sorted. */
  clients(advisor?: string): ClientWire[];
  /** Account ids of one advisor's clients: what that advisor may trade for. */
  accountsOf(advisor: string): string[];
}

interface ClientRow {
  client_id: string;
  name: string;
  advisor: string;
  risk_tolerance: number;
  objective: string;
}
interface AccountRow {
  account_id: string;
  client_id: string;
  name: string;
  type: string;
  currency: string;
  cash: string;
}
interface HoldingRow {
  account_id: string;
  symbol: string;
  quantity: string;
  avg_cost: string;
}

/** Writes the book when the database holds no client yet; later starts keep what is there. */
export function seedClientBook(db: Db, book: () => readonly ClientWire[]): void {
  const count = (db.prepare('SELECT count(*) AS n FROM clients').get() as { n: number }).n;
  if (count > 0) return;
  const insClient = db.prepare('INSERT INTO clients (client_id, name, advisor, risk_tolerance, objective) VALUES (?, ?, ?, ?, ?)');
  const insAccount = db.prepare('INSERT INTO client_accounts (account_id, client_id, name, type, currency, cash) VALUES (?, ?, ?, ?, ?, ?)');
  const insHolding = db.prepare('INSERT INTO holdings (account_id, symbol, quantity, avg_cost) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (const c of book()) {
      insClient.run(c.clientId, c.name, c.advisor, c.riskTolerance, c.objective);
      for (const a of c.accounts) {
        insAccount.run(a.accountId, c.clientId, a.name, a.type, a.currency, a.cash);
        for (const h of a.holdings) insHolding.run(a.accountId, h.symbol, h.quantity, h.avgCost);
      }
    }
  })();
}

export function createClientBookStore(db: Db): ClientBookStore {
  const allClients = db.prepare('SELECT * FROM clients ORDER BY client_id');
  const advisorClients = db.prepare('SELECT * FROM clients WHERE advisor = ? ORDER BY client_id');
  const allAccounts = db.prepare('SELECT * FROM client_accounts ORDER BY account_id');
  const allHoldings = db.prepare('SELECT * FROM holdings ORDER BY account_id, symbol');
  const advisorAccounts = db
    .prepare('SELECT a.account_id FROM client_accounts a JOIN clients c ON c.client_id = a.client_id WHERE c.advisor = ? ORDER BY a.account_id')
    .pluck();

  return {
    clients(advisor) {
      const rows = (advisor === undefined ? allClients.all() : advisorClients.all(advisor)) as ClientRow[];
      // The book is small (tens of clients): reading it whole beats a query per client.
      const holdings = new Map<string, HoldingRow[]>();
      for (const h of allHoldings.all() as HoldingRow[]) holdings.set(h.account_id, [...(holdings.get(h.account_id) ?? []), h]);
      const accounts = new Map<string, AccountWire[]>();
      for (const a of allAccounts.all() as AccountRow[]) {
        const wire: AccountWire = {
          accountId: a.account_id,
          name: a.name,
          type: a.type,
          currency: a.currency,
          cash: a.cash,
          holdings: (holdings.get(a.account_id) ?? []).map((h) => ({ symbol: h.symbol, quantity: h.quantity, avgCost: h.avg_cost })),
        };
        accounts.set(a.client_id, [...(accounts.get(a.client_id) ?? []), wire]);
      }
      return rows.map((c) => ({
        clientId: c.client_id,
        name: c.name,
        advisor: c.advisor,
        riskTolerance: c.risk_tolerance,
        objective: c.objective,
        accounts: accounts.get(c.client_id) ?? [],
      }));
    },
    accountsOf(advisor) {
      return advisorAccounts.all(advisor) as string[];
    },
  };
}
