import { type FormEvent, type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { EMPTY, type Observable, type Subscription } from 'rxjs';
import { useSession } from '../app/sessionContext.ts';
import { useObservable } from '../app/useObservable.ts';
import type { QuoteWire } from '../core/protocol.ts';
import { type TicketContext, type TicketField, validateTicket } from '../core/ticket.ts';
import { formatMoney } from '../format/numbers.ts';
import { FieldError } from './FieldError.tsx';
import { clOrdIdGenerator } from './clOrdId.ts';
import { orderSummary } from './orderSummary.ts';
import { SendStatus } from './SendStatus.tsx';
import type { SendState } from './sendState.ts';
import { type TicketForm, draftOf, errorsByField, estimatedNotional, initialForm, stepText } from './ticketDraft.ts';
import { TicketQuote } from './TicketQuote.tsx';
import { ticketIntent$ } from './ticketIntent.ts';
import { useTicketHotkeys } from './useTicketHotkeys.ts';

const ALL_FIELDS: readonly TicketField[] = ['symbol', 'side', 'type', 'quantity', 'limitPrice', 'account', 'tif'];

interface Props {
  symbol: string;
  /** The ticket's symbol became a known one: the workspace selects it for the other panels. */
  onSymbol(symbol: string): void;
}

export function OrderTicket({ symbol, onSymbol }: Props) {
  const session = useSession();
  const { user } = session;
  const defaultAccount = user.accounts[0] ?? '';
  const [form, setForm] = useState<TicketForm>(() => initialForm(symbol, defaultAccount, session.instrument(symbol)?.lotSize));
  // Errors show under a field once the trader has touched it (or tried to send), not on a blank ticket.
  const [touched, setTouched] = useState<ReadonlySet<TicketField>>(new Set());
  const [send, setSend] = useState<SendState>({ status: 'idle' });
  const nextClOrdId = useMemo(() => clOrdIdGenerator(user.username), [user.username]);
  const quantityInput = useRef<HTMLInputElement>(null);
  const pending = useRef<Subscription | null>(null);
  useEffect(() => () => pending.current?.unsubscribe(), []);

  useEffect(() => {
    setForm((f) => (f.symbol === symbol ? f : { ...f, symbol, limitPrice: '' }));
  }, [symbol]);

  // Another panel (the depth ladder) asks for a side and a limit price: fill them in, send nothing.
  useEffect(() => {
    const sub = ticketIntent$.subscribe(({ symbol: s, side, price }) => {
      setForm((f) => ({ ...f, symbol: s, ...(side ? { side } : {}), ...(price !== undefined ? { type: 'limit' as const, limitPrice: price } : {}) }));
      if (price !== undefined) setTouched((t) => new Set(t).add('limitPrice'));
      if (session.instrument(s)) onSymbol(s);
    });
    return () => sub.unsubscribe();
  }, [session, onSymbol]);

  const instrument = session.instrument(form.symbol.trim().toUpperCase());
  const quote$ = useMemo((): Observable<QuoteWire> => (instrument ? session.quote(instrument.symbol) : EMPTY), [session, instrument]);
  const quote = useObservable<QuoteWire | undefined>(quote$, undefined);
  const ctx = useMemo((): TicketContext => ({ instrument: (s) => session.instrument(s), accounts: user.accounts }), [session, user.accounts]);
  const result = useMemo(() => validateTicket(draftOf(form), ctx), [form, ctx]);
  const errors = errorsByField(result);
  const shown = (field: TicketField): string | undefined => (touched.has(field) ? errors[field] : undefined);
  const notional = estimatedNotional(result, quote, instrument);

  function edit<K extends keyof TicketForm & TicketField>(field: K, value: TicketForm[K]): void {
    setForm((f) => ({ ...f, [field]: value }));
    setTouched((t) => new Set(t).add(field));
  }

  const hotkeys = useMemo(
    () => ({
      buy: () => {
        setForm((f) => ({ ...f, side: 'buy' }));
        quantityInput.current?.select();
      },
      sell: () => {
        setForm((f) => ({ ...f, side: 'sell' }));
        quantityInput.current?.select();
      },
    }),
    [],
  );
  useTicketHotkeys(hotkeys);

  function submit(e: FormEvent): void {
    e.preventDefault();
    if (!result.ok) {
      setTouched(new Set(ALL_FIELDS));
      return;
    }
    if (send.status === 'sending') return;
    const clOrdId = nextClOrdId();
    const summary = orderSummary(result.order, instrument);
    setSend({ status: 'sending', clOrdId, summary });
    pending.current?.unsubscribe();
    pending.current = session.placeOrder(clOrdId, draftOf(form)).subscribe({
      next: ({ report }) =>
        setSend(
          report.order.status === 'rejected'
            ? { status: 'rejected', clOrdId, summary, text: report.order.text }
            : { status: 'accepted', clOrdId, orderId: report.order.orderId, summary },
        ),
      error: (err: unknown) => setSend({ status: 'failed', summary, message: err instanceof Error ? err.message : String(err) }),
    });
  }

  function onFormKey(e: KeyboardEvent<HTMLFormElement>): void {
    if (e.key !== 'Escape') return;
    setForm(initialForm(form.symbol, defaultAccount, instrument?.lotSize));
    setTouched(new Set());
  }

  function stepKey(e: KeyboardEvent<HTMLInputElement>, field: 'quantity' | 'limitPrice'): void {
    if (!instrument || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    const step = field === 'quantity' ? instrument.lotSize : instrument.tickSize;
    edit(field, stepText(form[field], step, e.key === 'ArrowUp' ? 1 : -1));
  }

  const sideLabel = form.side === 'buy' ? 'Buy' : 'Sell';
  return (
    <section className="panel ticket" data-testid="ticket">
      <div className="panel-head">
        <h2>Order ticket</h2>
      </div>
      <form className={`panel-body ticket-form side-${form.side}`} onSubmit={submit} onKeyDown={onFormKey} noValidate>
        <div className="row2">
          <label>
            Symbol
            <input
              data-testid="ticket-symbol"
              value={form.symbol}
              spellCheck={false}
              list="catalog-symbols"
              onChange={(e) => {
                const text = e.target.value.toUpperCase();
                edit('symbol', text);
                if (session.instrument(text.trim())) onSymbol(text.trim());
              }}
            />
            <FieldError field="symbol" message={form.symbol.trim() === '' ? shown('symbol') : errors.symbol} />
          </label>
          <label>
            Account
            <select data-testid="ticket-account" value={form.account} onChange={(e) => edit('account', e.target.value)}>
              {user.accounts.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
            <FieldError field="account" message={shown('account')} />
          </label>
        </div>

        <div className="row2">
          <div className="segmented side" role="group" aria-label="Side">
            <button type="button" className={form.side === 'buy' ? 'on buy' : ''} aria-pressed={form.side === 'buy'} onClick={() => edit('side', 'buy')} data-testid="ticket-buy">
              Buy <kbd>F1</kbd>
            </button>
            <button type="button" className={form.side === 'sell' ? 'on sell' : ''} aria-pressed={form.side === 'sell'} onClick={() => edit('side', 'sell')} data-testid="ticket-sell">
              Sell <kbd>F2</kbd>
            </button>
          </div>
          <div className="segmented" role="group" aria-label="Order type">
            <button type="button" className={form.type === 'market' ? 'on' : ''} aria-pressed={form.type === 'market'} onClick={() => edit('type', 'market')} data-testid="ticket-market">
              Market
            </button>
            <button type="button" className={form.type === 'limit' ? 'on' : ''} aria-pressed={form.type === 'limit'} onClick={() => edit('type', 'limit')} data-testid="ticket-limit">
              Limit
            </button>
          </div>
        </div>

        <div className="row2">
          <label>
            Quantity
            <input
              ref={quantityInput}
              data-testid="ticket-quantity"
              inputMode="decimal"
              value={form.quantity}
              onChange={(e) => edit('quantity', e.target.value)}
              onKeyDown={(e) => stepKey(e, 'quantity')}
              aria-invalid={shown('quantity') !== undefined}
            />
            <FieldError field="quantity" message={shown('quantity')} />
          </label>
          <label>
            Limit price
            <input
              data-testid="ticket-limit-price"
              inputMode="decimal"
              value={form.type === 'limit' ? form.limitPrice : ''}
              placeholder={form.type === 'limit' ? '' : 'market'}
              disabled={form.type !== 'limit'}
              onChange={(e) => edit('limitPrice', e.target.value)}
              onKeyDown={(e) => stepKey(e, 'limitPrice')}
              aria-invalid={shown('limitPrice') !== undefined}
            />
            <FieldError field="limitPrice" message={form.type === 'limit' ? shown('limitPrice') : undefined} />
          </label>
        </div>

        <div className="row2">
          <label>
            Time in force
            <select data-testid="ticket-tif" value={form.tif} onChange={(e) => edit('tif', e.target.value as TicketForm['tif'])}>
              <option value="day">Day</option>
              <option value="gtc">Good till cancel</option>
              <option value="ioc">Immediate or cancel</option>
            </select>
            <FieldError field="tif" message={shown('tif')} />
          </label>
          <TicketQuote
            quote={quote}
            instrument={instrument}
            onTake={(side, price) => {
              setForm((f) => ({ ...f, side, type: 'limit', limitPrice: price }));
              setTouched((t) => new Set(t).add('limitPrice'));
            }}
          />
        </div>

        <div className="notional" data-testid="ticket-notional">
          <span className="muted">Est. notional</span> <strong>{notional ? `${formatMoney(notional)} ${instrument?.currency ?? ''}` : '—'}</strong>
        </div>

        <button type="submit" className={`send ${form.side}`} data-testid="ticket-send" disabled={!result.ok || send.status === 'sending'}>
          {result.ok ? orderSummary(result.order, instrument) : `${sideLabel} ${form.symbol || '…'}`}
          <kbd>Enter</kbd>
        </button>
        <SendStatus state={send} />
        <p className="hotkeys muted">F1 buy · F2 sell · Enter send · ↑↓ tick or lot · Esc reset</p>
      </form>
    </section>
  );
}
