import type { Db } from '../../storage/database.ts';
import { fromDayNumber } from '../../../src/core/performance/isoDate.ts';
import type { SeedBook } from './generateBook.ts';

/** Integer cents as a decimal string, without a float: 123456 → "1234.56", -5 → "-0.05". */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const frac = abs % 100;
  return frac === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}`;
}

/** Per mille as a decimal fraction string: 85 → "0.085". */
export function perMilleToDecimal(perMille: number): string {
  const whole = Math.floor(perMille / 1000);
  const frac = String(perMille % 1000).padStart(3, '0').replace(/0+$/, '');
  return frac === '' ? String(whole) : `${whole}.${frac}`;
}

/** Average cost to 4 places from a total cost in cents and a quantity (string maths on integers). */
function avgCost(costCents: number, quantity: number): string {
  // cost per unit in 1/10000 of a unit of currency = costCents * 100 / quantity, rounded half up.
  const scaled = Math.round((costCents * 100) / quantity);
  const whole = Math.floor(scaled / 10_000);
  const frac = String(scaled % 10_000).padStart(4, '0').replace(/0+$/, '');
  return frac === '' ? String(whole) : `${whole}.${frac}`;
}

/** Writes a generated book into an empty client book, all in one transaction. */
export function writeSeed(db: Db, book: SeedBook): void {
  const day = (d: number) => fromDayNumber(d);
  const dates = book.calendar.map(day);
  const ins = {
    household: db.prepare('INSERT INTO households (household_id, name, advisor) VALUES (?, ?, ?)'),
    client: db.prepare('INSERT INTO clients (client_id, name, advisor, risk_tolerance, objective) VALUES (?, ?, ?, ?, ?)'),
    profile: db.prepare(
      `INSERT INTO client_profiles (client_id, household_id, email, phone, address, date_of_birth, service_tier, horizon_years,
        kyc_expires_on, review_frequency_months, last_review_date, excluded_sectors, concentration_limit)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    model: db.prepare('INSERT INTO models (model_id, name, risk_level, cash_weight) VALUES (?, ?, ?, ?)'),
    target: db.prepare('INSERT INTO model_targets (model_id, symbol, weight) VALUES (?, ?, ?)'),
    account: db.prepare('INSERT INTO client_accounts (account_id, client_id, name, type, currency, cash, model_id) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    holding: db.prepare('INSERT INTO holdings (account_id, symbol, quantity, avg_cost) VALUES (?, ?, ?, ?)'),
    history: db.prepare('INSERT INTO account_history (account_id, dates, values_cents, flows_cents) VALUES (?, ?, ?, ?)'),
    prices: db.prepare('INSERT INTO price_history (symbol, first_date, closes_cents) VALUES (?, ?, ?)'),
    tx: db.prepare(
      'INSERT INTO account_transactions (account_id, date, kind, symbol, quantity, price, amount, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    interaction: db.prepare('INSERT INTO interactions (client_id, kind, subject, body, author, at) VALUES (?, ?, ?, ?, ?, ?)'),
    task: db.prepare('INSERT INTO tasks (client_id, owner, title, notes, due_date, done, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)'),
    appointment: db.prepare('INSERT INTO appointments (client_id, owner, title, location, starts_at, duration_minutes) VALUES (?, ?, ?, ?, ?, ?)'),
  };
  db.transaction(() => {
    for (const m of book.models) {
      ins.model.run(m.modelId, m.name, m.riskLevel, perMilleToDecimal(m.cashPerMille));
      for (const t of m.targets) ins.target.run(m.modelId, t.symbol, perMilleToDecimal(t.perMille));
    }
    for (const h of book.households) ins.household.run(h.householdId, h.name, h.advisor);
    for (const c of book.clients) {
      ins.client.run(c.clientId, c.name, c.advisor, c.riskTolerance, c.objective);
      ins.profile.run(
        c.clientId,
        c.householdId,
        c.email,
        c.phone,
        c.address,
        day(c.dateOfBirth),
        c.serviceTier,
        c.horizonYears,
        day(c.kycExpiresOn),
        c.reviewFrequencyMonths,
        day(c.lastReviewDate),
        JSON.stringify(c.excludedSectors),
        perMilleToDecimal(c.concentrationPerMille),
      );
    }
    for (const a of book.accounts) {
      ins.account.run(a.accountId, a.clientId, a.name, a.type, 'USD', centsToDecimal(a.cashCents), a.modelId);
      for (const h of a.holdings) ins.holding.run(a.accountId, h.symbol, String(h.quantity), avgCost(h.costCents, h.quantity));
      ins.history.run(a.accountId, JSON.stringify(dates.slice(a.startIndex)), JSON.stringify(a.values), JSON.stringify(a.flows));
    }
    for (const [symbol, closes] of book.closes) ins.prices.run(symbol, dates[0]!, JSON.stringify(closes));
    for (const t of book.transactions) {
      ins.tx.run(
        t.accountId,
        day(t.day),
        t.kind,
        t.symbol,
        t.quantity === null ? null : String(t.quantity),
        t.priceCents === null ? null : centsToDecimal(t.priceCents),
        centsToDecimal(t.amountCents),
        t.description,
      );
    }
    for (const i of book.interactions) ins.interaction.run(i.clientId, i.kind, i.subject, i.body, i.author, i.at);
    for (const t of book.tasks) ins.task.run(t.clientId, t.owner, t.title, '', day(t.dueDay), t.createdAt);
    for (const a of book.appointments) ins.appointment.run(a.clientId, a.owner, a.title, a.location, a.startsAt, a.durationMinutes);
  })();
}
