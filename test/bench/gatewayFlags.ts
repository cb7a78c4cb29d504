/**
 * The node flags `npm run serve` starts the gateway with (package.json's `serve` script; keep the two equal):
 * 8 MB semi-spaces keep scavenges short, and one V8 worker thread keeps the major GC's concurrent marking off the
 * gateway's core (docs/architecture.md). The benchmarks start their gateway process with them.
 */
export const GATEWAY_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8', '--v8-pool-size=1'];
