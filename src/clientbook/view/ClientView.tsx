import { useMemo, useState } from 'react';
import { ReplaySubject, auditTime, filter, map, of, share, switchMap } from 'rxjs';
import { useSession } from '../../app/sessionContext.ts';
import { useObservable } from '../../app/useObservable.ts';
import type { ClientDetailWire } from '../../core/protocol/clientBook.ts';
import { formatMoney } from '../../format/numbers.ts';
import { PnlFigure } from '../../positions/PnlFigure.tsx';
import type { Loadable } from '../../streams/clientBook.ts';
import { withMarks } from '../../streams/marks.ts';
import { LoadState } from '../LoadState.tsx';
import { bookCurrency } from '../bookFormat.ts';
import { type LivePortfolio, livePortfolio } from '../liveHoldings.ts';
import { ActivityTab } from './ActivityTab.tsx';
import { OverviewTab } from './OverviewTab.tsx';
import { PerformanceTab } from './PerformanceTab.tsx';
import { TradeTab } from './TradeTab.tsx';
import { TransactionsTab } from './TransactionsTab.tsx';

const TABS = [
  ['overview', 'Overview'],
  ['performance', 'Performance'],
  ['activity', 'Activity'],
  ['transactions', 'Transactions'],
  ['trade', 'Trade'],
] as const;
export type ClientTab = (typeof TABS)[number][0];

const LOADING: Loadable<ClientDetailWire> = { state: 'loading' };

/** One client's record, valued live: the tabs an advisor moves between during a call. */
interface Props {
  clientId: string;
  /** Across the whole screen (true) or beside the list. */
  opened: boolean;
  onBack: () => void;
  onOpen: () => void;
  /** Absent where there is no rebalance screen to go to (the desk head's view of the book). */
  onRebalance?: (accountIds: readonly string[]) => void;
  /** Name the client's advisor in the head (the desk head's view of every advisor's clients). */
  showAdvisor?: boolean;
}

export function ClientView({ clientId, opened, onBack, onOpen, onRebalance, showAdvisor = false }: Props) {
  const session = useSession();
  const [tab, setTab] = useState<ClientTab>('overview');
  const detail$ = useMemo(() => session.book.detail(clientId).pipe(share({ connector: () => new ReplaySubject<Loadable<ClientDetailWire>>(1), resetOnRefCountZero: true })), [session, clientId]);
  const detail = useObservable(detail$, LOADING);
  // Holdings revalued on each quote, at most four times a second: enough for a person, light for the page.
  const live$ = useMemo(
    () =>
      detail$.pipe(
        filter((d): d is { state: 'ready'; value: ClientDetailWire } => d.state === 'ready'),
        switchMap((d) => withMarks(of(d.value), (v) => v.accounts.flatMap((a) => a.holdings.map((h) => h.symbol)), session.quote)),
        auditTime(250),
        map(([d, marks]) => ({ detail: d, live: livePortfolio(d, marks) })),
      ),
    [detail$, session],
  );
  const valued = useObservable<{ detail: ClientDetailWire; live: LivePortfolio } | null>(live$, null);
  const ready = detail.state === 'ready' && valued?.detail === detail.value ? valued : detail.state === 'ready' ? { detail: detail.value, live: livePortfolio(detail.value, new Map()) } : null;

  return (
    <section className={`panel client-view${opened ? ' opened' : ''}`} data-testid="client-detail" data-client-id={clientId}>
      <div className="panel-head">
        <h2>
          {opened && (
            <button type="button" className="link back" onClick={onBack} data-testid="client-back" title="Back to the list (Esc)">
              ← Clients
            </button>
          )}
          <span data-testid="client-name">{ready?.detail.profile.name ?? ''}</span> <span className="muted">{clientId}</span>
          {showAdvisor && ready && (
            <span className="muted" data-testid="client-advisor">
              {' '}
              · {ready.detail.profile.advisor}
            </span>
          )}
        </h2>
        {ready && (
          <div className="figures">
            <span className="figure">
              <span className="muted">AUM</span>{' '}
              <strong className="num" data-testid="client-aum">
                {formatMoney(ready.live.aum)}
              </strong>{' '}
              <span className="muted">{bookCurrency(ready.detail.accounts)}</span>
            </span>
            <span className="figure">
              <span className="muted">Cash</span> <span className="num">{formatMoney(ready.live.cash)}</span>
            </span>
            <PnlFigure label="Unrl" value={ready.live.unrealized} />
            {onRebalance && (
              <button type="button" className="small-button" onClick={() => onRebalance(ready.detail.accounts.map((a) => a.accountId))} data-testid="client-rebalance">
                Rebalance…
              </button>
            )}
            {!opened && (
              <button type="button" className="small-button" onClick={onOpen} data-testid="client-open" title="Open (Enter)">
                Open ⤢
              </button>
            )}
          </div>
        )}
      </div>
      <div className="tabs" role="tablist">
        {TABS.map(([key, label]) => (
          <button type="button" role="tab" key={key} aria-selected={key === tab} className={key === tab ? 'on' : ''} onClick={() => setTab(key)} data-testid={`client-tab-${key}`}>
            {label}
          </button>
        ))}
      </div>
      <div className="client-body">
        {detail.state === 'loading' && <LoadState state="loading" what="the client" />}
        {detail.state === 'error' && <LoadState state="error" message={detail.message} what="the client" />}
        {ready && tab === 'overview' && <OverviewTab detail={ready.detail} live={ready.live} compact={!opened} />}
        {ready && tab === 'performance' && <PerformanceTab detail={ready.detail} />}
        {ready && tab === 'activity' && <ActivityTab detail={ready.detail} />}
        {ready && tab === 'transactions' && <TransactionsTab detail={ready.detail} />}
        {ready && tab === 'trade' && <TradeTab detail={ready.detail} />}
      </div>
    </section>
  );
}
