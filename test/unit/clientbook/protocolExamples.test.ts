// Every client-book request shown in docs/protocol.md parses with the gateway's own parser,
// and the documented list answer is a valid server message.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLIENT_MESSAGE_TYPES, ServerMessage, parseClientMessage } from '../../../src/core/protocol.ts';
import { CLIENT_BOOK_REQUESTS } from '../../../src/core/protocol/clientBook.ts';

const doc = readFileSync(new URL('../../../docs/protocol.md', import.meta.url), 'utf8');
const section = doc.slice(doc.indexOf('### Client book (issue 6)'));
const examples = (direction: '→' | '←') =>
  section
    .split('\n')
    .filter((l) => l.startsWith(`| ${direction} |`))
    .map((l) => /`(\{.*\})`\s*\|\s*$/.exec(l)?.[1])
    .filter((x): x is string => x !== undefined && !x.includes('…'));

describe('client book protocol examples', () => {
  it('has an example of every client-book request, and each parses', () => {
    const requests = examples('→');
    const types = new Set<string>();
    for (const raw of requests) {
      const r = parseClientMessage(raw);
      expect(r.ok, `${raw}: ${r.ok ? '' : r.message}`).toBe(true);
      if (r.ok) types.add(r.msg.type);
    }
    expect([...types].sort()).toEqual(CLIENT_BOOK_REQUESTS.map((m) => m.shape.type.value).sort());
    for (const t of types) expect(CLIENT_MESSAGE_TYPES).toContain(t);
  });

  it('documents answers that the server schema accepts', () => {
    const answers = examples('←');
    expect(answers.length).toBeGreaterThan(10);
    for (const raw of answers) {
      const r = ServerMessage.safeParse(JSON.parse(raw));
      expect(r.success, `${raw.slice(0, 80)}: ${r.success ? '' : r.error.message}`).toBe(true);
    }
  });

  it('refuses an unknown field and an empty subject in a client-book request', () => {
    expect(parseClientMessage('{"type":"clientDetail","clientId":"C1","extra":1}')).toMatchObject({ ok: false, code: 'BAD_MESSAGE' });
    expect(parseClientMessage('{"type":"logInteraction","clientId":"C1","kind":"call","subject":"  ","body":""}')).toMatchObject({ ok: false, code: 'BAD_MESSAGE' });
  });
});
