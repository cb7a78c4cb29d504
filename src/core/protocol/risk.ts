/**
 * Pre-trade risk messages: the kill switch (desk heads) and the limits the
 * ticket shows (riskLimits). Joined into ClientMessage and ServerMessage by
 * src/core/protocol.ts; docs/protocol.md ("Pre-trade risk and the kill
 * switch") shows an example of each.
 */
import { z } from 'zod';
import { DECIMAL_PATTERN } from '../decimal.ts';

const decimal = z.string().regex(DECIMAL_PATTERN, 'must be a decimal number written as a string, such as "101.25"');
const reqId = z.string().min(1).max(64).optional();
const name = z.string().min(1, 'must not be empty').max(64, 'is longer than 64 characters');

export const KILL_SWITCH_MODES = ['halted', 'reducing'] as const;

export const KillSwitchScopeWire = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('trader'), trader: name }),
  z.strictObject({ kind: z.literal('desk'), desk: name }),
  z.strictObject({ kind: z.literal('all') }),
]);
export type KillSwitchScopeWire = z.infer<typeof KillSwitchScopeWire>;

/** A switch in force. */
export const KillSwitchWire = z.strictObject({
  scope: KillSwitchScopeWire,
  mode: z.enum(KILL_SWITCH_MODES),
  reason: z.string(),
  setBy: z.string(),
  setAt: z.number(),
});
export type KillSwitchWire = z.infer<typeof KillSwitchWire>;

/** One set or clear, as kept; for a clear `mode` is the mode that was cleared. */
export const KillSwitchEventWire = z.strictObject({
  seq: z.number().int(),
  action: z.enum(['set', 'clear']),
  scope: KillSwitchScopeWire,
  mode: z.enum(KILL_SWITCH_MODES),
  reason: z.string(),
  by: z.string(),
  at: z.number(),
});
export type KillSwitchEventWire = z.infer<typeof KillSwitchEventWire>;

// ---------------------------------------------------------------- client → gateway

/** Desk heads only. Also cancels the scope's working orders. */
export const SetKillSwitchMsg = z.strictObject({
  type: z.literal('setKillSwitch'),
  reqId,
  scope: KillSwitchScopeWire,
  mode: z.enum(KILL_SWITCH_MODES),
  reason: z.string().trim().min(1, 'must say why').max(500, 'is longer than 500 characters'),
});
export const ClearKillSwitchMsg = z.strictObject({
  type: z.literal('clearKillSwitch'),
  reqId,
  scope: KillSwitchScopeWire,
  reason: z.string().max(500, 'is longer than 500 characters').optional(),
});
export const SubscribeKillSwitchMsg = z.strictObject({ type: z.literal('subscribeKillSwitch'), reqId });
/** The logged-in user's buying power, warning thresholds and kill-switch mode, for the ticket. */
export const RiskLimitsMsg = z.strictObject({ type: z.literal('riskLimits'), reqId });

export const RISK_REQUESTS = [SetKillSwitchMsg, ClearKillSwitchMsg, SubscribeKillSwitchMsg, RiskLimitsMsg] as const;

// ---------------------------------------------------------------- gateway → client

export const RiskAccountWire = z.strictObject({
  account: z.string(),
  /** The currency of buyingPower and used: the risk limits' base currency. */
  currency: z.string(),
  buyingPower: decimal,
  /** In use: today's net filled purchases plus the notional of the account's working buy orders. */
  used: decimal,
});
export type RiskAccountWire = z.infer<typeof RiskAccountWire>;

export const RISK_ANSWERS = [
  z.strictObject({ type: z.literal('killSwitchState'), reqId, switches: z.array(KillSwitchWire), history: z.array(KillSwitchEventWire) }),
  /** The answer to set/clear (with reqId and how many working orders were canceled) and the push to subscribed desk heads. */
  z.strictObject({ type: z.literal('killSwitchEvent'), reqId, event: KillSwitchEventWire, canceled: z.number().int().nonnegative().optional() }),
  z.strictObject({
    type: z.literal('riskLimits'),
    reqId,
    /** Accounts the limits give a buying power to. */
    accounts: z.array(RiskAccountWire),
    /** Per account: the largest quantity and notional (base currency) one order may have; the ticket warns before the gateway refuses. */
    orderLimits: z.array(z.strictObject({ account: z.string(), maxOrderQty: decimal, maxOrderNotional: decimal })).optional(),
    /** Base currency: above this notional the gateway asks the trader to confirm. */
    warnNotional: decimal,
    /** Further than this percent from the reference (on the side that trades through the market) asks to confirm. */
    warnCollarPercent: decimal,
    /** Further than this percent is refused. */
    collarPercent: decimal,
    mode: z.enum(['active', 'halted', 'reducing']),
    baseCurrency: z.string(),
    /** Units of the base currency per unit of each other currency: to value an order as the gateway does. */
    fxRates: z.record(z.string(), decimal),
  }),
] as const;

export interface RiskResponseTypes {
  setKillSwitch: 'killSwitchEvent';
  clearKillSwitch: 'killSwitchEvent';
  subscribeKillSwitch: 'killSwitchState';
  riskLimits: 'riskLimits';
}
