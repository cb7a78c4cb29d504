import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GATEWAY_NODE_FLAGS } from '../../bench/gatewayFlags.ts';

describe('the benchmarks start the gateway as npm start does', () => {
  it("package.json's serve script passes exactly the flags the benchmarks use", () => {
    const serve = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.serve!;
    const flags = serve.split(' ').filter((w) => w.startsWith('--') && w !== '--import');
    expect(flags).toEqual([...GATEWAY_NODE_FLAGS]);
  });
});
