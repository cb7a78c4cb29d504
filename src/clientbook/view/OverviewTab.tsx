import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import { useSession } from '../../app/sessionContext.ts';
import type { ClientDetailWire } from '../../core/protocol/clientBook.ts';
import { directionClass } from '../../grid/cellStyles.ts';
import { ExportCsvButton } from '../../grid/ExportCsvButton.tsx';
import { AUTO_SIZE_GRID_MODULES, terminalGridTheme } from '../../grid/gridSetup.ts';
import { useGridApi } from '../../grid/useGridApi.ts';
import { ALLOCATION_DIMENSIONS, DIMENSION_LABEL, allocationOf, foldSmallSlices } from '../allocation.ts';
import { FLAG_LABEL, KYC_LABEL, formatIsoDate, formatWeight, riskText } from '../bookFormat.ts';
import { BarChart } from '../charts/BarChart.tsx';
import { type ChartSlice, DonutChart } from '../charts/DonutChart.tsx';
import type { LivePortfolio } from '../liveHoldings.ts';
import { type AccountRow, type HoldingRow, accountRows, holdingRows } from './viewRows.ts';

const right = { type: 'rightAligned', cellClass: 'num' } as const;

/**
 * Beside the list the view is narrow: these columns wait for the opened view
 * rather than squeezing the rest (a grid sized to its rows must not scroll sideways).
 */
const ACCOUNT_WIDE_ONLY: ReadonlySet<string> = new Set(['type', 'model', 'currency']);
const HOLDING_WIDE_ONLY: ReadonlySet<string> = new Set(['account', 'name', 'avgCost', 'target']);

function forWidth<T>(columns: readonly ColDef<T>[], wideOnly: ReadonlySet<string>, compact: boolean): ColDef<T>[] {
  return columns.map((c) => ({ ...c, hide: compact && wideOnly.has(String(c.field)) }));
}

const ACCOUNT_COLUMNS: ColDef<AccountRow>[] = [
  { field: 'accountId', headerName: 'Account', width: 96, cellClass: 'sym' },
  { field: 'name', headerName: 'Name', flex: 1 },
  { field: 'type', headerName: 'Type', width: 90 },
  { field: 'model', headerName: 'Model', width: 80 },
  { field: 'currency', headerName: 'Ccy', width: 50 },
  { field: 'cash', headerName: 'Cash', width: 110, ...right },
  { field: 'value', headerName: 'Value', width: 120, ...right },
  { field: 'drift', headerName: 'Drift', width: 62, ...right },
];

const HOLDING_COLUMNS: ColDef<HoldingRow>[] = [
  { field: 'account', headerName: 'Account', width: 92, cellClass: 'muted' },
  { field: 'symbol', headerName: 'Symbol', width: 70, cellClass: 'sym' },
  { field: 'name', headerName: 'Name', flex: 1, cellClass: 'muted' },
  { field: 'quantity', headerName: 'Qty', width: 72, ...right },
  { field: 'avgCost', headerName: 'Avg cost', width: 84, ...right },
  { field: 'last', headerName: 'Last', width: 80, type: 'rightAligned', cellClass: (p) => (p.data?.live ? 'num live' : 'num muted') },
  { field: 'marketValue', headerName: 'Mkt value', width: 108, ...right },
  { field: 'unrealized', headerName: 'Unrl P&L', width: 98, type: 'rightAligned', cellClass: (p) => directionClass(p.data?.unrealizedDir) },
  { field: 'weight', headerName: 'Weight', width: 68, ...right },
  { field: 'target', headerName: 'Target', width: 64, ...right },
];

/** Profile, household, accounts, allocation charts and the live holdings of one client. */
export function OverviewTab({ detail, live, compact }: { detail: ClientDetailWire; live: LivePortfolio; compact: boolean }) {
  const session = useSession();
  const p = detail.profile;
  const accounts = useMemo(() => accountRows(live.accounts), [live]);
  const accountColumns = useMemo(() => forWidth(ACCOUNT_COLUMNS, ACCOUNT_WIDE_ONLY, compact), [compact]);
  const holdingColumns = useMemo(() => forWidth(HOLDING_COLUMNS, HOLDING_WIDE_ONLY, compact), [compact]);
  const holdings = useMemo(() => holdingRows(live, (s) => session.instrument(s)), [live, session]);
  const accountsGrid = useGridApi<AccountRow>();
  const holdingsGrid = useGridApi<HoldingRow>();
  const charts = useMemo(
    () =>
      ALLOCATION_DIMENSIONS.map((dim) => ({
        dim,
        slices: foldSmallSlices(allocationOf(live, dim), dim === 'sector' ? 9 : 7).map((s): ChartSlice => ({ label: s.label, weight: s.weight.toNumber(), text: formatWeight(s.weight, 1) })),
      })),
    [live],
  );
  return (
    <div className="overview">
      <div className="profile-strip">
        <dl className="profile" data-testid="client-profile">
          <div>
            <dt>Risk</dt>
            <dd>{riskText(p.riskTolerance)}</dd>
          </div>
          <div>
            <dt>Objective</dt>
            <dd>
              {p.objective}, {p.horizonYears} yrs
            </dd>
          </div>
          <div>
            <dt>Tier</dt>
            <dd className="cap">{p.serviceTier}</dd>
          </div>
          <div>
            <dt>KYC</dt>
            <dd className={p.kycStatus === 'expired' ? 'bad' : p.kycStatus === 'dueSoon' ? 'warn' : ''}>
              {KYC_LABEL[p.kycStatus]} · {formatIsoDate(p.kycExpiresOn)}
            </dd>
          </div>
          <div>
            <dt>Review</dt>
            <dd>
              every {p.reviewFrequencyMonths} mo · last {formatIsoDate(p.lastReviewDate)} · due {formatIsoDate(p.nextReviewDue)}
            </dd>
          </div>
          <div>
            <dt>Restrictions</dt>
            <dd>
              {p.excludedSectors.length > 0 ? `No ${p.excludedSectors.join(', ')}` : 'none'} · max {formatWeight(p.concentrationLimit, 0)} per holding
            </dd>
          </div>
          <div>
            <dt>Contact</dt>
            <dd>
              {p.email} · {p.phone}
            </dd>
          </div>
          <div>
            <dt>Address</dt>
            <dd>{p.address}</dd>
          </div>
          <div>
            <dt>Household</dt>
            <dd data-testid="client-household">
              {detail.household.name}: {detail.household.members.map((m) => m.name).join(', ')}
            </dd>
          </div>
          {p.flags.length > 0 && (
            <div>
              <dt>Attention</dt>
              <dd className="flag-list">
                {p.flags.map((f) => (
                  <span key={f} className="flag">
                    {FLAG_LABEL[f]}
                  </span>
                ))}
              </dd>
            </div>
          )}
        </dl>
        <div className="accounts-grid" data-testid="client-accounts">
          <div className="grid-tools">
            <ExportCsvButton grid={accountsGrid.api} name={`accounts-${detail.profile.clientId}`} testId="export-csv-accounts" />
          </div>
          <AgGridReact<AccountRow> onGridReady={accountsGrid.onGridReady} theme={terminalGridTheme} domLayout="autoHeight" modules={AUTO_SIZE_GRID_MODULES} autoSizeStrategy={{ type: 'fitGridWidth' }} onGridSizeChanged={(e) => e.api.sizeColumnsToFit()} rowData={accounts} columnDefs={accountColumns} getRowId={(r) => r.data.accountId} />
        </div>
      </div>
      <div className="allocation-charts" data-testid="allocation-charts">
        {charts.map(({ dim, slices }) =>
          dim === 'sector' ? (
            <BarChart key={dim} title={DIMENSION_LABEL[dim]} slices={slices} testId={`allocation-${dim}`} />
          ) : (
            <DonutChart key={dim} title={DIMENSION_LABEL[dim]} slices={slices} testId={`allocation-${dim}`} />
          ),
        )}
      </div>
      <h3>
        Holdings <span className="muted">{live.stale > 0 ? `· ${live.stale} waiting for a live price` : '· live'}</span>
        <ExportCsvButton grid={holdingsGrid.api} name={`holdings-${detail.profile.clientId}`} testId="export-csv-holdings" />
      </h3>
      <div className="detail-holdings" data-testid="client-holdings">
        <AgGridReact<HoldingRow> onGridReady={holdingsGrid.onGridReady} theme={terminalGridTheme} domLayout="autoHeight" modules={AUTO_SIZE_GRID_MODULES} autoSizeStrategy={{ type: 'fitGridWidth' }} onGridSizeChanged={(e) => e.api.sizeColumnsToFit()} rowData={holdings} columnDefs={holdingColumns} getRowId={(r) => r.data.key} />
      </div>
    </div>
  );
}
