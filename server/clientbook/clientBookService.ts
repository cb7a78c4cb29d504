/**
 * The advisor's client book as the gateway serves it: the list and the client
 * view, the client record (interactions, tasks, appointments, letters,
 * service requests), research distribution, prospects and search. Every call
 * checks entitlements first (clientBookAccess): an advisor acts on their own
 * clients only, a desk head on all. Changes are announced on `events$` so the
 * transport can push them to whoever may see the client.
 */
import { Subject, type Observable } from 'rxjs';
import { type Decimal, ZERO, dec, toWire } from '../../src/core/decimal.ts';
import type { Instrument } from '../../src/core/instrument.ts';
import { type IsoDate, addDays, dayNumber, fromDayNumber } from '../../src/core/performance/isoDate.ts';
import type {
  AttentionFlag,
  ClientBookEventWire,
  ClientDetailWire,
  ClientProfileWire,
  ClientSummaryWire,
  CorrespondenceTemplate,
  KycStatus,
  ModelWire,
  ProspectWire,
  SearchHitWire,
} from '../../src/core/protocol/clientBook.ts';
import type { UserProfile } from '../../src/core/users.ts';
import { type ValuedAccount, accountToWire, allocationOf, valueAccount } from './accountValuation.ts';
import { type Answer, bookRefusal, clientFor, forbidden, maySeeClient, notFound, ok, refused } from './clientBookAccess.ts';
import type { ClientBookStore, ClientRecord } from './clientBookStore.ts';
import { createPerformanceView, todayIso } from './performanceView.ts';

/** A client needs attention when an account drifts more than this from its model. */
export const DRIFT_THRESHOLD = dec('0.05');
/** … or holds more than this share of its value in cash. */
export const LARGE_CASH_SHARE = dec('0.1');
/** KYC expiring within this many days is "due soon". */
export const KYC_DUE_SOON_DAYS = 60;
const TRANSACTIONS_SHOWN = 500;
const SEARCH_HITS = 100;

export interface ClientBookEvent {
  /** The client concerned; null for an advisor's own task. */
  clientId: string | null;
  /** Whose book it is in (a desk head sees every event). */
  advisor: string;
  event: ClientBookEventWire;
}

export interface ClientBookServiceDeps {
  store: ClientBookStore;
  instrument(symbol: string): Instrument | undefined;
  price(symbol: string): Decimal | undefined;
  now(): number;
}

type Who = Pick<UserProfile, 'username' | 'role'>;

function addMonths(d: IsoDate, months: number): IsoDate {
  const [y, m, day] = [Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return fromDayNumber(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(day, last)) / 86_400_000);
}

const LETTERS: Record<CorrespondenceTemplate, { subject: string; body: (c: ClientRecord, advisor: string) => string }> = {
  reviewInvitation: {
    subject: 'Your portfolio review',
    body: (c, a) => `Dear ${c.name},\n\nIt is time for your ${c.reviewFrequencyMonths}-monthly portfolio review. Please let us know a time that suits you.\n\nKind regards,\n${a}`,
  },
  kycRenewal: {
    subject: 'Please confirm your details',
    body: (c, a) => `Dear ${c.name},\n\nOur records of your identity and circumstances expire on ${c.kycExpiresOn}. Please send us up-to-date documents.\n\nKind regards,\n${a}`,
  },
  rebalanceNotice: {
    subject: 'Your portfolio has been rebalanced',
    body: (c, a) => `Dear ${c.name},\n\nWe have brought your accounts back to their agreed model weights.\n\nKind regards,\n${a}`,
  },
  welcome: {
    subject: 'Welcome',
    body: (c, a) => `Dear ${c.name},\n\nWelcome, and thank you for your trust. Your objective on file: ${c.objective}.\n\nKind regards,\n${a}`,
  },
  marketUpdate: {
    subject: 'Market update',
    body: (c, a) => `Dear ${c.name},\n\nHere is our latest view of the markets and what it means for a ${c.objective.toLowerCase()} portfolio.\n\nKind regards,\n${a}`,
  },
};

export type ClientBookService = ReturnType<typeof createClientBookService>;

export function createClientBookService(deps: ClientBookServiceDeps) {
  const { store } = deps;
  const events = new Subject<ClientBookEvent>();
  const perf = createPerformanceView(store);
  const models = () => new Map(store.models().map((m) => [m.modelId, m]));

  function valuedAccounts(clientId: string, modelsById = models()): ValuedAccount[] {
    return store
      .accountsOfClient(clientId)
      .map((a) => valueAccount(a, store.holdings(a.accountId), a.modelId ? modelsById.get(a.modelId) : undefined, deps));
  }

  function kycStatus(c: ClientRecord, today: IsoDate): KycStatus {
    if (c.kycExpiresOn < today) return 'expired';
    return c.kycExpiresOn <= addDays(today, KYC_DUE_SOON_DAYS) ? 'dueSoon' : 'current';
  }
  function nextReviewDue(c: ClientRecord): IsoDate {
    return addMonths(c.lastReviewDate as IsoDate, c.reviewFrequencyMonths);
  }
  function flagsOf(c: ClientRecord, accounts: readonly ValuedAccount[], today: IsoDate): AttentionFlag[] {
    const flags: AttentionFlag[] = [];
    if (nextReviewDue(c) < today) flags.push('reviewOverdue');
    if (accounts.some((a) => a.drift.gt(DRIFT_THRESHOLD))) flags.push('driftOverThreshold');
    if (kycStatus(c, today) === 'expired') flags.push('kycExpired');
    const total = accounts.reduce((s, a) => s.plus(a.total), ZERO);
    const cash = accounts.reduce((s, a) => s.plus(a.cash), ZERO);
    if (total.gt(0) && cash.div(total).gt(LARGE_CASH_SHARE)) flags.push('largeCash');
    return flags;
  }

  function summaryOf(
    c: ClientRecord,
    ctx: { today: IsoDate; now: number; lastContacts: Map<string, number>; next: Map<string, number>; openTasks: Map<string, number>; modelsById: ReturnType<typeof models> },
  ): ClientSummaryWire {
    const accounts = valuedAccounts(c.clientId, ctx.modelsById);
    const aum = accounts.reduce((s, a) => s.plus(a.total), ZERO);
    const cash = accounts.reduce((s, a) => s.plus(a.cash), ZERO);
    const drift = accounts.reduce((m, a) => (a.drift.gt(m) ? a.drift : m), ZERO);
    return {
      clientId: c.clientId,
      name: c.name,
      householdId: c.householdId,
      householdName: c.householdName,
      advisor: c.advisor,
      serviceTier: c.serviceTier,
      riskTolerance: c.riskTolerance,
      objective: c.objective,
      kycStatus: kycStatus(c, ctx.today),
      currency: 'USD',
      aum: toWire(aum.toDecimalPlaces(2)),
      cash: toWire(cash.toDecimalPlaces(2)),
      returns: perf.listReturns(c.clientId, accounts.map((a) => a.account), aum, ctx.today),
      drift: toWire(drift.toDecimalPlaces(6)),
      lastContact: ctx.lastContacts.get(c.clientId) ?? null,
      nextAppointment: ctx.next.get(c.clientId) ?? null,
      openTasks: ctx.openTasks.get(c.clientId) ?? 0,
      lastReviewDate: c.lastReviewDate,
      nextReviewDue: nextReviewDue(c),
      flags: flagsOf(c, accounts, ctx.today),
      accountIds: accounts.map((a) => a.account.accountId),
    };
  }

  function listContext() {
    const now = deps.now();
    return {
      today: todayIso(now),
      now,
      lastContacts: store.lastContacts(),
      next: store.nextAppointments(now),
      openTasks: store.openTaskCounts(),
      modelsById: models(),
    };
  }

  function visibleClients(user: Who): ClientRecord[] {
    return user.role === 'deskHead' ? store.clients() : user.role === 'advisor' ? store.clients(user.username) : [];
  }

  function emit(client: Pick<ClientRecord, 'clientId' | 'advisor'>, event: ClientBookEventWire): void {
    events.next({ clientId: client.clientId, advisor: client.advisor, event });
  }

  return {
    events$: events.asObservable() as Observable<ClientBookEvent>,
    /** Announce an event from a peer (the rebalance desk's allocations) to the same audience. */
    emit,
    maySee(user: Who, e: ClientBookEvent): boolean {
      return user.role === 'deskHead' || (user.role === 'advisor' && e.advisor === user.username);
    },
    valuedAccounts,

    list(user: Who): Answer<{ asOf: string; clients: ClientSummaryWire[] }> {
      const refusal = bookRefusal(user);
      if (refusal) return refusal;
      const ctx = listContext();
      return ok({ asOf: ctx.today, clients: visibleClients(user).map((c) => summaryOf(c, ctx)) });
    },

    summary(user: Who, clientId: string): Answer<ClientSummaryWire> {
      const c = clientFor(store, user, clientId);
      return c.ok ? ok(summaryOf(c.value, listContext())) : c;
    },

    detail(user: Who, clientId: string): Answer<ClientDetailWire> {
      const found = clientFor(store, user, clientId);
      if (!found.ok) return found;
      const c = found.value;
      const now = deps.now();
      const today = todayIso(now);
      const accounts = valuedAccounts(clientId);
      const aum = accounts.reduce((s, a) => s.plus(a.total), ZERO);
      const profile: ClientProfileWire = {
        clientId: c.clientId,
        name: c.name,
        advisor: c.advisor,
        email: c.email,
        phone: c.phone,
        address: c.address,
        dateOfBirth: c.dateOfBirth,
        serviceTier: c.serviceTier,
        riskTolerance: c.riskTolerance,
        objective: c.objective,
        horizonYears: c.horizonYears,
        kycStatus: kycStatus(c, today),
        kycExpiresOn: c.kycExpiresOn,
        reviewFrequencyMonths: c.reviewFrequencyMonths,
        lastReviewDate: c.lastReviewDate,
        nextReviewDue: nextReviewDue(c),
        excludedSectors: c.excludedSectors,
        concentrationLimit: c.concentrationLimit,
        flags: flagsOf(c, accounts, today),
      };
      const transactions = accounts
        .flatMap((a) => store.transactions(a.account.accountId, TRANSACTIONS_SHOWN))
        .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : Number(b.txId.slice(2)) - Number(a.txId.slice(2))))
        .slice(0, TRANSACTIONS_SHOWN);
      const points = perf.points(clientId, accounts.map((a) => a.account), aum, today);
      return ok({
        profile,
        household: { householdId: c.householdId, name: c.householdName, members: store.householdMembers(c.householdId) },
        accounts: accounts.map(accountToWire),
        transactions,
        performance: perf.detail(points, today),
        allocation: allocationOf(accounts),
        interactions: store.interactions(clientId),
        tasks: store.tasksOfClient(clientId),
        appointments: store.appointmentsOfClient(clientId),
        correspondence: store.correspondence(clientId),
        serviceRequests: store.serviceRequests(clientId),
        research: store.deliveriesOfClient(clientId),
        overrides: store.overrides(clientId),
      });
    },

    models(user: Who): Answer<ModelWire[]> {
      const refusal = bookRefusal(user);
      if (refusal) return refusal;
      return ok(
        store.models().map((m) => ({ modelId: m.modelId, name: m.name, riskLevel: m.riskLevel, cashWeight: m.cashWeight, targets: m.targets })),
      );
    },

    logInteraction(user: Who, m: { clientId: string; kind: 'call' | 'meeting' | 'email' | 'note'; subject: string; body: string; at?: number | undefined }) {
      const c = clientFor(store, user, m.clientId);
      if (!c.ok) return c;
      const interaction = store.addInteraction({ clientId: m.clientId, kind: m.kind, subject: m.subject.trim(), body: m.body, author: user.username, at: m.at ?? deps.now() });
      emit(c.value, { kind: 'interaction', clientId: m.clientId, interaction });
      return ok(interaction);
    },

    addTask(user: Who, m: { clientId?: string | undefined; title: string; notes?: string | undefined; dueDate: string }) {
      const refusal = bookRefusal(user);
      if (refusal) return refusal;
      if (!validDate(m.dueDate)) return refused(`dueDate ${m.dueDate} is not a calendar date`);
      let client: ClientRecord | undefined;
      if (m.clientId !== undefined) {
        const c = clientFor(store, user, m.clientId);
        if (!c.ok) return c;
        client = c.value;
      }
      const task = store.addTask({ clientId: m.clientId ?? null, owner: user.username, title: m.title.trim(), notes: m.notes ?? '', dueDate: m.dueDate, createdAt: deps.now() });
      if (client) emit(client, { kind: 'task', clientId: client.clientId, task });
      else events.next({ clientId: null, advisor: user.username, event: { kind: 'task', clientId: null, task } });
      return ok(task);
    },

    completeTask(user: Who, taskId: string) {
      const refusal = bookRefusal(user);
      if (refusal) return refusal;
      const task = store.task(taskId);
      if (!task) return notFound(`no task ${taskId}`);
      const client = task.clientId === null ? undefined : store.client(task.clientId);
      const mine = client ? maySeeClient(user, client) : task.owner === user.username || user.role === 'deskHead';
      if (!mine) return forbidden(`task ${taskId} is not yours`);
      if (task.done) return ok(task);
      const done = store.completeTask(taskId, deps.now())!;
      if (client) emit(client, { kind: 'task', clientId: client.clientId, task: done });
      return ok(done);
    },

    scheduleAppointment(user: Who, m: { clientId: string; title: string; startsAt: number; durationMinutes: number; location?: string | undefined }) {
      const c = clientFor(store, user, m.clientId);
      if (!c.ok) return c;
      const appointment = store.addAppointment({
        clientId: m.clientId,
        owner: user.username,
        title: m.title.trim(),
        location: m.location ?? '',
        startsAt: m.startsAt,
        durationMinutes: m.durationMinutes,
      });
      emit(c.value, { kind: 'appointment', clientId: m.clientId, appointment });
      return ok(appointment);
    },

    /** The day's appointments and the open tasks due by then, of the user's clients (and own tasks). */
    agenda(user: Who, date: string, utcOffsetMinutes = 0) {
      const refusal = bookRefusal(user);
      if (refusal) return refusal;
      if (!validDate(date)) return refused(`date ${date} is not a calendar date`);
      const start = dayNumber(date as IsoDate) * 86_400_000 - utcOffsetMinutes * 60_000;
      const mineClient = (clientId: string | null, owner: string) => {
        if (clientId === null) return owner === user.username;
        const c = store.client(clientId);
        return c !== undefined && maySeeClient(user, c);
      };
      return ok({
        date,
        appointments: store.appointmentsBetween(start, start + 86_400_000).filter((a) => mineClient(a.clientId, a.owner)),
        tasks: store.openTasksDueBy(date).filter((t) => mineClient(t.clientId, t.owner)),
      });
    },

    sendCorrespondence(user: UserProfile, m: { clientId: string; template: CorrespondenceTemplate; note?: string | undefined }) {
      const c = clientFor(store, user, m.clientId);
      if (!c.ok) return c;
      const letter = LETTERS[m.template];
      const body = letter.body(c.value, user.displayName) + (m.note ? `\n\nP.S. ${m.note}` : '');
      const sent = store.addCorrespondence({ clientId: m.clientId, template: m.template, subject: letter.subject, body, sentBy: user.username, sentAt: deps.now() });
      // A letter is also a contact: it shows in the interaction log.
      const interaction = store.addInteraction({ clientId: m.clientId, kind: 'email', subject: letter.subject, body: `Letter sent (${m.template})`, author: user.username, at: sent.sentAt });
      emit(c.value, { kind: 'interaction', clientId: m.clientId, interaction });
      return ok(sent);
    },

    createServiceRequest(user: Who, m: { clientId: string; kind: string; description: string }) {
      const c = clientFor(store, user, m.clientId);
      if (!c.ok) return c;
      const request = store.createServiceRequest({ clientId: m.clientId, kind: m.kind, description: m.description.trim(), by: user.username, at: deps.now() });
      emit(c.value, { kind: 'serviceRequest', clientId: m.clientId, request });
      return ok(request);
    },

    updateServiceRequest(user: Who, m: { requestId: string; status: string; note?: string | undefined }) {
      const refusal = bookRefusal(user);
      if (refusal) return refusal;
      const existing = store.serviceRequest(m.requestId);
      if (!existing) return notFound(`no service request ${m.requestId}`);
      const c = clientFor(store, user, existing.clientId);
      if (!c.ok) return forbidden(`service request ${m.requestId} is for a client who is not yours`);
      if (existing.status === 'done' || existing.status === 'cancelled') return refused(`service request ${m.requestId} is already ${existing.status}`);
      const request = store.updateServiceRequest(m.requestId, { status: m.status, note: m.note ?? '', by: user.username, at: deps.now() })!;
      emit(c.value, { kind: 'serviceRequest', clientId: existing.clientId, request });
      return ok(request);
    },

    publishResearch(user: Who, m: { title: string; summary: string; body: string; symbols?: string[] | undefined }) {
      if (user.role !== 'deskHead') return forbidden('research is published by the desk: only a desk head may publish a note');
      return ok(store.publishNote({ title: m.title.trim(), summary: m.summary, body: m.body, symbols: m.symbols ?? [], author: user.username, at: deps.now() }));
    },

    researchNotes(user: Who) {
      const refusal = bookRefusal(user);
      if (refusal) return refusal;
      return ok(store.notes((clientId) => seesClientId(user, clientId)));
    },

    sendResearch(user: Who, m: { noteId: string; clientIds: string[] }) {
      const refusal = bookRefusal(user);
      if (refusal) return refusal;
      if (!store.note(m.noteId, () => false)) return notFound(`no research note ${m.noteId}`);
      const clientIds = [...new Set(m.clientIds)];
      const clients: ClientRecord[] = [];
      for (const id of clientIds) {
        const c = clientFor(store, user, id);
        if (!c.ok) return c; // all or nothing: one client not yours refuses the whole send
        clients.push(c.value);
      }
      const deliveries = store.deliver(m.noteId, clientIds, user.username, deps.now());
      deliveries.forEach((delivery, i) => emit(clients[i]!, { kind: 'research', clientId: delivery.clientId, delivery }));
      return ok(deliveries);
    },

    addProspect(user: Who, m: { name: string; email?: string | undefined; phone?: string | undefined; source?: string | undefined; notes?: string | undefined; riskTolerance?: number | undefined }) {
      if (user.role !== 'advisor' && user.role !== 'deskHead') return forbidden('prospects belong to advisors');
      return ok(
        store.addProspect({
          name: m.name.trim(),
          email: m.email ?? '',
          phone: m.phone ?? '',
          source: m.source ?? '',
          notes: m.notes ?? '',
          advisor: user.username,
          riskTolerance: m.riskTolerance ?? null,
          createdAt: deps.now(),
        }),
      );
    },

    prospects(user: Who): Answer<ProspectWire[]> {
      const refusal = bookRefusal(user);
      if (refusal) return refusal;
      return ok(store.prospects().filter((p) => user.role === 'deskHead' || p.advisor === user.username));
    },

    convertProspect(user: Who, m: { prospectId: string; riskTolerance: number; accountType: string; initialDeposit: string }) {
      const refusal = bookRefusal(user);
      if (refusal) return refusal;
      const p = store.prospect(m.prospectId);
      if (!p) return notFound(`no prospect ${m.prospectId}`);
      if (user.role !== 'deskHead' && p.advisor !== user.username) return forbidden(`prospect ${m.prospectId} is another advisor's`);
      if (p.clientId !== null) return refused(`prospect ${m.prospectId} is already client ${p.clientId}`);
      if (!dec(m.initialDeposit).gt(0)) return refused('initialDeposit must be more than zero');
      const today = todayIso(deps.now());
      const objectives = ['Capital preservation', 'Income', 'Balanced', 'Growth', 'Aggressive growth'];
      const model = store.models().find((x) => x.riskLevel === m.riskTolerance);
      const { clientId } = store.convertProspect(m.prospectId, {
        riskTolerance: m.riskTolerance,
        objective: objectives[m.riskTolerance - 1] ?? 'Balanced',
        accountType: m.accountType.trim(),
        deposit: toWire(dec(m.initialDeposit)),
        today,
        kycExpiresOn: addDays(today, 3 * 365),
        modelId: model?.modelId ?? null,
      });
      const client = store.client(clientId)!;
      const summary = summaryOf(client, listContext());
      emit(client, { kind: 'clientAdded', clientId, client: summary });
      return ok({ prospect: store.prospect(m.prospectId)!, client: summary });
    },

    searchBook(user: Who, text: string): Answer<SearchHitWire[]> {
      const refusal = bookRefusal(user);
      if (refusal) return refusal;
      const needle = text.trim().toLowerCase();
      const has = (...xs: string[]) => xs.some((x) => x.toLowerCase().includes(needle));
      const snippet = (x: string) => {
        const i = x.toLowerCase().indexOf(needle);
        if (i < 0) return x.slice(0, 120);
        const from = Math.max(0, i - 40);
        return `${from > 0 ? '…' : ''}${x.slice(from, i + needle.length + 60)}`;
      };
      const hits: SearchHitWire[] = [];
      for (const c of visibleClients(user)) {
        if (hits.length >= SEARCH_HITS) break;
        if (has(c.name, c.clientId, c.email, c.householdName, c.objective)) {
          hits.push({ kind: 'client', id: c.clientId, clientId: c.clientId, title: c.name, snippet: `${c.clientId} · ${c.householdName} · ${c.objective}`, at: null });
        }
        for (const i of store.interactions(c.clientId)) if (has(i.subject, i.body)) hits.push({ kind: 'interaction', id: i.interactionId, clientId: c.clientId, title: i.subject, snippet: snippet(`${i.subject} — ${i.body}`), at: i.at });
        for (const t of store.tasksOfClient(c.clientId)) if (has(t.title, t.notes)) hits.push({ kind: 'task', id: t.taskId, clientId: c.clientId, title: t.title, snippet: snippet(t.notes || t.title), at: t.createdAt });
        for (const a of store.appointmentsOfClient(c.clientId)) if (has(a.title, a.location)) hits.push({ kind: 'appointment', id: a.appointmentId, clientId: c.clientId, title: a.title, snippet: snippet(`${a.title} — ${a.location}`), at: a.startsAt });
        for (const l of store.correspondence(c.clientId)) if (has(l.subject, l.body)) hits.push({ kind: 'correspondence', id: l.correspondenceId, clientId: c.clientId, title: l.subject, snippet: snippet(l.body), at: l.sentAt });
        for (const r of store.serviceRequests(c.clientId)) if (has(r.description, r.kind)) hits.push({ kind: 'serviceRequest', id: r.requestId, clientId: c.clientId, title: r.kind, snippet: snippet(r.description), at: r.openedAt });
      }
      for (const n of store.notes(() => false)) if (has(n.title, n.summary, n.body, ...n.symbols)) hits.push({ kind: 'research', id: n.noteId, clientId: null, title: n.title, snippet: snippet(n.summary || n.body), at: n.publishedAt });
      for (const p of store.prospects()) {
        if ((user.role === 'deskHead' || p.advisor === user.username) && has(p.name, p.email, p.source, p.notes)) {
          hits.push({ kind: 'prospect', id: p.prospectId, clientId: p.clientId, title: p.name, snippet: snippet(`${p.source} ${p.notes}`), at: p.createdAt });
        }
      }
      return ok(hits.slice(0, SEARCH_HITS));
    },
  };

  function seesClientId(user: Who, clientId: string): boolean {
    const c = store.client(clientId);
    return c !== undefined && maySeeClient(user, c);
  }
}

function validDate(s: string): boolean {
  try {
    return fromDayNumber(dayNumber(s as IsoDate)) === s;
  } catch {
    return false;
  }
}
