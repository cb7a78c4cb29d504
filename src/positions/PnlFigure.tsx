import type { Decimal } from '../core/decimal.ts';
import { directionOf, formatSigned } from '../format/numbers.ts';

/** A labelled P&L number, green or red by sign. */
export function PnlFigure({ label, value, testId }: { label: string; value: Decimal; testId?: string }) {
  return (
    <span className="figure">
      <span className="muted">{label}</span>{' '}
      <strong className={`num ${directionOf(value)}`} data-testid={testId}>
        {formatSigned(value, 2)}
      </strong>
    </span>
  );
}
