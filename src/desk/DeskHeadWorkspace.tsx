import { type KeyboardEvent, useRef, useState } from 'react';
import { ClientBookWorkspace } from '../clientbook/ClientBookWorkspace.tsx';
import { DeskWorkspace } from './DeskWorkspace.tsx';

const VIEWS = [
  ['desk', 'Desk monitor'],
  ['clients', 'Clients'],
  ['research', 'Research'],
] as const;
export type DeskHeadView = (typeof VIEWS)[number][0];

/**
 * The desk head's workspace: the desk monitor, the whole client book (every
 * advisor's clients) and the desk's research, one at a time behind tabs.
 * The monitor stays mounted while hidden, so its subscription, open lines
 * and alerts are there on the way back; the book mounts when shown and
 * keeps the chosen client between Clients and Research.
 * Tabs follow the ARIA tabs pattern: arrow keys, Home and End move between them.
 */
export function DeskHeadWorkspace() {
  const [view, setView] = useState<DeskHeadView>('desk');
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const at = VIEWS.findIndex(([key]) => key === view);
    const to = e.key === 'ArrowRight' ? at + 1 : e.key === 'ArrowLeft' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? VIEWS.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    const next = (to + VIEWS.length) % VIEWS.length;
    const entry = VIEWS[next];
    if (!entry) return;
    setView(entry[0]);
    tabs.current[next]?.focus();
  };
  return (
    <div className="deskhead" data-testid="deskhead-workspace" data-view={view}>
      <nav className="deskhead-nav tabs" role="tablist" aria-label="Desk head screens" onKeyDown={onKeyDown}>
        {VIEWS.map(([key, label], i) => (
          <button
            type="button"
            role="tab"
            key={key}
            id={`deskhead-tab-${key}`}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            aria-selected={key === view}
            aria-controls={`deskhead-panel-${key}`}
            tabIndex={key === view ? 0 : -1}
            className={key === view ? 'on' : ''}
            onClick={() => setView(key)}
            data-testid={`deskhead-tab-${key}`}
          >
            {label}
          </button>
        ))}
      </nav>
      <div className="deskhead-view" role="tabpanel" id="deskhead-panel-desk" aria-labelledby="deskhead-tab-desk" hidden={view !== 'desk'}>
        <DeskWorkspace />
      </div>
      {view !== 'desk' && (
        <div className="deskhead-view" role="tabpanel" id={`deskhead-panel-${view}`} aria-labelledby={`deskhead-tab-${view}`}>
          <ClientBookWorkspace only={view} wholeBook={true} />
        </div>
      )}
    </div>
  );
}
