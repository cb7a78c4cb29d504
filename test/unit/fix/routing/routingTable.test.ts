import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RoutingTableError, loadRoutingTable, parseRoutingTable, venuesOf } from '../../../../server/venues/routing/routingTable.ts';

describe('parseRoutingTable', () => {
  it('takes a value or a list for each condition, and numbers rules without a description', () => {
    const t = parseRoutingTable({
      rules: [
        { venue: 'FXBROKER', assetClass: 'fx', description: 'all FX to the FX broker' },
        { venue: 'EXECUTOR', account: ['ACC-1', 'ACC-2'], symbol: 'IBM' },
      ],
      default: 'INTERNAL',
    });
    expect(t.defaultVenue).toBe('INTERNAL');
    expect(t.rules.map((r) => r.description)).toEqual(['all FX to the FX broker', 'rule 2']);
    expect(t.rules[0]?.assetClasses).toEqual(new Set(['fx']));
    expect(t.rules[0]?.accounts).toBeNull();
    expect(t.rules[1]?.accounts).toEqual(new Set(['ACC-1', 'ACC-2']));
    expect(t.rules[1]?.symbols).toEqual(new Set(['IBM']));
    expect(venuesOf(t)).toEqual(new Set(['FXBROKER', 'EXECUTOR', 'INTERNAL']));
  });

  it('needs only a default', () => {
    expect(parseRoutingTable({ default: 'INTERNAL' })).toEqual({ rules: [], defaultVenue: 'INTERNAL' });
  });

  it.each([
    ['no default', { rules: [] }, 'default:'],
    ['a rule with no condition', { rules: [{ venue: 'X' }], default: 'I' }, 'rules.0: a rule needs at least one of account, symbol, assetClass'],
    ['an unknown asset class', { rules: [{ venue: 'X', assetClass: 'crypto' }], default: 'I' }, 'rules.0.assetClass'],
    ['a misspelt key', { rules: [{ venue: 'X', acount: 'A' }], default: 'I' }, 'rules.0:'],
    ['an empty list', { rules: [{ venue: 'X', symbol: [] }], default: 'I' }, 'rules.0.symbol'],
  ])('refuses %s, saying where', (_what, input, where) => {
    expect(() => parseRoutingTable(input)).toThrow(RoutingTableError);
    expect(() => parseRoutingTable(input)).toThrow(where);
  });
});

describe('loadRoutingTable', () => {
  it('reads a JSON file and names it in its errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'routing-'));
    try {
      const good = join(dir, 'routing.json');
      writeFileSync(good, JSON.stringify({ rules: [{ venue: 'EXECUTOR', symbol: 'IBM' }], default: 'INTERNAL' }));
      expect(loadRoutingTable(good).rules).toHaveLength(1);
      const bad = join(dir, 'bad.json');
      writeFileSync(bad, '{ "rules": [');
      expect(() => loadRoutingTable(bad)).toThrow(`cannot read the routing table ${bad}`);
      writeFileSync(bad, '{ "rules": [] }');
      expect(() => loadRoutingTable(bad)).toThrow(`bad routing table ${bad}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
