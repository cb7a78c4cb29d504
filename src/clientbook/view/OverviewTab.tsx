import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import { useSession } from '../../app/sessionContext.ts';
import type { ClientDetailWire } from '../../core/protocol/clientBook.ts';
import { directionClass } from '../../grid/cellStyles.ts';
import { terminalGridTheme } from '../../grid/gridSetup.ts';
import { ALLOCATION_DIMENSIONS, DIMENSION_LABEL, allocationOf, foldSmallSlices } from '../allocation.ts';
import { FLAG_LABEL, KYC_LABEL, formatIsoDate, formatWeight, riskText } from '../bookFormat.ts';
import { BarChart } from '../charts/BarChart.tsx';
import { type ChartSlice, DonutChart } from '../charts/DonutChart.tsx';
import type { LivePortfolio } from '../liveHoldings.ts';
import { type AccountRow, type HoldingRow, accountRows, holdingRows } from './viewRows.ts';

const right = { type: 'rightAligned', cellClass: 'num' } as const;

const ACCOUNT_COLUMNS: ColDef<AccountRow>[] = [
  { field: 'accountId', headerName: 'Account', width: 96, minWidth: 84, cellClass: 'sym' },
  { field: 'name', headerName: 'Name', flex: 1, minWidth: 110 },
  { field: 'type', headerName: 'Type', width: 90, minWidth: 70 },
  { field: 'model', headerName: 'Model', width: 80, minWidth: 60 },
  { field: 'currency', headerName: 'Ccy', width: 50, minWidth: 48 },
  { field: 'cash', headerName: 'Cash', width: 110, minWidth: 96, ...right },
  { field: 'value', headerName: 'Value', width: 120, minWidth: 106, ...right },
  { field: 'drift', headerName: 'Drift', width: 62, minWidth: 58, ...right },
];

const HOLDING_COLUMNS: ColDef<HoldingRow>[] = [
  { field: 'account', headerName: 'Account', width: 92, minWidth: 84, cellClass: 'muted' },
  { field: 'symbol', headerName: 'Symbol', width: 70, minWidth: 64, cellClass: 'sym' },
  { field: 'name', headerName: 'Name', flex: 1, minWidth: 110, cellClass: 'muted' },
  { field: 'quantity', headerName: 'Qty', width: 72, minWidth: 64, ...right },
  { field: 'avgCost', headerName: 'Avg cost', width: 84, minWidth: 78, ...right },
  { field: 'last', headerName: 'Last', width: 80, minWidth: 70, type: 'rightAligned', cellClass: (p) => (p.data?.live ? 'num live' : 'num muted') },
  { field: 'marketValue', headerName: 'Mkt value', width: 108, minWidth: 100, ...right },
  { field: 'unrealized', headerName: 'Unrl P&L', width: 98, minWidth: 92, type: 'rightAligned', cellClass: (p) => directionClass(p.data?.unrealizedDir) },
  { field: 'weight', headerName: 'Weight', width: 68, minWidth: 64, ...right },
  { field: 'target', headerName: 'Target', width: 64, minWidth: 62, ...right },
];

/** Profile, household, accounts, allocation charts and the live holdings of one client. */
export function OverviewTab({ detail, live }: { detail: ClientDetailWire; live: LivePortfolio }) {
  const session = useSession();
  const p = detail.profile;
  const accounts = useMemo(() => accountRows(live.accounts), [live]);
  const holdings = useMemo(() => holdingRows(live, (s) => session.instrument(s)), [live, session]);
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
          <AgGridReact<AccountRow> theme={terminalGridTheme} domLayout="autoHeight" autoSizeStrategy={{ type: 'fitGridWidth' }} onGridSizeChanged={(e) => e.api.sizeColumnsToFit()} rowData={accounts} columnDefs={ACCOUNT_COLUMNS} getRowId={(r) => r.data.accountId} />
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
      </h3>
      <div className="detail-holdings" data-testid="client-holdings">
        <AgGridReact<HoldingRow> theme={terminalGridTheme} domLayout="autoHeight" autoSizeStrategy={{ type: 'fitGridWidth' }} onGridSizeChanged={(e) => e.api.sizeColumnsToFit()} rowData={holdings} columnDefs={HOLDING_COLUMNS} getRowId={(r) => r.data.key} />
      </div>
    </div>
  );
}
