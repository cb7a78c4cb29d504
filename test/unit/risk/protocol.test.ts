import { describe, expect, it } from 'vitest';
import { ServerMessage, parseClientMessage } from '../../../src/core/protocol.ts';

describe('kill switch and riskLimits messages', () => {
  it('takes each scope and mode', () => {
    for (const scope of [{ kind: 'trader', trader: 'trader1' }, { kind: 'desk', desk: 'Equities' }, { kind: 'all' }]) {
      for (const mode of ['halted', 'reducing']) {
        expect(parseClientMessage(JSON.stringify({ type: 'setKillSwitch', scope, mode, reason: 'why' }))).toMatchObject({ ok: true });
      }
    }
  });

  it('refuses a switch without a reason, an unknown mode and a scope missing its name, saying which field', () => {
    const set = (over: object) => parseClientMessage(JSON.stringify({ type: 'setKillSwitch', scope: { kind: 'all' }, mode: 'halted', reason: 'r', ...over }));
    expect(set({ reason: '   ' })).toMatchObject({ ok: false, code: 'BAD_MESSAGE', message: expect.stringMatching(/reason: must say why/) });
    expect(set({ mode: 'paused' })).toMatchObject({ ok: false, message: expect.stringMatching(/^setKillSwitch: mode/) });
    expect(set({ scope: { kind: 'trader' } })).toMatchObject({ ok: false, message: expect.stringMatching(/scope\.trader/) });
    expect(set({ scope: { kind: 'all', desk: 'x' } })).toMatchObject({ ok: false, message: expect.stringMatching(/unknown field 'desk'/) });
  });

  it('describes the answers the gateway sends', () => {
    const event = { seq: 1, action: 'set', scope: { kind: 'desk', desk: 'Equities' }, mode: 'reducing', reason: 'loss limit', by: 'deskhead', at: 1 };
    expect(ServerMessage.safeParse({ type: 'killSwitchEvent', reqId: 'k1', event, canceled: 2 }).success).toBe(true);
    expect(ServerMessage.safeParse({ type: 'killSwitchEvent', event }).success).toBe(true);
    expect(
      ServerMessage.safeParse({
        type: 'killSwitchState',
        switches: [{ scope: { kind: 'all' }, mode: 'halted', reason: 'r', setBy: 'deskhead', setAt: 1 }],
        history: [event],
      }).success,
    ).toBe(true);
    const limits = {
      type: 'riskLimits',
      accounts: [{ account: 'T1-MAIN', currency: 'USD', buyingPower: '25000000', used: '0.00' }],
      warnNotional: '1000000',
      warnCollarPercent: '3',
      collarPercent: '10',
      mode: 'active',
      baseCurrency: 'USD',
      fxRates: { EUR: '1.158' },
    };
    expect(ServerMessage.safeParse(limits).success).toBe(true);
    expect(ServerMessage.safeParse({ ...limits, warnNotional: 1000000 }).success).toBe(false);
  });
});
