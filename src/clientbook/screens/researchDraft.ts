/**
 * A research note as the desk head types it, and what keeps it from being
 * published. The limits are the gateway's (`PublishResearchMsg` in
 * src/core/protocol/clientBook.ts), so the form says no before the gateway would.
 */

export interface ResearchDraft {
  readonly title: string;
  readonly summary: string;
  readonly body: string;
  /** As typed: symbols separated by spaces or commas. */
  readonly symbols: string;
}

export const EMPTY_DRAFT: ResearchDraft = { title: '', summary: '', body: '', symbols: '' };

export const RESEARCH_LIMITS = { title: 200, summary: 1000, body: 20000, symbols: 50, symbol: 32 } as const;

/** "aapl, msft  SPY,aapl" → ["AAPL", "MSFT", "SPY"]: upper case, each once, in the order first typed. */
export function parseSymbols(text: string): string[] {
  const seen = new Set<string>();
  for (const s of text.split(/[\s,;]+/)) {
    const symbol = s.trim().toUpperCase();
    if (symbol !== '') seen.add(symbol);
  }
  return [...seen];
}

/** Why the draft cannot go yet, in the desk head's words; empty when it can. */
export function draftProblems(d: ResearchDraft): string[] {
  const problems: string[] = [];
  if (d.title.trim() === '') problems.push('A note needs a title.');
  if (d.title.length > RESEARCH_LIMITS.title) problems.push(`The title is longer than ${RESEARCH_LIMITS.title} characters.`);
  if (d.summary.length > RESEARCH_LIMITS.summary) problems.push(`The summary is longer than ${RESEARCH_LIMITS.summary} characters.`);
  if (d.body.length > RESEARCH_LIMITS.body) problems.push(`The note is longer than ${RESEARCH_LIMITS.body.toLocaleString('en-US')} characters.`);
  const symbols = parseSymbols(d.symbols);
  if (symbols.length > RESEARCH_LIMITS.symbols) problems.push(`At most ${RESEARCH_LIMITS.symbols} symbols.`);
  const long = symbols.find((s) => s.length > RESEARCH_LIMITS.symbol);
  if (long) problems.push(`${long.slice(0, 12)}… is not a symbol (longer than ${RESEARCH_LIMITS.symbol} characters).`);
  return problems;
}

/** The publishResearch fields of a draft that has no problem. */
export function publishFields(d: ResearchDraft): { title: string; summary: string; body: string; symbols: string[] } {
  return { title: d.title.trim(), summary: d.summary.trim(), body: d.body.trim(), symbols: parseSymbols(d.symbols) };
}
