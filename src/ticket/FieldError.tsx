import type { TicketField } from '../core/ticket.ts';

export function FieldError({ field, message }: { field: TicketField; message: string | undefined }) {
  return (
    <div className="field-error" data-testid={`error-${field}`} role={message ? 'alert' : undefined}>
      {message ?? ''}
    </div>
  );
}
