import { describe, expect, it } from 'vitest';
import { applyClientEvent } from '../../../src/streams/clientBook.ts';
import { summary } from './fixtures.ts';

const list = { asOf: '2026-11-23', clients: [summary({ clientId: 'C1', lastContact: 1000, nextAppointment: 9000 }), summary({ clientId: 'C2' })] };

describe('client list pushes', () => {
  it('a logged interaction moves the last contact forward, never back', () => {
    const later = applyClientEvent(list, { kind: 'interaction', clientId: 'C1', interaction: { interactionId: 'I', clientId: 'C1', kind: 'call', subject: 's', body: '', author: 'a', at: 2000 } }, 0);
    expect(later.list.clients[0]?.lastContact).toBe(2000);
    expect(later.refetch).toBe(false);
    const earlier = applyClientEvent(list, { kind: 'interaction', clientId: 'C1', interaction: { interactionId: 'I', clientId: 'C1', kind: 'note', subject: 's', body: '', author: 'a', at: 500 } }, 0);
    expect(earlier.list.clients[0]?.lastContact).toBe(1000);
  });

  it('a new appointment becomes the next one when it is sooner, or when the last one has passed', () => {
    const appt = (clientId: string, startsAt: number) => ({ kind: 'appointment' as const, clientId, appointment: { appointmentId: 'P', clientId, clientName: 'x', title: 't', location: '', startsAt, durationMinutes: 30, owner: 'a' } });
    expect(applyClientEvent(list, appt('C1', 8000), 100).list.clients[0]?.nextAppointment).toBe(8000);
    expect(applyClientEvent(list, appt('C1', 9500), 100).list.clients[0]?.nextAppointment).toBe(9000);
    expect(applyClientEvent(list, appt('C1', 9500), 9200).list.clients[0]?.nextAppointment).toBe(9500);
    expect(applyClientEvent(list, appt('C2', 7000), 100).list.clients[1]?.nextAppointment).toBe(7000);
    expect(applyClientEvent(list, appt('C2', 50), 100).list.clients[1]?.nextAppointment).toBeNull();
  });

  it('a new client is added once; tasks and allocations ask for a refetch', () => {
    const added = applyClientEvent(list, { kind: 'clientAdded', clientId: 'C3', client: summary({ clientId: 'C3' }) }, 0);
    expect(added.list.clients.map((c) => c.clientId)).toEqual(['C1', 'C2', 'C3']);
    expect(applyClientEvent(added.list, { kind: 'clientAdded', clientId: 'C3', client: summary({ clientId: 'C3' }) }, 0).list.clients).toHaveLength(3);
    const task = { taskId: 'K', clientId: 'C1', title: 't', notes: '', dueDate: '2026-11-30', owner: 'a', done: false, createdAt: 1, completedAt: null };
    expect(applyClientEvent(list, { kind: 'task', clientId: 'C1', task }, 0).refetch).toBe(true);
  });
});
