import { useState } from 'react';
import { useSession } from '../app/sessionContext.ts';
import { useObservable } from '../app/useObservable.ts';
import { Blotters } from '../blotters/Blotters.tsx';
import type { CostMethod } from '../core/pnl/inventory.ts';
import { AlertsFeed } from './AlertsFeed.tsx';
import { KillSwitchPanel } from './KillSwitchPanel.tsx';
import { LimitsPanel } from './LimitsPanel.tsx';
import { PnlChart } from './PnlChart.tsx';
import { RollupPanel } from './RollupPanel.tsx';

/**
 * The desk head's monitor (issue 5), all from the gateway's roll-up: the
 * desk → trader → book → instrument grid, live alerts, today's P&L per
 * trader and desk, limit use, every trader's orders, and the kill switch.
 * Changing the cost method subscribes again; the gateway answers with a
 * fresh snapshot valued that way.
 */
export function DeskWorkspace() {
  const session = useSession();
  const [method, setMethod] = useState<CostMethod>('averageCost');
  const desk = useObservable(session.desk(method), null);
  return (
    <main className="workspace desk" data-testid="desk-workspace">
      <RollupPanel desk={desk} method={method} onMethod={setMethod} />
      <AlertsFeed desk={desk} />
      <PnlChart desk={desk} />
      <LimitsPanel desk={desk} />
      <KillSwitchPanel desk={desk} />
      <Blotters desk={true} />
    </main>
  );
}
