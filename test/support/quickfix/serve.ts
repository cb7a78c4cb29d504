import { parseArgs } from 'node:util';
import { QUICKFIX_PROGRAMS, type QuickFixProgram } from './buildExample.ts';
import { startCounterparty } from './counterparty.ts';
import type { QuickFixBeginString } from './sessionSettings.ts';

/**
 * Runs one QuickFIX example program as a counterparty to try a FIX venue by hand:
 *   npx tsx test/support/quickfix/serve.ts executor --port 9880 --client TERMINAL
 *   npx tsx test/support/quickfix/serve.ts ordermatch --version FIX.4.2
 * Stops (and deletes its store) on Ctrl-C.
 */
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string' },
    client: { type: 'string', default: 'TERMINAL' },
    version: { type: 'string' },
  },
});
const program = positionals[0] as QuickFixProgram;
if (!QUICKFIX_PROGRAMS.includes(program)) {
  console.error(`usage: serve.ts <${QUICKFIX_PROGRAMS.join('|')}> [--port N] [--client SENDERCOMPID] [--version FIX.4.2|FIX.4.4]`);
  process.exit(2);
}
// ordermatch cracks FIX 4.2 messages only.
const version = (values.version ?? (program === 'ordermatch' ? 'FIX.4.2' : 'FIX.4.4')) as QuickFixBeginString;
const counterparty = await startCounterparty(program, {
  sessions: [{ beginString: version, senderCompId: program.toUpperCase(), targetCompId: values.client }],
  ...(values.port ? { port: Number(values.port) } : {}),
});
console.log(`${program} accepts ${version} ${values.client} -> ${program.toUpperCase()} on ${counterparty.host}:${counterparty.port} (files in ${counterparty.dir})`);
process.once('SIGINT', () => {
  void counterparty.stop().then(() => process.exit(0));
});
