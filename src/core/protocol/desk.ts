/**
 * The desk monitor's messages (issue 5): the roll-up desk → trader → book →
 * instrument, limit utilisation, alerts and the intraday P&L series. Joined
 * into ClientMessage and ServerMessage by src/core/protocol.ts;
 * docs/protocol.md ("Desk monitor") shows an example of each.
 *
 * Every money amount of a line is in the roll-up's base currency (named once
 * in the snapshot); an instrument line also carries its quantity, average
 * price and mark in the instrument's own price currency.
 */
import { z } from 'zod';
import { DECIMAL_PATTERN } from '../decimal.ts';
import { COST_METHODS } from '../pnl/inventory.ts';

const decimal = z.string().regex(DECIMAL_PATTERN, 'must be a decimal number written as a string, such as "101.25"');
const reqId = z.string().min(1).max(64).optional();

export const DESK_LEVELS = ['desk', 'trader', 'book', 'instrument'] as const;
export type DeskLevel = (typeof DESK_LEVELS)[number];

export const LIMIT_METRICS = ['grossExposure', 'netExposure', 'dailyLoss', 'position'] as const;
export type LimitMetric = (typeof LIMIT_METRICS)[number];

export const LIMIT_LEVELS = ['ok', 'warning', 'breach'] as const;
export type LimitLevel = (typeof LIMIT_LEVELS)[number];

export const LIMIT_SCOPES = ['trader', 'desk'] as const;
export type LimitScope = (typeof LIMIT_SCOPES)[number];

/** One line of the roll-up: a group (desk, trader, book) with its sums, or one instrument position. */
export const DeskLineWire = z.strictObject({
  /** Stable across updates: the path from the desk down, e.g. "Equities/trader1/T1-MAIN/AAPL". */
  id: z.string(),
  parentId: z.string().nullable(),
  level: z.enum(DESK_LEVELS),
  /** The key at this level: desk name, trader, account (book) or symbol. */
  label: z.string(),
  /** Positions under this line. */
  positions: z.number().int().nonnegative(),
  /** Instrument lines only: signed quantity, price currency, average price and mark. */
  quantity: decimal.nullable(),
  priceCurrency: z.string().nullable(),
  averagePrice: decimal.nullable(),
  mark: decimal.nullable(),
  /** Base currency from here on. */
  marketValue: decimal,
  grossExposure: decimal,
  netExposure: decimal,
  realized: decimal,
  unrealized: decimal,
  /** Today's P&L against start-of-day marks, before fees. */
  daily: decimal,
  fees: decimal,
  /** daily − fees: what the day made. */
  dailyNet: decimal,
});
export type DeskLineWire = z.infer<typeof DeskLineWire>;

export const LimitUsageWire = z.strictObject({
  scope: z.enum(LIMIT_SCOPES),
  /** Trader name or desk name. */
  name: z.string(),
  metric: z.enum(LIMIT_METRICS),
  /** For a position limit: the instrument. */
  symbol: z.string().nullable(),
  /** What is used now: exposure in base currency, today's loss in base currency (0 when making money), or |quantity|. */
  value: decimal,
  limit: decimal,
  /** value ÷ limit in percent, two places. */
  utilisation: decimal,
  level: z.enum(LIMIT_LEVELS),
});
export type LimitUsageWire = z.infer<typeof LimitUsageWire>;

export const AlertWire = z.strictObject({
  id: z.string(),
  ts: z.number(),
  scope: z.enum(LIMIT_SCOPES),
  name: z.string(),
  metric: z.enum(LIMIT_METRICS),
  symbol: z.string().nullable(),
  /** 'cleared' when a limit that was in warning or breach is back under the warning level. */
  level: z.enum(['warning', 'breach', 'cleared']),
  utilisation: decimal,
  message: z.string(),
  /** What the gateway did about it, e.g. "trader1 set to REDUCING". */
  action: z.string().nullable(),
});
export type AlertWire = z.infer<typeof AlertWire>;

export const PnlPointWire = z.strictObject({ time: z.number().int(), net: decimal });
export const PnlSeriesWire = z.strictObject({
  /** "desk:Equities" or "trader:trader1". */
  key: z.string(),
  label: z.string(),
  points: z.array(PnlPointWire),
});
export type PnlSeriesWire = z.infer<typeof PnlSeriesWire>;

// ---------------------------------------------------------------- client → gateway

/**
 * The desk roll-up, limits, alerts and P&L series. A desk head sees the whole
 * desk; a trader sees their own part; an advisor is refused.
 */
export const SubscribeDeskMsg = z.strictObject({ type: z.literal('subscribeDesk'), reqId, method: z.enum(COST_METHODS).optional() });
export const UnsubscribeDeskMsg = z.strictObject({ type: z.literal('unsubscribeDesk'), reqId });

export const DESK_REQUESTS = [SubscribeDeskMsg, UnsubscribeDeskMsg] as const;

// ---------------------------------------------------------------- gateway → client

export const DESK_ANSWERS = [
  z.strictObject({
    type: z.literal('deskSnapshot'),
    reqId,
    base: z.string(),
    method: z.enum(COST_METHODS),
    asOf: z.number(),
    lines: z.array(DeskLineWire),
    limits: z.array(LimitUsageWire),
    alerts: z.array(AlertWire),
    pnlSeries: z.array(PnlSeriesWire),
  }),
  /** The whole roll-up again (it is small), at most a few times a second while anything moves. */
  z.strictObject({ type: z.literal('deskUpdate'), asOf: z.number(), lines: z.array(DeskLineWire), limits: z.array(LimitUsageWire) }),
  z.strictObject({ type: z.literal('deskAlert'), alert: AlertWire }),
  z.strictObject({ type: z.literal('pnlPoints'), points: z.array(z.strictObject({ key: z.string(), time: z.number().int(), net: decimal })) }),
  z.strictObject({ type: z.literal('deskUnsubscribed'), reqId }),
] as const;
