import { useState } from 'react';
import { Blotters } from '../blotters/Blotters.tsx';
import { PriceChart } from '../chart/PriceChart.tsx';
import { PositionsPanel } from '../positions/PositionsPanel.tsx';
import { OrderTicket } from '../ticket/OrderTicket.tsx';
import { Watchlist } from '../watchlist/Watchlist.tsx';
import { useSession } from './sessionContext.ts';

/** Watchlist, chart and ticket across the top; blotters and positions below. One symbol is selected for all. */
export function TraderWorkspace() {
  const session = useSession();
  const [symbol, setSymbol] = useState(() => session.instruments[0]?.symbol ?? '');
  return (
    <main className="workspace trader" data-testid="trader-workspace">
      <Watchlist selected={symbol} onSelect={setSymbol} />
      <PriceChart symbol={symbol} />
      <OrderTicket symbol={symbol} onSymbol={setSymbol} />
      <Blotters desk={false} />
      <PositionsPanel />
    </main>
  );
}
