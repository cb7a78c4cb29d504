import { useState } from 'react';
import type { ClientDetailWire } from '../../core/protocol/clientBook.ts';
import { OrderTicket } from '../../ticket/OrderTicket.tsx';
import { formatWeight } from '../bookFormat.ts';

/**
 * The order ticket for this client's accounts. Suitability (risk tolerance,
 * excluded sectors, concentration) is checked by the gateway; a warning and
 * the written justification an override needs are shown by the ticket itself.
 */
export function TradeTab({ detail }: { detail: ClientDetailWire }) {
  const first = detail.accounts.flatMap((a) => a.holdings)[0]?.symbol ?? 'AAPL';
  const [symbol, setSymbol] = useState(first);
  const p = detail.profile;
  return (
    <div className="trade-tab">
      <div className="trade-ticket">
        <OrderTicket symbol={symbol} onSymbol={setSymbol} />
      </div>
      <div className="trade-side">
        <p className="muted">
          Accounts of {p.name}: {detail.accounts.map((a) => a.accountId).join(', ')}. Choose one in the ticket.
        </p>
        <p className="muted">
          Suitability: risk {p.riskTolerance}/5, {p.excludedSectors.length > 0 ? `no ${p.excludedSectors.join(', ')}` : 'no excluded sector'}, at most{' '}
          {formatWeight(p.concentrationLimit, 0)} in one holding. An order outside these is blocked or needs a written justification, which is kept in the record.
        </p>
        <h4>Holdings</h4>
        <ul className="open-list">
          {detail.accounts.flatMap((a) =>
            a.holdings.map((h) => (
              <li key={`${a.accountId}/${h.symbol}`}>
                <button type="button" className="link sym" onClick={() => setSymbol(h.symbol)}>
                  {h.symbol}
                </button>
                <span className="muted">
                  {a.accountId} · {h.quantity} · {formatWeight(h.weight, 1)}
                </span>
              </li>
            )),
          )}
        </ul>
      </div>
    </div>
  );
}
