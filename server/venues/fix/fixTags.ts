import type { OrderStatus, OrderType, Side, TimeInForce } from '../../../src/core/order.ts';

/** The FIX tags this venue reads or writes (same numbers in FIX 4.2 and 4.4). */
export const Tag = {
  Account: 1,
  AvgPx: 6,
  ClOrdID: 11,
  CumQty: 14,
  ExecID: 17,
  ExecTransType: 20,
  HandlInst: 21,
  LastPx: 31,
  LastQty: 32, // LastShares in FIX 4.2
  MsgSeqNum: 34,
  MsgType: 35,
  OrderID: 37,
  OrderQty: 38,
  OrdStatus: 39,
  OrdType: 40,
  OrigClOrdID: 41,
  PossDupFlag: 43,
  Price: 44,
  RefSeqNum: 45,
  Side: 54,
  Symbol: 55,
  Text: 58,
  TimeInForce: 59,
  CxlRejReason: 102,
  ResetSeqNumFlag: 141,
  ExecType: 150,
  LeavesQty: 151,
  RefTagID: 371,
  RefMsgType: 372,
  SessionRejectReason: 373,
  BusinessRejectRefID: 379,
  BusinessRejectReason: 380,
  CxlRejResponseTo: 434,
} as const;

export const MsgType = {
  Heartbeat: '0',
  TestRequest: '1',
  ResendRequest: '2',
  Reject: '3',
  SequenceReset: '4',
  Logout: '5',
  ExecutionReport: '8',
  OrderCancelReject: '9',
  Logon: 'A',
  NewOrderSingle: 'D',
  OrderCancelRequest: 'F',
  OrderCancelReplaceRequest: 'G',
  BusinessMessageReject: 'j',
} as const;

/** The FIX versions this venue speaks; 4.2 because QuickFIX's ordermatch example understands nothing newer. */
export const FIX_VERSIONS = ['FIX.4.2', 'FIX.4.4'] as const;
export type FixVersion = (typeof FIX_VERSIONS)[number];

export const SIDE_CODE: Record<Side, string> = { buy: '1', sell: '2', sellShort: '5' };
export const ORD_TYPE_CODE: Record<OrderType, string> = { market: '1', limit: '2', stop: '3', stopLimit: '4' };
export const TIF_CODE: Record<TimeInForce, string> = { day: '0', gtc: '1', ioc: '3', fok: '4', gtd: '6' };
/** HandlInst 1: automated execution, no broker intervention. Required in FIX 4.2, harmless in 4.4. */
export const HANDL_INST_AUTOMATED = '1';

/** OrdStatus (39) as the domain spells it; codes the domain has no word for map to null. */
export const ORD_STATUS: Readonly<Record<string, OrderStatus>> = {
  '0': 'new',
  '1': 'partiallyFilled',
  '2': 'filled',
  '4': 'canceled',
  '5': 'replaced',
  '6': 'pendingCancel',
  '8': 'rejected',
  A: 'pendingNew',
  C: 'expired',
  E: 'pendingReplace',
};

export const CXL_REJ_REASON: Readonly<Record<string, string>> = {
  '0': 'too late to cancel',
  '1': 'unknown order',
  '2': 'broker option',
  '3': 'order already pending cancel or replace',
  '4': 'unable to process an order mass cancel request',
  '5': 'OrigOrdModTime did not match the last TransactTime of the order',
  '6': 'duplicate ClOrdID',
  '99': 'other',
};

export const SESSION_REJECT_REASON: Readonly<Record<string, string>> = {
  '0': 'invalid tag number',
  '1': 'required tag missing',
  '2': 'tag not defined for this message type',
  '3': 'undefined tag',
  '4': 'tag specified without a value',
  '5': 'value is incorrect (out of range) for this tag',
  '6': 'incorrect data format for value',
  '7': 'decryption problem',
  '8': 'signature problem',
  '9': 'CompID problem',
  '10': 'SendingTime accuracy problem',
  '11': 'invalid MsgType',
  '13': 'tag appears more than once',
  '14': 'tag specified out of required order',
  '15': 'repeating group fields out of order',
  '16': 'incorrect NumInGroup count for repeating group',
  '99': 'other',
};

export const BUSINESS_REJECT_REASON: Readonly<Record<string, string>> = {
  '0': 'other',
  '1': 'unknown ID',
  '2': 'unknown security',
  '3': 'unsupported message type',
  '4': 'application not available',
  '5': 'conditionally required field missing',
  '6': 'not authorized',
  '7': 'DeliverTo firm not available at this time',
};
