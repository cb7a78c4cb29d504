import type { Decimal } from '../core/decimal.ts';
import type { Side } from '../core/order.ts';
import { formatMoney } from '../format/numbers.ts';
import { buyingPowerAfter, buyingPowerShortText } from './buyingPower.ts';
import type { TicketWarning } from './ticketWarnings.ts';
import type { TicketLimits } from './useRiskLimits.ts';

interface Props {
  notional: Decimal | undefined;
  currency: string | undefined;
  limits: TicketLimits | undefined;
  account: string;
  side: Side;
  warnings: readonly TicketWarning[];
}

/** Estimated notional, buying power after the order, and the warnings the gateway would give, as the trader types. */
export function TicketFigures({ notional, currency, limits, account, side, warnings }: Props) {
  const bp = buyingPowerAfter(limits, account, side, notional && currency ? { notional, currency } : undefined);
  return (
    <div className="ticket-figures">
      <div className="notional" data-testid="ticket-notional">
        <span className="muted">Est. notional</span> <strong>{notional ? `${formatMoney(notional)} ${currency ?? ''}` : '—'}</strong>
      </div>
      <div className="notional" data-testid="ticket-buying-power" data-kind={bp.kind}>
        <span className="muted">Buying power after</span>{' '}
        {bp.kind === 'unknown' && <strong>—</strong>}
        {bp.kind === 'noRate' && (
          <strong title={`no FX rate to ${bp.currency}: this is before the order`}>
            {formatMoney(bp.before)} {bp.currency}*
          </strong>
        )}
        {bp.kind === 'known' && (
          <strong className={bp.short ? 'bad' : ''} title={`${formatMoney(bp.before)} ${bp.currency} before this order`}>
            {formatMoney(bp.after)} {bp.currency}
          </strong>
        )}
      </div>
      {warnings.length > 0 && (
        <ul className="ticket-warnings" data-testid="ticket-warnings">
          {warnings.map((w) => (
            <li key={w.rule + w.message} className={w.blocking ? 'bad' : 'warn'} data-rule={w.rule}>
              {w.message}
            </li>
          ))}
        </ul>
      )}
      {bp.kind === 'known' && bp.short && (
        <p className="ticket-warnings bad" data-testid="ticket-bp-short">
          {buyingPowerShortText(account)}
        </p>
      )}
    </div>
  );
}
