/**
 * The client book's messages (src/core/protocol/clientBook.ts): each handler
 * asks the client book service and answers with its result or an `error`
 * whose code (FORBIDDEN, NOT_FOUND, BAD_MESSAGE) and text come from it. A
 * session that asked for the client list also receives `clientBookEvent`
 * pushes for the clients it may see.
 */
import type { Subscription } from 'rxjs';
import type { ClientMessage } from '../../src/core/protocol.ts';
import type { UserProfile } from '../../src/core/users.ts';
import type { Answer } from '../clientbook/clientBookAccess.ts';
import type { ClientBookEvent } from '../clientbook/clientBookService.ts';
import type { HandlerContext } from './handlers.ts';
import type { Session } from './session.ts';

type Msg<T extends ClientMessage['type']> = Extract<ClientMessage, { type: T }>;
export type ClientBookMessage = Msg<
  | 'clientList'
  | 'clientDetail'
  | 'modelPortfolios'
  | 'logInteraction'
  | 'addTask'
  | 'completeTask'
  | 'scheduleAppointment'
  | 'agenda'
  | 'sendCorrespondence'
  | 'createServiceRequest'
  | 'updateServiceRequest'
  | 'publishResearch'
  | 'researchNotes'
  | 'sendResearch'
  | 'addProspect'
  | 'prospects'
  | 'convertProspect'
  | 'searchBook'
  | 'rebalanceProposal'
  | 'sendRebalance'
>;

/** Sessions that receive pushes, per gateway (one HandlerContext per gateway). */
const listeners = new WeakMap<HandlerContext, { sessions: Set<Session>; subscription: Subscription }>();

function listen(ctx: HandlerContext, s: Session): void {
  let entry = listeners.get(ctx);
  if (!entry) {
    const sessions = new Set<Session>();
    const subscription = ctx.services.clientBook.service.events$.subscribe((e: ClientBookEvent) => {
      for (const peer of sessions) {
        try {
          if (peer.auth.state !== 'authenticated') {
            sessions.delete(peer);
            continue;
          }
          if (ctx.services.clientBook.service.maySee(peer.auth.user, e)) ctx.send(peer, { type: 'clientBookEvent', event: e.event });
        } catch (err) {
          ctx.log.error({ err }, 'client book push failed');
        }
      }
    });
    entry = { sessions, subscription };
    listeners.set(ctx, entry);
  }
  if (!entry.sessions.has(s)) {
    entry.sessions.add(s);
    s.ws.once('close', () => entry.sessions.delete(s));
  }
}

/** Sends the answer, or the error it carries, echoing the reqId. */
function reply<T>(ctx: HandlerContext, s: Session, reqId: string | undefined, a: Answer<T>, onOk: (value: T) => void): void {
  if (!a.ok) ctx.send(s, { type: 'error', reqId, code: a.code, message: a.message });
  else onOk(a.value);
}

export function handleClientBook(ctx: HandlerContext, s: Session, user: UserProfile, msg: ClientBookMessage): void {
  const { service, rebalance } = ctx.services.clientBook;
  const r = msg.reqId;
  switch (msg.type) {
    case 'clientList':
      return reply(ctx, s, r, service.list(user), (v) => {
        listen(ctx, s);
        ctx.send(s, { type: 'clientList', reqId: r, asOf: v.asOf, clients: v.clients });
      });
    case 'clientDetail':
      return reply(ctx, s, r, service.detail(user, msg.clientId), (detail) => ctx.send(s, { type: 'clientDetail', reqId: r, detail }));
    case 'modelPortfolios':
      return reply(ctx, s, r, service.models(user), (models) => ctx.send(s, { type: 'modelPortfolios', reqId: r, models }));
    case 'logInteraction':
      return reply(ctx, s, r, service.logInteraction(user, msg), (interaction) => ctx.send(s, { type: 'interactionLogged', reqId: r, interaction }));
    case 'addTask':
      return reply(ctx, s, r, service.addTask(user, msg), (task) => ctx.send(s, { type: 'taskSaved', reqId: r, task }));
    case 'completeTask':
      return reply(ctx, s, r, service.completeTask(user, msg.taskId), (task) => ctx.send(s, { type: 'taskSaved', reqId: r, task }));
    case 'scheduleAppointment':
      return reply(ctx, s, r, service.scheduleAppointment(user, msg), (appointment) => ctx.send(s, { type: 'appointmentScheduled', reqId: r, appointment }));
    case 'agenda':
      return reply(ctx, s, r, service.agenda(user, msg.date, msg.utcOffsetMinutes), (a) => ctx.send(s, { type: 'agenda', reqId: r, ...a }));
    case 'sendCorrespondence':
      return reply(ctx, s, r, service.sendCorrespondence(user, msg), (correspondence) => ctx.send(s, { type: 'correspondenceSent', reqId: r, correspondence }));
    case 'createServiceRequest':
      return reply(ctx, s, r, service.createServiceRequest(user, msg), (request) => ctx.send(s, { type: 'serviceRequestSaved', reqId: r, request }));
    case 'updateServiceRequest':
      return reply(ctx, s, r, service.updateServiceRequest(user, msg), (request) => ctx.send(s, { type: 'serviceRequestSaved', reqId: r, request }));
    case 'publishResearch':
      return reply(ctx, s, r, service.publishResearch(user, msg), (note) => ctx.send(s, { type: 'researchPublished', reqId: r, note }));
    case 'researchNotes':
      return reply(ctx, s, r, service.researchNotes(user), (notes) => ctx.send(s, { type: 'researchNotes', reqId: r, notes }));
    case 'sendResearch':
      return reply(ctx, s, r, service.sendResearch(user, msg), (deliveries) =>
        ctx.send(s, { type: 'researchSent', reqId: r, noteId: msg.noteId, deliveries }),
      );
    case 'addProspect':
      return reply(ctx, s, r, service.addProspect(user, msg), (prospect) => ctx.send(s, { type: 'prospectSaved', reqId: r, prospect }));
    case 'prospects':
      return reply(ctx, s, r, service.prospects(user), (prospects) => ctx.send(s, { type: 'prospects', reqId: r, prospects }));
    case 'convertProspect':
      return reply(ctx, s, r, service.convertProspect(user, msg), (v) => {
        // The new accounts are the advisor's to trade from now on, on this session too.
        for (const id of v.client.accountIds) if (user.role === 'advisor' && !user.accounts.includes(id)) user.accounts.push(id);
        ctx.send(s, { type: 'prospectConverted', reqId: r, prospect: v.prospect, client: v.client });
      });
    case 'searchBook':
      return reply(ctx, s, r, service.searchBook(user, msg.text), (hits) => ctx.send(s, { type: 'searchResults', reqId: r, text: msg.text, hits }));
    case 'rebalanceProposal':
      return reply(ctx, s, r, rebalance.propose(user, msg.accountIds), (proposal) => ctx.send(s, { type: 'rebalanceProposal', reqId: r, proposal }));
    case 'sendRebalance':
      // No reqId on the blocks' own reports: the answer to this request is rebalanceSent.
      // Their reports reach this session like orders placed from its ticket: placed with its origin, the fan-out follows them (s.placedOrders).
      return reply(ctx, s, r, rebalance.send(user, msg.proposalId, { sessionId: s.id }), (v) => {
        ctx.send(s, { type: 'rebalanceSent', reqId: r, proposalId: msg.proposalId, blockAccount: v.blockAccount, orders: v.orders });
      });
  }
}
