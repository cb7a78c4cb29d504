import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, RESEARCH_LIMITS, draftProblems, parseSymbols, publishFields } from '../../../src/clientbook/screens/researchDraft.ts';

describe('a research note as the desk head types it', () => {
  it('reads symbols separated by spaces, commas or semicolons, upper case, each once in the order first typed', () => {
    expect(parseSymbols('aapl, msft  SPY,aapl;tlt ')).toEqual(['AAPL', 'MSFT', 'SPY', 'TLT']);
    expect(parseSymbols('   ')).toEqual([]);
    expect(parseSymbols('')).toEqual([]);
  });

  it('needs a title; a blank title is not one', () => {
    expect(draftProblems(EMPTY_DRAFT)).toEqual(['A note needs a title.']);
    expect(draftProblems({ ...EMPTY_DRAFT, title: '   ' })).toEqual(['A note needs a title.']);
    expect(draftProblems({ ...EMPTY_DRAFT, title: 'Rates outlook' })).toEqual([]);
  });

  it('keeps within the gateway limits and says which one is passed', () => {
    const ok = { title: 'Rates outlook', summary: '', body: '', symbols: '' };
    expect(draftProblems({ ...ok, summary: 'x'.repeat(RESEARCH_LIMITS.summary + 1) })).toEqual(['The summary is longer than 1000 characters.']);
    expect(draftProblems({ ...ok, body: 'x'.repeat(RESEARCH_LIMITS.body + 1) })).toEqual(['The note is longer than 20,000 characters.']);
    expect(draftProblems({ ...ok, body: 'x'.repeat(RESEARCH_LIMITS.body) })).toEqual([]);
    const symbols = Array.from({ length: 51 }, (_, i) => `S${i}`).join(' ');
    expect(draftProblems({ ...ok, symbols })).toEqual(['At most 50 symbols.']);
    expect(draftProblems({ ...ok, symbols: `SPY ${'X'.repeat(33)}` })).toEqual(['XXXXXXXXXXXX… is not a symbol (longer than 32 characters).']);
  });

  it('sends the fields trimmed, with the symbols as a list', () => {
    expect(publishFields({ title: '  Rates outlook ', summary: ' Cuts priced in ', body: '\nFull text\n', symbols: 'tlt, ief' })).toEqual({
      title: 'Rates outlook',
      summary: 'Cuts priced in',
      body: 'Full text',
      symbols: ['TLT', 'IEF'],
    });
  });
});
