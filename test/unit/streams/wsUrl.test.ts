import { describe, expect, it } from 'vitest';
import { wsUrlFor } from '../../../src/streams/wsUrl.ts';

describe('wsUrlFor', () => {
  it('uses the page host and a matching scheme', () => {
    expect(wsUrlFor({ protocol: 'http:', host: '127.0.0.1:8080' })).toBe('ws://127.0.0.1:8080/ws');
    expect(wsUrlFor({ protocol: 'https:', host: 'desk.example' })).toBe('wss://desk.example/ws');
  });
});
