import { CLIENT_BOOK_BOOKED_FILLS_MIGRATION, CLIENT_BOOK_MIGRATION } from '../clientbook/schema.ts';

/**
 * The schema, as an append-only list: a database at version n runs the steps
 * after n, each in its own transaction. Never edit a step that has shipped;
 * add a new one. Decimals are TEXT (exact), times are epoch milliseconds.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: users, client book, order journal
  `
  CREATE TABLE users (
    username      TEXT PRIMARY KEY,
    display_name  TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('trader', 'advisor', 'deskHead')),
    desk          TEXT NOT NULL,
    salt          BLOB NOT NULL,
    password_hash BLOB NOT NULL
  );
  -- Books a trader or desk head trades for; an advisor's come from the client book.
  CREATE TABLE user_accounts (
    username   TEXT NOT NULL REFERENCES users(username),
    account_id TEXT NOT NULL,
    PRIMARY KEY (username, account_id)
  );

  CREATE TABLE clients (
    client_id      TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    advisor        TEXT NOT NULL,
    risk_tolerance INTEGER NOT NULL,
    objective      TEXT NOT NULL
  );
  CREATE TABLE client_accounts (
    account_id TEXT PRIMARY KEY,
    client_id  TEXT NOT NULL REFERENCES clients(client_id),
    name       TEXT NOT NULL,
    type       TEXT NOT NULL,
    currency   TEXT NOT NULL,
    cash       TEXT NOT NULL
  );
  CREATE TABLE holdings (
    account_id TEXT NOT NULL REFERENCES client_accounts(account_id),
    symbol     TEXT NOT NULL,
    quantity   TEXT NOT NULL,
    avg_cost   TEXT NOT NULL,
    PRIMARY KEY (account_id, symbol)
  );

  -- What was asked for; never updated. seq orders ids across restarts.
  CREATE TABLE orders (
    seq         INTEGER PRIMARY KEY,
    order_id    TEXT NOT NULL UNIQUE,
    cl_ord_id   TEXT NOT NULL,
    trader      TEXT NOT NULL,
    account     TEXT NOT NULL,
    symbol      TEXT NOT NULL,
    side        TEXT NOT NULL,
    type        TEXT NOT NULL,
    tif         TEXT NOT NULL,
    quantity    TEXT NOT NULL,
    limit_price TEXT,
    created_at  INTEGER NOT NULL
  );
  CREATE INDEX orders_trader_clordid ON orders (trader, cl_ord_id);

  -- The journal: one row per event, with the order's state after it, so the
  -- current state of an order is its static row plus its latest execution.
  CREATE TABLE executions (
    seq              INTEGER PRIMARY KEY,
    exec_id          TEXT NOT NULL UNIQUE,
    order_id         TEXT NOT NULL REFERENCES orders(order_id),
    exec_type        TEXT NOT NULL,
    last_qty         TEXT NOT NULL,
    last_px          TEXT NOT NULL,
    ts               INTEGER NOT NULL,
    status           TEXT NOT NULL,
    cum_qty          TEXT NOT NULL,
    leaves_qty       TEXT NOT NULL,
    filled_notional  TEXT NOT NULL,
    avg_px           TEXT NOT NULL,
    text             TEXT NOT NULL
  );
  CREATE INDEX executions_order ON executions (order_id, seq);
  `,
  // orders: stop/stop-limit, GTD, short sales, routing; cancel/replace and de-duplicated fills.
  // Mutable terms (ClOrdID, quantity, prices) now travel with each execution, because a replace
  // changes them; NULL there (rows from before) means "as in the orders row".
  `
  ALTER TABLE orders ADD COLUMN stop_price TEXT;
  ALTER TABLE orders ADD COLUMN expire_at INTEGER;
  ALTER TABLE orders ADD COLUMN locate TEXT;
  ALTER TABLE orders ADD COLUMN venue TEXT;
  ALTER TABLE executions ADD COLUMN cl_ord_id TEXT;
  ALTER TABLE executions ADD COLUMN orig_cl_ord_id TEXT;
  ALTER TABLE executions ADD COLUMN quantity TEXT;
  ALTER TABLE executions ADD COLUMN limit_price TEXT;
  ALTER TABLE executions ADD COLUMN stop_price TEXT;
  -- the venue's id of a fill: a resent report with a seen id is dropped, across restarts too
  ALTER TABLE executions ADD COLUMN venue_exec_id TEXT;
  -- the terms a pendingReplace asked for, so a restart can send the replace again
  ALTER TABLE executions ADD COLUMN req_cl_ord_id TEXT;
  ALTER TABLE executions ADD COLUMN req_quantity TEXT;
  ALTER TABLE executions ADD COLUMN req_limit_price TEXT;
  ALTER TABLE executions ADD COLUMN req_stop_price TEXT;
  CREATE INDEX executions_venue_exec ON executions (order_id, venue_exec_id) WHERE venue_exec_id IS NOT NULL;
  `,
  // kill switch: every set and clear, who, when and why; the switches in force are the fold of it.
  `
  CREATE TABLE kill_switch_events (
    seq          INTEGER PRIMARY KEY,
    action       TEXT NOT NULL CHECK (action IN ('set', 'clear')),
    scope_kind   TEXT NOT NULL CHECK (scope_kind IN ('trader', 'desk', 'all')),
    scope_value  TEXT NOT NULL,
    mode         TEXT NOT NULL CHECK (mode IN ('halted', 'reducing')),
    reason       TEXT NOT NULL,
    by_user      TEXT NOT NULL,
    at           INTEGER NOT NULL
  );
  `,
  // client book (issue 6): profiles, households, models, history, CRM, rebalancing, overrides
  CLIENT_BOOK_MIGRATION,
  // client book: fills booked into client accounts, once each
  CLIENT_BOOK_BOOKED_FILLS_MIGRATION,
];
