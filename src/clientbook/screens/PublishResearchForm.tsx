import { type FormEvent, useState } from 'react';
import { useSession } from '../../app/sessionContext.ts';
import type { ResearchNoteWire } from '../../core/protocol/clientBook.ts';
import { CommandStatus } from '../CommandStatus.tsx';
import { useCommand } from '../useCommand.ts';
import { EMPTY_DRAFT, RESEARCH_LIMITS, type ResearchDraft, draftProblems, publishFields } from './researchDraft.ts';

/** The desk head writes a note: title, summary, the note itself and the symbols it is about. Published, it is chosen for sending. */
export function PublishResearchForm({ onPublished, onCancel }: { onPublished: (note: ResearchNoteWire) => void; onCancel: () => void }) {
  const { book } = useSession();
  const [draft, setDraft] = useState<ResearchDraft>(EMPTY_DRAFT);
  const [tried, setTried] = useState(false);
  const cmd = useCommand<{ note: ResearchNoteWire }>();
  const problems = draftProblems(draft);
  const set = (field: keyof ResearchDraft) => (e: { target: { value: string } }) => setDraft({ ...draft, [field]: e.target.value });
  const publish = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (problems.length > 0 || cmd.status.state === 'sending') return;
    cmd.run(book.request<'publishResearch'>({ type: 'publishResearch', ...publishFields(draft) }), (a) => {
      setDraft(EMPTY_DRAFT);
      setTried(false);
      onPublished(a.note);
      return `Published ${a.note.noteId}: ${a.note.title}`;
    });
  };
  return (
    <form className="crm-form publish-form" onSubmit={publish} data-testid="research-publish-form">
      <label>
        <span className="field-name">Title</span>
        <input value={draft.title} maxLength={RESEARCH_LIMITS.title} onChange={set('title')} placeholder="Rates outlook" data-testid="research-title" />
      </label>
      <label>
        <span className="field-name">Symbols</span>
        <input value={draft.symbols} onChange={set('symbols')} placeholder="TLT, SPY" data-testid="research-symbols" />
      </label>
      <textarea value={draft.summary} maxLength={RESEARCH_LIMITS.summary} rows={2} onChange={set('summary')} placeholder="Summary: the point in one or two lines" aria-label="Summary" data-testid="research-summary" />
      <textarea value={draft.body} maxLength={RESEARCH_LIMITS.body} rows={12} onChange={set('body')} placeholder="The note" aria-label="The note" data-testid="research-body" />
      {tried && problems.length > 0 && (
        <ul className="problems bad" role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <div className="form-row">
        <button type="submit" className="primary" disabled={cmd.status.state === 'sending'} data-testid="research-publish">
          Publish note
        </button>
        <button type="button" className="small-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <CommandStatus status={cmd.status} testId="research-publish-status" />
    </form>
  );
}
