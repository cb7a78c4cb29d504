import { describe, expect, it } from 'vitest';
import { FixVenueConfigError, parseFixVenueConfig } from '../../../server/venues/fix/fixVenueConfig.ts';
import { sessionDescription } from '../../../server/venues/fix/jspurefixConnection.ts';

const minimal = { name: 'BROKER', host: '127.0.0.1', port: 9876, senderCompId: 'TERMINAL', targetCompId: 'BROKER', storeDir: '/var/fix' };

describe('parseFixVenueConfig', () => {
  it('fills FIX 4.4, a 30 s heartbeat and a 5 s reconnect by default', () => {
    expect(parseFixVenueConfig(minimal)).toEqual({ ...minimal, version: 'FIX.4.4', heartbeatSeconds: 30, reconnectSeconds: 5 });
  });

  it('names every bad field', () => {
    let error: unknown = null;
    try {
      parseFixVenueConfig({ ...minimal, port: 70000, version: 'FIX.5.0', senderCompId: 'TWO WORDS', storeDir: undefined });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(FixVenueConfigError);
    for (const field of ['port', 'version', 'senderCompId', 'storeDir']) expect((error as Error).message).toContain(`  ${field}:`);
  });
});

describe('sessionDescription', () => {
  it('asks jspurefix for a resilient initiator that keeps sequence numbers in a file store and gap-fills resend requests', () => {
    const d = sessionDescription({ ...parseFixVenueConfig({ ...minimal, version: 'FIX.4.2', heartbeatSeconds: 10 }), version: 'FIX.4.2' });
    expect(d).toMatchObject({
      application: { type: 'initiator', resilient: true, tcp: { host: '127.0.0.1', port: 9876 }, protocol: 'ascii', dictionary: 'qf42' },
      ResetSeqNumFlag: false,
      HeartBtInt: 10,
      SenderCompId: 'TERMINAL',
      TargetCompID: 'BROKER',
      BeginString: 'FIX.4.2',
      store: { type: 'file', directory: '/var/fix', resendGapFillOnly: true },
    });
  });
});
