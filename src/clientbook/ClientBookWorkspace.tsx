import type { GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSession } from '../app/sessionContext.ts';
import { useObservable } from '../app/useObservable.ts';
import type { ClientList as ClientListData, Loadable } from '../streams/clientBook.ts';
import { ClientList } from './ClientList.tsx';
import type { ClientFilter, ClientRow } from './clientRows.ts';
import { AgendaScreen } from './screens/AgendaScreen.tsx';
import { ProspectsScreen } from './screens/ProspectsScreen.tsx';
import { RebalanceScreen } from './screens/RebalanceScreen.tsx';
import { ResearchScreen } from './screens/ResearchScreen.tsx';
import { SearchScreen } from './screens/SearchScreen.tsx';
import { ClientView } from './view/ClientView.tsx';

const SCREENS = [
  ['clients', 'Clients'],
  ['agenda', "Today's agenda"],
  ['rebalance', 'Rebalance'],
  ['research', 'Research'],
  ['prospects', 'Prospects'],
  ['search', 'Search'],
] as const;
export type AdvisorScreen = (typeof SCREENS)[number][0];

const LOADING: Loadable<ClientListData> = { state: 'loading' };

function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

interface Props {
  /**
   * Shows this one screen without the advisor's screen tabs: the desk head's
   * workspace has its own tabs and shows the client list and research only.
   */
  only?: 'clients' | 'research';
  /** The whole book (a desk head): the list names each client's advisor and filters by advisor. */
  wholeBook?: boolean;
}

/**
 * The advisor's book. The client list and the selected client side by side;
 * Enter (or a double click) opens the client across the whole screen, Esc
 * goes back to the list, / jumps to the search box from anywhere.
 */
export function ClientBookWorkspace({ only, wholeBook = false }: Props = {}) {
  const session = useSession();
  const list = useObservable(session.book.list$, LOADING);
  const [chosen, setChosen] = useState<AdvisorScreen>('clients');
  const screen: AdvisorScreen = only ?? chosen;
  // With one screen only, there is nowhere else to go: the keys that switch screens leave it be.
  const setScreen = useCallback((s: AdvisorScreen) => (only ? undefined : setChosen(s)), [only]);
  const [filter, setFilter] = useState<ClientFilter>({ query: '', attention: 'all' });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [opened, setOpened] = useState(false);
  const [rebalanceAccounts, setRebalanceAccounts] = useState<readonly string[]>([]);
  const searchRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<GridApi<ClientRow> | null>(null);

  const open = useCallback(
    (clientId: string) => {
      setScreen('clients');
      setSelectedId(clientId);
      setOpened(true);
    },
    [setScreen],
  );

  const back = useCallback(() => {
    setOpened(false);
    // Back on the list with the same client under the cursor, ready for the arrow keys.
    requestAnimationFrame(() => {
      const api = gridRef.current;
      const node = selectedId ? api?.getRowNode(selectedId) : undefined;
      if (api && node && node.rowIndex !== null) {
        api.ensureIndexVisible(node.rowIndex);
        api.setFocusedCell(node.rowIndex, 'name');
      }
    });
  }, [selectedId]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '/' && !typingIn(e.target) && (!only || only === 'clients')) {
        e.preventDefault();
        setScreen('clients');
        setOpened(false);
        requestAnimationFrame(() => searchRef.current?.focus());
      } else if (e.key === 'Escape') {
        // The first Esc leaves a field (the ticket clears itself on it); the next one goes back.
        if (typingIn(e.target)) {
          (e.target as HTMLElement).blur();
          return;
        }
        if (e.defaultPrevented) return;
        if (screen !== 'clients') setScreen('clients');
        else if (opened) back();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [screen, opened, back, only, setScreen]);

  const shownId = selectedId ?? (list.state === 'ready' ? (list.value.clients[0]?.clientId ?? null) : null);

  return (
    <main
      className={`workspace advisor screen-${screen}${opened ? ' client-open' : ''}${only ? ' embedded' : ''}${wholeBook ? ' whole-book' : ''}`}
      data-testid="advisor-workspace"
      data-screen={screen}
      data-opened={opened}
    >
      {!only && (
      <nav className="advisor-nav tabs" role="tablist" aria-label="Advisor screens">
        {SCREENS.map(([key, label]) => (
          <button
            type="button"
            role="tab"
            key={key}
            aria-selected={key === screen}
            className={key === screen ? 'on' : ''}
            onClick={() => {
              setScreen(key);
              if (key === 'clients') setOpened(false);
            }}
            data-testid={`advisor-${key}`}
          >
            {label}
          </button>
        ))}
        <span className="muted nav-hint">
          <kbd>/</kbd> search <kbd>Enter</kbd> open <kbd>Esc</kbd> back
        </span>
      </nav>
      )}
      {screen === 'clients' && (
        <>
          {!opened && (
            <ClientList list={list} filter={filter} onFilter={setFilter} selectedId={shownId} onSelect={setSelectedId} onOpen={open} searchRef={searchRef} gridRef={gridRef} wholeBook={wholeBook} />
          )}
          {shownId ? (
            <ClientView
              clientId={shownId}
              opened={opened}
              showAdvisor={wholeBook}
              onBack={back}
              onOpen={() => setOpened(true)}
              onRebalance={
                only
                  ? undefined
                  : (accountIds) => {
                      setRebalanceAccounts(accountIds);
                      setScreen('rebalance');
                    }
              }
            />
          ) : (
            <section className="panel client-view empty muted">{list.state === 'ready' ? 'No clients in your book.' : ''}</section>
          )}
        </>
      )}
      {screen === 'agenda' && <AgendaScreen list={list} onOpenClient={open} />}
      {screen === 'rebalance' && <RebalanceScreen list={list} initialAccounts={rebalanceAccounts} />}
      {screen === 'research' && <ResearchScreen list={list} canPublish={session.user.role === 'deskHead'} />}
      {screen === 'prospects' && <ProspectsScreen onOpenClient={open} />}
      {screen === 'search' && <SearchScreen onOpenClient={open} />}
    </main>
  );
}
