import { dirname, join } from 'node:path';
import { type Decimal, toWire } from '../../src/core/decimal.ts';
import type { Order } from '../../src/core/order.ts';
import { type AppendLog, openAppendLog, readLogLines } from '../storage/appendLog.ts';
import type { Db } from '../storage/database.ts';
import type { Execution } from './execution.ts';
import { decimalText } from './decimalText.ts';
import { begin, byte1, byte2, byte3, copyText, lit, literal, num, numOrNull, plain, plainStrOrNull, str, strOrNull, takeString, written } from './jsonWriter.ts';
import { EXEC_COLUMNS, type ExecRow, ExecRowSchema, ORDER_COLUMNS, type OrderRow, OrderRowSchema } from './journalRows.ts';
import { type ReplayedJournal, replayJournal } from './replay.ts';

/**
 * The order journal: an append-only file beside the database
 * (`orders.journal`), one line per event, made durable with fdatasync before
 * anything about the event is announced.
 *
 * Why a file and not SQLite rows (which it was until the order path had to
 * carry tens of thousands of orders a second): an insert of a 23-column row
 * cost ~12 µs of the gateway's one thread, three rows an order, and the
 * commit's fsync blocked that thread. A line costs one small JSON.stringify;
 * the writes of a batch go to the kernel in one write(), and the fdatasync
 * runs on libuv's thread pool while the gateway fills the next batch
 * (server/oms/commitQueue.ts). Orders journaled in SQLite by older versions
 * are still read at start, before the file.
 *
 * Format: a header line naming the columns,
 *   {"journal":"orders","version":1,"order":[...],"exec":[...]}
 * then `["o", ...an OrderRow's values]` for a new order and
 * `["e", ...an ExecRow's values]` for each event, in journal order.
 */
export interface Journal {
  /** A new order and its first event (pendingNew, or rejected). */
  recordNewOrder(orderSeq: number, order: Order, execSeq: number, first: Execution): void;
  recordExecution(execSeq: number, e: Execution): void;
  load(): ReplayedJournal;
}

/** What the commit queue needs of a journal: batches written together, then synced. */
export interface DurableLog {
  /**
   * Runs `writes` (which record events) with their lines held back, then
   * writes them to the file in one go, not yet durable. If `writes` throws,
   * none of its lines reach the file.
   */
  batch(writes: () => void): void;
  /** Makes every batch written so far durable; `done` runs on the event loop afterwards. */
  sync(done: (err: Error | null) => void): void;
  syncNow(): void;
}

export interface FileJournal extends Journal, DurableLog {
  readonly path: string;
  close(): void;
}

export const JOURNAL_FILE = 'orders.journal';
const JOURNAL_VERSION = 1;

const wireOrNull = (d: Decimal | null | undefined): string | null => (d === null || d === undefined ? null : toWire(d));

export function execRowOf(seq: number, e: Execution): ExecRow {
  const o = e.order;
  return {
    seq,
    exec_id: e.execId,
    order_id: o.orderId,
    exec_type: e.execType,
    last_qty: toWire(e.lastQty),
    last_px: toWire(e.lastPx),
    ts: e.ts,
    status: o.status,
    cum_qty: toWire(o.cumQty),
    leaves_qty: toWire(o.leavesQty),
    filled_notional: toWire(o.filledNotional),
    avg_px: toWire(o.avgPx),
    text: o.text,
    cl_ord_id: o.clOrdId,
    orig_cl_ord_id: o.origClOrdId,
    quantity: toWire(o.quantity),
    limit_price: wireOrNull(o.limitPrice),
    stop_price: wireOrNull(o.stopPrice),
    venue_exec_id: e.venueExecId ?? null,
    req_cl_ord_id: e.requested?.clOrdId ?? null,
    req_quantity: wireOrNull(e.requested?.quantity),
    req_limit_price: wireOrNull(e.requested?.limitPrice),
    req_stop_price: wireOrNull(e.requested?.stopPrice),
  };
}

export function orderRowOf(seq: number, o: Order): OrderRow {
  return {
    seq,
    order_id: o.orderId,
    cl_ord_id: o.clOrdId,
    trader: o.trader,
    account: o.account,
    symbol: o.symbol,
    side: o.side,
    type: o.type,
    tif: o.tif,
    quantity: toWire(o.quantity),
    limit_price: wireOrNull(o.limitPrice),
    created_at: o.createdAt,
    stop_price: wireOrNull(o.stopPrice),
    expire_at: o.expireAt,
    locate: o.locate,
    venue: o.venue ?? null,
  };
}

/*
 * The lines are written straight as JSON text (server/oms/jsonWriter.ts), the
 * same bytes as JSON.stringify of the row's values in column order, without
 * the array of values and the stringifier's garbage; decimals come from
 * decimalText, which the event's execution report uses too.
 */
const O_HEAD = literal('["o",');
const E_HEAD = literal('["e",');
// Separators as bytes: a call with constants costs less than copying a one- to three-byte literal.
const Q = 0x22;
const C = 0x2c;
const COMMA = (): void => byte1(C);
const COMMA_QUOTE = (): void => byte2(C, Q);
const QUOTE_COMMA = (): void => byte2(Q, C);
const QUOTE_COMMA_QUOTE = (): void => byte3(Q, C, Q);
const END = literal(']');

const textOrNull = (d: Decimal | null | undefined): string | null => (d === null || d === undefined ? null : decimalText(d));

/** A new order's line: the values of `orderRowOf`, in ORDER_COLUMNS order, without building the row. */
export function orderLine(seq: number, o: Order): string {
  writeOrderLine(seq, o);
  return takeString();
}

/** Writes a new order's line as the writer's text in progress (the journal copies the bytes from there). */
function writeOrderLine(seq: number, o: Order): void {
  begin();
  lit(O_HEAD);
  num(seq);
  COMMA();
  str(o.orderId);
  COMMA();
  str(o.clOrdId);
  COMMA();
  str(o.trader);
  COMMA();
  str(o.account);
  COMMA();
  str(o.symbol);
  COMMA_QUOTE();
  plain(o.side);
  QUOTE_COMMA_QUOTE();
  plain(o.type);
  QUOTE_COMMA_QUOTE();
  plain(o.tif);
  QUOTE_COMMA_QUOTE();
  plain(decimalText(o.quantity));
  QUOTE_COMMA();
  plainStrOrNull(textOrNull(o.limitPrice));
  COMMA();
  num(o.createdAt);
  COMMA();
  plainStrOrNull(textOrNull(o.stopPrice));
  COMMA();
  numOrNull(o.expireAt);
  COMMA();
  strOrNull(o.locate);
  COMMA();
  strOrNull(o.venue ?? null);
  lit(END);
}

/** An event's line: the values of `execRowOf`, in EXEC_COLUMNS order. */
export function execLine(seq: number, e: Execution): string {
  writeExecLine(seq, e);
  return takeString();
}

/** Writes an event's line as the writer's text in progress. */
function writeExecLine(seq: number, e: Execution): void {
  const o = e.order;
  const r = e.requested;
  begin();
  lit(E_HEAD);
  num(seq);
  COMMA();
  str(e.execId);
  COMMA();
  str(o.orderId);
  COMMA_QUOTE();
  plain(e.execType);
  QUOTE_COMMA_QUOTE();
  plain(decimalText(e.lastQty));
  QUOTE_COMMA_QUOTE();
  plain(decimalText(e.lastPx));
  QUOTE_COMMA();
  num(e.ts);
  COMMA_QUOTE();
  plain(o.status);
  QUOTE_COMMA_QUOTE();
  plain(decimalText(o.cumQty));
  QUOTE_COMMA_QUOTE();
  plain(decimalText(o.leavesQty));
  QUOTE_COMMA_QUOTE();
  plain(decimalText(o.filledNotional));
  QUOTE_COMMA_QUOTE();
  plain(decimalText(o.avgPx));
  QUOTE_COMMA();
  str(o.text);
  COMMA();
  str(o.clOrdId);
  COMMA();
  strOrNull(o.origClOrdId);
  COMMA_QUOTE();
  plain(decimalText(o.quantity));
  QUOTE_COMMA();
  plainStrOrNull(textOrNull(o.limitPrice));
  COMMA();
  plainStrOrNull(textOrNull(o.stopPrice));
  COMMA();
  strOrNull(e.venueExecId ?? null);
  COMMA();
  strOrNull(r?.clOrdId ?? null);
  COMMA();
  plainStrOrNull(textOrNull(r?.quantity));
  COMMA();
  plainStrOrNull(textOrNull(r?.limitPrice));
  COMMA();
  plainStrOrNull(textOrNull(r?.stopPrice));
  lit(END);
}

const headerLine = () => JSON.stringify({ journal: 'orders', version: JOURNAL_VERSION, order: ORDER_COLUMNS, exec: EXEC_COLUMNS });

interface Header {
  order: readonly string[];
  exec: readonly string[];
}

function parseHeader(line: string): Header | string {
  let h: unknown;
  try {
    h = JSON.parse(line);
  } catch {
    return 'the first line is not JSON';
  }
  const o = h as { journal?: unknown; version?: unknown; order?: unknown; exec?: unknown };
  if (o?.journal !== 'orders' || !Array.isArray(o.order) || !Array.isArray(o.exec)) return 'the first line is not an order journal header';
  if (typeof o.version !== 'number' || o.version > JOURNAL_VERSION) return `journal version ${String(o.version)} is newer than this gateway knows (${JOURNAL_VERSION})`;
  return { order: o.order as string[], exec: o.exec as string[] };
}

/** Reads a journal file's rows; bad lines become problems (for the log) and are left out. */
export function readJournalFile(path: string): { orders: OrderRow[]; execs: ExecRow[]; problems: string[] } {
  const { lines, tornBytes } = readLogLines(path);
  const problems: string[] = [];
  if (tornBytes > 0) problems.push(`${path}: cut off an unfinished last line of ${tornBytes} bytes (a write torn by a crash; it was never acknowledged)`);
  const orders: OrderRow[] = [];
  const execs: ExecRow[] = [];
  if (lines.length === 0) return { orders, execs, problems };
  const header = parseHeader(lines[0]!);
  if (typeof header === 'string') throw new Error(`${path}: ${header}; refusing to start on a journal it cannot read`);
  for (let i = 1; i < lines.length; i++) {
    let values: unknown;
    try {
      values = JSON.parse(lines[i]!);
    } catch {
      problems.push(`${path}:${i + 1}: not JSON`);
      continue;
    }
    if (!Array.isArray(values) || (values[0] !== 'o' && values[0] !== 'e')) {
      problems.push(`${path}:${i + 1}: not an order or execution line`);
      continue;
    }
    const names = values[0] === 'o' ? header.order : header.exec;
    const row: Record<string, unknown> = {};
    names.forEach((name, k) => (row[name] = values[k + 1] ?? null));
    const parsed = (values[0] === 'o' ? OrderRowSchema : ExecRowSchema).safeParse(row);
    if (!parsed.success) {
      problems.push(`${path}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')} ${x.message}`).join('; ')}`);
      continue;
    }
    if (values[0] === 'o') orders.push(parsed.data as OrderRow);
    else execs.push(parsed.data as ExecRow);
  }
  return { orders, execs, problems };
}

/**
 * The journal of a gateway whose database is `db`: the file sits beside it.
 * Outside a batch, each record is written and synced before it returns (the
 * OMS without a commit queue, as in unit tests).
 */
export function createJournal(db: Db, path: string = join(dirname(db.name), JOURNAL_FILE)): FileJournal {
  const legacyTables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('orders', 'executions')").get() as { n: number };
  const allOrders = legacyTables.n === 2 ? db.prepare('SELECT * FROM orders ORDER BY seq') : undefined;
  const allExecs = legacyTables.n === 2 ? db.prepare('SELECT * FROM executions ORDER BY seq') : undefined;
  let log: AppendLog | undefined;
  let inBatch = false;

  function file(): AppendLog {
    if (log === undefined) {
      // Reading first cuts off a torn last line, so the header check and new lines start clean.
      const { lines } = readLogLines(path);
      log = openAppendLog(path);
      if (lines.length === 0) {
        // Written at once: a first batch that fails and is discarded must not take the header with it.
        log.append(headerLine());
        log.writeOut();
      }
    }
    return log;
  }

  /** Outside a batch, what was appended is written and synced before returning. */
  function settle(f: AppendLog): void {
    if (inBatch) return;
    f.writeOut();
    f.syncNow();
  }

  return {
    path,
    // Each line's bytes go from the writer straight into the log's batch: no string made and encoded back.
    recordNewOrder: (orderSeq, order, execSeq, first) => {
      const f = file();
      writeOrderLine(orderSeq, order);
      f.appendBytes(written(), copyText);
      writeExecLine(execSeq, first);
      f.appendBytes(written(), copyText);
      settle(f);
    },
    recordExecution: (execSeq, e) => {
      const f = file();
      writeExecLine(execSeq, e);
      f.appendBytes(written(), copyText);
      settle(f);
    },
    load() {
      const legacyOrders = (allOrders?.all() ?? []) as OrderRow[];
      const legacyExecs = (allExecs?.all() ?? []) as ExecRow[];
      const fromFile = readJournalFile(path);
      const replayed = replayJournal([...legacyOrders, ...fromFile.orders], [...legacyExecs, ...fromFile.execs]);
      return { ...replayed, problems: [...fromFile.problems, ...replayed.problems] };
    },
    batch(writes) {
      const f = file();
      inBatch = true;
      try {
        writes();
      } catch (err) {
        f.discard();
        throw err;
      } finally {
        inBatch = false;
      }
      f.writeOut();
    },
    sync(done) {
      file().sync(done);
    },
    syncNow() {
      file().syncNow();
    },
    close() {
      log?.close();
      log = undefined;
    },
  };
}
