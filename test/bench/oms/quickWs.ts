/**
 * A quick look at the order path over WebSocket, for a machine too busy (or a
 * change too small) for the full `bench:oms` WS section: a few hundred orders a
 * second for two seconds, with group commit and then with one fsync per event.
 *
 *   npx tsx test/bench/oms/quickWs.ts [--rate=300] [--seconds=2] [--window=16] [--only=group|fsync]
 *
 * Figures only; see docs/benchmarks.md for how to read them.
 */
import { formatWsSection, runWsSection, type WsSectionOptions } from './wsOrderPath.ts';

const arg = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const seconds = Number(arg('seconds') ?? 2);
const options: WsSectionOptions = { rate: Number(arg('rate') ?? 300), pacedSeconds: seconds, sustainedSeconds: seconds, window: Number(arg('window') ?? 16), sessions: 2 };
const only = arg('only');

void (async () => {
  if (only !== 'fsync') {
    console.log('group commit (the gateway as it runs):');
    console.log(formatWsSection(await runWsSection(options)));
  }
  if (only !== 'group') {
    console.log('one fsync per event (JOURNAL_GROUP_COMMIT=0):');
    console.log(formatWsSection(await runWsSection({ ...options, env: { JOURNAL_GROUP_COMMIT: '0' } })));
  }
})();
