/**
 * The client book's messages (issue 6): the advisor's list and client view,
 * the client record (CRM), research distribution, prospects, search, and
 * model rebalancing with block orders. Joined into ClientMessage and
 * ServerMessage by src/core/protocol.ts; docs/protocol.md ("Client book")
 * shows an example of each.
 *
 * Conventions as in the rest of the protocol: decimals are strings, times are
 * epoch milliseconds, calendar dates are 'YYYY-MM-DD', rates of return are
 * fractions written as decimals ("0.0123" is 1.23 %). Kept free of imports from
 * protocol.ts so the two files cannot import each other in a cycle.
 */
import { z } from 'zod';
import { DECIMAL_PATTERN } from '../decimal.ts';

const decimal = z.string().regex(DECIMAL_PATTERN, 'must be a decimal number written as a string, such as "101.25"');
const reqId = z.string().min(1).max(64).optional();
const id = z.string().min(1, 'must not be empty').max(64, 'is longer than 64 characters');
const text = (max: number) => z.string().max(max, `is longer than ${max} characters`);
const requiredText = (max: number) => text(max).refine((s) => s.trim().length > 0, 'must not be empty');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');
const epochMs = z.number().int().nonnegative();

// ---------------------------------------------------------------- shared vocabularies

export const INTERACTION_KINDS = ['call', 'meeting', 'email', 'note'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

export const KYC_STATUSES = ['current', 'dueSoon', 'expired'] as const;
export type KycStatus = (typeof KYC_STATUSES)[number];

export const SERVICE_TIERS = ['standard', 'premier', 'private'] as const;
export type ServiceTier = (typeof SERVICE_TIERS)[number];

/** Why a client shows in the "needs attention" filter. */
export const ATTENTION_FLAGS = ['reviewOverdue', 'driftOverThreshold', 'kycExpired', 'largeCash'] as const;
export type AttentionFlag = (typeof ATTENTION_FLAGS)[number];

export const TRANSACTION_KINDS = ['buy', 'sell', 'deposit', 'withdrawal', 'dividend', 'fee'] as const;
export type TransactionKind = (typeof TRANSACTION_KINDS)[number];

export const SERVICE_REQUEST_KINDS = ['addressChange', 'transfer', 'withdrawal', 'documentRequest', 'accountOpening', 'other'] as const;
export type ServiceRequestKind = (typeof SERVICE_REQUEST_KINDS)[number];
export const SERVICE_REQUEST_STATUSES = ['open', 'inProgress', 'done', 'cancelled'] as const;
export type ServiceRequestStatus = (typeof SERVICE_REQUEST_STATUSES)[number];

/** Letter templates the gateway can fill in for a client. */
export const CORRESPONDENCE_TEMPLATES = ['reviewInvitation', 'kycRenewal', 'rebalanceNotice', 'welcome', 'marketUpdate'] as const;
export type CorrespondenceTemplate = (typeof CORRESPONDENCE_TEMPLATES)[number];

export const PERFORMANCE_PERIODS = ['MTD', 'QTD', 'YTD', '1Y', 'SI'] as const;

/** Every "n/a" a return can have: too short a history, or no money in. */
const rate = decimal.nullable();

// ---------------------------------------------------------------- wire shapes (gateway → client)

export const PeriodReturnsWire = z.strictObject({ mtd: rate, qtd: rate, ytd: rate, oneYear: rate });
export type PeriodReturnsWire = z.infer<typeof PeriodReturnsWire>;

/** One row of the advisor's client list. Money is in the client's reporting currency (USD). */
export const ClientSummaryWire = z.strictObject({
  clientId: z.string(),
  name: z.string(),
  householdId: z.string(),
  householdName: z.string(),
  advisor: z.string(),
  serviceTier: z.enum(SERVICE_TIERS),
  riskTolerance: z.number().int().min(1).max(5),
  objective: z.string(),
  kycStatus: z.enum(KYC_STATUSES),
  currency: z.string(),
  /** Assets under management: holdings at the latest price plus cash. */
  aum: decimal,
  cash: decimal,
  /** Time-weighted returns (fractions), null when the history is too short. */
  returns: PeriodReturnsWire,
  /** Largest absolute drift of any holding from its model weight, over the client's accounts (fraction). */
  drift: decimal,
  lastContact: epochMs.nullable(),
  nextAppointment: epochMs.nullable(),
  openTasks: z.number().int().nonnegative(),
  lastReviewDate: isoDate,
  nextReviewDue: isoDate,
  flags: z.array(z.enum(ATTENTION_FLAGS)),
  accountIds: z.array(z.string()),
});
export type ClientSummaryWire = z.infer<typeof ClientSummaryWire>;

export const ClientProfileWire = z.strictObject({
  clientId: z.string(),
  name: z.string(),
  advisor: z.string(),
  email: z.string(),
  phone: z.string(),
  address: z.string(),
  dateOfBirth: isoDate,
  serviceTier: z.enum(SERVICE_TIERS),
  riskTolerance: z.number().int().min(1).max(5),
  objective: z.string(),
  horizonYears: z.number().int().nonnegative(),
  kycStatus: z.enum(KYC_STATUSES),
  kycExpiresOn: isoDate,
  reviewFrequencyMonths: z.number().int().positive(),
  lastReviewDate: isoDate,
  nextReviewDue: isoDate,
  /** Sectors the client will not hold (e.g. "Energy"); suitability blocks buys in them. */
  excludedSectors: z.array(z.string()),
  /** Largest weight one holding may reach in an account after a trade (fraction). */
  concentrationLimit: decimal,
  flags: z.array(z.enum(ATTENTION_FLAGS)),
});
export type ClientProfileWire = z.infer<typeof ClientProfileWire>;

export const HouseholdWire = z.strictObject({
  householdId: z.string(),
  name: z.string(),
  members: z.array(z.strictObject({ clientId: z.string(), name: z.string() })),
});
export type HouseholdWire = z.infer<typeof HouseholdWire>;

export const ClientHoldingWire = z.strictObject({
  symbol: z.string(),
  quantity: decimal,
  avgCost: decimal,
  /** At the gateway's latest price; the terminal revalues live from quotes. */
  price: decimal,
  marketValue: decimal,
  /** Share of the account's value (fraction), and the model's target (0 when not in the model). */
  weight: decimal,
  targetWeight: decimal,
  assetClass: z.string(),
  sector: z.string(),
  region: z.string(),
  currency: z.string(),
});
export type ClientHoldingWire = z.infer<typeof ClientHoldingWire>;

export const ClientAccountWire = z.strictObject({
  accountId: z.string(),
  name: z.string(),
  type: z.string(),
  currency: z.string(),
  modelId: z.string().nullable(),
  cash: decimal,
  marketValue: decimal,
  drift: decimal,
  holdings: z.array(ClientHoldingWire),
});
export type ClientAccountWire = z.infer<typeof ClientAccountWire>;

export const TransactionWire = z.strictObject({
  txId: z.string(),
  accountId: z.string(),
  date: isoDate,
  kind: z.enum(TRANSACTION_KINDS),
  /** Null for cash movements. */
  symbol: z.string().nullable(),
  quantity: decimal.nullable(),
  price: decimal.nullable(),
  /** Cash effect on the account: + in, − out. */
  amount: decimal,
  description: z.string(),
});
export type TransactionWire = z.infer<typeof TransactionWire>;

export const PeriodPerformanceWire = z.strictObject({
  period: z.enum(PERFORMANCE_PERIODS),
  from: isoDate,
  to: isoDate,
  startValue: decimal,
  endValue: decimal,
  netFlows: decimal,
  gain: decimal,
  /** Cumulative time-weighted return (daily linked). */
  twr: rate,
  /** Annual money-weighted return (IRR, actual/365); null with the reason in `note` when it has none. */
  irr: rate,
  benchmark: rate,
  note: z.string(),
});
export type PeriodPerformanceWire = z.infer<typeof PeriodPerformanceWire>;

export const PerformanceWire = z.strictObject({
  asOf: isoDate,
  inception: isoDate,
  benchmarkName: z.string(),
  periods: z.array(PeriodPerformanceWire),
  /**
   * Daily values of the whole client (all accounts), oldest first; `flow` is
   * the external flow of that day (+ deposit, − withdrawal), `growth` the
   * value of 100 invested at inception (TWR index), `benchmark` the same for the benchmark.
   */
  series: z.array(z.strictObject({ date: isoDate, value: decimal, flow: decimal, growth: decimal, benchmark: decimal })),
});
export type PerformanceWire = z.infer<typeof PerformanceWire>;

/** Value by bucket (asset class, sector, region or currency) with its share of the total. */
export const AllocationSliceWire = z.strictObject({ key: z.string(), value: decimal, weight: decimal });
export const AllocationWire = z.strictObject({
  assetClass: z.array(AllocationSliceWire),
  sector: z.array(AllocationSliceWire),
  region: z.array(AllocationSliceWire),
  currency: z.array(AllocationSliceWire),
});
export type AllocationSliceWire = z.infer<typeof AllocationSliceWire>;
export type AllocationWire = z.infer<typeof AllocationWire>;

export const InteractionWire = z.strictObject({
  interactionId: z.string(),
  clientId: z.string(),
  kind: z.enum(INTERACTION_KINDS),
  subject: z.string(),
  body: z.string(),
  author: z.string(),
  at: epochMs,
});
export type InteractionWire = z.infer<typeof InteractionWire>;

export const TaskWire = z.strictObject({
  taskId: z.string(),
  clientId: z.string().nullable(),
  title: z.string(),
  notes: z.string(),
  dueDate: isoDate,
  owner: z.string(),
  done: z.boolean(),
  createdAt: epochMs,
  completedAt: epochMs.nullable(),
});
export type TaskWire = z.infer<typeof TaskWire>;

export const AppointmentWire = z.strictObject({
  appointmentId: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  title: z.string(),
  location: z.string(),
  startsAt: epochMs,
  durationMinutes: z.number().int().positive(),
  owner: z.string(),
});
export type AppointmentWire = z.infer<typeof AppointmentWire>;

export const CorrespondenceWire = z.strictObject({
  correspondenceId: z.string(),
  clientId: z.string(),
  template: z.enum(CORRESPONDENCE_TEMPLATES),
  subject: z.string(),
  body: z.string(),
  sentBy: z.string(),
  sentAt: epochMs,
});
export type CorrespondenceWire = z.infer<typeof CorrespondenceWire>;

export const ServiceRequestWire = z.strictObject({
  requestId: z.string(),
  clientId: z.string(),
  kind: z.enum(SERVICE_REQUEST_KINDS),
  description: z.string(),
  status: z.enum(SERVICE_REQUEST_STATUSES),
  openedBy: z.string(),
  openedAt: epochMs,
  updatedAt: epochMs,
  /** Each status change with its note, oldest first. */
  history: z.array(z.strictObject({ status: z.enum(SERVICE_REQUEST_STATUSES), note: z.string(), by: z.string(), at: epochMs })),
});
export type ServiceRequestWire = z.infer<typeof ServiceRequestWire>;

export const ResearchDeliveryWire = z.strictObject({ noteId: z.string(), clientId: z.string(), sentBy: z.string(), sentAt: epochMs });
export type ResearchDeliveryWire = z.infer<typeof ResearchDeliveryWire>;

export const ResearchNoteWire = z.strictObject({
  noteId: z.string(),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  symbols: z.array(z.string()),
  author: z.string(),
  publishedAt: epochMs,
  /** Who received it and when; only the viewer's own clients for an advisor. */
  deliveries: z.array(ResearchDeliveryWire),
});
export type ResearchNoteWire = z.infer<typeof ResearchNoteWire>;

export const ProspectWire = z.strictObject({
  prospectId: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  source: z.string(),
  notes: z.string(),
  advisor: z.string(),
  riskTolerance: z.number().int().min(1).max(5).nullable(),
  createdAt: epochMs,
  /** Set once the prospect became a client. */
  clientId: z.string().nullable(),
});
export type ProspectWire = z.infer<typeof ProspectWire>;

/** A suitability override: the order placed despite a warning, and the advisor's reason. */
export const SuitabilityOverrideWire = z.strictObject({
  orderId: z.string(),
  clOrdId: z.string(),
  accountId: z.string(),
  symbol: z.string(),
  side: z.string(),
  quantity: decimal,
  warnings: z.array(z.strictObject({ rule: z.string(), message: z.string() })),
  justification: z.string(),
  by: z.string(),
  at: epochMs,
});
export type SuitabilityOverrideWire = z.infer<typeof SuitabilityOverrideWire>;

export const ClientDetailWire = z.strictObject({
  profile: ClientProfileWire,
  household: HouseholdWire,
  accounts: z.array(ClientAccountWire),
  /** Newest first, at most 500. */
  transactions: z.array(TransactionWire),
  performance: PerformanceWire,
  allocation: AllocationWire,
  interactions: z.array(InteractionWire),
  tasks: z.array(TaskWire),
  appointments: z.array(AppointmentWire),
  correspondence: z.array(CorrespondenceWire),
  serviceRequests: z.array(ServiceRequestWire),
  research: z.array(ResearchDeliveryWire),
  overrides: z.array(SuitabilityOverrideWire),
});
export type ClientDetailWire = z.infer<typeof ClientDetailWire>;

export const ModelWire = z.strictObject({
  modelId: z.string(),
  name: z.string(),
  riskLevel: z.number().int().min(1).max(5),
  /** Target weights of the invested part; they and `cashWeight` sum to 1. */
  cashWeight: decimal,
  targets: z.array(z.strictObject({ symbol: z.string(), weight: decimal })),
});
export type ModelWire = z.infer<typeof ModelWire>;

export const RebalanceLineWire = z.strictObject({
  accountId: z.string(),
  clientId: z.string(),
  symbol: z.string(),
  side: z.enum(['buy', 'sell']),
  quantity: decimal,
  /** The price the proposal was sized at (latest). */
  price: decimal,
  notional: decimal,
  currentWeight: decimal,
  targetWeight: decimal,
  weightAfter: decimal,
});
export type RebalanceLineWire = z.infer<typeof RebalanceLineWire>;

export const RebalanceBlockWire = z.strictObject({
  symbol: z.string(),
  side: z.enum(['buy', 'sell']),
  quantity: decimal,
  price: decimal,
  notional: decimal,
  accounts: z.number().int().positive(),
});
export type RebalanceBlockWire = z.infer<typeof RebalanceBlockWire>;

export const RebalanceProposalWire = z.strictObject({
  proposalId: z.string(),
  createdBy: z.string(),
  createdAt: epochMs,
  accountIds: z.array(z.string()),
  lines: z.array(RebalanceLineWire),
  /** One block per instrument and side: what sendRebalance places. */
  blocks: z.array(RebalanceBlockWire),
  /** What the proposal could not do and why (a restricted sector, too little cash, a lot too large). */
  notes: z.array(z.strictObject({ accountId: z.string(), symbol: z.string().nullable(), message: z.string() })),
});
export type RebalanceProposalWire = z.infer<typeof RebalanceProposalWire>;

export const BlockOrderWire = z.strictObject({
  symbol: z.string(),
  side: z.enum(['buy', 'sell']),
  quantity: decimal,
  orderId: z.string(),
  clOrdId: z.string(),
  /** The order's status right after placing (pendingNew or rejected) and the reject text. */
  status: z.string(),
  text: z.string(),
});
export type BlockOrderWire = z.infer<typeof BlockOrderWire>;

export const AllocationLineWire = z.strictObject({
  allocationId: z.string(),
  proposalId: z.string(),
  orderId: z.string(),
  accountId: z.string(),
  clientId: z.string(),
  symbol: z.string(),
  side: z.enum(['buy', 'sell']),
  quantity: decimal,
  /** The block's average price: every account gets the same. */
  price: decimal,
  at: epochMs,
});
export type AllocationLineWire = z.infer<typeof AllocationLineWire>;

/** What is pushed to entitled sessions that asked for the client list. */
export const ClientBookEventWire = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('allocation'), clientId: z.string(), allocation: AllocationLineWire }),
  z.strictObject({ kind: z.literal('interaction'), clientId: z.string(), interaction: InteractionWire }),
  z.strictObject({ kind: z.literal('task'), clientId: z.string().nullable(), task: TaskWire }),
  z.strictObject({ kind: z.literal('appointment'), clientId: z.string(), appointment: AppointmentWire }),
  z.strictObject({ kind: z.literal('serviceRequest'), clientId: z.string(), request: ServiceRequestWire }),
  z.strictObject({ kind: z.literal('research'), clientId: z.string(), delivery: ResearchDeliveryWire }),
  z.strictObject({ kind: z.literal('clientAdded'), clientId: z.string(), client: ClientSummaryWire }),
]);
export type ClientBookEventWire = z.infer<typeof ClientBookEventWire>;

export const SearchHitWire = z.strictObject({
  kind: z.enum(['client', 'interaction', 'task', 'appointment', 'correspondence', 'serviceRequest', 'research', 'prospect']),
  id: z.string(),
  clientId: z.string().nullable(),
  title: z.string(),
  snippet: z.string(),
  at: epochMs.nullable(),
});
export type SearchHitWire = z.infer<typeof SearchHitWire>;

// ---------------------------------------------------------------- client → gateway

export const ClientListMsg = z.strictObject({ type: z.literal('clientList'), reqId });
export const ClientDetailMsg = z.strictObject({ type: z.literal('clientDetail'), reqId, clientId: id });
export const ModelPortfoliosMsg = z.strictObject({ type: z.literal('modelPortfolios'), reqId });
export const LogInteractionMsg = z.strictObject({
  type: z.literal('logInteraction'),
  reqId,
  clientId: id,
  kind: z.enum(INTERACTION_KINDS),
  subject: requiredText(200),
  body: text(4000),
  /** When it happened; now when absent. */
  at: epochMs.optional(),
});
export const AddTaskMsg = z.strictObject({
  type: z.literal('addTask'),
  reqId,
  /** Absent for a task of the advisor's own. */
  clientId: id.optional(),
  title: requiredText(200),
  notes: text(2000).optional(),
  dueDate: isoDate,
});
export const CompleteTaskMsg = z.strictObject({ type: z.literal('completeTask'), reqId, taskId: id });
export const ScheduleAppointmentMsg = z.strictObject({
  type: z.literal('scheduleAppointment'),
  reqId,
  clientId: id,
  title: requiredText(200),
  startsAt: epochMs,
  durationMinutes: z.number().int().min(5).max(24 * 60),
  location: text(200).optional(),
});
export const AgendaMsg = z.strictObject({
  type: z.literal('agenda'),
  reqId,
  date: isoDate,
  /** Minutes to add to UTC for the viewer's local day (e.g. 60 for CET); 0 when absent. */
  utcOffsetMinutes: z.number().int().min(-14 * 60).max(14 * 60).optional(),
});
export const SendCorrespondenceMsg = z.strictObject({
  type: z.literal('sendCorrespondence'),
  reqId,
  clientId: id,
  template: z.enum(CORRESPONDENCE_TEMPLATES),
  /** A personal line added to the letter. */
  note: text(2000).optional(),
});
export const CreateServiceRequestMsg = z.strictObject({
  type: z.literal('createServiceRequest'),
  reqId,
  clientId: id,
  kind: z.enum(SERVICE_REQUEST_KINDS),
  description: requiredText(2000),
});
export const UpdateServiceRequestMsg = z.strictObject({
  type: z.literal('updateServiceRequest'),
  reqId,
  requestId: id,
  status: z.enum(SERVICE_REQUEST_STATUSES),
  note: text(2000).optional(),
});
export const PublishResearchMsg = z.strictObject({
  type: z.literal('publishResearch'),
  reqId,
  title: requiredText(200),
  summary: text(1000),
  body: text(20000),
  symbols: z.array(text(32)).max(50).optional(),
});
export const ResearchNotesMsg = z.strictObject({ type: z.literal('researchNotes'), reqId });
export const SendResearchMsg = z.strictObject({
  type: z.literal('sendResearch'),
  reqId,
  noteId: id,
  clientIds: z.array(id).min(1, 'must name at least one client').max(500),
});
export const AddProspectMsg = z.strictObject({
  type: z.literal('addProspect'),
  reqId,
  name: requiredText(200),
  email: text(200).optional(),
  phone: text(64).optional(),
  source: text(200).optional(),
  notes: text(2000).optional(),
  riskTolerance: z.number().int().min(1).max(5).optional(),
});
export const ProspectsMsg = z.strictObject({ type: z.literal('prospects'), reqId });
export const ConvertProspectMsg = z.strictObject({
  type: z.literal('convertProspect'),
  reqId,
  prospectId: id,
  riskTolerance: z.number().int().min(1).max(5),
  accountType: requiredText(32),
  /** Cash the new account opens with (a deposit on its first day). */
  initialDeposit: decimal,
});
export const SearchBookMsg = z.strictObject({ type: z.literal('searchBook'), reqId, text: requiredText(200) });
export const RebalanceProposalMsg = z.strictObject({
  type: z.literal('rebalanceProposal'),
  reqId,
  accountIds: z.array(id).min(1, 'must name at least one account').max(500),
});
export const SendRebalanceMsg = z.strictObject({ type: z.literal('sendRebalance'), reqId, proposalId: id });

/** Every client-book request, for the ClientMessage union. */
export const CLIENT_BOOK_REQUESTS = [
  ClientListMsg,
  ClientDetailMsg,
  ModelPortfoliosMsg,
  LogInteractionMsg,
  AddTaskMsg,
  CompleteTaskMsg,
  ScheduleAppointmentMsg,
  AgendaMsg,
  SendCorrespondenceMsg,
  CreateServiceRequestMsg,
  UpdateServiceRequestMsg,
  PublishResearchMsg,
  ResearchNotesMsg,
  SendResearchMsg,
  AddProspectMsg,
  ProspectsMsg,
  ConvertProspectMsg,
  SearchBookMsg,
  RebalanceProposalMsg,
  SendRebalanceMsg,
] as const;

// ---------------------------------------------------------------- gateway → client

/** Every client-book answer and push, for the ServerMessage union. */
export const CLIENT_BOOK_ANSWERS = [
  z.strictObject({ type: z.literal('clientList'), reqId, asOf: isoDate, clients: z.array(ClientSummaryWire) }),
  z.strictObject({ type: z.literal('clientDetail'), reqId, detail: ClientDetailWire }),
  z.strictObject({ type: z.literal('modelPortfolios'), reqId, models: z.array(ModelWire) }),
  z.strictObject({ type: z.literal('interactionLogged'), reqId, interaction: InteractionWire }),
  z.strictObject({ type: z.literal('taskSaved'), reqId, task: TaskWire }),
  z.strictObject({ type: z.literal('appointmentScheduled'), reqId, appointment: AppointmentWire }),
  z.strictObject({ type: z.literal('agenda'), reqId, date: isoDate, appointments: z.array(AppointmentWire), tasks: z.array(TaskWire) }),
  z.strictObject({ type: z.literal('correspondenceSent'), reqId, correspondence: CorrespondenceWire }),
  z.strictObject({ type: z.literal('serviceRequestSaved'), reqId, request: ServiceRequestWire }),
  z.strictObject({ type: z.literal('researchPublished'), reqId, note: ResearchNoteWire }),
  z.strictObject({ type: z.literal('researchNotes'), reqId, notes: z.array(ResearchNoteWire) }),
  z.strictObject({ type: z.literal('researchSent'), reqId, noteId: z.string(), deliveries: z.array(ResearchDeliveryWire) }),
  z.strictObject({ type: z.literal('prospectSaved'), reqId, prospect: ProspectWire }),
  z.strictObject({ type: z.literal('prospects'), reqId, prospects: z.array(ProspectWire) }),
  z.strictObject({ type: z.literal('prospectConverted'), reqId, prospect: ProspectWire, client: ClientSummaryWire }),
  z.strictObject({ type: z.literal('searchResults'), reqId, text: z.string(), hits: z.array(SearchHitWire) }),
  z.strictObject({ type: z.literal('rebalanceProposal'), reqId, proposal: RebalanceProposalWire }),
  z.strictObject({ type: z.literal('rebalanceSent'), reqId, proposalId: z.string(), blockAccount: z.string(), orders: z.array(BlockOrderWire) }),
  z.strictObject({ type: z.literal('clientBookEvent'), event: ClientBookEventWire }),
] as const;

/** The answer to each client-book request (besides `error`), for the terminal's ResponseTypes. */
export interface ClientBookResponseTypes {
  clientList: 'clientList';
  clientDetail: 'clientDetail';
  modelPortfolios: 'modelPortfolios';
  logInteraction: 'interactionLogged';
  addTask: 'taskSaved';
  completeTask: 'taskSaved';
  scheduleAppointment: 'appointmentScheduled';
  agenda: 'agenda';
  sendCorrespondence: 'correspondenceSent';
  createServiceRequest: 'serviceRequestSaved';
  updateServiceRequest: 'serviceRequestSaved';
  publishResearch: 'researchPublished';
  researchNotes: 'researchNotes';
  sendResearch: 'researchSent';
  addProspect: 'prospectSaved';
  prospects: 'prospects';
  convertProspect: 'prospectConverted';
  searchBook: 'searchResults';
  rebalanceProposal: 'rebalanceProposal';
  sendRebalance: 'rebalanceSent';
}
