import { useState } from 'react';
import { Blotters } from '../blotters/Blotters.tsx';
import { PriceChart } from '../chart/PriceChart.tsx';
import { DepthLadder } from '../depth/DepthLadder.tsx';
import { PositionsPanel } from '../positions/PositionsPanel.tsx';
import { OrderTicket } from '../ticket/OrderTicket.tsx';
import { Watchlist } from '../watchlist/Watchlist.tsx';
import { useSession } from './sessionContext.ts';

/**
 * Watchlist (with symbol search), chart, depth ladder and ticket across the
 * top; blotters and positions below. One symbol is selected for all; a click
 * on the ladder fills the ticket through ticketIntent$.
 */
export function TraderWorkspace() {
  const session = useSession();
  const [symbol, setSymbol] = useState(() => session.instruments[0]?.symbol ?? '');
  return (
    <main className="workspace trader" data-testid="trader-workspace">
      <Watchlist selected={symbol} onSelect={setSymbol} />
      <PriceChart symbol={symbol} />
      <DepthLadder symbol={symbol} />
      <OrderTicket symbol={symbol} onSymbol={setSymbol} />
      <Blotters desk={false} />
      <PositionsPanel />
    </main>
  );
}
