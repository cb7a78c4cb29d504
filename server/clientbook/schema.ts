/**
 * The client book's tables beyond the first schema (issue 6): profiles and
 * households, models, daily value history, transactions, the client record
 * (CRM), research distribution, prospects, rebalancing with block orders and
 * their allocations, and kept suitability overrides. Appended as one step to
 * server/storage/migrations.ts. Decimals are TEXT, times epoch ms, dates YYYY-MM-DD.
 */
export const CLIENT_BOOK_MIGRATION = `
  CREATE TABLE households (
    household_id TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    advisor      TEXT NOT NULL
  );
  CREATE TABLE client_profiles (
    client_id               TEXT PRIMARY KEY REFERENCES clients(client_id),
    household_id            TEXT NOT NULL REFERENCES households(household_id),
    email                   TEXT NOT NULL,
    phone                   TEXT NOT NULL,
    address                 TEXT NOT NULL,
    date_of_birth           TEXT NOT NULL,
    service_tier            TEXT NOT NULL,
    horizon_years           INTEGER NOT NULL,
    kyc_expires_on          TEXT NOT NULL,
    review_frequency_months INTEGER NOT NULL,
    last_review_date        TEXT NOT NULL,
    excluded_sectors        TEXT NOT NULL, -- JSON array of sector names
    concentration_limit     TEXT NOT NULL
  );
  CREATE TABLE models (
    model_id    TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    risk_level  INTEGER NOT NULL,
    cash_weight TEXT NOT NULL
  );
  CREATE TABLE model_targets (
    model_id TEXT NOT NULL REFERENCES models(model_id),
    symbol   TEXT NOT NULL,
    weight   TEXT NOT NULL,
    PRIMARY KEY (model_id, symbol)
  );
  ALTER TABLE client_accounts ADD COLUMN model_id TEXT;
  -- Close-of-day values and external flows of every business day, integer cents as JSON arrays:
  -- one row per account keeps 300 accounts x 3 years one quick read.
  CREATE TABLE account_history (
    account_id   TEXT PRIMARY KEY REFERENCES client_accounts(account_id),
    dates        TEXT NOT NULL, -- JSON array of YYYY-MM-DD
    values_cents TEXT NOT NULL,
    flows_cents  TEXT NOT NULL
  );
  CREATE TABLE price_history (
    symbol       TEXT PRIMARY KEY,
    first_date   TEXT NOT NULL,
    closes_cents TEXT NOT NULL -- JSON array, one per business day from first_date
  );
  CREATE TABLE account_transactions (
    seq         INTEGER PRIMARY KEY,
    account_id  TEXT NOT NULL,
    date        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('buy', 'sell', 'deposit', 'withdrawal', 'dividend', 'fee')),
    symbol      TEXT,
    quantity    TEXT,
    price       TEXT,
    amount      TEXT NOT NULL,
    description TEXT NOT NULL
  );
  CREATE INDEX account_transactions_account ON account_transactions (account_id, seq);
  CREATE TABLE interactions (
    seq       INTEGER PRIMARY KEY,
    client_id TEXT NOT NULL,
    kind      TEXT NOT NULL,
    subject   TEXT NOT NULL,
    body      TEXT NOT NULL,
    author    TEXT NOT NULL,
    at        INTEGER NOT NULL
  );
  CREATE INDEX interactions_client ON interactions (client_id, at);
  CREATE TABLE tasks (
    seq          INTEGER PRIMARY KEY,
    client_id    TEXT,
    owner        TEXT NOT NULL,
    title        TEXT NOT NULL,
    notes        TEXT NOT NULL,
    due_date     TEXT NOT NULL,
    done         INTEGER NOT NULL DEFAULT 0,
    created_at   INTEGER NOT NULL,
    completed_at INTEGER
  );
  CREATE TABLE appointments (
    seq              INTEGER PRIMARY KEY,
    client_id        TEXT NOT NULL,
    owner            TEXT NOT NULL,
    title            TEXT NOT NULL,
    location         TEXT NOT NULL,
    starts_at        INTEGER NOT NULL,
    duration_minutes INTEGER NOT NULL
  );
  CREATE TABLE correspondence (
    seq       INTEGER PRIMARY KEY,
    client_id TEXT NOT NULL,
    template  TEXT NOT NULL,
    subject   TEXT NOT NULL,
    body      TEXT NOT NULL,
    sent_by   TEXT NOT NULL,
    sent_at   INTEGER NOT NULL
  );
  CREATE TABLE service_requests (
    seq         INTEGER PRIMARY KEY,
    client_id   TEXT NOT NULL,
    kind        TEXT NOT NULL,
    description TEXT NOT NULL,
    status      TEXT NOT NULL,
    opened_by   TEXT NOT NULL,
    opened_at   INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
  );
  CREATE TABLE service_request_events (
    seq         INTEGER PRIMARY KEY,
    request_seq INTEGER NOT NULL REFERENCES service_requests(seq),
    status      TEXT NOT NULL,
    note        TEXT NOT NULL,
    by_user     TEXT NOT NULL,
    at          INTEGER NOT NULL
  );
  CREATE TABLE research_notes (
    seq          INTEGER PRIMARY KEY,
    title        TEXT NOT NULL,
    summary      TEXT NOT NULL,
    body         TEXT NOT NULL,
    symbols      TEXT NOT NULL, -- JSON array
    author       TEXT NOT NULL,
    published_at INTEGER NOT NULL
  );
  CREATE TABLE research_deliveries (
    note_seq  INTEGER NOT NULL REFERENCES research_notes(seq),
    client_id TEXT NOT NULL,
    sent_by   TEXT NOT NULL,
    sent_at   INTEGER NOT NULL,
    PRIMARY KEY (note_seq, client_id)
  );
  CREATE TABLE prospects (
    seq            INTEGER PRIMARY KEY,
    name           TEXT NOT NULL,
    email          TEXT NOT NULL,
    phone          TEXT NOT NULL,
    source         TEXT NOT NULL,
    notes          TEXT NOT NULL,
    advisor        TEXT NOT NULL,
    risk_tolerance INTEGER,
    created_at     INTEGER NOT NULL,
    client_id      TEXT
  );
  CREATE TABLE rebalance_proposals (
    seq        INTEGER PRIMARY KEY,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    proposal   TEXT NOT NULL, -- the RebalanceProposalWire as sent, JSON
    sent_at    INTEGER
  );
  CREATE TABLE block_orders (
    order_id     TEXT PRIMARY KEY,
    proposal_seq INTEGER NOT NULL REFERENCES rebalance_proposals(seq),
    symbol       TEXT NOT NULL,
    side         TEXT NOT NULL,
    quantity     TEXT NOT NULL,
    allocated_at INTEGER
  );
  CREATE TABLE allocations (
    seq          INTEGER PRIMARY KEY,
    proposal_seq INTEGER NOT NULL,
    order_id     TEXT NOT NULL REFERENCES block_orders(order_id),
    account_id   TEXT NOT NULL,
    client_id    TEXT NOT NULL,
    symbol       TEXT NOT NULL,
    side         TEXT NOT NULL,
    quantity     TEXT NOT NULL,
    price        TEXT NOT NULL,
    at           INTEGER NOT NULL
  );
  CREATE INDEX allocations_order ON allocations (order_id);
  CREATE TABLE suitability_overrides (
    seq           INTEGER PRIMARY KEY,
    order_id      TEXT NOT NULL,
    cl_ord_id     TEXT NOT NULL,
    account_id    TEXT NOT NULL,
    client_id     TEXT NOT NULL,
    symbol        TEXT NOT NULL,
    side          TEXT NOT NULL,
    quantity      TEXT NOT NULL,
    warnings      TEXT NOT NULL, -- JSON [{rule, message}]
    justification TEXT NOT NULL,
    by_user       TEXT NOT NULL,
    at            INTEGER NOT NULL
  );
  CREATE INDEX suitability_overrides_client ON suitability_overrides (client_id, seq);
`;

/**
 * Fills already booked into client accounts, by execution id: a fill is booked
 * once, and fills the gateway journaled but did not book before a crash are
 * booked at the next start.
 */
export const CLIENT_BOOK_BOOKED_FILLS_MIGRATION = `
  CREATE TABLE booked_fills (
    exec_id    TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    at         INTEGER NOT NULL
  );
`;
